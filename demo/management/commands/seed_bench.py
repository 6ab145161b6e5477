from django.core.management.base import BaseCommand

from demo import bench


class Command(BaseCommand):
    help = (
        "Add a large dataset for the benchmarks: N published articles and M comments in "
        "bulk, and one benchmark article (200 threaded comments with votes, 3 images, "
        "3 sources, 5 tags, 3 read-also) whose path is printed last as BENCH_ARTICLE_URL=…"
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="articles to add")
        parser.add_argument("--comments", type=int, default=10000, help="comments to add")

    def handle(self, *args, articles: int, comments: int, **options):
        if articles < 0 or comments < 0:
            self.stderr.write("--articles and --comments cannot be negative.")
            raise SystemExit(2)
        article = bench.seed(articles=articles, comments=comments, stdout=self.stdout)
        self.stdout.write(f"BENCH_ARTICLE_URL={article.get_absolute_url()}")
