"""Library images saved without their sizes (the WordPress import and `seed_bench` wrote
files through FieldFile.save, which Django does not measure) get them now: with the sizes
empty, every page that loaded such an image opened and parsed its file."""

from django.db import migrations


def fill_sizes(apps, schema_editor):
    from django.core.files.storage import default_storage
    from PIL import Image as Pillow

    Image = apps.get_model("articles", "Image")
    # Names, not instances: loading an Image with empty sizes is what opens its file.
    empty = Image.objects.filter(width__isnull=True).exclude(file="")
    for pk, name in empty.values_list("pk", "file").iterator():
        try:
            with default_storage.open(name) as handle, Pillow.open(handle) as picture:
                width, height = picture.size
        except (OSError, ValueError):
            continue  # a file gone from the storage: nothing to measure, left as it was
        Image.objects.filter(pk=pk).update(width=width, height=height)


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_category_article_listing")]

    operations = [migrations.RunPython(fill_sizes, migrations.RunPython.noop)]
