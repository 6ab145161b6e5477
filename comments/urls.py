from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("post/", views.post, name="post"),
    path("<int:pk>/vote/", views.vote, name="vote"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("mute/<str:token>/", views.mute, name="mute"),
]
