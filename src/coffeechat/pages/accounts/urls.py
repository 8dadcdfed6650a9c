from django.contrib.auth import views as auth_views
from django.urls import path

from coffeechat.pages.accounts import passwords, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("setup/<str:token>/", views.setup, name="setup"),
    path("profile/", views.profile, name="profile"),
    path("login/unlock/", views.unlock_request, name="unlock_request"),
    path("login/unlock/<str:token>/", views.unlock, name="unlock"),
    path("password/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        passwords.PasswordResetSentView.as_view(),
        name="password_reset_sent",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
]
