# Pomoc — developer entry points. `make run` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
STAMP := $(VENV)/.installed
export FLASK_APP := app


.PHONY: system-deps pdf-deps translations run test test-embedded bench bench-scale lint assets clean help

help:
	@echo "make run            start Pomoc with demo data (SQLite, embedded broker) on PORT=$(PORT)"
	@echo "make test           the whole test suite (PostgreSQL + Redis + real worker, then embedded)"
	@echo "make bench          benchmarks; prints a table and a JSON line"
	@echo "make bench-scale    the main pages with 200,000 cases and 2 million payments"
	@echo "make lint           ruff + mypy"

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.stamp

assets: node_modules/.stamp app/web/static/js/admin-panel-entry.js
	mkdir -p app/web/static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js app/web/static/vendor/
	cp node_modules/echarts/dist/echarts.common.min.js app/web/static/vendor/
	cp node_modules/bpmn-js/dist/bpmn-modeler.production.min.js app/web/static/vendor/
	rm -rf app/web/static/vendor/bpmn-assets
	cp -r node_modules/bpmn-js/dist/assets app/web/static/vendor/bpmn-assets
	cp node_modules/@bpmn-io/properties-panel/dist/assets/properties-panel.css app/web/static/vendor/
	node_modules/.bin/esbuild app/web/static/js/admin-panel-entry.js --bundle --minify --format=iife \
		--global-name=PomocPanelLib --target=es2019 --legal-comments=none --log-level=error \
		--outfile=app/web/static/vendor/properties-panel.js

translations: $(STAMP)
	$(BIN)/pybabel compile -d app/translations

run: $(STAMP) pdf-deps assets translations
	$(BIN)/flask seed-demo
	@echo ""
	@echo "  Pomoc: http://127.0.0.1:$(PORT)/"
	@echo "  Logins (password: demo): caseworker1, caseworker2, supervisor, supervisor2, admin"
	@echo "  Ctrl-C stops the web server, the worker and beat."
	@echo ""
	PORT=$(PORT) $(BIN)/honcho -f Procfile start

# WeasyPrint (PDF documents) needs Pango and the DejaVu fonts (Polish glyphs); install when missing.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-wqy-microhei
pdf-deps:
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $(PDF_PACKAGES))

# Browser tests drive Debian's chromium; install it when missing (needs root, as on CI).
system-deps:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

test: $(STAMP) pdf-deps assets translations system-deps lint
	$(BIN)/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)
	POMOC_TEST_DB=sqlite $(BIN)/python -m pytest -p no:cacheprovider -m "embedded" $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench.run

# The main pages at ten years of data: 200,000 cases and 2 million payments (PostgreSQL).
bench-scale: $(STAMP)
	$(BIN)/python -m bench.scale

lint: $(STAMP)
	$(BIN)/ruff check app tasks tests bench
	$(BIN)/mypy app tasks

clean:
	rm -rf $(VENV) node_modules instance app/web/static/vendor
