"""Routes under the names django-comments-xtd reverses itself (so they cannot be namespaced).

Only the parts of xtd we use: the page after posting (ours: xtd's names the
article of any comment id) and the follow-up mute link, wrapped for a clear error
page. A guest's confirmation link is ours (comments:confirm).
"""

from django.urls import path

from . import views

urlpatterns = [
    path("sent/", views.sent, name="comments-xtd-sent"),
    path("mute-followups/<str:key>/", views.xtd_mute, name="comments-xtd-mute"),
]
