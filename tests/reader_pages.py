"""A small but complete reader site, and the URL of each kind of page it has.

Used by the tests that check every reader page at once (machine-readable dates,
the HTML validator, axe): each page shows real content, so that what a check looks
at (teasers, figures, threaded comments, forms) is on the page.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

from articles.models import SourceKind, Tag
from pages.models import Page
from reader.rendering import author_url
from tests.articles.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    ImageFactory,
    SourceFactory,
    UserFactory,
)
from tests.comments.factories import CommentFactory, MemberCommentFactory
from tests.images import image_bytes, upload

# The word the search page looks for; it is in the headline of the article below.
SEARCH_WORD = "battery"


def build_reader_site() -> dict[str, str]:
    """Create the content and return {page name: URL} for every kind of reader page."""
    return build_reader_editions(("en",))["en"]


def build_reader_editions(languages=("en", "de")) -> dict[str, dict[str, str]]:
    """The reader site in each edition: {language: {page name: URL}}.

    The German edition's sections and tags are named in German, except "IT news" and
    "laptops", which are not translated yet: German pages show them in English, marked
    lang="en". Its lead article is the English one's translation, so that pages carry
    the language switcher to the same story and reciprocal hreflang links.
    """
    news = CategoryFactory(name="News", slug="news", description="What happened today.",
                           name_de="Nachrichten", slug_de="nachrichten",
                           description_de="Was heute passiert ist.")  # fmt: skip
    it_news = CategoryFactory(name="IT news", slug="it-news", parent=news)
    reviews = CategoryFactory(name="Reviews", slug="reviews", name_de="Tests", slug_de="tests")
    author = UserFactory(username="ada", first_name="Ada", last_name="Lovelace")
    sites = {}
    originals = {}
    for language in languages:
        with translation.override(language):
            sites[language] = _edition(language, news, it_news, reviews, author, originals)
    return sites


TEXTS = {
    "en": {
        "title": "A laptop battery that lasts a week",
        "lead": "Engineers say the new cells hold twice the charge of last year's.",
        "tags": ["batteries", "laptops"],
        "page title": "About us",
        "page slug": "about",
        "page body": (
            "<h2>Who we are</h2><p>A newsroom of <a href=\"https://example.com/\">five</a>.</p>"
            "<p>[[image:{image}]]</p>"
            "<ul><li>News</li><li>Reviews</li></ul>"
        ),
        "page image": {"alt": "Five people around a table", "caption": "The newsroom."},
        "alt": "A laptop opened on a desk",
        "body": (
            "<p>The cells were shown at a trade fair, according to Byte Harbor.</p>"
            "<p>[[image:{image}]]</p>"
            "<h2>What changes</h2><p data-passage=\"sockethours\">More hours away from the "
            "socket, as "
            '<a href="[[link:tag:{laptops}]]">our laptop coverage</a> has said.</p>'
            "<ul><li>Twice the charge</li><li>Half the weight</li></ul>"
        ),
        "comments": ["Does it charge over USB-C?", "It does, at 100 W.",
                     "Good to know, thanks.", "The author replies here."],
        "on_passage": "How many hours, exactly?",
        "other": "More news about laptops",
        "image": {},
    },
    "de": {
        "title": "Ein Laptop-Akku, der eine Woche hält",
        "lead": "Die neuen Zellen speichern laut den Ingenieuren doppelt so viel wie die "
                "des Vorjahres.",
        "tags": ["Akkus", "laptops"],
        "page title": "Impressum",
        "page slug": "impressum",
        "page body": (
            "<h2>Wer wir sind</h2><p>Eine Redaktion aus <a href=\"https://example.com/\">fünf"
            "</a> Leuten.</p><p>[[image:{image}]]</p><ul><li>Nachrichten</li><li>Tests</li></ul>"
        ),
        "page image": {"alt": "Fünf Leute um einen Tisch", "caption": "Die Redaktion."},
        "alt": "Ein aufgeklappter Laptop auf einem Schreibtisch",
        "body": (
            "<p>Die Zellen wurden auf einer Messe gezeigt, berichtet Byte Harbor.</p>"
            "<p>[[image:{image}]]</p>"
            "<h2>Was sich ändert</h2><p data-passage=\"sockethours\">Mehr Stunden fern der "
            "Steckdose, wie "
            '<a href="[[link:tag:{laptops}]]">unsere Laptop-Berichte</a> zeigen.</p>'
            "<ul><li>Doppelte Ladung</li><li>Halbes Gewicht</li></ul>"
        ),
        "comments": ["Lädt er über USB-C?", "Ja, mit 100 W.", "Gut zu wissen, danke.",
                     "Hier antwortet die Autorin."],
        "on_passage": "Wie viele Stunden genau?",
        "other": "Weitere Meldungen über Laptops",
        "image": {"alt": "Eine Platine unter einer Lupe",
                  "caption": "Die neue Platine aus der Nähe."},
    },
}  # fmt: skip


def _edition(language, news, it_news, reviews, author, originals) -> dict[str, str]:
    suffix = "" if language == "en" else f"-{language}"
    texts = TEXTS[language]
    original = originals.get("article")
    if language == "de":
        # The English edition's "batteries" gets its German name (and URL) before the
        # German article is tagged "Akkus"; "laptops" stays untranslated.
        Tag.objects.filter(name_en="batteries").update(name_de="Akkus", slug_de="akkus")
    story = {"translation_key": original.translation_key, "translation_of": original} if (
        original
    ) else {}  # fmt: skip
    article = ArticleFactory(
        language=language,
        slug=f"laptop-battery{suffix}",
        category=it_news,
        title=texts["title"],
        lead=texts["lead"],
        tags=texts["tags"],
        authors=[author],
        featured_image=ImageFactory(alt=texts["alt"]),
        featured_image_alt=texts["alt"],
        published_at=timezone.now() - timedelta(hours=2, microseconds=123456),
        **story,
    )
    originals.setdefault("article", article)
    image = ArticleImageFactory(article=article, **texts["image"])
    laptops = Tag.objects.get(name_en="laptops")
    if language == "en":
        # A topic page: the tag's description and picture (not translated: German
        # pages show them in English, marked so).
        laptops.description_en = "Notebooks, ultrabooks and the parts inside them."
        laptops.picture = upload("laptops.jpg", image_bytes(600, 400))
        laptops.picture_alt_en = "Three laptops side by side"
        laptops.save()
    article.body = texts["body"].format(image=image.image_id, laptops=laptops.pk)
    article.save()
    SourceFactory(article=article, name="Engadget", url="https://engadget.example/cells")
    SourceFactory(article=article, name="Byte Harbor", url="https://byteharbor.example/",
                  kind=SourceKind.MENTION)  # fmt: skip
    asked, answered, thanked, by_author = texts["comments"]
    first = CommentFactory(article=article, comment=asked)
    reply = MemberCommentFactory(article=article, parent=first, comment=answered)
    CommentFactory(article=article, parent=reply, comment=thanked)
    MemberCommentFactory(article=article, user=author, comment=by_author)
    # Inline feedback: a comment on the passage the body opens for it.
    CommentFactory(article=article, comment=texts["on_passage"], passage="sockethours")
    for hours in (5, 30):
        ArticleFactory(category=news, tags=["laptops"], authors=[author], language=language,
                       title=f"{texts['other']} ({hours})",
                       published_at=timezone.now() - timedelta(hours=hours))  # fmt: skip
    ArticleFactory(
        category=reviews, language=language, title=f"{texts['other']} (3)",
        published_at=timezone.now() - timedelta(days=3),
    )  # fmt: skip
    page = Page.objects.create(
        language=language, title=texts["page title"], slug=texts["page slug"],
        # A library image, so that the checks see a static page's figure too.
        body=texts["page body"].format(image=ImageFactory(**texts["page image"]).pk),
        is_published=True, show_in_footer=True,
    )  # fmt: skip
    home = reverse("reader:home")
    return {
        "static page": page.get_absolute_url(),
        "home": home,
        "category": news.get_absolute_url(),
        "subcategory": it_news.get_absolute_url(),
        "article": article.get_absolute_url(),
        "article replying": f"{article.get_absolute_url()}?reply={first.pk}",
        "article all comments sorted": f"{article.get_absolute_url()}?sort=votes&comments=all",
        # A guest who pressed "Report" (or a vote arrow, when guests may not vote).
        "log in to report": reverse("comments:report", args=[first.pk]),
        "article passage": f"{article.get_absolute_url()}?passage=sockethours",
        "tag": reverse("reader:tag", kwargs={"slug": "laptops"}),
        "author": author_url(author),
        "search": f"{reverse('reader:search')}?q={SEARCH_WORD}",
        "login": reverse("login"),
        "signup": reverse("signup"),
        "subscribe": reverse("newsletter:subscribe"),
        "not found": f"{home}no/such/page/",
    }
