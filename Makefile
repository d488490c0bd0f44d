# policy-site: `make site` builds the website from content/, `make serve` previews it while you
# edit, `make check` checks it without writing, `make test` runs every test.
SWIFT      ?= swift
CONTENT    ?= content
TEMPLATES  ?= templates
OUTPUT     ?= site
BASE_URL   ?= /
RELEASE_BIN = .build/release/policy-site
DEBUG_BIN   = .build/debug/policy-site
# The tests' Python tools live in a virtual environment, installed from PyPI (pinned).
PYTHON     ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
VENV        = .venv
BROWSER     = Tests/Browser
AXE_JS      = $(VENV)/axe/axe.min.js
PIP         = $(VENV)/bin/pip --disable-pip-version-check
FUZZ_SECONDS      ?= 60
FUZZ_TEST_SECONDS ?= 20

.PHONY: site serve check test unit-test browser-test setup setup-test generator clean

site: generator
	$(RELEASE_BIN) build --content $(CONTENT) --templates $(TEMPLATES) --output $(OUTPUT) --base-url $(BASE_URL)

serve: generator
	$(RELEASE_BIN) serve --content $(CONTENT) --templates $(TEMPLATES)

check: generator
	$(RELEASE_BIN) check --content $(CONTENT) --templates $(TEMPLATES)

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

generator: setup
	$(SWIFT) build -c release --product policy-site

# One suite at a time: the preview-server test times an edit-to-reload round trip (under a second),
# which the browser and print suites would otherwise compete with for the two cores.
unit-test: setup $(VENV)/.installed
	$(SWIFT) test --no-parallel

# Real-browser quality gates on the built site served by nginx under /policies/: axe-core, keyboard,
# Nu HTML Checker, links, file://, print and screenshots (build/screenshots/, build/print/).
browser-test: setup-test $(VENV)/.installed $(AXE_JS)
	$(SWIFT) build --product policy-site
	POLICY_SITE_BIN=$(DEBUG_BIN) AXE_JS=$(AXE_JS) $(VENV)/bin/python -m pytest $(BROWSER)

$(VENV)/.installed: $(BROWSER)/requirements.txt
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@$(PIP) install -q -r $<
	@touch $@

# axe-core 4.x comes as axe.min.js inside a PyPI wheel, downloaded (not installed) and unpacked.
$(AXE_JS): $(BROWSER)/axe-core.txt $(VENV)/.installed
	@rm -rf $(VENV)/axe && mkdir -p $(VENV)/axe/wheel
	@$(PIP) download -q --no-deps --only-binary=:all: -d $(VENV)/axe/wheel -r $<
	@$(VENV)/bin/python $(BROWSER)/tools/extract_axe.py $(VENV)/axe/wheel $@

test: setup-test unit-test browser-test

clean:
	rm -rf .build $(OUTPUT) build $(VENV)

# Benchmark against Hugo (Debian's hugo): BENCH_ARGS="--copies 200 --runs 5 --scale 5".
.PHONY: bench
bench: generator
	@scripts/setup.sh bench
	swift build -c release --product policy-site-bench
	python3 Benchmarks/bench.py $(BENCH_ARGS)

# Fuzzing the content pipeline (docs/robustness.md): `make fuzz` runs for FUZZ_SECONDS and reports
# executions per second; `make test` includes a FUZZ_TEST_SECONDS pass.
.PHONY: fuzz fuzz-short clean-fuzz
fuzz: setup
	@scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-short: setup
	@scripts/fuzz.sh $(FUZZ_TEST_SECONDS) short

test: fuzz-short

clean-fuzz:
	rm -rf .build-fuzz

clean: clean-fuzz
