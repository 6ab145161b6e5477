from django.contrib.auth.views import LoginView
from django.urls import path

from . import views
from .dev_admin import ReaderLoginForm

urlpatterns = [
    # Django's login view with a form that says why the development password is refused.
    path("login/", LoginView.as_view(authentication_form=ReaderLoginForm), name="login"),
    path("signup/", views.SignupView.as_view(), name="signup"),
]
