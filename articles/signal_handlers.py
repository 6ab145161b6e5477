from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from mptt.signals import node_moved

from .cache import purge_article, purge_site
from .models import Article, ArticleImage, Category, Source


@receiver(node_moved, sender=Category, dispatch_uid="category_paths_follow_move")
def rebuild_paths_on_category_move(sender, instance: Category, **kwargs) -> None:
    """A drag and drop in the admin moves a subtree without calling save(): the
    stored URL paths of the node and everything under it must follow."""
    instance.refresh_from_db(fields=["parent", "tree_id", "lft", "rght", "level"])
    instance.path = instance.build_path()
    Category.objects.filter(pk=instance.pk).update(path=instance.path)
    instance.rebuild_descendant_paths()


# ------------------------------------------------------------------------------
# Page cache purges
# ------------------------------------------------------------------------------
@receiver(post_save, sender=Article, dispatch_uid="purge_pages_on_article_save")
@receiver(post_delete, sender=Article, dispatch_uid="purge_pages_on_article_delete")
@receiver(post_save, sender=Category, dispatch_uid="purge_pages_on_category_save")
@receiver(post_delete, sender=Category, dispatch_uid="purge_pages_on_category_delete")
@receiver(node_moved, sender=Category, dispatch_uid="purge_pages_on_category_move")
def purge_pages_on_listed_change(sender, **kwargs) -> None:
    """Any page may list an article or show the category tree: all of them are stale."""
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
