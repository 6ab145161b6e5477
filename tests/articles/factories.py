import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from articles.models import (
    Article,
    ArticleDailyViews,
    ArticleImage,
    ArticleSlugHistory,
    ArticleStatus,
    Category,
    Image,
    Source,
    SourceKind,
    Tag,
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    parent = None


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Story number {n} about chips")
    slug = factory.Sequence(lambda n: f"story-{n}")
    category = factory.SubFactory(CategoryFactory)
    lead = "A short standfirst that sums the story up."
    body = "<p>First paragraph.</p><p>Second paragraph.</p>"
    status = ArticleStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=ArticleStatus.DRAFT, published_at=None)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source

    article = factory.SubFactory(ArticleFactory)
    name = "Engadget"
    url = "https://www.engadget.example/story"
    kind = SourceKind.BASED_ON


class ImageFactory(DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.django.ImageField(width=1600, height=900, format="JPEG")
    alt = "A circuit board under a magnifying glass"
    caption = "The new board, seen up close."
    credit = "Newsroom"


class ArticleImageFactory(DjangoModelFactory):
    """A library image placed in an article (the article's texts start as the library's)."""

    class Meta:
        model = ArticleImage

    article = factory.SubFactory(ArticleFactory)
    alt = "A circuit board under a magnifying glass"
    caption = "The new board, seen up close."
    credit = "Newsroom"
    image = factory.SubFactory(
        ImageFactory,
        alt=factory.SelfAttribute("..alt"),
        caption=factory.SelfAttribute("..caption"),
        credit=factory.SelfAttribute("..credit"),
    )


class ArticleSlugHistoryFactory(DjangoModelFactory):
    class Meta:
        model = ArticleSlugHistory

    article = factory.SubFactory(ArticleFactory)
    slug = factory.Sequence(lambda n: f"old-slug-{n}")


class ArticleDailyViewsFactory(DjangoModelFactory):
    class Meta:
        model = ArticleDailyViews

    article = factory.SubFactory(ArticleFactory)
    day = factory.LazyFunction(lambda: timezone.localdate())
    views = 10


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag

    name_en = factory.Sequence(lambda n: f"Topic {n}")


class TranslationFactory(ArticleFactory):
    """The German translation of an English article, as the translate service leaves
    it but written by hand: same story, made from `translation_of`."""

    language = "de"
    translation_of = factory.SubFactory(ArticleFactory, language="en")
    translation_key = factory.SelfAttribute("translation_of.translation_key")
    category = factory.SelfAttribute("translation_of.category")
    status = ArticleStatus.DRAFT
    published_at = None
