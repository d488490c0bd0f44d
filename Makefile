# policy-site: `make site` builds the website from content/, `make serve` previews it while you
# edit, `make check` checks it without writing, `make test` runs every test.
SWIFT      ?= swift
CONTENT    ?= content
TEMPLATES  ?= templates
OUTPUT     ?= site
BASE_URL   ?= /
RELEASE_BIN = .build/release/policy-site

.PHONY: site serve check test unit-test setup setup-test generator clean

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

unit-test: setup
	$(SWIFT) test

test: setup-test unit-test

clean:
	rm -rf .build $(OUTPUT) build
