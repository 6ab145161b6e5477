from __future__ import annotations

import uuid
from itertools import islice

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import ExpressionWrapper, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit
from mptt.models import MPTTModel, TreeForeignKey
from mptt.querysets import TreeQuerySet
from taggit.managers import TaggableManager, _TaggableManager
from taggit.models import ItemBase, TagBase

from core.editions import (
    current_edition,
    default_edition,
    edition_choices,
    edition_codes,
    fallback_order,
)

from .editor import LIBRARY_IMAGE
from .fields import CheckedImageField
from .focal import focal_size, focal_spec
from .links import editor_options as internal_link_options
from .links import missing_targets as missing_link_targets
from .placeholders import image_placeholder
from .sanitize import sanitize_html

# First path segments that belong to the site itself, so no top-level category may use them.
RESERVED_SLUGS = frozenset(
    {
        "admin", "accounts", "author", "comments", "de", "en", "feeds", "healthz", "i18n", "media",
        "newsletter", "page", "preview", "robots.txt", "search", "sitemap.xml", "sitemaps",
        "static", "tag",
    }
)  # fmt: skip


# ------------------------------------------------------------------------------
# Categories
# ------------------------------------------------------------------------------
class CategoryQuerySet(TreeQuerySet):
    def active(self) -> CategoryQuerySet:
        return self.filter(is_active=True)


class Category(MPTTModel):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    parent = TreeForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive categories are hidden from readers.")
    )
    # The slugs from the root, e.g. "news/it-news": the URL, and a one-query lookup.
    path = models.CharField(_("path"), max_length=500, unique=True, editable=False)

    objects = CategoryQuerySet.as_manager()

    class MPTTMeta:
        # No order_insertion_by: the order among siblings is the editors' own,
        # set by drag and drop in the admin.
        pass

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "slug"], name="category_slug_unique_among_siblings"
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(parent__isnull=True),
                name="category_root_slug_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reader:path", kwargs={"path": self.path})

    def localized(self, field: str, language: str):
        """The stored value of a translated field in one language (None when untranslated)."""
        return getattr(self, f"{field}_{language}")

    def fill_untranslated_slugs(self) -> None:
        """Every edition has a slug, so that every edition has a URL: one not given
        is the default edition's (or else any other's)."""
        given = [self.localized("slug", code) for code in [default_edition(), *edition_codes()]]
        fallback = next((slug for slug in given if slug), "")
        for code in edition_codes():
            if not self.localized("slug", code):
                setattr(self, f"slug_{code}", fallback)

    def build_paths(self) -> dict[str, str]:
        """The path in each edition under the parent as the database holds it: a parent
        instance loaded before another move or rename may carry an outdated path."""
        self.fill_untranslated_slugs()
        codes = edition_codes()
        if self.parent_id is None:
            return {code: self.localized("slug", code) for code in codes}
        parent = Category.objects.filter(pk=self.parent_id).values(
            *(f"path_{code}" for code in codes)
        )
        parent_paths = parent.get()
        return {
            code: f"{parent_paths[f'path_{code}']}/{self.localized('slug', code)}" for code in codes
        }

    def set_paths(self, paths: dict[str, str]) -> None:
        for code, path in paths.items():
            setattr(self, f"path_{code}", path)

    def clean(self) -> None:
        super().clean()
        self.fill_untranslated_slugs()
        for code in edition_codes():
            field = f"slug_{code}"
            slug = self.localized("slug", code)
            if self.parent_id is None and slug in RESERVED_SLUGS:
                message = _("“%(slug)s” is used by the site itself.") % {"slug": slug}
                raise ValidationError({field: message})
            siblings = Category.objects.filter(parent_id=self.parent_id, **{field: slug})
            if siblings.exclude(pk=self.pk).exists():
                raise ValidationError({field: _("A category with this slug already sits here.")})

    def save(self, *args, **kwargs) -> None:
        if self._state.adding:
            # Inserted with its paths; a saved category's paths, and its subtree's, are
            # rewritten once the row is written (signal_handlers), because MPTT
            # moves the tree in the middle of this save.
            self.set_paths(self.build_paths())
        else:
            self.fill_untranslated_slugs()
        # The move, the row and the paths that follow it, all or nothing. Written in the
        # default edition: modeltranslation fills the untranslated columns (name, slug,
        # path, which carry the unique constraints) from the active language's, so an
        # editor working in German would otherwise store German slugs there, which may
        # be another section's English ones.
        with transaction.atomic(), translation.override(default_edition()):
            super().save(*args, **kwargs)


