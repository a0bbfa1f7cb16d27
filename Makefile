# The two commands of README.md: `make build` and `make test`. Both set up .venv if needed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the build needs: the Noto fonts of Arabic and Chinese and the Pango and HarfBuzz
# libraries WeasyPrint typesets each language's PDF with (and the importer's test fixtures).
BUILD_DEBS := fonts-noto-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# The tests add the browser, and Node.js for axe-core and Lighthouse (package.json).
# And Java for the Nu HTML checker (npm package vnu-jar, whose install script, which would
# download a Java runtime, is not run: Debian's is used).
DEBS   := chromium nodejs default-jre-headless $(BUILD_DEBS)
NODE   := node_modules/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test serve check status browser fonts messages clean

build: $(STAMP) fonts
	$(BIN)/treaty build

test: $(STAMP) browser $(NODE)
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/treaty serve

# `make check FORMAT=github` writes the findings as GitHub annotations (pull requests).
FORMAT ?= text
check: $(STAMP)
	$(BIN)/treaty check --format $(FORMAT)

status: $(STAMP)
	$(BIN)/treaty status

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

browser:
	@dpkg -s $(DEBS) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(DEBS); }

# The PDFs need the fonts and libraries; without a way to install them, say what is missing.
fonts:
	@dpkg -s $(BUILD_DEBS) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(BUILD_DEBS); } || \
	  { echo "make build: the PDFs need Debian's $(BUILD_DEBS); install them, or build without PDFs: TREATY_PDF=false make build" >&2; exit 1; }

# The Nu HTML checker, axe-core and Lighthouse, at the versions of package-lock.json (tests and benchmarks only).
$(NODE): package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends npm; }
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Re-extract the interface strings and merge them into the package's six catalogs.
LOCALE := scripts/treaty/locale
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k gettext:2 -k _ -k kind_gettext --no-location --sort-output \
	  --ignore-dirs ".* _*" --project "treaty (multilingual treaty editions)" -o $(LOCALE)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-location --omit-header=false

clean:
	rm -rf site .site-* .site.lock site.previous node_modules
