"""Images become objects of a library of their own (Image), placed in articles by
ArticleImage rows. Each existing image becomes a library image with the same id, so
every [[image:N]] already in a body names the same picture as before; its texts stay
on the article's row too, so that readers see exactly what they saw."""

import django.core.validators
import django.db.models.deletion
from django.core.management.color import no_style
from django.db import migrations, models

import articles.fields


def images_to_library(apps, schema_editor):
    Image = apps.get_model("articles", "Image")
    ArticleImage = apps.get_model("articles", "ArticleImage")
    for row in ArticleImage.objects.order_by("pk").iterator():
        image = Image(
            pk=row.pk, file=row.old_file.name, width=row.width, height=row.height,
            alt=row.alt, caption=row.caption, credit=row.credit,
        )  # fmt: skip
        image.save()
        # auto_now_add overrides what the constructor was given.
        Image.objects.filter(pk=row.pk).update(created_at=row.created_at)
        ArticleImage.objects.filter(pk=row.pk).update(library_image=row.pk)
    # Rows were given their ids: the next upload must not take one of them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Image]):
            cursor.execute(sql)


def library_to_images(apps, schema_editor):
    ArticleImage = apps.get_model("articles", "ArticleImage")
    for row in ArticleImage.objects.select_related("library_image").iterator():
        ArticleImage.objects.filter(pk=row.pk).update(
            old_file=row.library_image.file.name,
            width=row.library_image.width,
            height=row.library_image.height,
        )


FRACTION = [
    django.core.validators.MinValueValidator(0.0),
    django.core.validators.MaxValueValidator(1.0),
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_reader_search_sqlite")]

    operations = [
        migrations.CreateModel(
            name="Image",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file", articles.fields.CheckedImageField(height_field="height", upload_to="articles/%Y/%m/", verbose_name="image", width_field="width")),
                ("width", models.PositiveIntegerField(editable=False, null=True, verbose_name="width")),
                ("height", models.PositiveIntegerField(editable=False, null=True, verbose_name="height")),
                ("alt", models.CharField(help_text="What the image shows, for readers who cannot see it.", max_length=250, verbose_name="alt text")),
                ("caption", models.CharField(blank=True, max_length=300, verbose_name="caption")),
                ("credit", models.CharField(blank=True, max_length=200, verbose_name="credit")),
                ("focal_x", models.FloatField(default=0.5, validators=FRACTION, verbose_name="focal point (across)")),
                ("focal_y", models.FloatField(default=0.5, validators=FRACTION, verbose_name="focal point (down)")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="uploaded")),
            ],
            options={
                "verbose_name": "library image",
                "verbose_name_plural": "image library",
                "ordering": ["-created_at", "-pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("focal_x__gte", 0), ("focal_x__lte", 1), ("focal_y__gte", 0), ("focal_y__lte", 1)),
                        name="image_focal_point_inside",
                    )
                ],
            },
        ),
        migrations.RenameField("articleimage", "image", "old_file"),
        migrations.AddField(
            model_name="articleimage",
            name="library_image",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="uses", to="articles.image"),
        ),
        migrations.RunPython(images_to_library, library_to_images),
        migrations.RemoveField("articleimage", "old_file"),
        migrations.RemoveField("articleimage", "width"),
        migrations.RemoveField("articleimage", "height"),
        migrations.RenameField("articleimage", "library_image", "image"),
        migrations.AlterField(
            model_name="articleimage",
            name="image",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="uses", to="articles.image", verbose_name="image"),
        ),
        migrations.AddConstraint(
            model_name="articleimage",
            constraint=models.UniqueConstraint(fields=("article", "image"), name="article_image_once"),
        ),
        migrations.AlterModelOptions(
            name="articleimage",
            options={"ordering": ["order", "pk"], "verbose_name": "image in the article", "verbose_name_plural": "images in the article"},
        ),
        migrations.AlterField(
            model_name="article",
            name="body",
            field=models.TextField(blank=True, help_text="Place an image with the image button of the toolbar: upload one or choose one from the library.", verbose_name="body"),
        ),
    ]