class CategoryPathHistory(models.Model):
    """A path a category had before it or an ancestor was moved or renamed; the old
    URL answers with a 301 to the category's current one."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="old_paths")
    language = models.CharField(
        _("edition"), max_length=7, choices=edition_choices, default=default_edition
    )
    path = models.CharField(_("path"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("old path")
        verbose_name_plural = _("old paths")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "path"], name="category_old_path_unique_per_edition"
            )
        ]

    def __str__(self) -> str:
        return self.path


# ------------------------------------------------------------------------------
# Tags: one row per topic, its name and slug per edition (articles/translation.py)
# ------------------------------------------------------------------------------
class TagQuerySet(models.QuerySet):
    def named(self, name: str, language: str) -> TagQuerySet:
        """Tags called `name` in `language`, or, not yet named there, in the edition its
        name falls back to: what a reader of that edition sees it called."""
        condition = Q(**{f"name_{language}": name})
        untranslated = Q(**{f"name_{language}__isnull": True})
        for code in fallback_order(language)[1:]:
            condition |= untranslated & Q(**{f"name_{code}": name})
            untranslated &= Q(**{f"name_{code}__isnull": True})
        return self.filter(condition)

    def names_starting(self, term: str, *, language: str, limit: int = 50) -> list[str]:
        """The names starting with `term` that readers of `language` see (each tag's
        name there, or the one it falls back to), in alphabetical order."""
        order = fallback_order(language)
        condition, untranslated = Q(), Q()
        for code in order:
            condition |= untranslated & Q(**{f"name_{code}__istartswith": term})
            untranslated &= Q(**{f"name_{code}__isnull": True}) | Q(**{f"name_{code}": ""})
        rows = self.filter(condition).values_list(*(f"name_{code}" for code in order))[:limit]
        names = {next(name for name in row if name) for row in rows}
        return sorted(names, key=str.casefold)


def _rendition(width: int, *, source: str = "file", height: int | None = None) -> ImageSpecField:
    """A WEBP copy of `source` at most `width` (and `height`) pixels, never enlarged."""
    return ImageSpecField(
        source=source,
        processors=[ResizeToFit(width, height, upscale=False)],
        format="WEBP",
        options={"quality": 80},
    )


PICTURE_WIDTH = 320  # a tag page's picture, at most this wide and high


class Tag(TagBase):
    # Not unique as columns: unique in each edition's own column (the constraints below).
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    # What makes a person's or a company's tag page a topic page: a few lines about
    # them, and a portrait or a logo.
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Shown on the tag's page above its articles: who or what this is."),
    )
    picture = CheckedImageField(
        _("picture"),
        upload_to="tags/%Y/",
        blank=True,
        width_field="picture_width",
        height_field="picture_height",
        help_text=_("A portrait, a logo or a photo, shown beside the description."),
    )
    picture_alt = models.CharField(
        _("picture alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    picture_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    picture_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    picture_rendition = _rendition(PICTURE_WIDTH, source="picture", height=PICTURE_WIDTH)

    objects = TagQuerySet.as_manager()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(fields=[f"{field}_{code}"], name=f"tag_{field}_unique_{code}")
            for code in settings.MODELTRANSLATION_LANGUAGES
            for field in ("name", "slug")
        ]

    @classmethod
    def for_names(cls, names, language: str) -> list[Tag]:
        """The tags an editor typed on an article of `language`, created in that
        edition's names where none is called so yet."""
        found = []
        for name in names:
            tag = cls.objects.named(name, language).order_by("pk").first()
            if tag is None:
                tag = cls(**{f"name_{language}": name})
                tag.save()
            found.append(tag)
        return found

    def get_absolute_url(self) -> str:
        return reverse("reader:tag", kwargs={"slug": self.slug})

    def picture_size(self) -> tuple[int, int] | None:
        """The width and height of `picture_rendition` (fitted, never enlarged)."""
        if not self.picture or not self.picture_width or not self.picture_height:
            return None
        scale = min(1, PICTURE_WIDTH / self.picture_width, PICTURE_WIDTH / self.picture_height)
        return round(self.picture_width * scale), round(self.picture_height * scale)

    def fill_untranslated(self) -> None:
        """Every edition has a slug (so a URL): the default edition's, else the first
        given, else one made from the name, made unique within the edition."""
        codes = edition_codes()
        names = [getattr(self, f"name_{code}") for code in [default_edition(), *codes]]
        slugs = [getattr(self, f"slug_{code}") for code in [default_edition(), *codes]]
        base = next((slug for slug in slugs if slug), "") or slugify(
            next((name for name in names if name), ""), allow_unicode=True
        )
        for code in codes:
            if getattr(self, f"slug_{code}"):
                continue
            field = f"slug_{code}"
            candidate, number = base, 1
            others = Tag.objects.exclude(pk=self.pk) if self.pk else Tag.objects.all()
            while others.filter(**{field: candidate}).exists():
                number += 1
                candidate = f"{base}-{number}"
            setattr(self, field, candidate)

    def save(self, *args, **kwargs):
        self.fill_untranslated()
        return super().save(*args, **kwargs)


