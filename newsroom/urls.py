from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles.dev_admin import AdminLoginForm, ReaderLoginForm
from articles.preview import article_preview

from . import views

admin.site.site_header = format_lazy(_("{site} editorial"), site=settings.SITE_NAME)
admin.site.site_title = format_lazy(_("{site} admin"), site=settings.SITE_NAME)
# The app list stays on the index page; changelists need the width for their columns.
admin.site.enable_nav_sidebar = False
# Both login forms say why the development password is refused with DEBUG off.
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("search/", views.search, name="search"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("admin/", admin.site.urls),
    path("accounts/login/", LoginView.as_view(authentication_form=ReaderLoginForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("comments/", include("comments.urls")),
    # Comments: routes under xtd's own names, and reader sign-up beside Django's auth views.
    path("comments/", include("comments.xtd_urls")),
    path("accounts/", include("comments.account_urls")),
    path("newsletter/", include("newsletter.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A signed link to an unpublished article; before the catch-all below, which would
# take "preview" for a category.
urlpatterns += [path("preview/<str:token>/", article_preview, name="article_preview")]

# The category/article URL space catches everything else, so it comes last.
urlpatterns += [path("", include("articles.urls"))]
