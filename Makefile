# Two commands for a fresh machine: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# PostgreSQL for the second test run; CI's machines have it on 127.0.0.1:5432.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/newsroom
PYTEST_ARGS ?=
# Every version, pinned: the runtime set, and the runtime set plus the dev extra
# (`make lock` regenerates both from pyproject.toml).
LOCK := requirements/lock.txt
DEV_LOCK := requirements/lock-dev.txt
PIP_COMPILE := $(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links

.PHONY: run serve test install install-dev lint lock audit migrate seed messages test-sqlite test-postgres bench loadtest screenshots screenshots-admin clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when a lock file or pyproject.toml changes; the project itself without
# dependencies, so that every one comes from the lock.
$(VENV)/.installed: $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(DEV_LOCK) $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r $(DEV_LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(VENV)/.installed $@

# After changing dependencies in pyproject.toml; LOCK_ARGS=--upgrade moves every pin to
# the newest release the ranges allow.
lock: $(BIN)/python
	@test -x $(BIN)/pip-compile || $(BIN)/pip install --quiet -r $(DEV_LOCK)
	$(PIP_COMPILE) $(LOCK_ARGS) --extra dev --output-file $(DEV_LOCK) pyproject.toml
	$(PIP_COMPILE) --output-file $(LOCK) pyproject.toml requirements/same-as-dev.in

# Known vulnerabilities in the locked versions (pip-audit asks PyPI's vulnerability
# data). Not part of `make test`: the project's machines and CI reach no such service.
audit: install-dev
	@$(BIN)/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
	  --requirement $(DEV_LOCK) || { \
	  echo "make audit: no answer for every locked package. On a machine without a" >&2; \
	  echo "vulnerability database (these development machines and CI have none) this" >&2; \
	  echo "cannot pass; run it where PyPI's JSON API is reachable." >&2; exit 1; }

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

# Production on this machine: DEBUG=0 and the README's "Deploy" variables in the
# environment or .env; migrates, collects static files, then runs gunicorn.
serve: install
	$(BIN)/python manage.py serve

run: seed
	@echo "Serving http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	NEWSLETTER_SEND_CONFIRMATIONS_AT_ONCE=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0

test-sqlite: install-dev
	@echo "== SQLite run"
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

# The two runs side by side, one per core (the suite keeps them apart: a test database,
# ports, Redis key prefixes and temporary folders of their own); --output-sync prints
# each run's output whole when it ends, so the two never interleave.
test: lint
	$(MAKE) --no-print-directory --jobs=2 --output-sync=target test-sqlite test-postgres

# Every bench/bench_*.py is one benchmark; each prints its figures and writes them to
# bench/results/. BENCH_DATABASE_URL=postgres://… runs them on PostgreSQL.
bench: install-dev
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Reader pages at 360 and 1280 px in each language, from the development database
# (`make run` fills it), into .screenshots/ (needs Debian's chromium).
screenshots: seed install-dev
	$(BIN)/python scripts/screenshots.py

# The main admin screens at 1280 px, for the README's "For editors" (docs/screenshots/).
screenshots-admin: seed install-dev
	$(BIN)/python scripts/screenshots.py --admin

# The load test (bench/loadtest.py), not part of `make test`: gunicorn with 4 workers on
# loopback, 16 clients, SQLite and then PostgreSQL when one answers; needs Redis on 6379.
# LOADTEST_ARGS="--restart-postgres" restarts the machine's PostgreSQL once during the run.
LOADTEST_ARGS ?=
loadtest: install-dev
	$(BIN)/python bench/loadtest.py $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache staticfiles
