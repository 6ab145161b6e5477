from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from accounts.dev_admin import PASSWORD, USERNAME
from core.urls import absolute_url


class Command(BaseCommand):
    help = "Create the development superuser (only with DEBUG on) and print its login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a development admin with DEBUG off.")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "email": "admin@localhost"},
        )
        if created:
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
        admin_url = absolute_url(reverse("admin:index"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {admin_url}  user: {USERNAME}  password: {PASSWORD}"
                + ("" if created else "  (existing account; password unchanged)")
            )
        )
