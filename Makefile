# wirediff: every entry point. `make serve` and `make test` set up a fresh machine themselves.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# Trunk finds wasm-bindgen in cargo's bin folder and wasm-opt (npm's binaryen) in node_modules.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

PORT ?= 8080
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= clean segment similarity analyze workers

.PHONY: help setup setup-test serve build single debug-dist test test-native test-e2e e2e bench-browser size fmt lint fuzz clean \
	bench-seeds bench-scale bench-peers

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{ printf "  make %-12s %s\n", $$1, $$2 }'

setup: ## Install what building needs (skips what is already there)
	scripts/setup.sh

setup-test: ## Install what building and testing need: also Chromium and the npm test packages
	scripts/setup.sh --test

serve: setup ## Build and serve the app on http://127.0.0.1:$(PORT), rebuilding on change
	trunk serve --port $(PORT) --dist target/serve-dist

build: setup ## Release build of the web app into dist/, with the seeds' overview prerendered
	trunk build --release
	node scripts/prerender.mjs dist
	@$(MAKE) --no-print-directory size

single: build ## dist/wirediff.html: the whole app in one file that opens from file://
	node scripts/single.mjs dist

debug-dist: setup ## Debug build into target/e2e-debug-dist: the only build where #panic panics (error panel test)
	trunk build --dist target/e2e-debug-dist

test: setup-test ## Everything: native tests, release build, single file, debug build, browser tests
	cargo test
	$(MAKE) --no-print-directory single
	$(MAKE) --no-print-directory debug-dist
	node --test --test-concurrency=1 tests/e2e/

test-native: ## Native engine and UI-state tests only (no browser)
	cargo test

e2e: ## Browser tests against the current dist/ (run make single and make debug-dist first)
	node --test --test-concurrency=1 tests/e2e/

bench-browser: ## Browser benchmarks against dist/ (run make build first): first heatmap, 200 documents
	node scripts/bench-browser.mjs $(or $(RUNS),5)

size: ## Size of the release .wasm, raw and gzipped
	@for f in dist/*.wasm; do \
		echo "$$f $$(wc -c < "$$f") $$(gzip -9 -c "$$f" | wc -c)" | \
			awk '{ printf "wasm: %s  %.1f KB raw, %.1f KB gzipped -9 (budget 300 KB, issue 6)\n", $$1, $$2 / 1000, $$3 / 1000 }'; \
	done

fmt: ## Format the Rust code
	cargo fmt

lint: setup ## rustfmt check and clippy, native and wasm32 (installs the wasm32 target if missing)
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --bin wirediff-app --bin wirediff-worker -- -D warnings

fuzz: ## Fuzz each engine target for FUZZ_SECONDS (default 60) on nightly; not part of make test
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@cd fuzz && for t in $(FUZZ_TARGETS); do \
		case $$t in analyze|workers) max_len=16384;; *) max_len=8192;; esac; \
		seeds=seeds/$$t; case $$t in workers) seeds=seeds/analyze;; esac; \
		mkdir -p corpus/$$t target; \
		echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
		cargo +nightly fuzz run -s none $$t corpus/$$t $$seeds -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=$$max_len -print_final_stats=1 2>&1 | tee target/fuzz-$$t.log; \
	done; \
	for t in $(FUZZ_TARGETS); do \
		echo "$$t: $$(grep -o 'number_of_executed_units: *[0-9]*' target/fuzz-$$t.log | grep -o '[0-9]*$$') executions, no crash"; \
	done

bench-seeds: ## Native full report of the five seeds: median of 300 runs (opt-level 3 build)
	cargo build --profile bench-native --bin wirediff
	target/bench-native/wirediff bench seeds 300

bench-scale: ## Native synthetic corpus at 25/50/100/200 documents: time and peak memory per size
	cargo build --profile bench-native --bin wirediff
	target/bench-native/wirediff bench scale 25 50 100 200

PEERS := target/peers
bench-peers: ## Word diffs on the same pairs: wirediff native + wasm (Node) vs diff-match-patch, jsdiff, difflib
	@test -d node_modules/diff-match-patch -a -d node_modules/diff || npm install --no-audit --no-fund
	@rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	cargo build --profile bench-native --bin wirediff
	cargo build --release --target wasm32-unknown-unknown --bin wirediff-bench-wasm --features bench-wasm
	wasm-bindgen --target nodejs --out-dir $(PEERS)/wasm --out-name wirediff_bench_wasm \
		target/wasm32-unknown-unknown/release/wirediff-bench-wasm.wasm
	echo '{"type": "commonjs"}' > $(PEERS)/wasm/package.json
	target/bench-native/wirediff bench pairs $(PEERS)/pairs.json
	node scripts/bench-peers.mjs $(PEERS)/pairs.json target/bench-native/wirediff $(PEERS)/wasm

clean: ## Remove build outputs (keeps installed tools)
	cargo clean
	rm -rf dist tests/e2e/screenshots
