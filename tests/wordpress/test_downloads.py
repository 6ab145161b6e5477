"""Images downloaded from their old URLs, from a real HTTP server on a loopback port:
each goes through the upload checks, and each failure is reported with its post.
A loopback address is refused unless WORDPRESS_DOWNLOAD_ALLOW_PRIVATE is on, so the
tests that download turn it on (download_limits)."""

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from PIL import Image

from articles.models import Article
from wordpress import services

from .conftest import attachment_item, png, post_item, write_export

pytestmark = pytest.mark.django_db
GPS_IFD = 0x8825


def photo_with_position() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


class OldSite(BaseHTTPRequestHandler):
    """The old WordPress site's uploads, with every way a download can go wrong."""

    stop = threading.Event()
    files = {
        "/ok.jpg": ("image/jpeg", photo_with_position()),
        "/page.html": ("text/html", b"<html><body>Not an image</body></html>"),
        "/drawing.svg": (
            "image/svg+xml",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        "/huge.png": ("image/png", png("red", (400, 400)) + b"\0" * 40_000),
        "/wide.png": ("image/png", png("blue", (300, 200))),
    }

    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path in self.files:
            kind, data = self.files[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif self.path == "/endless.png":
            # No length given, and more bytes than any image may have.
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(png("green"))
            while not self.stop.is_set():
                try:
                    self.wfile.write(b"\0" * 8192)
                except OSError:
                    return
        elif self.path == "/slow.jpg":
            # A byte now and then: each read is quick, the whole never ends.
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.send_header("Content-Length", "20000")
            self.end_headers()
            while not self.stop.wait(0.1):
                try:
                    self.wfile.write(b"\xff")
                    self.wfile.flush()
                except OSError:
                    return
        elif self.path == "/to-loopback":
            self.send_response(302)
            self.send_header("Location", f"http://[::1]:{self.server.server_address[1]}/ok.jpg")
            self.end_headers()
        elif self.path == "/to-a-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site():
    OldSite.stop.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), OldSite)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    OldSite.stop.set()
    server.shutdown()
    server.server_close()


def featured(wp_id: int, slug: str, attachment: int) -> str:
    meta = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        f"<wp:meta_value>{attachment}</wp:meta_value></wp:postmeta>"
        '<category domain="category" nicename="news">News</category>'
    )
    return post_item(wp_id, slug, extra=meta)


@pytest.fixture
def download_limits(settings):
    settings.ARTICLES_IMAGE_MAX_BYTES = 30_000
    settings.ARTICLES_IMAGE_MAX_PIXELS = 50_000
    settings.WORDPRESS_DOWNLOAD_TIMEOUT = 1.0
    settings.WORDPRESS_DOWNLOAD_ALLOW_PRIVATE = True


def import_with_downloads(tmp_path, old_site, names: list[str]) -> str:
    items = []
    for number, name in enumerate(names, start=1):
        items.append(attachment_item(100 + number, f"{old_site}/{name}", parent=number))
        items.append(featured(number, name.replace(".", "-"), 100 + number))
    export = write_export(tmp_path / "export.xml", *items)
    out = io.StringIO()
    call_command("import_wordpress", str(export), stdout=out)
    return out.getvalue()


def test_a_downloaded_image_passes_the_upload_checks_and_loses_its_metadata(
    tmp_path, old_site, download_limits
):
    report = import_with_downloads(tmp_path, old_site, ["ok.jpg"])
    assert "featured image: 1 imported" in report, report
    post = Article.objects.get(slug="ok-jpg")
    with post.featured_image.file.open("rb") as stored, Image.open(stored) as image:
        assert image.size == (64, 48)
        assert GPS_IFD not in image.getexif() and 0x010F not in image.getexif()


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("gone.jpg", "could not be downloaded: HTTP Error 404"),
        ("page.html", "refused: The file is not a complete image"),
        ("drawing.svg", "refused: The file is not a complete image"),
        ("huge.png", "is larger than 29.3"),
        ("endless.png", "is larger than 29.3"),
        ("wide.png", "refused: The image is 300 × 200 pixels"),
        ("to-a-file", "could not be downloaded"),
    ],
)
def test_an_image_that_cannot_be_had_is_reported_and_the_post_imported_without_it(
    tmp_path, old_site, download_limits, name, problem
):
    report = import_with_downloads(tmp_path, old_site, [name])
    assert "post: 1 imported" in report, report
    assert "featured image: 1 missing" in report, report
    line = next(line for line in report.splitlines() if problem in line)
    assert f"post 1 “{name.replace('.', '-')}”" in line
    assert not Article.objects.get().featured_image


