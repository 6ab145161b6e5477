from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("check-your-inbox/", views.CheckInboxView.as_view(), name="check_inbox"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("unsubscribe/<str:key>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
