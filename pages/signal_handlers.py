from django.db.models.signals import post_save
from django.dispatch import receiver

from . import services
from .models import Page


@receiver(post_save, sender=Page, dispatch_uid="page_images_follow_the_body")
def record_page_images_on_save(sender, instance: Page, **kwargs) -> None:
    """Whatever saved the page (the admin, a translation, a revert, an import), the
    library knows which of its images the body shows."""
    services.page_images_record(page=instance)
