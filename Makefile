# The two commands: `make run` (site with demo data on SQLite) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test worker install check-system lint messages bench clean

$(VENV)/.installed: requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (this project needs Python 3.11)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	@touch $@

install: check-system $(VENV)/.installed

# WeasyPrint renders certificates through Pango (Debian: libpango-1.0-0,
# libpangoft2-1.0-0); libharfbuzz-subset0 makes each PDF 3-5x faster.
check-system:
	@bash scripts/check_system.sh

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# Background tasks (level recomputation, bulk certificate issue): run beside `make run`.
worker: install
	$(PY) manage.py db_worker --queue-name default --backend background

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# The habits CI holds (.ci/run runs this before the tests); stops at the first failure.
lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

messages: install
	$(PY) manage.py makemessages -l th --ignore=.venv --ignore=bench --ignore=tests
	$(PY) manage.py compilemessages -l th --ignore=.venv

clean:
	rm -rf $(VENV) .test-media staticfiles
