from django.core.management.base import BaseCommand

from articles.models import Article
from demo import articles, comments


class Command(BaseCommand):
    help = (
        "Fill the database with the demo site. Safe to run again: what exists is kept. "
        "The articles come first, then the comments on them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when any article exists."
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("The database has articles already; demo content not loaded.")
            return
        for part in (articles, comments):
            part.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
