"""The Author and Editor groups with their permissions.

The permission lists are written out here, as they were when this migration was
made; articles.permissions holds the current ones, which a post_migrate handler
keeps granting (also to apps, such as comments and newsletter, that get their
models later).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

AUTHOR = {
    "articles": [
        "add_article", "change_article", "view_article",
        "add_source", "change_source", "delete_source", "view_source",
        "add_articleimage", "change_articleimage", "delete_articleimage", "view_articleimage",
        "view_category",
    ],
}
EDITOR_APPS = [
    "articles", "taggit", "comments", "django_comments", "django_comments_xtd",
    "newsletter", "post_office",
]
EDITOR_EXTRA = {"auth": ["view_user"]}


def create_groups(apps, schema_editor):
    # On a fresh database permissions are only made after all migrations ran
    # (post_migrate); make them now so that the groups can be given them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(codenames_by_app, app_labels=()):
        query = Q(content_type__app_label__in=list(app_labels))
        for app_label, codenames in codenames_by_app.items():
            query |= Q(content_type__app_label=app_label, codename__in=codenames)
        return Permission.objects.filter(query)

    author, _ = Group.objects.get_or_create(name="Author")
    author.permissions.add(*permissions(AUTHOR))
    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.add(*permissions(EDITOR_EXTRA, EDITOR_APPS))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Author", "Editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_workflow_review_queue"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "__latest__"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
