"""Routes under the names django-comments-xtd reverses itself (so they cannot be namespaced).

Only the parts of xtd we use: the page after posting (ours: xtd's names the
article of any comment id), the guest's confirmation link and the follow-up mute
link; the last two wrapped for clear error pages.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("sent/", views.sent, name="comments-xtd-sent"),
    path("confirm/<str:key>/", views.confirm, name="comments-xtd-confirm"),
    path("mute-followups/<str:key>/", views.xtd_mute, name="comments-xtd-mute"),
]
