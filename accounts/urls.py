from django.contrib.auth.views import LoginView
from django.urls import path

from . import views
from .forms import ReaderLoginForm
from .throttling import answers_429_when_throttled

urlpatterns = [
    # Django's login view with our throttled form, which also says why the development
    # password is refused.
    path(
        "login/",
        answers_429_when_throttled(LoginView.as_view(authentication_form=ReaderLoginForm)),
        name="login",
    ),
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("confirm/<str:token>/", views.address_confirm, name="address-confirm"),
    path("confirm-again/", views.address_confirmation_resend, name="address-confirmation-resend"),
    # Django's, limited per address and per target address.
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
]
