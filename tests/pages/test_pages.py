"""Static pages: their URL, the footer links, the sitemap, sanitizing and revisions."""

import pytest
import reversion
from django.contrib import admin
from django.urls import reverse
from reversion.models import Version

from articles.models import RESERVED_SLUGS
from pages.models import Page, PageImage
from tests.articles.factories import ImageFactory

pytestmark = pytest.mark.django_db


def make(**kwargs) -> Page:
    defaults = {"title": "About us", "slug": "about", "body": "<p>Who we are.</p>",
                "is_published": True}  # fmt: skip
    return Page.objects.create(**{**defaults, **kwargs})


def test_a_page_lives_under_page_in_its_own_edition():
    assert make().get_absolute_url() == "/page/about/"
    assert make(language="de", slug="impressum").get_absolute_url() == "/de/page/impressum/"
    assert "page" in RESERVED_SLUGS  # so no top-level section can take its URL


def test_a_published_page_is_shown_and_an_unpublished_one_is_not(client):
    make()
    make(slug="draft", title="Draft", is_published=False)
    response = client.get("/page/about/")
    assert response.status_code == 200
    assert "Who we are." in response.content.decode()
    assert client.get("/page/draft/").status_code == 404
    assert client.get("/page/nothing/").status_code == 404


def test_a_page_is_only_at_its_editions_address(client):
    make(language="de", slug="impressum", title="Impressum")
    assert client.get("/de/page/impressum/").status_code == 200
    assert client.get("/page/impressum/").status_code == 404


def test_the_body_is_sanitized_on_save():
    page = make(
        body='<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:x()">a</a>'
    )
    assert page.body == '<p>Hi</p><a rel="noopener noreferrer">a</a>'


def test_the_footer_links_the_chosen_pages_of_the_edition_in_their_order(client):
    make(slug="contact", title="Contact", show_in_footer=True, footer_order=2)
    make(slug="about", title="About us", show_in_footer=True, footer_order=1)
    make(slug="hidden", title="Not linked", show_in_footer=False)
    make(slug="draft", title="Unpublished", show_in_footer=True, is_published=False)
    make(language="de", slug="impressum", title="Impressum", show_in_footer=True)
    html = client.get("/page/about/").content.decode()
    footer = html[html.index('class="site-footer__pages"') :]
    assert footer.index("About us") < footer.index("Contact")
    assert "Not linked" not in footer and "Unpublished" not in footer
    assert "Impressum" not in footer
    assert "/de/page/impressum/" in client.get("/de/page/impressum/").content.decode()


def test_the_footer_links_cost_no_query_once_cached(client, django_assert_num_queries):
    for n in range(5):
        make(slug=f"p{n}", title=f"Page {n}", show_in_footer=True)
    client.get("/page/p0/")
    with django_assert_num_queries(0):  # the whole page from the page cache
        client.get("/page/p0/")


def test_a_new_footer_page_shows_on_cached_pages_at_once(client):
    make()
    client.get("/page/about/")
    make(slug="contact", title="Contact us", show_in_footer=True)
    assert "Contact us" in client.get("/page/about/").content.decode()


def test_published_pages_are_in_their_editions_sitemap(client):
    make()
    make(slug="draft", is_published=False)
    make(language="de", slug="impressum")
    xml = client.get("/sitemaps/pages.xml").content.decode()
    assert "/page/about/" in xml and "draft" not in xml and "impressum" not in xml
    assert "/de/page/impressum/" in client.get("/de/sitemaps/pages.xml").content.decode()


def test_pages_keep_revisions_and_have_the_prose_editor_in_the_admin(staff_client):
    with reversion.create_revision():
        page = make()
    assert Version.objects.get_for_object(page).count() == 1
    assert Page in admin.site._registry
    response = staff_client.get(f"/admin/pages/page/{page.pk}/change/")
    assert response.status_code == 200
    assert "prose-editor" in response.content.decode()


def test_two_editions_may_use_one_slug_but_not_one_edition_twice():
    from django.db import IntegrityError, transaction

    make()
    make(language="de")
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_the_admin_translates_a_page_into_the_edition_it_lacks(staff_client):
    about = make(show_in_footer=True, footer_order=3)
    change = f"/admin/pages/page/{about.pk}/change/"
    html = staff_client.get(change).content.decode()
    assert "Translate into German" in html and "Translate into English" not in html
    response = staff_client.post(f"/admin/pages/page/{about.pk}/translate/de/")
    german = Page.objects.get(language="de")
    assert response["Location"] == f"/admin/pages/page/{german.pk}/change/"
    # A draft of the same page to translate in, at the same place in the footer.
    assert (german.translation_key, german.title, german.body, german.slug) == (
        about.translation_key, about.title, about.body, about.slug)  # fmt: skip
    assert not german.is_published
    assert (german.show_in_footer, german.footer_order) == (True, 3)
    assert Version.objects.get_for_object(german).count() == 1
    assert "Translate into German" not in staff_client.get(change).content.decode()
    again = staff_client.post(f"/admin/pages/page/{about.pk}/translate/de/", follow=True)
    assert "has a German edition already" in again.content.decode()
    assert Page.objects.filter(language="de").count() == 1


