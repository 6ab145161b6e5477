import io
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

DATA = Path(__file__).resolve().parent / "data"


def png(color: str, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def media_dir(tmp_path):
    """A copy of wp-content/uploads with two of the export's three images."""
    folder = tmp_path / "uploads" / "2024" / "05"
    folder.mkdir(parents=True)
    (folder / "cat.png").write_bytes(png("grey"))
    (folder / "featured.png").write_bytes(png("navy"))
    return tmp_path / "uploads"


def run_import(path, *args) -> str:
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--no-download", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(db, media_dir):
    return run_import(DATA / "site.xml", "--media-dir", str(media_dir))
