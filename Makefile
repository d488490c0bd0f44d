# policy-site: `make site` builds the website from content/, `make test` runs every test.
SWIFT      ?= swift
CONTENT    ?= content
TEMPLATES  ?= templates
OUTPUT     ?= site
BASE_URL   ?= /
RELEASE_BIN = .build/release/policy-site

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

# Benchmark against Hugo (Debian's hugo): BENCH_ARGS="--copies 200 --runs 5 --scale 5".
.PHONY: bench
bench: generator
	@scripts/setup.sh bench
	python3 Benchmarks/bench.py $(BENCH_ARGS)
