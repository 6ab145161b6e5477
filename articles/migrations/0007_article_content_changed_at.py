import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def text_changed_when_last_saved(apps, schema_editor):
    # What is known of the past: the last save, which may have been a status change.
    apps.get_model("articles", "Article").objects.update(content_changed_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_editions")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="content_changed_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, editable=False, verbose_name="text changed"
            ),
        ),
        migrations.RunPython(text_changed_when_last_saved, migrations.RunPython.noop),
    ]
