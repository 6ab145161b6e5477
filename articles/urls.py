from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    # Categories and articles share one URL space (/news/ and /news/it-news/my-story/),
    # so one view tells them apart. Keep this pattern last in the root URLconf.
    path("<path:path>/", views.path_dispatch, name="path"),
]
