"""The repository stands on its own: a clone with nothing beside it runs and tests."""

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A relative path up into the team's shared folder, or one built from a parent folder
# and that folder's name.
REACHES_OUTSIDE = re.compile(r"\.\./shared|parents?\b[^\n]*[\"']shared[\"']|[\"']shared[\"']\s*/")

PROSE_AND_DATA = {".md", ".xsd", ".po", ".mo", ".png", ".jpg", ".webp"}


def test_no_tracked_file_reaches_for_a_folder_beside_the_checkout():
    tracked = subprocess.run(
        [shutil.which("git") or "git", "ls-files"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    offenders = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in PROSE_AND_DATA or not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        if REACHES_OUTSIDE.search(text):
            offenders.append(name)
    assert offenders == []
