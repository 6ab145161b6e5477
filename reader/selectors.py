"""Reads for the reader site: each screen's related-row loading is decided here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from articles.authors import NAME_FIELDS
from articles.models import (
    Article,
    ArticleImage,
    ArticleSlugHistory,
    Category,
    CategoryPathHistory,
    Source,
    SourceKind,
    Tag,
    TaggedArticle,
    published_q,
)
from articles.permissions import can_edit_article
from articles.selectors import authors_shown, tags_shown
from core import read_ahead
from core.editions import current_edition, edition_codes, is_multilingual
from pages.models import Page
from pages.selectors import footer_links as _footer_links

from .cache import current_generation, remembered_for_request
from .editions import EditionLinks, edition_links, in_every_edition, story_urls
from .rendering import body_key

# How long derived lists are kept; any change to articles or categories replaces them anyway.
LIST_CACHE_SECONDS = 300


class Shown(list):
    """A box's articles with the cache key they were kept under. The box's rendered HTML
    is kept under that same key (`{% fragment %}`, reader/templatetags/reader.py), so
    whatever drops the list (a new generation, the time out) drops the HTML with it."""

    def __init__(self, items=(), *, fragment_key: str):
        super().__init__(items)
        self.fragment_key = fragment_key


# ------------------------------------------------------------------------------
# The category tree: small, read by every page (header, breadcrumbs), cached whole
# ------------------------------------------------------------------------------
@dataclass
class CategoryTree:
    """The active categories in tree order, with lookups that cost no query."""

    nodes: list[Category]
    by_id: dict[int, Category] = field(init=False)
    by_path: dict[str, Category] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {node.pk: node for node in self.nodes}
        self.by_path = {node.path: node for node in self.nodes}

    def roots(self) -> list[Category]:
        return [node for node in self.nodes if node.parent_id is None]

    def children(self, category: Category) -> list[Category]:
        return [node for node in self.nodes if node.parent_id == category.pk]

    def ancestors(self, category: Category) -> list[Category]:
        """The category and its active ancestors, root first."""
        chain = []
        node = self.by_id.get(category.pk, category)
        while node is not None:
            chain.append(node)
            node = self.by_id.get(node.parent_id) if node.parent_id else None
        return chain[::-1]


def _tree_key() -> str:
    # Per edition: the lookups by path are in the edition's own paths.
    return f"reader:categories:{current_edition()}:{current_generation()}"


def category_tree() -> CategoryTree:
    key = _tree_key()
    # A page asks for it up to three times (header, breadcrumbs, other articles).
    return remembered_for_request(key, lambda: _cached_tree(key))


def _kept(key: str, read):
    """What the shared cache holds under `key` (whose generation token ends it), else
    `read()`, kept there LIST_CACHE_SECONDS."""
    found = read_ahead.get(key)
    if found is None:
        found = read()
        cache.set(key, found, LIST_CACHE_SECONDS)
    return found


def _cached_tree(key: str) -> CategoryTree:
    return _kept(
        key, lambda: CategoryTree(list(Category.objects.active().order_by("tree_id", "lft")))
    )


def top_categories() -> list[Category]:
    return category_tree().roots()


def category_by_path(*, path: str) -> Category | None:
    return category_tree().by_path.get(path)


def category_moved_to(*, path: str) -> str | None:
    """The current URL of the active category that `path` named before it, or an
    ancestor, was moved or renamed; asked only once no category has the path."""
    old = (
        CategoryPathHistory.objects.filter(
            language=current_edition(), path=path, category__is_active=True
        )
        .select_related("category")
        .first()
    )
    return old.category.get_absolute_url() if old else None


def footer_pages() -> list[tuple[str, str]]:
    """(title, URL) of the current edition's footer pages, cached with the site's
    generation (a page's save replaces it, reader/signal_handlers.py)."""
    return _kept(f"reader:footer-pages:{current_edition()}:{current_generation()}", _footer_links)


def site_chrome_key(part: str, *, section_tree_id: int | None = None, home: bool = False) -> str:
    """The key the site's navigation ("nav") and footer ("footer") are kept under as
    HTML (`{% fragment %}`): the same for every page of an edition in a generation,
    but for the top section the page is in (its tree, which only it roots) and the home
    page's own link (aria-current), and the footer's year. Rendering the two from the
    tree and the footer pages was 2–3 ms of every uncached page, for HTML that changes
    only with them."""
    year = timezone.localdate().year
    return (
        f"reader:chrome:{part}:{current_edition()}:{current_generation()}"
        f":{section_tree_id or ''}:{int(home)}:{year}"
    )


def fragment_cache_key(key: str) -> str:
    """Where `{% fragment key %}` keeps its HTML: per language, as the HTML is."""
    return f"reader:fragment:{get_language()}:{key}"


def article_page_cache_keys(*, article: Article) -> list[str]:
    """The shared-cache entries article_page() and the page's template read for a
    published article, for one read-ahead (core/read_ahead.py) before they do."""
    related = _related_key(article)
    popular = _popular_key()
    keys = [
        _tags_authors_key(article),
        _tree_key(),
        related,
        popular,
        body_key(article),
        *(fragment_cache_key(k) for k in (*_related_fragment_keys(related), popular)),
        fragment_cache_key(site_chrome_key("nav", section_tree_id=article.category.tree_id)),
        fragment_cache_key(site_chrome_key("footer")),
    ]
    if is_multilingual():
        keys.append(_translations_key(article))
    return keys


def breadcrumbs(*, category: Category) -> list[Category]:
    """The category and its ancestors, root first, from the cached tree."""
    return category_tree().ancestors(category)


def subcategories(*, category: Category) -> list[Category]:
    return category_tree().children(category)


def edition_articles():
    """Published articles of the edition being served: every list on the reader site."""
    return Article.objects.published().in_edition()


def article_page_queryset(*, preview: bool = False) -> QuerySet[Article]:
    """The article with what its body and source line are made of, read afresh on every
    request (a caption changed without any signal shows at once); its tags and authors
    come with article_page()."""
    base = Article.objects.all() if preview else Article.objects.published()
    return base.select_related("category", "featured_image").prefetch_related(
        Prefetch(
            "images", queryset=ArticleImage.objects.select_related("image").order_by("order", "pk")
        ),
        Prefetch("sources", queryset=Source.objects.order_by("order", "pk")),
    )


# What the byline, the author page's URL and the structured data read of an author.
_AUTHOR_FIELDS = ("id", *NAME_FIELDS)


def tags_and_authors(*, article: Article) -> tuple[list[Tag], list]:
    """The article's tags and authors, kept for the generation when it is published: a
    tag or an author added or removed, a tag or an author renamed, start a new one
    (reader/signal_handlers.py). They were two of the five queries of an uncached
    article page, 3 ms of its 23 on PostgreSQL. A preview reads them afresh."""

    def read() -> tuple[list[Tag], list]:
        return list(article.tags.all()), list(article.authors.only(*_AUTHOR_FIELDS))

    if not article.is_published:
        return read()
    return _kept(_tags_authors_key(article), read)


def _tags_authors_key(article: Article) -> str:
    return f"reader:tags-authors:{current_generation()}:{article.pk}"


@dataclass(frozen=True)
class ArticleLookup:
    article: Article | None = None
    redirect_to: str | None = None


def article_for_path(*, category_path: str, slug: str, viewer=None) -> ArticleLookup:
    """Find the article that `<category_path>/<slug>` names, as `viewer` may see it.

    Readers find published articles only. Someone who may change articles in the
    admin also finds the unpublished ones they may change (`can_edit_article`, the
    admin's own rule); any other unpublished article is not there for them, not even
    as a redirect that would give its new slug away.

    An article that moved to another category, or whose slug changed, is still
    found, and so is one asked for under another edition's prefix: the caller
    redirects to its current URL.
    """
    article, by_old_slug = _article_by_slug(article_page_queryset(), slug)
    if article is None and viewer is not None and viewer.has_perm("articles.change_article"):
        article, by_old_slug = _article_by_slug(article_page_queryset(preview=True), slug)
        if article is not None and not can_edit_article(viewer, article):
            article = None
    if article is None:
        return ArticleLookup()
    moved = article.language != current_edition() or article.category.path != category_path
    if by_old_slug or moved:
        return ArticleLookup(redirect_to=article.get_absolute_url())
    return ArticleLookup(article=article)


def _article_by_slug(queryset: QuerySet[Article], slug: str) -> tuple[Article | None, bool]:
    """The article with this slug now, or else the one that had it (True)."""
    article = queryset.filter(slug=slug).first()
    if article is not None:
        return article, False
    old = ArticleSlugHistory.objects.filter(slug=slug).values_list("article_id", flat=True)
    return queryset.filter(pk__in=old).first(), True


@dataclass(frozen=True)
class ArticlePage:
    """Everything the article page shows but its comment section (comments.section)."""

    article: Article
    breadcrumbs: list[Category]
    # The closing source line names what the story is based on; mentions are linked
    # in the text.
    sources: list[Source]
    read_also: list[Article]
    other_articles: list[Article]
    popular: list[Article]
    tags: list[Tag] = field(default_factory=list)
    authors: list = field(default_factory=list)
    # The story's published versions in the other editions.
    translations: list[Article] = field(default_factory=list)

    @property
    def is_preview(self) -> bool:
        return not self.article.is_published

    @property
    def original(self) -> Article | None:
        """The published original this article was translated from."""
        return next((t for t in self.translations if t.pk == self.article.translation_of_id), None)

    @property
    def translated_into(self) -> list[Article]:
        """The published translations made from this article."""
        return [t for t in self.translations if t.translation_of_id == self.article.pk]

    @property
    def edition_links(self) -> EditionLinks | None:
        """The switcher leads to each translation; the alternates name every version,
        x-default the default edition's, else the story's original."""
        urls, x_default = story_urls([self.article, *self.translations])
        return edition_links(urls, x_default=x_default, alternates=not self.is_preview)


def article_page(*, article: Article) -> ArticlePage:
    """The article page for an article from `article_page_queryset()`.

    Queries beyond the article's own (category, images, sources, tags, authors): on a
    cold cache (or in a new generation), read also, other articles, the category tree
    and "Popular now"; the same however many images, sources, tags or comments.
    """
    tags, authors = tags_and_authors(article=article)
    breadcrumb_trail = breadcrumbs(category=article.category)
    picked, others = related_reading(article=article, tag_ids=[tag.pk for tag in tags])
    return ArticlePage(
        article=article,
        breadcrumbs=breadcrumb_trail,
        sources=[s for s in article.sources.all() if s.kind == SourceKind.BASED_ON],
        read_also=picked,
        other_articles=others,
        popular=popular_articles(),
        tags=tags,
        authors=authors,
        translations=published_translations(article=article),
    )


def _translations_key(article: Article) -> str:
    return f"reader:translations:{current_generation()}:{article.pk}"


def published_translations(*, article: Article) -> list[Article]:
    """The story's published versions in the other editions, with what their URLs need:
    one query (none with a single edition, or once kept)."""
    if not is_multilingual():
        return []
    # Kept for the generation: a translation published, moved or withdrawn is an
    # article change, which starts a new one.
    return _kept(
        _translations_key(article),
        lambda: list(
            article.translations()
            .published()
            .select_related("category")
            .only("language", "slug", "translation_of", "category", "title")
            .order_by("language")
        ),
    )


# ------------------------------------------------------------------------------
# The other editions of list pages: no query (the tree is cached; a tag or an
# author says which editions show it in the query that loads it)
# ------------------------------------------------------------------------------
def page_edition_links(*, page) -> EditionLinks | None:
    """A static page leads to its published version in each other edition (the same
    translation_key), else that edition's home: one query, none with one edition."""
    if not is_multilingual():
        return None
    others = (
        Page.objects.published()
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .only("language", "slug")
    )
    versions = [page, *others]
    return edition_links({version.language: version.get_absolute_url() for version in versions})


def home_edition_links() -> EditionLinks | None:
    return edition_links(in_every_edition(lambda: reverse("reader:home")))


def category_edition_links(*, category: Category, alternates: bool = True) -> EditionLinks | None:
    """A section is in every edition, at its path in that edition's slugs."""
    return edition_links(in_every_edition(category.get_absolute_url), alternates=alternates)


def _shown_in(model_row, build, *, alternates: bool) -> EditionLinks | None:
    urls = in_every_edition(build)
    shown = {code: url for code, url in urls.items() if getattr(model_row, f"shown_in_{code}")}
    return edition_links(shown, alternates=alternates)


def tag_edition_links(*, tag: Tag, alternates: bool = True) -> EditionLinks | None:
    """For a tag from `tag_by_slug()`: its page in each edition where it has articles."""
    return _shown_in(tag, tag.get_absolute_url, alternates=alternates)


def author_edition_links(*, author, alternates: bool = True) -> EditionLinks | None:
    """For an author from `author_by_id()`: their page where they have articles."""
    from .rendering import author_url

    return _shown_in(author, lambda: author_url(author), alternates=alternates)


def _shown_in_editions(articles_of) -> dict:
    """`shown_in_<code>` annotations: whether `articles_of(edition's published articles)`
    has any, per edition, as subqueries of the row's own query."""
    return {
        f"shown_in_{code}": Exists(articles_of(Article.objects.published().in_edition(code)))
        for code in edition_codes()
    }


def category_articles(*, category: Category) -> QuerySet[Article]:
    """Published articles of a category and all its descendants, newest first: found
    and ordered by the category's list (CategoryArticle, the articles' columns copied
    onto one row per category above them), one range of its index, so that a page
    reads its own articles and those it skips, and no others."""
    return _listed_articles("category_listings", "article_id", listed_in=category)


# ------------------------------------------------------------------------------
# Blocks around an article
# ------------------------------------------------------------------------------
# The newest articles "Read also" and "Other articles" rank, besides the editor's picks:
# ranking every article that shares a tag or a section sorted the whole archive on each
# rendering (0.3 s at 100,000 articles); the newest few hundred keep the cost flat, and a
# story's related reading is the recent coverage of its subject anyway.
RELATED_CANDIDATES = 300


def _related_key(article: Article) -> str:
    return f"reader:related:{current_edition()}:{current_generation()}:{article.pk}"


def related_reading(*, article: Article, tag_ids: list[int]) -> tuple[Shown, Shown]:
    """The "Read also" and "Other articles" of the article page, kept in the shared cache
    for the site's generation, as "Popular now" is: their four queries were a third of
    the page's. Everything they rank by (the article's tags, category and picks, the
    other articles and when they went live) is an article change, which starts a new
    generation (reader/cache.py)."""
    key = _related_key(article)

    def read() -> tuple[list[Article], list[Article]]:
        picked = read_also(article=article, tag_ids=tag_ids)
        return picked, other_articles(article=article, exclude=picked)

    picked, others = _kept(key, read)
    picked_key, others_key = _related_fragment_keys(key)
    return Shown(picked, fragment_key=picked_key), Shown(others, fragment_key=others_key)


def _related_fragment_keys(key: str) -> tuple[str, str]:
    """The fragment keys of "Read also" and "Other articles", from their list's key."""
    return f"{key}:read-also", f"{key}:others"


def read_also(*, article: Article, tag_ids: list[int], limit: int = 4) -> list[Article]:
    """The editor's picks first, then articles sharing the most tags, then the same
    category; newest first within each. Picks of any age; the others from the
    RELATED_CANDIDATES newest related articles. Three queries however large the archive:
    the picks' ids, the candidates' ids (a walk of the newest), and their ranking. As one
    query, "a pick or a candidate" made PostgreSQL read every article (0.4 s at 100,000)."""
    pick_ids = list(
        Article.read_also.through.objects.filter(from_article_id=article.pk).values_list(
            "to_article_id", flat=True
        )
    )
    tagged = Article.tags.through.objects.filter(tag_id__in=tag_ids)
    related = Exists(tagged.filter(content_object_id=OuterRef("pk"))) | Q(
        category_id=article.category_id
    )
    recent_ids = list(
        edition_articles().filter(related).exclude(pk=article.pk)
        .newest_first().values_list("pk", flat=True)[:RELATED_CANDIDATES]
    )  # fmt: skip
    shared = (
        tagged.filter(content_object_id=OuterRef("pk"))
        .values("content_object_id")
        .annotate(count=Count("*"))
        .values("count")
    )
    return list(
        edition_articles()
        # The article's own id keeps the set from being empty, which Django answers
        # without a query: the page's query count stays the same whatever is related.
        .filter(pk__in={article.pk, *pick_ids, *recent_ids})
        .exclude(pk=article.pk)
        .annotate(
            is_pick=Case(When(pk__in=pick_ids, then=1), default=0, output_field=IntegerField()),
            shared_tags=Coalesce(Subquery(shared, output_field=IntegerField()), Value(0)),
        )
        .for_listing()
        .order_by("-is_pick", "-shared_tags", "-published_at", "-pk")[:limit]
    )


def other_articles(
    *, article: Article, exclude: list[Article] = (), limit: int = 6
) -> list[Article]:
    """The latest of the article's category (subcategories included), not repeating it
    or the articles already shown next to it; when the category runs short, the latest
    of its top-level section fill the rest. One query, over the RELATED_CANDIDATES
    newest of the section."""
    category = article.category
    section = breadcrumbs(category=category)[0]
    excluded = [article.pk, *(other.pk for other in exclude)]
    own_category = Q(category__lft__gte=category.lft, category__rght__lte=category.rght)
    in_section = edition_articles().in_category(section)
    recent = in_section.exclude(pk__in=excluded).newest_first().values("pk")[:RELATED_CANDIDATES]
    return list(
        in_section.filter(pk__in=recent)
        .exclude(pk__in=excluded)
        .annotate(own=Case(When(own_category, then=1), default=0, output_field=IntegerField()))
        .for_listing()
        .order_by("-own", "-published_at", "-pk")[:limit]
    )


def _popular_key(limit: int = 5) -> str:
    return f"reader:popular:{current_edition()}:{current_generation()}:{limit}"


def popular_articles(*, limit: int = 5) -> Shown:
    """Most read in the last READER_POPULAR_DAYS days, from the flushed counts.

    Kept for a few minutes: the same list serves every page, and the generation
    in its key drops it as soon as an article is unpublished.
    """
    key = _popular_key(limit)

    def read() -> list[Article]:
        since = timezone.localdate() - timedelta(days=settings.READER_POPULAR_DAYS - 1)
        return list(
            edition_articles()
            .filter(daily_views__day__gte=since)
            .annotate(recent_views=Sum("daily_views__views"))
            .for_listing()
            .order_by("-recent_views", "-published_at", "-pk")[:limit]
        )

    return Shown(_kept(key, read), fragment_key=key)


# ------------------------------------------------------------------------------
# Lists
# ------------------------------------------------------------------------------
def latest_articles(*, limit: int) -> list[Article]:
    return list(edition_articles().for_listing().newest_first()[:limit])


# The newest articles the home page's section blocks are picked from: ranking every
# published article made the query grow with the archive (0.6 s at 5,000 articles).
SECTION_CANDIDATES = 200


def section_blocks(
    *, sections: list[Category], per_section: int, exclude: list[Article] = ()
) -> list[tuple[Category, list[Article]]]:
    """The newest articles of each top-level section (subsections included), in one
    query: a row number per tree, which is a top-level category and its descendants,
    over the SECTION_CANDIDATES newest articles. A section with fewer among them than
    it has gets one query of its own, through its list, so the blocks are exact either way.

    Only the shown rows leave the database (the rank is filtered there, with the count
    of candidates alongside): making all the candidates' models was half of the home
    page's time."""
    excluded = [article.pk for article in exclude]
    published = edition_articles().exclude(pk__in=excluded)
    candidates = published.newest_first().values("pk")[:SECTION_CANDIDATES]
    ranked = (
        published.filter(pk__in=candidates)
        .for_listing()
        .annotate(
            section_rank=Window(
                RowNumber(),
                partition_by=F("category__tree_id"),
                order_by=[F("published_at").desc(), F("pk").desc()],
            ),
            candidates_seen=Window(Count("pk")),
        )
        .filter(section_rank__lte=per_section)
        .order_by("category__tree_id", "section_rank")
    )
    by_tree: dict[int, list[Article]] = {}
    seen = 0
    for article in ranked:
        seen = article.candidates_seen
        by_tree.setdefault(article.category.tree_id, []).append(article)
    if seen >= SECTION_CANDIDATES:
        for section in sections:
            if len(by_tree.get(section.tree_id, ())) < per_section:
                # Through the section's list (CategoryArticle), as its own page is: the
                # articles filtered by their section walked the whole archive for a
                # section with few of them (0.18 s at 100,000 articles on PostgreSQL).
                older = category_articles(category=section).exclude(pk__in=excluded)
                by_tree[section.tree_id] = list(older[:per_section])
    return [
        (section, by_tree[section.tree_id]) for section in sections if by_tree.get(section.tree_id)
    ]


def visible_tags() -> QuerySet[Tag]:
    """The tags readers of this edition may see (a page of their own)."""
    return tags_shown(language=current_edition())


def _tag_shown_in_editions() -> dict:
    """`shown_in_<code>` of a tag: whether it has a published article in that edition,
    each a seek in the taggings' listing index (TaggedArticle)."""
    return {
        f"shown_in_{code}": Exists(
            TaggedArticle.objects.published().in_edition(code).filter(tag=OuterRef("pk"))
        )
        for code in edition_codes()
    }


def tag_by_slug(*, slug: str) -> Tag | None:
    """A visible tag, with the editions in which it has published articles."""
    return visible_tags().filter(slug=slug).annotate(**_tag_shown_in_editions()).first()


def tag_articles(*, tag: Tag) -> QuerySet[Article]:
    """The tag's published articles in this edition, newest first: found and ordered by
    the taggings' copies of the article's columns (TaggedArticle), which are one range
    of their index, so a page reads its own articles and those it skips, no others."""
    return _listed_articles("tagged_items", "content_object_id", tag=tag)


def _listed_articles(rows: str, article_id: str, **which) -> QuerySet[Article]:
    """Published articles of this edition, newest first, found through the rows of a
    list (`rows`: the related name of CategoryArticle or TaggedArticle, `which` the
    list, `article_id` the rows' column of the article) and their copies of the
    article's columns: "published" is published_q on the copies."""
    listed = published_q(f"{rows}__") & Q(
        **{f"{rows}__{name}": value for name, value in which.items()},
        **{f"{rows}__language": current_edition()},
    )
    return (
        Article.objects.filter(listed)
        .for_listing()
        .order_by(f"-{rows}__published_at", f"-{rows}__{article_id}")
    )


def author_by_id(*, pk: int):
    """A user readers may see: the author of at least one published article."""
    shown = _shown_in_editions(lambda articles: articles.filter(authors=OuterRef("pk")))
    authors = authors_shown(language=current_edition()).filter(pk=pk)
    return authors.annotate(**shown).first()


def author_articles(*, author) -> QuerySet[Article]:
    return edition_articles().filter(authors=author).for_listing().newest_first()


# ------------------------------------------------------------------------------
# Feeds and sitemaps
# ------------------------------------------------------------------------------
def feed_articles(*, limit: int, category: Category | None = None) -> QuerySet[Article]:
    """The newest published articles (of a category's subtree), with what a feed
    item names: category, authors, tags. Three queries."""
    articles = edition_articles()
    if category is not None:
        articles = articles.in_category(category)
    return articles.for_listing().prefetch_related("authors", "tags").newest_first()[:limit]


def sitemap_articles() -> QuerySet[Article]:
    """Every published article, with only what a sitemap entry needs."""
    return (
        edition_articles()
        .select_related("category")
        .only(
            "slug", "updated_at", "published_at", "language", "translation_key",
            "translation_of", "category__path",
        )
        .newest_first()
    )  # fmt: skip


def published_versions(*, translation_keys) -> dict[object, list[Article]]:
    """The published versions, in every edition, of the stories with these keys (a
    sitemap page's articles): one query, none with a single edition."""
    if not is_multilingual():
        return {}
    versions: dict[object, list[Article]] = {}
    rows = (
        Article.objects.published()
        .filter(translation_key__in=set(translation_keys))
        .select_related("category")
        .only("slug", "language", "translation_key", "translation_of", "category")
        .order_by("language")
    )
    for article in rows:
        versions.setdefault(article.translation_key, []).append(article)
    return versions


def sitemap_tags() -> QuerySet[Tag]:
    """The visible tags, with the editions in which each has published articles."""
    return visible_tags().annotate(**_tag_shown_in_editions()).order_by("slug")


def news_sitemap_articles(*, since) -> QuerySet[Article]:
    """Published articles of the news sitemap's window (Google News: two days)."""
    return edition_articles().filter(published_at__gte=since)


def newest_publish_time_by_category() -> dict[int, object]:
    """The newest publish time of each category's own articles, in one query."""
    return dict(
        edition_articles()
        .order_by()
        .values_list("category_id")
        .annotate(newest=Max("published_at"))
    )
