"""The image library's admin, and the JSON the body editor's image picker asks
(static/articles/admin/image_picker.js): search the library, upload to it, and
describe one image for the editor's figure."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import (
    PROTECT,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from reversion.admin import VersionAdmin

from core.ids import parse_id

from ..models import Article, ArticleImage, Image

PICKER_PAGE_SIZE = 24


class ImageUploadForm(forms.ModelForm):
    """The picker's upload: the file passes the library's checks (CheckedImageField),
    the alt text is required."""

    class Meta:
        model = Image
        fields = ("file", "alt", "caption", "credit")


class FocalPointWidget(forms.NumberInput):
    """The focal point's fields stay plain numbers (typed, or set by a click on the
    picture beside them: static/articles/admin/focal_point.js)."""

    def __init__(self):
        super().__init__(attrs={"step": "0.01", "min": "0", "max": "1", "data-focal": ""})


def _protecting_relations():
    """The relations that keep a library image from being deleted while it is used."""
    return [relation for relation in Image._meta.related_objects
            if relation.on_delete is PROTECT]  # fmt: skip


def _other_uses():
    return [relation for relation in _protecting_relations()
            if relation.related_model not in (ArticleImage, Article)]  # fmt: skip


def _use_count():
    """How many rows show the image: every relation that keeps it from being deleted
    (ArticleImage, an article's featured image, and any another app adds), each
    counted in a subquery of its own so that the counts do not multiply."""
    total = Value(0)
    for relation in _protecting_relations():
        rows = (
            relation.related_model._base_manager.filter(**{relation.field.name: OuterRef("pk")})
            .order_by()
            .values(relation.field.name)
            .annotate(count=Count("pk"))
            .values("count")
        )
        total = total + Coalesce(Subquery(rows), 0)
    return ExpressionWrapper(total, output_field=IntegerField())


def image_json(image: Image) -> dict:
    thumbnail = image.rendition_480.url if image.width and image.width > 480 else image.file.url
    return {
        "id": image.pk, "placeholder": image.placeholder, "thumbnail": thumbnail,
        "alt": image.alt, "caption": image.caption, "credit": image.credit,
        "file_name": image.file_name, "width": image.width, "height": image.height,
    }  # fmt: skip


@admin.register(Image)
class ImageAdmin(VersionAdmin):
    list_display = ("thumbnail", "alt", "caption", "credit", "file_name", "use_count", "created_at")
    list_display_links = ("thumbnail", "alt")
    search_fields = ("alt", "caption", "credit", "file")
    date_hierarchy = "created_at"
    fields = ("file", "focal_point", ("focal_x", "focal_y"), "alt", "caption", "credit", "used_in")
    readonly_fields = ("focal_point", "used_in")

    class Media:
        js = ("articles/admin/focal_point.js",)
        css = {"all": ("articles/admin/image_library.css",)}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("focal_x", "focal_y"):
            kwargs["widget"] = FocalPointWidget()
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        # One query for the list, however many images: the counts come with it.
        return super().get_queryset(request).annotate(use_count=_use_count())

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            uses = ArticleImage.objects.select_related("article").order_by("article__title")
            obj = (
                Image.objects.filter(pk=obj.pk)
                .prefetch_related(
                    Prefetch("uses", queryset=uses),
                    Prefetch("featured_in", queryset=Article.objects.order_by("title")),
                )
                .annotate(use_count=_use_count())
                .first()
            )
        return obj

    @admin.display(description=_("preview"))
    def thumbnail(self, obj: Image) -> str:
        return format_html(
            '<img src="{}" alt="" width="96" class="image-library__thumb">', obj.file.url
        )

    @admin.display(description=_("used in"), ordering="use_count")
    def use_count(self, obj: Image) -> int:
        return obj.use_count

    @admin.display(description=_("file name"), ordering="file")
    def file_name(self, obj: Image) -> str:
        return obj.file_name

    @admin.display(description=_("focal point"))
    def focal_point(self, obj: Image) -> str:
        if not obj.pk:
            return gettext("Set it once the image is uploaded.")
        return format_html(
            '<div class="focal-point" data-focal-point>'
            '<img src="{}" alt="{}" class="focal-point__image">'
            '<span class="focal-point__marker" aria-hidden="true"></span></div>'
            '<p class="help">{}</p>',
            obj.file.url, obj.alt,
            gettext("Click on the subject of the picture: every crop keeps that point in view."),
        )  # fmt: skip

    @admin.display(description=_("used in"))
    def used_in(self, obj: Image) -> str:
        if not obj.pk:
            return gettext("No article uses this image.")
        articles = {use.article.pk: use.article for use in obj.uses.all()}
        articles.update((article.pk, article) for article in obj.featured_in.all())
        # Other apps' uses (a static page's, say): each row names what shows the image.
        others = sorted(
            str(row) for relation in _other_uses()
            for row in relation.related_model._base_manager.filter(**{relation.field.name: obj})
        )  # fmt: skip
        if not articles and not others:
            return gettext("No article uses this image.")
        return format_html(
            "<ul>{}{}</ul>",
            format_html_join(
                "", '<li><a href="{}">{}</a></li>',
                ((reverse("admin:articles_article_change", args=[article.pk]), article.title)
                 for article in sorted(articles.values(), key=lambda article: article.title)),
            ),
            format_html_join("", "<li>{}</li>", ((name,) for name in others)),
        )  # fmt: skip

    # -- the body editor's picker ----------------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("picker/", view(self.picker_search), name="articles_image_picker"),
            path("picker/upload/", view(self.picker_upload), name="articles_image_picker_upload"),
            path("picker/<int:pk>/", view(self.picker_detail), name="articles_image_picker_detail"),
        ] + super().get_urls()

    @staticmethod
    def _refused() -> JsonResponse:
        return JsonResponse({"error": gettext("You may not use the image library.")}, status=403)

    @method_decorator(require_GET)
    def picker_search(self, request: HttpRequest) -> JsonResponse:
        """The newest library images, or those whose texts or file name contain ?q=."""
        if not self.has_view_permission(request):
            return self._refused()
        term = request.GET.get("q", "")[:100]
        images = Image.objects.search(term)[:PICKER_PAGE_SIZE]
        return JsonResponse({"results": [image_json(image) for image in images]})

    @method_decorator(require_GET)
    def picker_detail(self, request: HttpRequest, pk: int) -> JsonResponse:
        if not self.has_view_permission(request):
            return self._refused()
        image = Image.objects.filter(pk=pk).first()
        if image is None:
            return JsonResponse(
                {"error": gettext("There is no image %(id)s in the library.") % {"id": pk}},
                status=404,
            )
        data = image_json(image)
        # In an article's editor, the figure shows that article's texts (its
        # ArticleImage), not the library's, which are only what a new use starts with.
        article_id = parse_id(request.GET.get("article"), model=Article)
        use = (
            ArticleImage.objects.filter(image=image, article_id=article_id).first()
            if article_id is not None
            else None
        )
        if use is not None and (
            request.user.has_perm("articles.view_article")
            or request.user.has_perm("articles.change_article")
        ):
            data.update(alt=use.alt, caption=use.caption, credit=use.credit)
        return JsonResponse(data)

    @method_decorator(require_POST)
    def picker_upload(self, request: HttpRequest) -> JsonResponse:
        """A new library image from the picker's form; refusals say which field and why."""
        if not self.has_add_permission(request):
            return self._refused()
        form = ImageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            errors = {field: [str(message) for message in messages]
                      for field, messages in form.errors.items()}  # fmt: skip
            return JsonResponse({"errors": errors}, status=400)
        return JsonResponse(image_json(form.save()), status=201)
