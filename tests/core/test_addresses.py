"""The reader's address: REMOTE_ADDR without proxies; behind N proxies, the entry of
X-Forwarded-For that the outermost of them wrote; and X-Forwarded-Proto only believed
when there are proxies to write it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from core.addresses import client_ip

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "192.0.2.1"),  # no proxy: the header is the client's to write
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.1, 198.51.100.1", "198.51.100.1"),  # an invented entry in front
        (2, "10.0.0.1, 198.51.100.1, 172.16.0.2", "198.51.100.1"),
        (2, "198.51.100.1", "198.51.100.1"),  # fewer entries than proxies: the one written
        (1, "", "192.0.2.1"),
        (1, " , ", "192.0.2.1"),
    ],
)
def test_the_address_is_the_entry_our_outermost_proxy_wrote(settings, proxies, forwarded, expected):
    settings.CLIENT_IP_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def proxy_ssl_header(**env) -> list | None:
    probe = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.SECURE_PROXY_SSL_HEADER))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "DEBUG": "0",
           "SECRET_KEY": "x" * 50, **env}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_x_forwarded_proto_is_believed_only_behind_configured_proxies():
    assert proxy_ssl_header(CLIENT_IP_PROXY_COUNT="0") is None
    assert proxy_ssl_header(CLIENT_IP_PROXY_COUNT="1") == ["HTTP_X_FORWARDED_PROTO", "https"]