def test_a_download_that_never_ends_stops_at_the_timeout(tmp_path, old_site, download_limits):
    started = time.monotonic()
    report = import_with_downloads(tmp_path, old_site, ["slow.jpg", "ok.jpg"])
    assert time.monotonic() - started < 10
    assert "took longer than 1" in report, report
    assert "featured image: 1 imported, 1 missing" in report, report


def test_no_download_without_the_option_says_the_image_is_not_in_the_media_folder(
    tmp_path, old_site, download_limits
):
    export = write_export(
        tmp_path / "export.xml",
        attachment_item(101, f"{old_site}/ok.jpg"),
        featured(1, "ok", 101),
    )
    out = io.StringIO()
    call_command("import_wordpress", str(export), "--no-download", stdout=out)
    assert "ok.jpg is not in the media folder" in out.getvalue()
    assert not Article.objects.get().featured_image


def test_a_loopback_address_is_refused_and_reported_by_default(tmp_path, old_site, settings):
    settings.WORDPRESS_DOWNLOAD_ALLOW_PRIVATE = False
    report = import_with_downloads(tmp_path, old_site, ["ok.jpg"])
    assert "post: 1 imported" in report, report
    assert "featured image: 1 missing" in report, report
    line = next(line for line in report.splitlines() if "ok.jpg was not downloaded" in line)
    assert "127.0.0.1 is a loopback, private or reserved address" in line
    assert "WORDPRESS_DOWNLOAD_ALLOW_PRIVATE" in line
    assert not Article.objects.get().featured_image


def test_a_redirect_to_an_internal_address_is_refused(tmp_path, old_site, settings, monkeypatch):
    # The test server can only be on loopback: let 127.0.0.1 pass for the old site,
    # so that what is refused is the redirect's target, ::1.
    settings.WORDPRESS_DOWNLOAD_ALLOW_PRIVATE = False
    monkeypatch.setattr(services, "_is_internal", lambda address: address != "127.0.0.1")
    report = import_with_downloads(tmp_path, old_site, ["to-loopback"])
    assert "featured image: 1 missing" in report, report
    assert "::1 is a loopback, private or reserved address" in report, report


@pytest.mark.parametrize(
    ("address", "internal"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.10", True),
        ("169.254.169.254", True),  # the cloud's metadata service
        ("0.0.0.0", True),  # noqa: S104 - an address checked, not bound
        ("240.0.0.1", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("fd00::1", True),
        ("::ffff:127.0.0.1", True),
        ("93.184.215.14", False),
        ("2606:4700::6810:85e5", False),
    ],
)
def test_internal_addresses_are_told_from_public_ones(address, internal):
    assert services._is_internal(address) is internal


def test_a_name_that_turns_internal_after_the_check_is_refused(old_site, settings, monkeypatch):
    # DNS rebinding: the name answers a public address when it is checked and the old
    # site's loopback address a moment later, when the connection looks it up again.
    settings.WORDPRESS_DOWNLOAD_ALLOW_PRIVATE = False
    port = int(old_site.rsplit(":", 1)[1])
    real_getaddrinfo = socket.getaddrinfo
    lookups = []

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real_getaddrinfo(host, *args, **kwargs)
        lookups.append(host)
        address = "93.184.215.14" if len(lookups) == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(services.DownloadRefused):
        services.download(f"http://rebind.example:{port}/ok.jpg")
    assert len(lookups) == 2  # the check, then the connection's own lookup, refused
