"""An [[image:N]] placeholder becomes a figure only where the editor is told to put it:
as a paragraph of its own. Anywhere else it is text, and the page stays valid HTML."""

from html.parser import HTMLParser

import pytest

from tests.articles.factories import ArticleImageFactory

pytestmark = pytest.mark.django_db

# Elements whose content model has no room for a <figure>.
PHRASING_ONLY = {"p", "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "strong", "em",
                 "s", "u", "sub", "sup", "span", "label", "button"}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class FigureNesting(HTMLParser):
    """Reads the page as written (no parser repair) and notes every <figure> that
    opens inside an element that cannot hold it."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.misplaced: list[str] = []
        self.figures = 0

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            self.figures += 1
            if inside := PHRASING_ONLY.intersection(self.open):
                self.misplaced.append(f"<figure> inside <{'>, <'.join(sorted(inside))}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]


def article_page(client, body_template: str):
    image = ArticleImageFactory(caption="", credit="")
    article = image.article
    article.body = body_template.format(pk=image.image_id)
    article.save()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    nesting = FigureNesting()
    nesting.feed(html)
    return html, nesting, f"[[image:{image.image_id}]]"


@pytest.mark.parametrize(
    "body",
    [
        # (An href of "[[image:N]]" is no link: the sanitizer drops it, see
        # test_internal_link_editing.py.)
        '<p>Read <a href="/chart/" title="[[image:{pk}]]">the chart</a>.</p>',
        '<p>Read <a href="/chart/" title="x">[[image:{pk}]]</a>.</p>',
        "<p>As the picture [[image:{pk}]] shows, it works.</p>",
        "<p>Type <code>[[image:{pk}]]</code> on a line of its own.</p>",
        "<pre><code>[[image:{pk}]]</code></pre>",
        "<h2>[[image:{pk}]]</h2>",
        "<p><strong>[[image:{pk}]]</strong></p>",
        # Paragraphs the sanitizer keeps inside elements that cannot hold a figure.
        '<a href="/chart/"><p>[[image:{pk}]]</p></a>',
        "<h2><p>[[image:{pk}]]</p></h2>",
        "<strong><p>[[image:{pk}]]</p></strong>",
    ],
    ids=[
        "title",
        "link text",
        "sentence",
        "code",
        "pre",
        "heading",
        "strong",
        "paragraph in link",
        "paragraph in heading",
        "paragraph in strong",
    ],  # fmt: skip
)
def test_a_placeholder_that_is_not_a_paragraph_of_its_own_stays_text(client, body):
    html, nesting, placeholder = article_page(client, body)
    assert nesting.figures == 0, "the placeholder was expanded"
    assert placeholder in html
    assert nesting.misplaced == []


@pytest.mark.parametrize(
    "body",
    [
        "<p>Intro.</p><p>[[image:{pk}]]</p><p>More.</p>",
        "<p>  [[image:{pk}]]&nbsp;</p>",
        "<p>[[image:{pk}]]<br></p>",
        "<blockquote><p>[[image:{pk}]]</p></blockquote>",
        "<ul><li><p>[[image:{pk}]]</p></li></ul>",
    ],
    ids=["paragraph", "padded", "trailing break", "in a quote", "in a list item"],
)
def test_a_placeholder_standing_as_its_own_paragraph_becomes_a_figure(client, body):
    html, nesting, placeholder = article_page(client, body)
    assert nesting.figures == 1
    assert placeholder not in html
    assert nesting.misplaced == []


def test_a_placeholder_in_an_image_alt_text_is_not_expanded_again(client):
    image = ArticleImageFactory(caption="", credit="")
    second = ArticleImageFactory(article=image.article, alt="", caption="", credit="")
    image.alt = f"[[image:{second.image_id}]]"
    image.save()
    article = image.article
    article.body = f"<p>[[image:{image.image_id}]]</p>"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    nesting = FigureNesting()
    nesting.feed(html)
    assert nesting.figures == 1
    assert f'alt="[[image:{second.image_id}]]"' in html
