import pytest

from articles.models import ArticleSlugHistory
from tests.articles.factories import ArticleFactory, ArticleImageFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_a_changed_slug_leaves_a_permanent_redirect_behind(client):
    article = ArticleFactory(slug="first-name")
    old_url = article.get_absolute_url()
    article.slug = "better-name"
    article.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_going_back_to_an_old_slug_makes_it_live_again(client):
    article = ArticleFactory(slug="one")
    article.slug = "two"
    article.save()
    article.slug = "one"
    article.save()
    assert list(ArticleSlugHistory.objects.values_list("slug", flat=True)) == ["two"]
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_article_under_the_wrong_category_path_redirects_to_its_own(client):
    article = ArticleFactory(slug="roaming")
    other = CategoryFactory(slug="elsewhere")
    response = client.get(f"/{other.path}/roaming/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_unknown_paths_are_404_in_the_site_design(client):
    response = client.get("/no-such-section/no-such-story/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_draft_is_404_for_readers_and_a_marked_preview_for_staff(client, admin_user):
    article = ArticleFactory(draft=True)
    assert client.get(article.get_absolute_url()).status_code == 404
    client.force_login(admin_user)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview" in response.content.decode()


def test_an_image_placeholder_becomes_a_responsive_figure(client):
    image = ArticleImageFactory(caption="Seen up close", credit="Jane Doe")
    article = image.article
    other_article_image = ArticleImageFactory()
    article.body = (
        f"<p>Intro.</p><p>[[image:{image.pk}]]</p><p>[[image:{other_article_image.pk}]]</p>"
    )
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("<figure") == 1
    assert f'alt="{image.alt}"' in html
    assert 'width="1600" height="900"' in html
    assert "480w" in html and "800w" in html and "1200w" in html
    assert "Seen up close" in html and "Jane Doe" in html
    assert "[[image:" not in html
