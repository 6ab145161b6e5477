"""One machine as the README's "Deploy" section sets it up: `manage.py serve` (migrations,
collectstatic, gunicorn with deploy/gunicorn.conf.py) with DEBUG off, behind Debian's nginx
running the shipped deploy/nginx.conf on free loopback ports with a self-signed certificate.

Skipped without nginx or openssl on a developer's machine; on CI a missing one fails.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import require_tool

from .served import (
    NGINX,
    ROOT,
    declared_but_unsent,
    free_port,
    manage,
    production_env,
    request,
    running,
    served_database_url,
)

TEMPLATE_NAMES = ("SERVER_NAME", "HTTP_PORT", "HTTPS_PORT", "TLS_CERTIFICATE",
                  "TLS_CERTIFICATE_KEY", "STATIC_ROOT", "MEDIA_ROOT", "UPSTREAM")  # fmt: skip
MIB = 1024 * 1024


def render_site_config(values: dict[str, str]) -> str:
    """deploy/nginx.conf with its ${NAME}s filled in, as envsubst does in the README."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    for name in TEMPLATE_NAMES:
        text = text.replace("${" + name + "}", values[name])
    assert "${" not in text, "the template names a value the README does not list"
    return text


def main_config(tmp: Path, site: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives the site file, with every path in `tmp`."""
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read tmp's files
    return f"""
        daemon off;
        worker_processes 1;
        {user}
        pid {tmp}/nginx.pid;
        error_log {tmp}/nginx-error.log;
        events {{ worker_connections 64; }}
        http {{
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            access_log {tmp}/nginx-access.log;
            client_body_temp_path {tmp}/body;
            proxy_temp_path {tmp}/proxy;
            fastcgi_temp_path {tmp}/fastcgi;
            uwsgi_temp_path {tmp}/uwsgi;
            scgi_temp_path {tmp}/scgi;
            include {site};
        }}
    """


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_tool(Path(NGINX).exists(), f"nginx at {NGINX}", "apt-get install nginx")
    require_tool(bool(shutil.which("openssl")), "openssl", "apt-get install openssl")
    tmp = tmp_path_factory.mktemp("one-machine")
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    subprocess.run(
        [shutil.which("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", tmp / "tls.key", "-out", tmp / "tls.crt"],
        check=True, capture_output=True,
    )  # fmt: skip
    with served_database_url(tmp) as database_url:
        env = production_env(
            DATABASE_URL=database_url,
            SITE_URL=f"https://127.0.0.1:{https_port}",
            ALLOWED_HOSTS="127.0.0.1",
            CLIENT_IP_PROXY_COUNT="1",
            STATIC_ROOT=str(tmp / "static"),
            MEDIA_ROOT=str(tmp / "media"),
            GUNICORN_BIND=f"127.0.0.1:{app_port}",
        )
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo", "--if-empty")
        site_file = tmp / "site.conf"
        site_file.write_text(
            render_site_config(
                {
                    "SERVER_NAME": "127.0.0.1",
                    "HTTP_PORT": str(http_port),
                    "HTTPS_PORT": str(https_port),
                    "TLS_CERTIFICATE": str(tmp / "tls.crt"),
                    "TLS_CERTIFICATE_KEY": str(tmp / "tls.key"),
                    "STATIC_ROOT": env["STATIC_ROOT"],
                    "MEDIA_ROOT": env["MEDIA_ROOT"],
                    "UPSTREAM": env["GUNICORN_BIND"],
                }
            )
        )
        (tmp / "nginx.conf").write_text(main_config(tmp, site_file))
        app_log = tmp / "gunicorn.log"
        nginx = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"),
                 "-e", str(tmp / "nginx-error.log")]  # fmt: skip
        with (
            running([os.sys.executable, "manage.py", "serve"], env=env, port=app_port, log=app_log),
            running(nginx, env=env, port=https_port, log=tmp / "nginx.out"),
        ):
            yield {
                "https": https_port, "http": http_port, "app": app_port, "app_log": app_log,
                "env": env, "tmp": tmp,
            }  # fmt: skip


def served_by_gunicorn(site, path: str) -> bool:
    return f" {path} " in site["app_log"].read_text()


def test_pages_static_files_and_images_are_served_with_debug_off(site):
    status, headers, body = request(site["https"], "GET", "/", tls=True)
    assert status == 200
    html = body.decode()

    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    status, headers, css = request(site["https"], "GET", stylesheet, tls=True)
    assert status == 200 and b"body" in css
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"

    image = re.search(r'src="(/media/[^"]+)"', html).group(1)
    status, headers, picture = request(site["https"], "GET", image, tls=True)
    assert status == 200
    assert headers["Content-Type"].startswith("image/") and len(picture) > 1000
    assert "sandbox" in headers["Content-Security-Policy"]

    # nginx served both files; gunicorn saw the page only.
    assert served_by_gunicorn(site, "/")
    assert not served_by_gunicorn(site, stylesheet) and not served_by_gunicorn(site, image)


def test_the_proxys_https_is_believed_with_hsts_and_secure_cookies(site):
    status, headers, _ = request(site["https"], "GET", "/newsletter/", tls=True)
    assert status == 200  # no redirect: Django believes nginx that this came over https
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    cookies = headers.get_all("Set-Cookie")
    assert cookies and all("Secure" in cookie for cookie in cookies)


def test_a_client_cannot_claim_https_over_plain_http(site):
    status, headers, _ = request(site["http"], "GET", "/", headers={"X-Forwarded-Proto": "https"})
    assert status == 301
    assert headers["Location"].startswith("https://")


def test_healthz_answers_through_the_proxy(site):
    status, _, body = request(site["https"], "GET", "/healthz/", tls=True)
    assert (status, body) == (200, b'{"status": "ok"}')


def test_a_body_larger_than_nginx_takes_is_refused_before_it_is_read(site):
    status, _ = declared_but_unsent(site["https"], "/admin/login/", size=300 * MIB, tls=True)
    assert status == 413


def test_a_readers_oversized_form_gets_the_sites_413_page(site):
    boundary = "newsroom"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\n'
        + "a" * (2 * MIB)
        + f"\r\n--{boundary}--\r\n"
    ).encode()
    status, _, page = request(
        site["https"], "POST", "/newsletter/", tls=True, body=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )  # fmt: skip
    assert status == 413
    assert "Too much data" in page.decode()


def test_gunicorn_refuses_an_announced_300_mb_upload_without_reading_it(site):
    status, response = declared_but_unsent(
        site["app"], "/newsletter/", size=300 * MIB, headers="X-Forwarded-Proto: https\r\n"
    )
    assert status == 413
    assert "Too much data" in response


@pytest.fixture(scope="module")
def site_without_proxy(site):
    """The same site served by gunicorn alone (CLIENT_IP_PROXY_COUNT=0)."""
    port = free_port()
    env = {**site["env"], "CLIENT_IP_PROXY_COUNT": "0", "GUNICORN_BIND": f"127.0.0.1:{port}"}
    log = site["tmp"] / "gunicorn-without-proxy.log"
    with running([os.sys.executable, "manage.py", "serve"], env=env, port=port, log=log):
        yield port


def test_without_a_proxy_no_client_can_claim_https(site_without_proxy):
    status, headers, _ = request(
        site_without_proxy, "GET", "/", headers={"X-Forwarded-Proto": "https",
                                                  "X-Forwarded-Protocol": "ssl",
                                                  "X-Forwarded-Ssl": "on"},
    )  # fmt: skip
    assert status == 301
    assert headers["Location"].startswith("https://")
    assert "Strict-Transport-Security" not in headers
