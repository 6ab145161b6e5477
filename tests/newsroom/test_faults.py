"""Faults a running site survives without a restart: lost database connections, Redis down.

Each test runs a server process (gunicorn, DEBUG off) on a database made for it, as
tests/newsroom/test_multiprocess.py does. A real PostgreSQL restart under load is
`make loadtest`'s to exercise; here the server's connections are cut, which is what a
restart does to it. SMTP outages are tested where the mail is made:
tests/newsletter/test_mail_queue.py (subscriptions, digests) and
tests/comments/test_notifications.py (comment notifications).
"""

from __future__ import annotations

import pytest

from .servers import Browser, Server, SiteDatabase, free_port, on_postgresql, seed


@pytest.fixture
def database(tmp_path):
    database = SiteDatabase(tmp_path)
    yield database
    database.drop()


@pytest.fixture
def start_server():
    servers = []

    def start(database: SiteDatabase, **env: str) -> Server:
        server = Server(database, name=f"server{len(servers)}", **env)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


def terminate_connections(database: SiteDatabase) -> int:
    import psycopg

    with psycopg.connect(database.url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


@pytest.mark.skipif(not on_postgresql(), reason="the PostgreSQL run cuts PostgreSQL connections")
def test_the_site_answers_again_right_after_its_database_connections_are_cut(
    database, start_server
):
    stories = seed(database)
    server = start_server(database)
    reader = Browser(server)
    path = stories["read"][1] + "?fresh=1"  # past the page cache: from the database
    assert reader.get(path).status == 200
    assert reader.get("/healthz/").status == 200

    assert terminate_connections(database) >= 1

    # The very next requests, with no restart: the dead connection is noticed and
    # replaced before the request uses it (CONN_HEALTH_CHECKS).
    assert reader.get("/healthz/").status == 200
    assert terminate_connections(database) >= 1
    assert reader.get(path).status == 200
    assert "Traceback" not in server.log_text()


def test_with_redis_down_pages_are_served_and_writes_accepted_with_one_log_line(
    database, start_server
):
    stories = seed(database)
    # Nothing listens there: Redis is down from the start.
    server = start_server(
        database, CACHE_URL=f"redis://127.0.0.1:{free_port()}/0", COMMENTS_GUESTS="publish"
    )
    reader = Browser(server)
    path = stories["commented"][1]

    for page in ("/", path, path, "/news/"):
        assert reader.get(page).status == 200, page

    fields = reader.form(path, "/comments/post/")
    fields.update(name="Gina Guest", email="gina@example.com", comment="Posted without Redis.")
    assert reader.post("/comments/post/", fields).status == 302
    assert "Posted without Redis." in reader.get(path).text

    fields = reader.form("/newsletter/", "/newsletter/")
    fields["email"] = "reader@example.com"
    assert reader.post("/newsletter/", fields).status == 302
    subscribers = database.run_python(
        "import json; from newsletter.models import Subscriber; "
        "print(json.dumps(list(Subscriber.objects.values_list('email', flat=True))))"
    )
    assert subscribers == ["reader@example.com"]

    log = server.log_text()
    assert log.count("Cache unavailable") == 1, log
    assert "rate limits are not enforced" in log
    assert "Traceback" not in log
