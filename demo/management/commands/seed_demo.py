from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.models import Article
from demo import articles, comments, editions


class Command(BaseCommand):
    help = (
        "Fill the database with the demo site. Safe to run again: what exists is kept. "
        "The English articles come first, then the German edition's sections, tags and "
        "translations, then the comments on both."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when any article exists."
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("The database has articles already; demo content not loaded.")
            return
        for part in (articles, editions, comments):
            part.seed(self.stdout)
        # The History button in the admin starts with the demo's first version.
        call_command(
            "createinitialrevisions", "articles.Article", comment="Demo content", verbosity=0
        )
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
