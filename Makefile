# The pinned tflint the integration tests and the demo run against.
TFLINT_VERSION := v0.64.0
# The GoReleaser that builds the release archives (see .goreleaser.yml).
GORELEASER_VERSION := v2.15.1
BIN            := $(CURDIR)/.bin
TFLINT         := $(BIN)/tflint
PLUGIN         := tflint-ruleset-neptune
DEMO_PLUGINS   := $(CURDIR)/.bin/plugins
# Fuzzing stops after a count of inputs, not a duration: with a duration, Go
# 1.26's fuzz coordinator can fail a clean run with "context deadline
# exceeded" as the time runs out (golang/go#75804, fixed in Go 1.27). Each
# count takes 3-8 seconds here. FUZZTIME=10m sets a duration for every
# target instead, for long runs by hand.
FUZZ_NEPTUNE   ?= 200000x
FUZZ_RULES     ?= 2000x
FUZZTIME       ?=

export PATH := $(PATH):/usr/local/go/bin

.PHONY: default tools build install test unit integration fuzz demo bench clean release-check release-snapshot new-rule

default: build

# tools installs the pinned tflint into .bin/ (about two minutes the first time).
tools: $(TFLINT)

$(TFLINT):
	GOBIN=$(BIN) go install github.com/terraform-linters/tflint@$(TFLINT_VERSION)
	@$(TFLINT) --version | grep -q "$(patsubst v%,%,$(TFLINT_VERSION))"

build:
	go build -o $(PLUGIN) .

# install puts the plugin where tflint looks for it without a `source`.
install: build
	mkdir -p $(HOME)/.tflint.d/plugins
	cp $(PLUGIN) $(HOME)/.tflint.d/plugins/

# test runs everything: vet, unit tests, the real-tflint integration tests,
# and each fuzz target for FUZZTIME.
test: tools
	go vet ./...
	test -z "$$(gofmt -l .)" || (gofmt -l . && false)
	TFLINT=$(TFLINT) go test -count=1 ./...
	$(MAKE) fuzz

unit:
	go test -count=1 ./neptune/ ./rules/

integration: tools
	TFLINT=$(TFLINT) go test -count=1 ./integration/

# fuzz runs every fuzz target in turn; FUZZTIME=10m for a long run.
fuzz:
	@for pkg in neptune rules; do \
	  case $$pkg in neptune) budget=$(FUZZ_NEPTUNE);; rules) budget=$(FUZZ_RULES);; esac; \
	  $(if $(FUZZTIME),budget=$(FUZZTIME);) \
	  for target in $$(go test -list '^Fuzz' ./$$pkg/ | grep '^Fuzz'); do \
	    echo "fuzz ./$$pkg/ $$target ($$budget)"; \
	    go test -run='^$$' -fuzz="^$$target$$" -fuzztime=$$budget -fuzzminimizetime=100x ./$$pkg/ || exit 1; \
	  done; \
	done

# demo lints a restatement of a popular remediation guide with the plugin.
demo: tools build
	mkdir -p $(DEMO_PLUGINS)
	cp $(PLUGIN) $(DEMO_PLUGINS)/
	cd examples/remediation-guide && TFLINT_PLUGIN_DIR=$(DEMO_PLUGINS) $(TFLINT) --force

bench: tools
	go run ./bench -tflint $(TFLINT) -raw $(CURDIR)/bench-raw.json

clean:
	rm -rf $(PLUGIN) dist

# GoReleaser is installed on demand (a few minutes the first time); it is not
# part of `make tools`, so `make test` does not need it.
$(BIN)/goreleaser:
	GOBIN=$(BIN) go install github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION)

# release-check validates .goreleaser.yml.
release-check: $(BIN)/goreleaser
	$(BIN)/goreleaser check

# release-snapshot builds every release archive and checksums.txt into dist/,
# without signing or publishing anything.
release-snapshot: $(BIN)/goreleaser
	$(BIN)/goreleaser release --snapshot --clean --skip=sign,publish

# new-rule scaffolds a rule: `make new-rule NAME=neptune_xxx` writes
# rules/NAME.go, rules/NAME_test.go and docs/rules/NAME.md, adds the rule to
# All() in rules/ruleset.go, and regenerates docs/rules/README.md.
new-rule:
	@test -n "$(NAME)" || { echo "usage: make new-rule NAME=neptune_xxx" >&2; exit 2; }
	go run ./tools/newrule -name '$(NAME)'
	go test ./rules -run TestEveryRuleIsDocumented -update-docs
