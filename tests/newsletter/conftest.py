import pytest

from tests.articles.factories import ArticleFactory, CategoryFactory

from .smtp import LoopbackSMTP


@pytest.fixture
def topics():
    """Two top-level sections, the first with a subsection."""
    news = CategoryFactory(name="News", slug="news")
    it_news = CategoryFactory(name="IT news", slug="it-news", parent=news)
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    return {"news": news, "it_news": it_news, "reviews": reviews}


@pytest.fixture
def fresh_articles(topics):
    """One new article in a subsection of News, one in Reviews."""
    return {
        "chip": ArticleFactory(title="New chip ships", slug="new-chip", category=topics["it_news"]),
        "laptop": ArticleFactory(
            title="A quiet laptop", slug="quiet-laptop", category=topics["reviews"]
        ),
    }


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback that Django's SMTP backend delivers to."""
    server = LoopbackSMTP()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example"
