"""The page cache hears of every change that a reader page shows, from the apps that
make them: articles and their parts, categories, and comments."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from mptt.signals import node_moved

from articles.models import Article, ArticleImage, Category, Source
from comments.models import Comment
from comments.signals import comment_section_changed
from pages.models import Page

from .cache import purge_article, purge_site


@receiver(post_save, sender=Article, dispatch_uid="purge_pages_on_article_save")
@receiver(post_delete, sender=Article, dispatch_uid="purge_pages_on_article_delete")
@receiver(post_save, sender=Category, dispatch_uid="purge_pages_on_category_save")
@receiver(post_delete, sender=Category, dispatch_uid="purge_pages_on_category_delete")
@receiver(node_moved, sender=Category, dispatch_uid="purge_pages_on_category_move")
@receiver(post_save, sender=Page, dispatch_uid="purge_pages_on_static_page_save")
@receiver(post_delete, sender=Page, dispatch_uid="purge_pages_on_static_page_delete")
def purge_pages_on_listed_change(sender, **kwargs) -> None:
    """Any page may list an article or show the category tree or the footer's static
    pages: all of them are stale."""
    purge_site()


@receiver(m2m_changed, sender=Article.authors.through, dispatch_uid="purge_pages_on_authors")
@receiver(m2m_changed, sender=Article.read_also.through, dispatch_uid="purge_pages_on_read_also")
@receiver(m2m_changed, sender=Article.tags.through, dispatch_uid="purge_pages_on_tags")
def purge_pages_on_article_relations(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        purge_site()


@receiver(post_save, sender=Source, dispatch_uid="purge_article_on_source_save")
@receiver(post_delete, sender=Source, dispatch_uid="purge_article_on_source_delete")
@receiver(post_save, sender=ArticleImage, dispatch_uid="purge_article_on_image_save")
@receiver(post_delete, sender=ArticleImage, dispatch_uid="purge_article_on_image_delete")
def purge_article_on_part_change(sender, instance, **kwargs) -> None:
    """Sources and body images only show on their article's own page."""
    purge_article(instance.article_id)


@receiver(post_save, sender=Comment, dispatch_uid="purge_article_on_comment_save")
@receiver(post_delete, sender=Comment, dispatch_uid="purge_article_on_comment_delete")
def purge_article_page_on_comment_change(sender, instance: Comment, raw: bool = False, **kwargs):
    """Anonymous readers get the article page from the page cache: a new, edited,
    hidden or deleted comment must show there at once, not when the page expires."""
    if not raw and instance.article_id:
        purge_article(instance.article_id)


@receiver(comment_section_changed, dispatch_uid="purge_article_on_comment_section_change")
def purge_article_page_on_comment_section_change(sender, article_id: int, **kwargs) -> None:
    purge_article(article_id)