class EditionTags(_TaggableManager):
    """An article's tags, typed as names of the article's own edition."""

    def add(self, *tags, through_defaults=None, **kwargs):
        # A new tagging carries the article's listing columns from its first row on.
        copies = {**listing_copies(self.instance), **(through_defaults or {})}
        return super().add(*tags, through_defaults=copies, **kwargs)

    def _to_tag_model_instances(self, tags, tag_kwargs):
        names = [tag for tag in tags if isinstance(tag, str)]
        if names:
            named = iter(Tag.for_names(names, self.instance.language))
            tags = [next(named) if isinstance(tag, str) else tag for tag in tags]
        return super()._to_tag_model_instances(tags, tag_kwargs)


# The article's columns the lists it is in (its tags', its categories') filter and sort on
# (published_q, the edition, newest first), copied onto their rows under the same names.
LISTING_COPIES = ("language", "status", "published_at", "category_id")


def listing_copies(article) -> dict:
    return {name: getattr(article, name) for name in LISTING_COPIES}


class ListingQuerySet(models.QuerySet):
    """Rows of a list (a tag's, a category's), each an article with its copied columns:
    "published" and the edition read from the copies, under the article's names."""

    article_field = "article_id"

    def published(self) -> ListingQuerySet:
        return self.filter(published_q())

    def in_edition(self, language: str | None = None) -> ListingQuerySet:
        return self.filter(language=language or current_edition())

    def copy_from_articles(self) -> int:
        """Write the rows' copies from their articles again: for writes that send no
        post_save (QuerySet.update). One UPDATE."""
        article = Article.objects.filter(pk=OuterRef(self.article_field))
        return self.update(**{
            name: Subquery(article.values(name)[:1]) for name in LISTING_COPIES
        })  # fmt: skip


class TaggedArticleQuerySet(ListingQuerySet):
    article_field = "content_object_id"


class TaggedArticle(ItemBase):
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    # Copies of the article's LISTING_COPIES, kept after every save of the article
    # (services.article_listings_follow) and by EditionTags.add().
    # A tag's page is then one range of the index below, newest first, whatever the size
    # of the archive: through the article's own columns it sorted every article of the
    # tag on each rendering (14 ms for 6,000 of 100,000 on SQLite), and asking whether a
    # tag has an article in an edition read all of them when it had none (10 ms).
    language = models.CharField(_("edition"), max_length=7, editable=False, default="")
    status = models.CharField(_("status"), max_length=20, editable=False, default="")
    published_at = models.DateTimeField(_("publish time"), null=True, editable=False)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, null=True,
        editable=False, related_name="+",
    )  # fmt: skip

    objects = TaggedArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tagged_article_once_per_tag"
            )
        ]
        indexes = [
            models.Index(
                fields=[
                    "tag",
                    "language",
                    "status",
                    "-published_at",
                    "-content_object",
                    "category",
                ],
                name="tagged_article_listing",
            )
        ]


