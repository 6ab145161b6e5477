"""/healthz/ tells a load balancer whether this machine can serve: the database and the
cache must both answer."""

import json

import pytest
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.redis import RedisCache
from django.db import OperationalError

from newsroom import views

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_the_database_and_the_cache_answer(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_names_a_cache_that_does_not_answer(client, monkeypatch):
    # A Redis nobody listens on (port 9, closed on loopback). Only the probe's cache: the
    # reader's page cache, which looks at every request, is another story.
    monkeypatch.setattr(views, "cache", RedisCache("redis://127.0.0.1:9/0", {}))
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable", "failed": ["cache"]}


def test_healthz_names_a_cache_that_keeps_nothing(client, monkeypatch):
    monkeypatch.setattr(views, "cache", DummyCache("", {}))
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert json.loads(response.content)["failed"] == ["cache"]


def test_healthz_names_a_database_that_does_not_answer(client, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert json.loads(response.content)["failed"] == ["database"]
