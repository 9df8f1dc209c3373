# Two commands do all the set-up on a fresh machine:
#   make serve   build and preview the bundled course at http://127.0.0.1:8000
#   make test    lint, then run every test (installs Python packages, the npm test tools, the LRS and Debian's chromium if missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The test tools from npm (scorm-again, gift-pegjs, lighthouse, @xapi/cmi5, esbuild, iframe-worker), pinned by package-lock.json.
NODE_STAMP := node_modules/.installed
# ralph, the learning record store the cmi5 tests report to. Its own venv: its CLI pins click below MkDocs' range.
LRS_VENV := .venv-lrs
LRS_STAMP := $(LRS_VENV)/.installed

LINT_PATHS := generator tests bench docs

.PHONY: serve build check lint test test-tools chromium bench clean lms-vendor search-vendor

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

$(LRS_STAMP): constraints-lrs.txt
	$(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install --quiet -c constraints-lrs.txt 'ralph-malph[lrs,cli]==5.1.0' requests uvicorn
	touch $(LRS_STAMP)

test-tools: $(NODE_STAMP) $(LRS_STAMP)

serve: $(STAMP)
	$(BIN)/coursegen serve

build: $(STAMP)
	$(BIN)/coursegen build

check: $(STAMP)
	$(BIN)/coursegen check

chromium:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# ruff and mypy are configured in pyproject.toml; both run (and report) before either fails the target.
lint: $(STAMP)
	@status=0; \
	echo "$(BIN)/ruff check $(LINT_PATHS)"; $(BIN)/ruff check $(LINT_PATHS) || status=1; \
	echo "$(BIN)/mypy"; $(BIN)/mypy || status=1; \
	exit $$status

test: lint chromium test-tools
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest --durations=20

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(VENV) $(LRS_VENV) node_modules .mypy_cache .ruff_cache

# vendor/cmi5.min.js of the cmi5 package: npm's @xapi/cmi5 bundled by esbuild (generator/engines/lms/vendor_bundle.py).
lms-vendor: $(NODE_STAMP) $(STAMP)
	$(BIN)/python -m generator.engines.lms.vendor_bundle

# vendor/iframe-worker-shim.js (search from file://): npm's iframe-worker shim with its licence (generator/engines/offline_search.py).
search-vendor: $(NODE_STAMP) $(STAMP)
	$(BIN)/python -m generator.engines.offline_search