# ------------------------------------------------------------------------------
# Articles
# ------------------------------------------------------------------------------
class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


# The one definition of each state an article can be in for readers, written as ORM
# lookups so that the database (published_q, scheduled_q) and an instance already in
# memory (is_published, is_scheduled) answer from the same conditions. They are built
# per call, so that the current time is read when the query is made: a scheduled
# article appears the moment its time passes, with no cron job.
def _published_when(now) -> dict:
    """A reader may see the article: published, its time has come, its section is active."""
    return {
        "status": ArticleStatus.PUBLISHED,
        "published_at__lte": now,
        "category__is_active": True,
    }


def _scheduled_when(now) -> dict:
    """Published by an editor, with a publish time still to come."""
    return {"status": ArticleStatus.PUBLISHED, "published_at__gt": now}


def _as_q(conditions: dict, prefix: str) -> Q:
    return Q(**{f"{prefix}{lookup}": value for lookup, value in conditions.items()})


def _holds(instance, conditions: dict) -> bool:
    """Whether `instance` meets ORM-style `conditions` (exact, lte, gt), in Python."""
    compare = {
        "exact": lambda a, b: a == b,
        "lte": lambda a, b: a is not None and a <= b,
        "gt": lambda a, b: a is not None and a > b,
    }
    for lookup, expected in conditions.items():
        *path, last = lookup.split("__")
        operator = last if last in compare else "exact"
        if operator == "exact":
            path.append(last)
        value = instance
        for name in path:
            value = getattr(value, name, None)
        if not compare[operator](value, expected):
            return False
    return True


def published_q(prefix: str = "") -> Q:
    """The one definition of "a reader may see this article", as a filter.

    `prefix` reaches articles through a relation, e.g. published_q("article__").
    """
    return _as_q(_published_when(timezone.now()), prefix)


def scheduled_q(prefix: str = "") -> Q:
    return _as_q(_scheduled_when(timezone.now()), prefix)


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        return self.filter(published_q())

    def scheduled(self) -> ArticleQuerySet:
        return self.filter(scheduled_q())

    def in_category(self, category: Category) -> ArticleQuerySet:
        """Articles of `category` and all its descendants, with no subquery: the
        nested-set bounds of the subtree are a range on the joined category."""
        return self.filter(
            category__tree_id=category.tree_id,
            category__lft__gte=category.lft,
            category__rght__lte=category.rght,
        )

    def for_listing(self) -> ArticleQuerySet:
        """What a teaser needs (title, lead, image, category URL), in one query."""
        return self.select_related("category", "featured_image").defer("body")

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def in_edition(self, language: str | None = None) -> ArticleQuerySet:
        """The articles of one edition: the one being served unless `language` is given."""
        return self.filter(language=language or current_edition())

    def out_of_date(self) -> ArticleQuerySet:
        return self.filter(out_of_date_q())

    def with_out_of_date(self) -> ArticleQuerySet:
        """Each article with `out_of_date`, the flag of out_of_date_q, read in the same query."""
        return self.annotate(
            out_of_date=ExpressionWrapper(out_of_date_q(), output_field=models.BooleanField())
        )


def out_of_date_q() -> Q:
    """The one definition of "an out-of-date translation": the text of its original
    changed (Article.content_changed_at) after its own text was last changed, which is
    when it was made from that original, or later when a translator changed it."""
    return Q(
        translation_of__isnull=False,
        translation_of__content_changed_at__gt=F("content_changed_at"),
    )


