import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from comments.models import Comment, CommentVote
from tests.articles.factories import ArticleFactory, UserFactory


class CommentFactory(DjangoModelFactory):
    """A published comment, threaded by xtd's own save(); `parent=` makes a reply."""

    class Meta:
        model = Comment

    class Params:
        parent = None

    content_object = factory.SelfAttribute("article")
    site_id = 1
    user = None
    user_name = factory.Sequence(lambda n: f"Reader {n}")
    user_email = factory.Sequence(lambda n: f"reader{n}@example.com")
    comment = "A thoughtful remark about the story."
    submit_date = factory.LazyFunction(timezone.now)
    is_public = True
    parent_id = factory.LazyAttribute(lambda o: o.parent.pk if o.parent else 0)
    replied_to = factory.SelfAttribute("parent")

    @factory.lazy_attribute
    def article(self):
        return self.parent.article if self.parent else ArticleFactory()


class MemberCommentFactory(CommentFactory):
    user = factory.SubFactory(UserFactory)
    user_name = factory.LazyAttribute(lambda o: o.user.get_full_name() or o.user.username)
    user_email = factory.LazyAttribute(lambda o: o.user.email)


class CommentVoteFactory(DjangoModelFactory):
    class Meta:
        model = CommentVote

    comment = factory.SubFactory(CommentFactory)
    user = factory.SubFactory(UserFactory)
    value = 1
