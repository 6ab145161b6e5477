"""A small but complete reader site, and the URL of each kind of page it has.

Used by the tests that check every reader page at once (machine-readable dates,
the HTML validator, axe): each page shows real content, so that what a check looks
at (teasers, figures, threaded comments, forms) is on the page.
"""

from datetime import timedelta

import factory
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import SourceKind
from reader.rendering import author_url
from tests.articles.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    SourceFactory,
    UserFactory,
)
from tests.comments.factories import CommentFactory, MemberCommentFactory

# The word the search page looks for; it is in the headline of the article below.
SEARCH_WORD = "battery"


def build_reader_site() -> dict[str, str]:
    """Create the content and return {page name: URL} for every kind of reader page."""
    return build_reader_editions(("en",))["en"]


def build_reader_editions(languages=("en", "de")) -> dict[str, dict[str, str]]:
    """The reader site in each edition: {language: {page name: URL}}."""
    news = CategoryFactory(name="News", slug="news", description="What happened today.")
    it_news = CategoryFactory(name="IT news", slug="it-news", parent=news)
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    author = UserFactory(username="ada", first_name="Ada", last_name="Lovelace")
    sites = {}
    for language in languages:
        with translation.override(language):
            sites[language] = _edition(language, news, it_news, reviews, author)
    return sites


def _edition(language, news, it_news, reviews, author) -> dict[str, str]:
    suffix = "" if language == "en" else f"-{language}"
    article = ArticleFactory(
        language=language,
        slug=f"laptop-battery{suffix}",
        category=it_news,
        title="A laptop battery that lasts a week",
        lead="Engineers say the new cells hold twice the charge of last year's.",
        tags=["batteries", "laptops"],
        authors=[author],
        featured_image=factory.django.ImageField(width=1600, height=900, format="JPEG"),
        featured_image_alt="A laptop opened on a desk",
        published_at=timezone.now() - timedelta(hours=2, microseconds=123456),
    )
    image = ArticleImageFactory(article=article)
    article.body = (
        "<p>The cells were shown at a trade fair, according to Byte Harbor.</p>"
        f"<p>[[image:{image.pk}]]</p>"
        "<h2>What changes</h2><p>More hours away from the socket.</p>"
        "<ul><li>Twice the charge</li><li>Half the weight</li></ul>"
    )
    article.save()
    SourceFactory(article=article, name="Engadget", url="https://engadget.example/cells")
    SourceFactory(article=article, name="Byte Harbor", url="https://byteharbor.example/",
                  kind=SourceKind.MENTION)  # fmt: skip
    first = CommentFactory(article=article, comment="Does it charge over USB-C?")
    reply = MemberCommentFactory(article=article, parent=first, comment="It does, at 100 W.")
    CommentFactory(article=article, parent=reply, comment="Good to know, thanks.")
    MemberCommentFactory(article=article, user=author, comment="The author replies here.")
    for hours in (5, 30):
        ArticleFactory(category=news, tags=["laptops"], authors=[author], language=language,
                       published_at=timezone.now() - timedelta(hours=hours))  # fmt: skip
    ArticleFactory(
        category=reviews, language=language, published_at=timezone.now() - timedelta(days=3)
    )
    home = reverse("reader:home")
    return {
        "home": home,
        "category": news.get_absolute_url(),
        "subcategory": it_news.get_absolute_url(),
        "article": article.get_absolute_url(),
        "article replying": f"{article.get_absolute_url()}?reply={first.pk}",
        "tag": reverse("reader:tag", kwargs={"slug": "laptops"}),
        "author": author_url(author),
        "search": f"{reverse('reader:search')}?q={SEARCH_WORD}",
        "login": reverse("login"),
        "signup": reverse("signup"),
        "subscribe": reverse("newsletter:subscribe"),
        "not found": f"{home}no/such/page/",
    }
