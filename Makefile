# policy-site: `make site` builds the website from content/, `make test` runs every test.
SWIFT      ?= swift
CONTENT    ?= content
TEMPLATES  ?= templates
OUTPUT     ?= site
BASE_URL   ?= /
RELEASE_BIN = .build/release/policy-site
FUZZ_SECONDS      ?= 60
FUZZ_TEST_SECONDS ?= 20

.PHONY: site test unit-test setup setup-test generator clean

site: generator
	$(RELEASE_BIN) build --content $(CONTENT) --templates $(TEMPLATES) --output $(OUTPUT) --base-url $(BASE_URL)

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

generator: setup
	$(SWIFT) build -c release --product policy-site

unit-test: setup
	$(SWIFT) test

test: setup-test unit-test

clean:
	rm -rf .build $(OUTPUT) build

# Fuzzing the content pipeline (docs/robustness.md): `make fuzz` runs for FUZZ_SECONDS and reports
# executions per second; `make test` includes a FUZZ_TEST_SECONDS pass.
.PHONY: fuzz fuzz-short clean-fuzz
fuzz: setup
	@scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-short: setup
	@scripts/fuzz.sh $(FUZZ_TEST_SECONDS)

test: fuzz-short

clean-fuzz:
	rm -rf .build-fuzz

clean: clean-fuzz
