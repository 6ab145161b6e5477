"""Several machines share their uploads through S3-compatible object storage:
MEDIA_STORAGE=s3 with the AWS_* variables, against moto's S3 server started here.

The storage options come from newsroom/settings.py itself (read in a fresh interpreter
with the variables set) and replace the suite's storage for the test.
"""

import io
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest
from lxml import html as lxml_html
from PIL import Image

from articles import services
from articles.models import Image as LibraryImage
from tests.articles.factories import ArticleFactory
from tests.articles.test_image_uploads import post_image
from tests.images import upload

from .served import ROOT, free_port, running

pytestmark = pytest.mark.django_db

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "newsroom-test", "AWS_SECRET_ACCESS_KEY": "not-a-secret"}
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'storage': s.STORAGES['default'], "
    "'img_src': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
)


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    moto = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    assert moto, "moto[server] is in the dev extra: make install-dev"
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with running([moto, "-H", "127.0.0.1", "-p", str(port)], env=dict(os.environ), port=port,
                 log=log):  # fmt: skip
        yield f"http://127.0.0.1:{port}"


def settings_for_s3(**variables) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MEDIA_"))}
    env.update(variables, MEDIA_STORAGE="s3", DJANGO_SETTINGS_MODULE="newsroom.settings")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def bucket(s3_endpoint, settings):
    name = f"newsroom-{uuid.uuid4().hex[:12]}"
    configured = settings_for_s3(
        AWS_STORAGE_BUCKET_NAME=name,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        **CREDENTIALS,
    )
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )  # fmt: skip
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": configured["storage"]}
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "img-src": configured["img_src"],
        }
    }

    def keys() -> set[str]:
        listing = client.list_objects_v2(Bucket=name)
        return {entry["Key"] for entry in listing.get("Contents", [])}

    return {
        "name": name, "client": client, "keys": keys, "img_src": configured["img_src"],
        "url": f"{s3_endpoint}/{name}/",
    }  # fmt: skip


def photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0)}  # GPSInfo: where it was taken
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (30, 90, 160)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_an_uploaded_image_and_its_renditions_live_in_the_bucket(
    bucket, staff_client, client, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    response = post_image(staff_client, upload(data=photo_with_gps()))
    assert response.status_code == 201
    image = LibraryImage.objects.get()
    # The file, and the picker's thumbnail of it.
    assert bucket["keys"]() == {image.file.name, image.rendition_480.name}
    stored = bucket["client"].get_object(Bucket=bucket["name"], Key=image.file.name)
    with Image.open(io.BytesIO(stored["Body"].read())) as picture:
        assert not picture.getexif()  # stripped before it was stored
    assert (image.width, image.height) == (1600, 900)

    article.body = f"<p>Intro.</p><p>{image.placeholder}</p>"
    article.save()
    services.article_images_place(article=article)
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    tree = lxml_html.fromstring(page.content)
    (img,) = tree.xpath("//figure/img")
    urls = [img.get("src")] + [part.split()[0] for part in img.get("srcset").split(",")]
    assert urls and all(url.startswith(bucket["url"]) for url in urls)
    # The page's policy lets the browser load them.
    policy = page["Content-Security-Policy"]
    img_src = re.search(r"img-src ([^;]+)", policy).group(1).split()
    assert bucket["url"].split(f"/{bucket['name']}/")[0] in img_src
    renditions = {key for key in bucket["keys"]() if key.startswith("renditions/")}
    assert len(renditions) == 3  # 480, 800 and 1200 px, made when the page asked for them
    for url in urls:
        key = url.removeprefix(bucket["url"])
        assert bucket["client"].head_object(Bucket=bucket["name"], Key=key)

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()  # its placement goes with it; the library image stays
        image.delete()
    assert bucket["keys"]() == set()


def test_the_policy_names_a_custom_domain_in_front_of_the_bucket():
    configured = settings_for_s3(
        AWS_STORAGE_BUCKET_NAME="media", AWS_S3_CUSTOM_DOMAIN="media.news.example.org"
    )
    assert configured["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert configured["storage"]["OPTIONS"]["querystring_auth"] is False
    assert configured["img_src"] == ["'self'", "https://media.news.example.org"]
