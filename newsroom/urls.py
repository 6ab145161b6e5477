from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.forms import AdminLoginForm
from accounts.throttling import answers_429_when_throttled

from . import views

admin.site.site_header = format_lazy(_("{site} editorial"), site=settings.SITE_NAME)
admin.site.site_title = format_lazy(_("{site} admin"), site=settings.SITE_NAME)
# The app list stays on the index page; changelists need the width for their columns.
admin.site.enable_nav_sidebar = False
# Both login forms are throttled and say why the development password is refused with
# DEBUG off.
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    # The CSRF token for the forms of cached pages (core/forms_token.py), in every edition.
    path("form-token/", views.form_token, name="form-token"),
    # The admin's own login view, answering a throttled login with a 429 as ours does;
    # it comes before admin.site.urls, which still gives it its name (admin:login).
    path("admin/login/", answers_429_when_throttled(admin.site.login)),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What readers see, in each edition: the default language's at the root, the others
# under their prefix (/de/…), with the interface in that language.
urlpatterns += i18n_patterns(
    # Ours first: the login page with our form, and sign-up; then Django's auth views.
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("comments/", include("comments.urls")),
    # Comments: routes under xtd's own names.
    path("comments/", include("comments.xtd_urls")),
    path("newsletter/", include("newsletter.urls")),
    # The reader site's category/article URL space catches everything else, so it comes last.
    path("", include("reader.urls")),
    prefix_default_language=False,
)
