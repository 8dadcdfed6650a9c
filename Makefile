# Coffeechat: `make run` serves the app, `make test` runs every test. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres lint format clean system-deps soak bench-pages

$(INSTALLED): pyproject.toml
	@scripts/ensure-python-venv $(PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(INSTALLED)

run: $(INSTALLED)
	$(BIN)/coffeechat migrate
	$(BIN)/coffeechat serve --host $(HOST) --port $(PORT)

system-deps:
	@scripts/ensure-system-deps

lint: $(INSTALLED)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	COFFEECHAT_HOME=$$(mktemp -d) $(BIN)/mypy

format: $(INSTALLED)
	$(BIN)/ruff format src tests scripts bench
	$(BIN)/ruff check --fix src tests scripts bench

# Every test, browser tests included, on SQLite and then once more on a real PostgreSQL.
test: $(INSTALLED) system-deps lint test-sqlite test-postgres

# Tests keep their generated secret key and static files in a throwaway home, not yours.
# TEST_WORKERS pytest-xdist processes share the tests (each with its own test database);
# worksteal lets an idle one take over the tail of a busy one's share. TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal

test-sqlite: $(INSTALLED)
	COFFEECHAT_HOME=$$(mktemp -d) COFFEECHAT_REQUIRE_BROWSER=1 $(PYTEST)

test-postgres: $(INSTALLED)
	COFFEECHAT_HOME=$$(mktemp -d) COFFEECHAT_REQUIRE_BROWSER=1 scripts/with-postgres $(PYTEST)

# The model of the method on fresh random seeds for SOAK_SECONDS (default 300), printing every
# failure with the steps that lead to it. METHOD_MODEL_SKIP=name,... leaves invariants out.
SOAK_SECONDS ?= 300
soak: $(INSTALLED)
	COFFEECHAT_HOME=$$(mktemp -d) SOAK_SECONDS=$(SOAK_SECONDS) $(BIN)/pytest \
		tests/method_model/test_method_model.py -k soak -s -q -p no:cacheprovider

# The pages benchmark over HTTP (bench/pages.py): BENCH_SIZES contacts, BENCH_SECONDS per page.
BENCH_SIZES ?= 500 5000 20000
BENCH_SECONDS ?= 5
bench-pages: $(INSTALLED)
	$(BIN)/python bench/pages.py $(foreach size,$(BENCH_SIZES),--contacts $(size)) \
		--seconds $(BENCH_SECONDS)

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
