from django.dispatch import receiver
from mptt.signals import node_moved

from .models import Category


@receiver(node_moved, sender=Category, dispatch_uid="category_paths_follow_move")
def rebuild_paths_on_category_move(sender, instance: Category, **kwargs) -> None:
    """A drag and drop in the admin moves a subtree without calling save(): the
    stored URL paths of the node and everything under it must follow."""
    instance.refresh_from_db(fields=["parent", "tree_id", "lft", "rght", "level"])
    instance.path = instance.build_path()
    Category.objects.filter(pk=instance.pk).update(path=instance.path)
    instance.rebuild_descendant_paths()