class SanitizedHTMLField(ProseEditorField):
    """Rich text that is cleaned on every save, whichever path the save takes."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if missing := missing_link_targets(value):
            raise ValidationError(
                _(
                    "A link in the text leads to something that no longer exists "
                    "(%(links)s): link that text again with the “Link to the site” button, "
                    "or remove the link."
                ),
                code="missing_link_target",
                params={"links": ", ".join(missing)},
            )


ARTICLE_BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "Code": True,
    "CodeBlock": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "InternalLink": internal_link_options(),
    "History": True,
    # The image button and the figure the editor shows for [[image:N]].
    "LibraryImage": LIBRARY_IMAGE,
    # Paragraphs open for readers' feedback (articles/passages.py).
    "Passage": {"title": _("Open the selected paragraphs for readers' feedback, or close them")},
}


class Article(models.Model):
    # Each edition's version of a story is a row of its own (own slug, text, sources,
    # images, publication state); the translations of one story share translation_key,
    # as Wagtail's TranslatableMixin does it.
    language = models.CharField(
        _("edition"), max_length=7, choices=edition_choices, default=default_edition
    )
    translation_key = models.UUIDField(_("story"), default=uuid.uuid4, editable=False)
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translated from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translated_into",
        help_text=_("The original of this translation: its numbers are checked against it."),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the article's URL. Old slugs keep redirecting."),
    )
    category = TreeForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    lead = models.TextField(
        _("lead"), help_text=_("One paragraph that sums up the story, shown under the headline.")
    )
    body = SanitizedHTMLField(
        _("body"),
        blank=True,
        extensions=ARTICLE_BODY_EXTENSIONS,
        sanitize=sanitize_html,
        help_text=_(
            "Place an image with the image button of the toolbar: upload one or choose "
            "one from the library."
        ),
    )
    tags = TaggableManager(_("tags"), blank=True, through=TaggedArticle, manager=EditionTags)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("authors"),
        blank=True,
        related_name="articles",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ArticleStatus.choices,
        default=ArticleStatus.DRAFT,
    )
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("A time in the future schedules the article; readers see it from then on."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # When readers' text last changed: the title, lead, body, search description,
    # featured image alt text, sources or images' texts (services.article_text_of), not
    # the status or the publish time. A translation older than its original's is out
    # of date (out_of_date_q).
    content_changed_at = models.DateTimeField(
        _("text changed"), default=timezone.now, editable=False
    )
    # A library image, as the body's are: one upload serves every article and
    # translation that shows it, and its teaser crops keep its focal point. PROTECT:
    # the library refuses to delete an image an article shows.
    featured_image = models.ForeignKey(
        "Image",
        verbose_name=_("featured image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="featured_in",
        help_text=_("Pick one from the image library, or add one with the plus button."),
    )
    # The article's own, so that a translation describes the image in its language.
    featured_image_alt = models.CharField(
        _("featured image alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for readers who cannot see it. Empty: the library's alt text."
        ),
    )
    read_also = models.ManyToManyField(
        "self",
        verbose_name=_("read also"),
        symmetrical=False,
        blank=True,
        related_name="+",
        help_text=_("Editor-picked related stories, shown under the article."),
    )
    seo_description = models.CharField(
        _("search description"),
        max_length=300,
        blank=True,
        help_text=_("For search engines and link previews; the lead is used when empty."),
    )
    allow_comments = models.BooleanField(_("comments open"), default=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
            # A section's list: every filter of published_q() and the edition in the index,
            # so that neither the page nor its count reads an article row to reject it
            # (56 ms -> 2 ms for a section's first page at 100,000 articles on SQLite).
            models.Index(
                fields=["category", "language", "status", "-published_at"],
                name="article_category_listing",
            ),
            # An edition's newest first, with the section each is in: the home page and
            # the related-reading candidates walk it without reading an article row.
            models.Index(
                fields=["language", "status", "-published_at", "category"],
                name="article_edition_newest",
            ),
            # Every filter of an edition's published list beside the id, so that a list's
            # page can be found (reader.pagination) without reading the rows it skips.
            models.Index(
                fields=["id", "language", "status", "published_at", "category"],
                name="article_listing_filters",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="article_one_row_per_edition"
            ),
        ]
        permissions = [("publish_article", _("Can publish and unpublish articles"))]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.status == ArticleStatus.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        # One transaction with the slug history its signal handler writes: a slug
        # that is refused there undoes the save.
        with transaction.atomic():
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The URL in the article's own edition, whichever edition is being served."""
        with translation.override(self.language):
            return reverse("reader:path", kwargs={"path": f"{self.category.path}/{self.slug}"})

    def translations(self) -> ArticleQuerySet:
        """The other editions' versions of this story, whatever their state."""
        return Article.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)

    @property
    def original(self) -> Article | None:
        return self.translation_of

    def remember_stored_slug(self, *, update_fields=None) -> None:
        """Before a save (pre_save, signal_handlers): note the slug the row has, for
        the slug history written after it (`stored_slug`)."""
        if update_fields is not None and "slug" not in update_fields:
            self._stored_slug = self.slug  # the slug is not written
        elif self.pk is None:
            self._stored_slug = None
        else:
            # Read from the row, not from the instance: a revert of the revision
            # history saves the revision's copy, which never knew the slug it replaces.
            stored = Article._base_manager.filter(pk=self.pk).values_list("slug", flat=True)
            self._stored_slug = stored.first()

    @property
    def stored_slug(self) -> str | None:
        """The row's slug before the save under way, as remember_stored_slug found it."""
        return getattr(self, "_stored_slug", None)

    def clean(self) -> None:
        super().clean()
        taken = ArticleSlugHistory.objects.leading_elsewhere(slug=self.slug, article=self)
        if self.slug and taken.exists():
            raise ValidationError({"slug": OLD_SLUG_TAKEN}, code="old_slug_taken")

    @property
    def is_published(self) -> bool:
        """What `Article.objects.published()` says of this article, without a query
        (but the category's, if it is not loaded yet)."""
        return _holds(self, _published_when(timezone.now()))

    @property
    def is_scheduled(self) -> bool:
        return _holds(self, _scheduled_when(timezone.now()))

    @property
    def was_updated(self) -> bool:
        """Worth an "updated" line: changed well after it went out, not by the publish itself."""
        if not self.published_at or not self.updated_at:
            return False
        return (self.updated_at - self.published_at).total_seconds() > 30 * 60

    @property
    def description(self) -> str:
        return self.seo_description or self.lead

    @property
    def featured_alt(self) -> str:
        """The featured image's alt text here: the article's, else the library's."""
        if self.featured_image_id is None:
            return ""
        return self.featured_image_alt or self.featured_image.alt


