"""An article's featured image becomes a library image, as its body's images did in
0010: each featured file becomes an Image row naming the same stored file (nothing is
copied), with the article's alt text as the library's; articles that showed one file
(an original and its translations) share one library image. The article keeps its own
alt text, so that a translation describes the picture in its language."""

import django.db.models.deletion
from django.db import migrations, models


def featured_files_to_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("articles", "Image")
    images: dict[str, int] = {}
    articles = Article.objects.exclude(featured_file="").order_by("pk")
    for article in articles.iterator():
        name = article.featured_file.name
        if name not in images:
            image = Image.objects.filter(file=name).order_by("pk").first()
            if image is None:
                image = Image(
                    file=name, width=article.featured_image_width,
                    height=article.featured_image_height,
                    alt=(article.featured_image_alt or article.title)[:250],
                )  # fmt: skip
                image.save()
            images[name] = image.pk
        Article.objects.filter(pk=article.pk).update(featured_image=images[name])


def library_to_featured_files(apps, schema_editor):
    # The library images stay: others may show them by now.
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.select_related("featured_image").filter(
        featured_image__isnull=False
    ):
        Article.objects.filter(pk=article.pk).update(
            featured_file=article.featured_image.file.name,
            featured_image_width=article.featured_image.width,
            featured_image_height=article.featured_image.height,
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_tag_picture")]

    operations = [
        migrations.RenameField("article", "featured_image", "featured_file"),
        migrations.AddField(
            model_name="article",
            name="featured_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Pick one from the image library, or add one with the plus button.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="featured_in",
                to="articles.image",
                verbose_name="featured image",
            ),
        ),
        migrations.RunPython(featured_files_to_library, library_to_featured_files),
        migrations.RemoveField("article", "featured_file"),
        migrations.RemoveField("article", "featured_image_width"),
        migrations.RemoveField("article", "featured_image_height"),
        migrations.AlterField(
            model_name="article",
            name="featured_image_alt",
            field=models.CharField(
                blank=True,
                help_text="What the image shows, for readers who cannot see it. Empty: the library's alt text.",
                max_length=250,
                verbose_name="featured image alt text",
            ),
        ),
    ]
