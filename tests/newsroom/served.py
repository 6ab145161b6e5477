"""The site as production runs it, in subprocesses: `manage.py serve` (gunicorn) with
DEBUG off, optionally behind Debian's nginx with the shipped deploy/nginx.conf.

Nothing here touches the suite's test database: the served site gets a database of its
own, of the same kind as the run's (a SQLite file, or a new PostgreSQL database next to
the test one), so the SQLite and the PostgreSQL run each serve from their own engine.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import environ

ROOT = Path(__file__).resolve().parents[2]
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")
# Variables of the developer's shell that would change what the served site does.
_UNSET = {"DATABASE_URL", "CACHE_URL", "DEBUG", "SITE_URL", "ALLOWED_HOSTS", "SECRET_KEY",
          "MEDIA_ROOT", "STATIC_ROOT", "MEDIA_STORAGE", "CLIENT_IP_PROXY_COUNT",
          "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "CSRF_TRUSTED_ORIGINS"}  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def served_database_url(tmp: Path) -> Iterator[str]:
    """A fresh, empty database of the run's kind, dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp / 'served.sqlite3'}"
        return
    import psycopg

    config = environ.Env.db_url_config(url)
    name = f"{config['NAME']}_served"
    admin = psycopg.connect(
        dbname="postgres", user=config["USER"], password=config["PASSWORD"] or None,
        host=config["HOST"] or None, port=config["PORT"] or None, autocommit=True,
    )  # fmt: skip
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{url.rstrip('/').rsplit('/', 1)[0]}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(**values: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _UNSET}
    env.update(DEBUG="0", SECRET_KEY="served-site-" + "k" * 40, GUNICORN_WORKERS="2")
    env.update(values)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@contextlib.contextmanager
def running(args: list[str], *, env: dict[str, str], port: int, log: Path) -> Iterator[None]:
    with log.open("w") as out:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process, log)
        yield
    finally:
        end(process, timeout=15)


def end(process: subprocess.Popen, *, timeout: float) -> None:
    """Stop a server we started: politely, then by force after `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def request(
    port: int, method: str, path: str, *, tls: bool = False, headers=None, body=None,
    timeout: float = 20,
) -> tuple[int, http.client.HTTPMessage, bytes]:  # fmt: skip
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
        connection = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=timeout, context=context
        )
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def declared_but_unsent(
    port: int, path: str, *, size: int, tls: bool = False, headers: str = ""
) -> tuple[int, str]:
    """POST headers that announce a `size`-byte multipart body, then send only a little
    of it: a server that answers must have decided without reading the body."""
    raw = socket.create_connection(("127.0.0.1", port), 20)
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        raw = context.wrap_socket(raw)
    with raw:
        raw.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {size}\r\nConnection: close\r\n{headers}\r\n"
                '--x\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n'
            ).encode()
            + b"\0" * 65536
        )
        raw.settimeout(20)
        received = b""
        with contextlib.suppress(OSError):
            while chunk := raw.recv(65536):
                received += chunk
    head = received.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    status = int(head.split(" ", 2)[1]) if head.startswith("HTTP/") else 0
    return status, received.decode("utf-8", "replace")
