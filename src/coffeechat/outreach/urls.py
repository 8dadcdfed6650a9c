from django.urls import path

from coffeechat.outreach import views

app_name = "outreach"
urlpatterns = [
    path("", views.message_list, name="messages"),
    path("write/<int:contact_pk>/", views.compose, name="compose"),
    path("reply/<int:contact_pk>/", views.reply, name="reply"),
    path("thank-you/<int:conversation_pk>/", views.thank_you, name="thank_you"),
    path("preview/", views.preview, name="preview"),
]
