"""The lock files pin every dependency pyproject.toml declares, at a version its range
allows, and `make install` installed exactly those versions."""

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "lock.txt"
DEV_LOCK = ROOT / "requirements" / "lock-dev.txt"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
RUNTIME = [Requirement(text) for text in PROJECT["dependencies"]]
DEV = [Requirement(text) for text in PROJECT["optional-dependencies"]["dev"]]


def pins(lock: Path) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", lock.read_text(), re.MULTILINE)
    return {canonicalize_name(name): version for name, version in found}


def extra_requirements(requirement: Requirement) -> list[Requirement]:
    """What the requirement's extras (psycopg[binary], django-storages[s3]) bring."""
    brought = []
    for text in metadata.requires(requirement.name) or []:
        needed = Requirement(text)
        if needed.marker and any(
            needed.marker.evaluate({"extra": extra}) for extra in requirement.extras
        ):
            brought.append(needed)
    return brought


@pytest.mark.parametrize(
    ("lock", "declared"), [(LOCK, RUNTIME), (DEV_LOCK, RUNTIME + DEV)], ids=["runtime", "dev"]
)
def test_every_declared_dependency_is_locked_at_a_version_it_allows(lock, declared):
    pinned = pins(lock)
    for requirement in declared:
        for needed in [requirement, *extra_requirements(requirement)]:
            name = canonicalize_name(needed.name)
            assert name in pinned, f"{needed} is not in {lock.name}: run `make lock`"
            assert needed.specifier.contains(pinned[name], prereleases=True), (
                f"{lock.name} pins {name}=={pinned[name]}, outside {needed}: run `make lock`"
            )


def test_the_runtime_lock_has_the_dev_locks_versions():
    runtime, dev = pins(LOCK), pins(DEV_LOCK)
    assert {name: dev.get(name) for name in runtime} == runtime


def test_the_installed_versions_are_the_locked_ones():
    installed = {}
    for name in pins(DEV_LOCK):
        try:
            installed[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed[name] = None
    assert installed == pins(DEV_LOCK), "the environment drifted from the lock: make install-dev"