class CategoryArticleQuerySet(ListingQuerySet):
    def list_again(self, *, articles: models.QuerySet) -> None:
        """Write the rows of `articles` afresh: one in the list of each category on the
        way from the article's own to its root. Queries: the delete, the categories,
        the articles (in batches), the inserts."""
        self.filter(article__in=articles.values("pk")).delete()
        nodes = list(Category.objects.values_list("pk", "tree_id", "lft", "rght"))
        up_to_root = {
            pk: [up for up, t, left, right in nodes if t == tree and left <= lft and right >= rght]
            for pk, tree, lft, rght in nodes
        }
        rows = (
            CategoryArticle(
                listed_in_id=listed_in,
                article_id=article["pk"],
                **{name: article[name] for name in LISTING_COPIES},
            )  # fmt: skip
            for article in articles.values("pk", *LISTING_COPIES).iterator(chunk_size=2000)
            for listed_in in up_to_root[article["category_id"]]
        )
        while batch := list(islice(rows, 2000)):
            self.bulk_create(batch)

    def list_article(self, article: Article, *, new: bool = False) -> None:
        """`list_again()` for one article as it is in memory: the delete (unless new),
        its category's ancestors, the insert."""
        if not new:
            self.filter(article_id=article.pk).delete()
        own = Category.objects.filter(pk=article.category_id)
        ancestors = Category.objects.filter(
            tree_id=Subquery(own.values("tree_id")),
            lft__lte=Subquery(own.values("lft")),
            rght__gte=Subquery(own.values("rght")),
        ).values_list("pk", flat=True)
        copies = listing_copies(article)
        self.bulk_create(
            CategoryArticle(listed_in_id=pk, article_id=article.pk, **copies) for pk in ancestors
        )