def test_a_page_is_translated_only_by_post_by_someone_who_may_add_pages(client, staff_client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    about = make()
    url = f"/admin/pages/page/{about.pk}/translate/de/"
    assert staff_client.get(url).status_code == 405
    viewer = get_user_model().objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_page"))
    client.force_login(viewer)
    change = client.get(f"/admin/pages/page/{about.pk}/change/")
    assert "Translate into" not in change.content.decode()
    client.post(url)
    assert not Page.objects.filter(language="de").exists()
    assert staff_client.post(f"/admin/pages/page/{about.pk}/translate/xx/").status_code == 302
    assert not Page.objects.filter(language="xx").exists()


# -- library images in a page's body ------------------------------------------------
def page_with_images(count: int) -> tuple[Page, list]:
    images = [ImageFactory(alt=f"Photo {n}", caption=f"Caption {n}", credit=f"Credit {n}")
              for n in range(count)]  # fmt: skip
    body = "<p>Who we are.</p>" + "".join(f"<p>{image.placeholder}</p>" for image in images)
    return make(body=body), images


def test_a_placeholder_shows_the_library_images_figure_with_renditions(client):
    _page, (image,) = page_with_images(1)
    html = client.get("/page/about/").content.decode()
    assert "[[image:" not in html
    figure = html[html.index('<figure class="figure">') : html.index("</figure>")]
    assert 'alt="Photo 0"' in figure and 'width="1600" height="900"' in figure
    assert "<figcaption>Caption 0" in figure and "Image: Credit 0" in figure
    assert f"{image.rendition_800.url} 800w" in figure
    assert 'loading="lazy"' not in figure  # the first figure may be above the fold


def test_a_deleted_or_unknown_image_leaves_no_trace(client):
    page, (kept, gone) = page_with_images(2)
    # The library refuses to delete an image a page shows; one gone some other way
    # (a row removed by hand) must still not break the page.
    PageImage.objects.filter(image=gone).delete()
    gone.delete()
    Page.objects.filter(pk=page.pk).update(body=page.body + "<p>[[image:999999]]</p>")
    response = client.get("/page/about/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<figure") == 1 and f'alt="{kept.alt}"' in html
    assert "Photo 1" not in html and "[[image:" not in html


@pytest.mark.parametrize("count", [1, 3])
def test_a_pages_images_cost_one_query_however_many(client, django_assert_num_queries, count):
    page_with_images(count)
    make(slug="contact", title="Contact")
    client.get("/page/contact/")  # the category tree and the footer cached
    with django_assert_num_queries(3):  # the page, all of its images, its other editions
        html = client.get("/page/about/").content.decode()
    assert html.count('<figure class="figure">') == count
    assert html.count('loading="lazy"') == count - 1


def test_a_page_without_placeholders_asks_for_no_image(client, django_assert_num_queries):
    make()
    make(slug="contact", title="Contact")
    client.get("/page/about/")
    with django_assert_num_queries(2):  # the page, its other editions
        client.get("/page/contact/")


def test_a_changed_library_image_shows_on_a_cached_page_at_once(client):
    _page, (image,) = page_with_images(1)
    client.get("/page/about/")
    image.alt = "A new description"
    image.save()
    assert 'alt="A new description"' in client.get("/page/about/").content.decode()


def test_the_page_admins_body_editor_has_the_image_button(staff_client):
    page = make()
    html = staff_client.get(f"/admin/pages/page/{page.pk}/change/").content.decode()
    assert "articles/admin/image_picker.js" in html
    assert reverse("admin:articles_image_picker") in html


def test_an_image_only_a_page_shows_is_in_use_and_its_delete_is_refused(staff_client):
    image = ImageFactory()
    page = make(title="Our newsroom", body=f"<p>Hello.</p><p>[[image:{image.pk}]]</p>")
    listing = staff_client.get(reverse("admin:articles_image_changelist"))
    assert listing.context["cl"].result_list[0].use_count == 1
    change = staff_client.get(reverse("admin:articles_image_change", args=[image.pk]))
    assert "Our newsroom" in change.content.decode()
    url = reverse("admin:articles_image_delete", args=[image.pk])
    refused = staff_client.get(url).content.decode()
    assert "Our newsroom" in refused and "protected" in refused
    # Taken out of the body, the image is free to go.
    page.body = "<p>Hello.</p>"
    page.save()
    assert staff_client.post(url, {"post": "yes"}).status_code == 302
    assert not type(image).objects.exists()
