# Two commands for a fresh machine: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# PostgreSQL for the second test run; CI's machines have it on 127.0.0.1:5432.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/newsroom
PYTEST_ARGS ?=

.PHONY: run test install install-dev lint migrate seed messages test-sqlite test-postgres bench loadtest screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

# Test tools outside Python (the Nu HTML Checker, axe-core), pinned in package-lock.json.
# --ignore-scripts: vnu-jar's install script would download a JRE; Debian's Java runs it.
# Without npm their tests skip; CI has npm (.ci/run installs it).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	elif [ -n "$${CI:-}" ]; then \
	  echo "CI needs npm for the HTML validity and accessibility tests." >&2; exit 1; \
	else \
	  echo "No npm: the HTML validity and accessibility tests will be skipped."; \
	fi

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev node_modules/.installed

# For translators (needs GNU gettext); the compiled .mo files are committed.
messages: install
	$(BIN)/python manage.py makemessages -l de -l en --ignore=.venv --ignore=tests --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore=.venv -v 0

migrate: install
	$(BIN)/python manage.py migrate --noinput

# Links in mails, feeds and the printed admin login follow PORT unless SITE_URL is set.
seed run: export SITE_URL ?= http://127.0.0.1:$(PORT)

seed: migrate
	$(BIN)/python manage.py seed_demo --if-empty
	$(BIN)/python manage.py ensure_dev_admin

run: seed
	@echo "Serving http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	NEWSLETTER_SEND_CONFIRMATIONS_AT_ONCE=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0

test-sqlite: install-dev
	DATABASE_URL=sqlite:///$(CURDIR)/.test-db.sqlite3 $(BIN)/pytest $(PYTEST_ARGS)

# Runs when DATABASE_URL names PostgreSQL or one answers on 127.0.0.1:5432; CI requires it.
test-postgres: install-dev
	@url="$${DATABASE_URL:-}"; \
	if [[ "$$url" != postgres* ]]; then \
	  if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
	    url="$(PG_TEST_URL)"; \
	  elif [ -n "$${CI:-}" ]; then \
	    echo "CI needs PostgreSQL on 127.0.0.1:5432, and none answers." >&2; exit 1; \
	  else \
	    echo "No PostgreSQL answers on 127.0.0.1:5432: skipping the PostgreSQL run."; exit 0; \
	  fi; \
	fi; \
	echo "== PostgreSQL run"; \
	DATABASE_URL="$$url" $(BIN)/pytest $(PYTEST_ARGS)

test: lint
	@echo "== SQLite run"
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# Every bench/bench_*.py is one benchmark; each prints its figures and writes them to
# bench/results/. BENCH_DATABASE_URL=postgres://… runs them on PostgreSQL.
bench: install-dev
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The load test (bench/loadtest.py), not part of `make test`: gunicorn with 4 workers on
# loopback, 16 clients, SQLite and then PostgreSQL when one answers; needs Redis on 6379.
# LOADTEST_ARGS="--restart-postgres" restarts the machine's PostgreSQL once during the run.
LOADTEST_ARGS ?=
loadtest: install-dev
	$(BIN)/python bench/loadtest.py $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache staticfiles
