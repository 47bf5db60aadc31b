# geotimeline: `make run` to try it, `make test` to check it. See README.md.

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Local development: DEBUG on unless the caller says otherwise.
RUN_ENV := DEBUG=$${DEBUG:-1} SITE_URL=http://127.0.0.1:$(PORT)
MEANTIME ?= ../shared/data/meantime-en-timex.jsonl

.PHONY: help install run migrate seed editor reviewed-seeds test test-fast test-django6 lint format typecheck \
        migrations-check schema-check check bench-dates bench-api bench-timeline bench-ingest bench-events clean

help:
	@echo "make run     create .venv, install, migrate, load seeds, serve on http://127.0.0.1:$(PORT)"
	@echo "make test    install test tools and run the whole suite (DATABASE_URL for PostgreSQL)"
	@echo "make check   lint, format check, type check, migrations check"
	@echo "make bench-dates | bench-api | bench-timeline | bench-ingest | bench-events   benchmarks (tests/bench/)"

$(BIN)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(BIN)/.installed

migrate: install
	$(RUN_ENV) $(MANAGE) migrate --noinput

seed: migrate
	$(RUN_ENV) $(MANAGE) load_actors seeds/actors.json
	$(RUN_ENV) $(MANAGE) ingest seeds/

editor: migrate
	$(RUN_ENV) $(MANAGE) ensure_local_editor

# The local editor's review of the seed drafts (seeds/reviews.json): readers see
# published events only.
reviewed-seeds: seed editor
	$(RUN_ENV) $(MANAGE) apply_reviews seeds/reviews.json --as $${LOCAL_EDITOR_USERNAME:-editor}

run: reviewed-seeds
	$(RUN_ENV) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not browser and not slow" -x -q

# The code also runs on Django 6.x, which needs Python >= 3.12: the suite
# (without the browser) in a second venv, with every pin but Django's.
PYTHON_DJANGO6 ?= $(firstword $(wildcard /usr/bin/python3.1[23] $(HOME)/.pyenv/versions/3.1[23]*/bin/python3))
VENV_DJANGO6 ?= .venv-django6
test-django6:
	@test -n "$(PYTHON_DJANGO6)" || { echo "test-django6 needs Python >= 3.12: set PYTHON_DJANGO6"; exit 1; }
	mkdir -p var
	test -x $(VENV_DJANGO6)/bin/python || $(PYTHON_DJANGO6) -m venv $(VENV_DJANGO6)
	$(VENV_DJANGO6)/bin/python -m pip install --quiet --upgrade "pip>=24"
	grep -v '^Django==' constraints.txt > var/constraints-django6.txt
	$(VENV_DJANGO6)/bin/python -m pip install --quiet -c var/constraints-django6.txt \
		-e '.[dev]' "Django>=6.1,<6.2"
	$(VENV_DJANGO6)/bin/python -c "import django; print('Django', django.get_version())"
	$(VENV_DJANGO6)/bin/pytest -m "not browser" -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install
	SECRET_KEY=typecheck $(BIN)/mypy

migrations-check: install
	SECRET_KEY=check $(MANAGE) makemigrations --check --dry-run

# The OpenAPI schema validates, and drf-spectacular has nothing to warn about.
schema-check: install
	SECRET_KEY=check $(MANAGE) spectacular --validate --fail-on-warn --file /dev/null

check: lint typecheck migrations-check schema-check

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache test-results

# Date tagger on annotated news, next to plain dateparser, per language
# (tests/bench/bench_dates.py): MEANTIME English and Spanish, French TimeBank,
# KRAUTS (German; non-commercial: read by path, never copied), NEREL (Russian).
DATA ?= ../shared/data
DATES_CORPORA ?= $(MEANTIME) $(DATA)/dates-es-meantime.jsonl $(DATA)/dates-fr-ftib-dev.jsonl \
	$(DATA)/dates-de-krauts-dolomiten42.jsonl $(DATA)/dates-ru-nerel-dev.jsonl
bench-dates: install
	$(VENV)/bin/python tests/bench/bench_dates.py $(DATES_CORPORA)

# Ingestion throughput: 1,000 articles built from MEANTIME and the seed into a
# fresh SQLite database, next to a floor (parse + insert sources only).
PLOVER ?= ../shared/data/plover-gsr-cameo.json
# Draft events against MEANTIME's gold events (tests/bench/bench_events.py):
# strict, relaxed and any-role scores, then planning throughput next to the
# ingestion floor. EVENTS_VERBOSE=-v lists every miss and unmatched draft.
EVENTS_CORPUS ?= ../shared/data/events-meantime-dev.jsonl
EVENTS_ACTORS ?= ../shared/data/events-meantime-dev-actors.json
bench-events: install
	SECRET_KEY=bench $(BIN)/python tests/bench/bench_events.py --corpus $(EVENTS_CORPUS) --actors $(EVENTS_ACTORS) --plover $(PLOVER) $(EVENTS_VERBOSE)

bench-ingest: install
	SECRET_KEY=bench $(BIN)/python tests/bench/bench_ingest.py --meantime $(MEANTIME) --plover $(PLOVER) --articles 1000

# API reads on 100,000 events: server time next to a .values()+orjson floor,
# then gunicorn under wrk, on SQLite and on PostgreSQL (skipped if unreachable).
BENCH_API_PG ?= postgres://postgres@127.0.0.1:5432/geotimeline_bench_api
bench-api: install
	SECRET_KEY=bench DATABASE_URL= $(BIN)/python tests/bench/bench_api.py
	SECRET_KEY=bench DATABASE_URL=$(BENCH_API_PG) $(BIN)/python tests/bench/bench_api.py

# The timeline on 1,000,000 synthetic events (database built once, cached under
# var/bench/): /api/timeline/ server time and payload next to a .values()+orjson
# floor, then Chromium's first chart and zoom steps; SQLite, then PostgreSQL
# (skipped if unreachable). BENCH_TIMELINE_EVENTS=100000 for a quicker run.
BENCH_TIMELINE_EVENTS ?= 1000000
# PostgreSQL server; the benchmark's database there is gt_bench_timeline_<events>_<seed>.
BENCH_TIMELINE_PG ?= postgres://postgres@127.0.0.1:5432/gt_bench_timeline
bench-timeline: install
	SECRET_KEY=bench DATABASE_URL= $(BIN)/python tests/bench/bench_timeline.py --events $(BENCH_TIMELINE_EVENTS)
	SECRET_KEY=bench DATABASE_URL=$(BENCH_TIMELINE_PG) $(BIN)/python tests/bench/bench_timeline.py --events $(BENCH_TIMELINE_EVENTS)
