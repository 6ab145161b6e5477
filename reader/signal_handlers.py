"""The page cache hears of every change that a reader page shows, from the apps that
make them: articles and their parts, categories, tags, and comments. Each purge says
which pages in the HTTP cache in front go with it (reader/keys.py)."""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from mptt.signals import node_moved

from articles.authors import NAME_FIELDS
from articles.models import Article, ArticleImage, Category, Image, Source, Tag
from articles.placeholders import image_placeholder
from comments.models import Comment
from comments.signals import comment_section_changed
from core.editions import edition_codes
from pages.models import Page

from . import http_cache, keys
from .cache import purge_article, purge_site


def _with_ancestors(category_ids) -> set[int]:
    ids = {pk for pk in category_ids if pk}
    nodes = Category.objects.filter(pk__in=ids)
    return {
        pk
        for node in nodes
        for pk in node.get_ancestors(include_self=True).values_list("pk", flat=True)
    }


def _article_keys(article: Article) -> set[str]:
    """Every page showing the article, and every list it is in."""
    return keys.article_change(
        article_id=article.pk,
        language=article.language,
        category_ids=_with_ancestors([article.category_id]),
        tag_ids=article.tags.values_list("pk", flat=True),
        author_ids=article.authors.values_list("pk", flat=True),
    )


@receiver(pre_save, sender=Article, dispatch_uid="purge_lists_an_article_leaves")
def purge_lists_an_article_leaves(sender, instance: Article, raw: bool = False, **kwargs) -> None:
    """Moved to another section: the lists of the one it leaves lose it (their later
    pages shift), which its new state cannot tell after the save."""
    if not http_cache.enabled() or raw or not instance.pk:
        return
    stored = Article._base_manager.filter(pk=instance.pk).values_list("category_id", "language")
    before = stored.first()
    if before and before[0] != instance.category_id:
        category_id, language = before
        http_cache.purge(
            lambda: {keys.category(pk, language) for pk in _with_ancestors([category_id])}
        )


@receiver(post_save, sender=Article, dispatch_uid="purge_pages_on_article_save")
def purge_pages_on_article_save(sender, instance: Article, **kwargs) -> None:
    """An edit, a publication, an unpublication: its pages and its lists are stale
    (here, every page: the site's generation)."""
    purge_site(http_keys=lambda: _article_keys(instance))


@receiver(pre_delete, sender=Article, dispatch_uid="purge_pages_on_article_delete")
def purge_pages_on_article_delete(sender, instance: Article, **kwargs) -> None:
    # Before the delete, while its tags and authors can still be read.
    purge_site(http_keys=lambda: _article_keys(instance))


@receiver(post_save, sender=Category, dispatch_uid="purge_pages_on_category_save")
@receiver(post_delete, sender=Category, dispatch_uid="purge_pages_on_category_delete")
@receiver(node_moved, sender=Category, dispatch_uid="purge_pages_on_category_move")
@receiver(post_save, sender=Page, dispatch_uid="purge_pages_on_static_page_save")
@receiver(post_delete, sender=Page, dispatch_uid="purge_pages_on_static_page_delete")
def purge_pages_on_category_change(sender, **kwargs) -> None:
    """Every page shows the category tree and the footer's static pages: all of them
    are stale."""
    purge_site()


@receiver(post_save, sender=Tag, dispatch_uid="purge_pages_on_tag_save")
@receiver(post_delete, sender=Tag, dispatch_uid="purge_pages_on_tag_delete")
def purge_pages_on_tag_change(sender, instance: Tag, raw: bool = False, **kwargs) -> None:
    """A renamed tag: its page and the pages of its articles (which carry its key)."""
    if not raw:
        purge_site(http_keys=[keys.tag(instance.pk, code) for code in edition_codes()])


_RELATION_KEYS = {
    Article.authors.through: keys.author,
    Article.tags.through: keys.tag,
    Article.read_also.through: None,
}