class CategoryArticle(models.Model):
    """An article in the list of a category it is under: its own and each ancestor.

    A category's page lists its subtree's articles newest first. As a filter on the
    article's category, that was as many index ranges as the subtree has categories,
    merged by sorting all their articles on each rendering (20,000 of a section at
    100,000 articles: 4 ms on SQLite, 6 ms for its 50th page); as rows of this table
    with the article's LISTING_COPIES, a category's list is one range of the index
    below, in order, and a page reads its own articles and the ones it skips only.

    Kept after every save of an article (services.article_listings_follow) and by
    services.category_paths_rebuild() (a move gives the subtree's articles new
    ancestors); bulk writes past those call CategoryArticle.objects.list_again().
    """

    listed_in = models.ForeignKey(
        Category, verbose_name=_("listed in"), on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE,
        related_name="category_listings",
    )  # fmt: skip
    language = models.CharField(_("edition"), max_length=7)
    status = models.CharField(_("status"), max_length=20)
    published_at = models.DateTimeField(_("publish time"), null=True)
    # The article's own category, whose being active published_q asks for.
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="+"
    )

    objects = CategoryArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article in a category's list")
        verbose_name_plural = _("articles in categories' lists")
        constraints = [
            models.UniqueConstraint(
                fields=["listed_in", "article"], name="category_article_once_per_category"
            )
        ]
        indexes = [
            models.Index(
                fields=["listed_in", "language", "status", "-published_at", "-article",
                        "category"],
                name="category_article_listing",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.article_id} in {self.listed_in_id}"


class ArticleInReview(Article):
    """The editors' review queue in the admin: articles whose authors asked for a review."""

    class Meta:
        proxy = True
        verbose_name = _("article in review")
        verbose_name_plural = _("review queue")


# An old slug belongs to the article that had it for as long as that article exists.
OLD_SLUG_TAKEN = _(
    "This slug was used by another article, and its old links still lead there. "
    "Please choose another slug."
)


class ArticleSlugHistoryQuerySet(models.QuerySet):
    def leading_elsewhere(self, *, slug: str, article: Article) -> ArticleSlugHistoryQuerySet:
        """`slug` as an old slug of an article other than `article`."""
        old = self.filter(slug=slug)
        return old.exclude(article_id=article.pk) if article.pk else old


class ArticleSlugHistory(models.Model):
    """A slug an article once had; its old URLs answer with a 301 to the current one."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ArticleSlugHistoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")

    def __str__(self) -> str:
        return self.slug


# ------------------------------------------------------------------------------
# Sources
# ------------------------------------------------------------------------------
class SourceKind(models.TextChoices):
    BASED_ON = "based_on", _("Source the story is based on")
    MENTION = "mention", _("Mentioned in the text")


class Source(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="sources"
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. Engadget"))
    url = models.URLField(_("URL"), max_length=500, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.BASED_ON
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


# ------------------------------------------------------------------------------
# The image library, and the images an article's body shows
# ------------------------------------------------------------------------------
def _focal_rendition(*, ratio: float, width: int) -> ImageSpecField:
    return ImageSpecField(source="file", spec=focal_spec(ratio=ratio, width=width))


_FRACTION = [MinValueValidator(0.0), MaxValueValidator(1.0)]
WIDE, SQUARE = 16 / 9, 1.0


class ImageQuerySet(models.QuerySet):
    def search(self, term: str) -> ImageQuerySet:
        """Images whose alt text, caption, credit or file name contains `term`."""
        term = term.strip()
        if not term:
            return self
        return self.filter(
            Q(alt__icontains=term) | Q(caption__icontains=term)
            | Q(credit__icontains=term) | Q(file__icontains=term)
        )  # fmt: skip


class Image(models.Model):
    """A picture of the library: uploaded once, placed in any number of articles (each
    placement an ArticleImage). Its texts are what a new placement starts with."""

    RENDITION_WIDTHS = (480, 800, 1200)

    file = CheckedImageField(
        _("image"), upload_to="articles/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    alt = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    # Where the subject is, as fractions of the width and height from the top left:
    # every crop keeps this point in its frame.
    focal_x = models.FloatField(_("focal point (across)"), default=0.5, validators=_FRACTION)
    focal_y = models.FloatField(_("focal point (down)"), default=0.5, validators=_FRACTION)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    rendition_480 = _rendition(480)
    rendition_800 = _rendition(800)
    rendition_1200 = _rendition(1200)
    # Teaser shapes (16:9 and square), cut around the focal point.
    wide_800 = _focal_rendition(ratio=WIDE, width=800)
    wide_1200 = _focal_rendition(ratio=WIDE, width=1200)
    square_480 = _focal_rendition(ratio=SQUARE, width=480)

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("library image")
        verbose_name_plural = _("image library")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            )
        ]

    def __str__(self) -> str:
        return self.alt

    def save(self, *args, **kwargs) -> None:
        if self.file and (self.width is None or self.height is None):
            # Django measures a file assigned to the field, not one written through
            # FieldFile.save (the importer's and the demo's way); with the sizes empty,
            # every Image loaded would open and parse its file again (ImageField's
            # post_init), and a file gone from the disk would fail the page.
            self.width, self.height = self.file.width, self.file.height
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.file.url

    @property
    def placeholder(self) -> str:
        return image_placeholder(self.pk) if self.pk else ""

    @property
    def file_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def wide_800_size(self) -> tuple[int, int]:
        """The width and height of `wide_800`, for the teaser's <img> (no layout shift)."""
        return focal_size(self.width or 0, self.height or 0, ratio=WIDE, width_at_most=800)

    @property
    def wide_1200_size(self) -> tuple[int, int]:
        return focal_size(self.width or 0, self.height or 0, ratio=WIDE, width_at_most=1200)

    @property
    def square_480_size(self) -> tuple[int, int]:
        return focal_size(self.width or 0, self.height or 0, ratio=SQUARE, width_at_most=480)

    def renditions(self) -> list[tuple[int, str]]:
        """(width, url) pairs for srcset, never wider than the original."""
        result = []
        for width in self.RENDITION_WIDTHS:
            if self.width and width >= self.width:
                break
            result.append((width, getattr(self, f"rendition_{width}").url))
        return result


class ArticleImage(models.Model):
    """A library image as one article shows it: its texts here are this article's
    (a translation's captions are in its language; a revert brings them back), the
    body's [[image:N]] names the library image."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ForeignKey(
        Image, verbose_name=_("image"), on_delete=models.PROTECT, related_name="uses"
    )
    alt = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("image in the article")
        verbose_name_plural = _("images in the article")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="article_image_once")
        ]

    def __str__(self) -> str:
        # What the library's "in use by" and its refused delete list.
        return str(self.article)

    def get_absolute_url(self) -> str:
        return self.image.file.url

    @property
    def placeholder(self) -> str:
        return image_placeholder(self.image_id) if self.image_id else ""

    @property
    def file(self):
        return self.image.file

    @property
    def width(self) -> int | None:
        return self.image.width

    @property
    def height(self) -> int | None:
        return self.image.height

    def renditions(self) -> list[tuple[int, str]]:
        return self.image.renditions()


# ------------------------------------------------------------------------------
# Page views for "Popular now"
# ------------------------------------------------------------------------------
class ArticleDailyViews(models.Model):
    """Reads of an article on one day, flushed from a cache buffer, never per request."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="daily_views_one_row_per_day")
        ]
        indexes = [models.Index(fields=["day"], name="daily_views_day")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.views}"


# ------------------------------------------------------------------------------
# Revision history: an article's versions carry its sources and images along, so
# that reverting brings back the text, the sources and the image captions together.
# ------------------------------------------------------------------------------
# A library image is shared: reverting one article brings back that article's
# captions (its ArticleImage rows), never another article's; the library image has a
# history of its own.
reversion.register(Source)
reversion.register(ArticleImage)
reversion.register(Image)
reversion.register(Article, follow=("sources", "images"))
