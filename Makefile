# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONPATH := src

.PHONY: demo serve test test-sqlite test-postgres lint format venv assets messages chromium clean bench

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# The files of the npm packages that pages load, copied where Django's static finders look.
build/vendor/.done: node_modules/.package-lock.json
	rm -rf build/vendor && mkdir -p build/vendor/bootstrap/css build/vendor/bootstrap/js build/vendor/htmx build/vendor/echarts build/vendor/bootstrap-icons
	cp node_modules/bootstrap/dist/css/bootstrap.min.css* build/vendor/bootstrap/css/
	cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js* build/vendor/bootstrap/js/
	cp -r node_modules/bootstrap-icons/font/bootstrap-icons.min.css node_modules/bootstrap-icons/font/fonts build/vendor/bootstrap-icons/
	cp node_modules/htmx.org/dist/htmx.min.js build/vendor/htmx/
	cp node_modules/echarts/dist/echarts.min.js build/vendor/echarts/
	touch $@

assets: build/vendor/.done

# gettext's msgfmt compiles the catalogues; installed from Debian when the machine lacks it.
messages: venv
	command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	cd src/tuijin && ../../$(PY) ../../manage.py compilemessages --ignore=.venv >/dev/null

demo: venv assets messages
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py collectstatic --noinput -v0
	@echo "Tuijin demo: http://127.0.0.1:$(PORT)  (users and passwords: README.md)"
	$(PY) manage.py run_demo --port $(PORT)

# Playwright drives Debian's chromium; its own browser download does not work on these machines.
chromium:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: venv assets messages chromium
	$(PY) manage.py collectstatic --noinput -v0 --settings=tuijin.settings.test
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules build staticfiles var
