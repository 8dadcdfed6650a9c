from django.urls import path

from coffeechat.pages.today import views

app_name = "followups"
urlpatterns = [
    path("", views.today, name="today"),
    path("followups/", views.followup_list, name="list"),
    path("followups/<int:pk>/done/", views.mark_done, name="done"),
    path("followups/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("followups/<int:pk>/undo/", views.undo_done, name="undo"),
    path("replies/<int:contact_pk>/", views.quick_reply, name="quick_reply"),
]