@receiver(m2m_changed, sender=Article.authors.through, dispatch_uid="purge_pages_on_authors")
@receiver(m2m_changed, sender=Article.read_also.through, dispatch_uid="purge_pages_on_read_also")
@receiver(m2m_changed, sender=Article.tags.through, dispatch_uid="purge_pages_on_tags")
def purge_pages_on_article_relations(
    sender, instance, action: str, reverse: bool, pk_set=None, **kwargs
) -> None:
    """Authors, tags, read-also picks: the article's pages, and the lists it joins or leaves."""
    if not action.startswith("post_"):
        return

    def http_keys() -> set[str]:
        articles = (
            [instance]
            if isinstance(instance, Article)
            else list(Article._base_manager.filter(pk__in=pk_set or ()))
        )
        related = pk_set or () if isinstance(instance, Article) else [instance.pk]
        list_key = _RELATION_KEYS[sender]
        found = set()
        for article in articles:
            found.add(keys.article(article.pk))
            if list_key:
                found.update(list_key(pk, article.language) for pk in related)
        return found

    purge_site(http_keys=http_keys)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="purge_pages_on_author_save")
def purge_pages_on_author_rename(
    sender, instance, raw: bool = False, update_fields=None, **kwargs
) -> None:
    """A renamed author: their byline and the link to their page are on every page that
    shows their articles, and in the kept tags and authors (the site's generation).
    A login saves only `last_login`, and a reader who wrote nothing shows nowhere."""
    if raw or (update_fields is not None and not set(NAME_FIELDS) & set(update_fields)):
        return
    if Article._base_manager.filter(authors=instance).exists():
        purge_site()


@receiver(post_save, sender=Source, dispatch_uid="purge_article_on_source_save")
@receiver(post_delete, sender=Source, dispatch_uid="purge_article_on_source_delete")
@receiver(post_save, sender=ArticleImage, dispatch_uid="purge_article_on_image_save")
@receiver(post_delete, sender=ArticleImage, dispatch_uid="purge_article_on_image_delete")
def purge_article_on_part_change(sender, instance, **kwargs) -> None:
    """Sources and body images only show on their article's own page."""
    purge_article(instance.article_id)


@receiver(post_save, sender=Image, dispatch_uid="purge_articles_on_library_image_save")
def purge_articles_on_library_image_change(sender, instance: Image, raw: bool = False, **kwargs):
    """A library image's file or focal point shows in every article that places it."""
    for article_id in instance.uses.values_list("article_id", flat=True):
        purge_article(article_id)


@receiver(post_save, sender=Image, dispatch_uid="purge_pages_on_library_image_save")
@receiver(post_delete, sender=Image, dispatch_uid="purge_pages_on_library_image_delete")
def purge_pages_on_library_image_change(sender, instance: Image, raw: bool = False, **kwargs):
    """Static pages show library images by their placeholder, with no use row to find
    them by; a page whose body names this image is stale (pages have no keys of their
    own, so the whole site is purged, as on a page's save)."""
    if not raw and Page.objects.filter(body__contains=image_placeholder(instance.pk)).exists():
        purge_site()


@receiver(post_save, sender=Comment, dispatch_uid="purge_article_on_comment_save")
@receiver(post_delete, sender=Comment, dispatch_uid="purge_article_on_comment_delete")
def purge_article_page_on_comment_change(sender, instance: Comment, raw: bool = False, **kwargs):
    """Anonymous readers get the article page from the page cache: a new, edited,
    hidden or deleted comment must show there at once, not when the page expires."""
    if not raw and instance.article_id:
        purge_article(instance.article_id)


@receiver(comment_section_changed, dispatch_uid="purge_article_on_comment_section_change")
def purge_article_page_on_comment_section_change(sender, article_id: int, **kwargs) -> None:
    """A vote, an edit, a moderation decision made with update(), which sends no signal."""
    purge_article(article_id)
