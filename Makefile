# The two commands: `make run` (site with demo data on SQLite) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test worker install check-system lint messages bench clean elearning-vendor axe-vendor offline-vendor

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

# Rebuild the committed e-learning runtimes from npm (needs Node.js and npm;
# `make run` and `make test` do not: the built files are committed).
SCORM_AGAIN_VERSION ?= 3.4.3
H5P_STANDALONE_VERSION ?= 3.8.2
ELEARNING_VENDOR := static/elearning
elearning-vendor:
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found (only needed to rebuild the committed runtimes)"; exit 1; }
	@set -e; build=$$(mktemp -d); \
	echo '{"name": "lms-elearning-vendor", "private": true}' > $$build/package.json; \
	(cd $$build && npm install --ignore-scripts --no-audit --no-fund \
		scorm-again@$(SCORM_AGAIN_VERSION) h5p-standalone@$(H5P_STANDALONE_VERSION)); \
	rm -rf $(ELEARNING_VENDOR)/vendor $(ELEARNING_VENDOR)/h5p; \
	mkdir -p $(ELEARNING_VENDOR)/vendor $(ELEARNING_VENDOR)/h5p; \
	sa=$$build/node_modules/scorm-again; hp=$$build/node_modules/h5p-standalone; \
	cp $$sa/dist/scorm12.min.js $$sa/dist/scorm2004.min.js $$sa/LICENSE* $(ELEARNING_VENDOR)/vendor/; \
	sed -i '/^\/\/# sourceMappingURL=/d' $(ELEARNING_VENDOR)/vendor/*.min.js; \
	cp -r $$hp/dist/main.bundle.js $$hp/dist/main.bundle.js.LICENSE.txt $$hp/dist/frame.bundle.js \
		$$hp/dist/styles $$hp/dist/fonts $$hp/dist/images $(ELEARNING_VENDOR)/h5p/; \
	cp $$hp/LICENSE* $(ELEARNING_VENDOR)/h5p/ 2>/dev/null || true; \
	echo "scorm-again $(SCORM_AGAIN_VERSION), h5p-standalone $(H5P_STANDALONE_VERSION): npm, copied by make elearning-vendor" > $(ELEARNING_VENDOR)/VERSIONS.txt; \
	rm -rf $$build

# Rebuild the committed axe-core the browser tests inject into learner pages
# (tests only: the site never serves it). Needs npm; `make test` does not.
AXE_CORE_VERSION ?= 4.14.1
AXE_VENDOR := tests/accessibility/vendor
axe-vendor:
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found (only needed to rebuild the committed axe-core)"; exit 1; }
	@set -e; build=$$(mktemp -d); \
	echo '{"name": "lms-axe-vendor", "private": true}' > $$build/package.json; \
	(cd $$build && npm install --ignore-scripts --no-audit --no-fund axe-core@$(AXE_CORE_VERSION)); \
	mkdir -p $(AXE_VENDOR); \
	cp $$build/node_modules/axe-core/axe.min.js $$build/node_modules/axe-core/LICENSE $(AXE_VENDOR)/; \
	echo "axe-core $(AXE_CORE_VERSION) (MPL-2.0): npm, copied by make axe-vendor" > $(AXE_VENDOR)/VERSION.txt; \
	rm -rf $$build

# Rebuild the committed Workbox bundle the service worker imports (needs Node.js
# and npm; `make run` and `make test` do not: vendor/workbox.js is committed).
WORKBOX_VERSION ?= 7.3.0
ESBUILD_VERSION ?= 0.24.2
IDB_VERSION ?= 8.0.3
OFFLINE_VENDOR := static/js/offline/vendor
offline-vendor:
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found (only needed to rebuild the committed bundle)"; exit 1; }
	@set -e; build=$$(mktemp -d); \
	echo '{"name": "lms-offline-vendor", "private": true}' > $$build/package.json; \
	(cd $$build && npm install --ignore-scripts --no-audit --no-fund esbuild@$(ESBUILD_VERSION) \
		workbox-routing@$(WORKBOX_VERSION) workbox-strategies@$(WORKBOX_VERSION) \
		workbox-expiration@$(WORKBOX_VERSION) workbox-cacheable-response@$(WORKBOX_VERSION) \
		workbox-core@$(WORKBOX_VERSION) idb@$(IDB_VERSION) && node node_modules/esbuild/install.js); \
	mkdir -p $(OFFLINE_VENDOR); \
	cp static/js/offline/src/workbox-entry.js $$build/entry.js; \
	$$build/node_modules/.bin/esbuild $$build/entry.js --bundle --minify --format=iife \
		--define:process.env.NODE_ENV='"production"' --legal-comments=eof \
		--outfile=$(OFFLINE_VENDOR)/workbox.js; \
	cp static/js/offline/src/idb-entry.js $$build/idb-entry.js; \
	$$build/node_modules/.bin/esbuild $$build/idb-entry.js --bundle --minify --format=iife \
		--legal-comments=eof --outfile=$(OFFLINE_VENDOR)/idb.js; \
	cp $$build/node_modules/idb/LICENSE $(OFFLINE_VENDOR)/LICENSE-idb.txt; \
	cp $$build/node_modules/workbox-core/LICENSE $(OFFLINE_VENDOR)/LICENSE-workbox.txt; \
	v=$$(node -p "require('$$build/node_modules/workbox-core/package.json').version"); echo "workbox-* $$v and idb $(IDB_VERSION) bundled by esbuild $(ESBUILD_VERSION) (make offline-vendor)" > $(OFFLINE_VENDOR)/VERSIONS.txt; \
	rm -rf $$build
