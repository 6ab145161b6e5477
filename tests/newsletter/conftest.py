import pytest

from tests.articles.factories import ArticleFactory, CategoryFactory


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


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example"
