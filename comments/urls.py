from django.urls import path, register_converter

from articles.models import Article
from core.ids import id_converter

from . import views
from .models import Comment

register_converter(id_converter(Comment), "comment_id")
register_converter(id_converter(Article), "article_id")

app_name = "comments"

urlpatterns = [
    path("post/", views.post, name="post"),
    path("on/<article_id:pk>/", views.section, name="section"),
    path("<comment_id:pk>/vote/", views.vote, name="vote"),
    path("<comment_id:pk>/report/", views.report, name="report"),
    path("<comment_id:pk>/edit/", views.edit, name="edit"),
    path("mute/<str:token>/", views.mute, name="mute"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
]
