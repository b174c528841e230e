# Marginalia: `make serve` runs the app, `make test` runs every test. Both install what is missing first.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
WASM := --target wasm32-unknown-unknown
BROWSER_TESTS := $(patsubst tests/%.rs,--test %,$(wildcard tests/browser_*.rs))

.PHONY: help setup setup-test serve dist size test lint test-native test-browser test-e2e fuzz bench screenshot corpus

help:
	@echo "make serve   build and serve the app at http://127.0.0.1:8080"
	@echo "make test    formatting, lints, native, browser and end-to-end tests"
	@echo "make dist    the static site in dist/ and the single file dist/marginalia.html"
	@echo "make size    raw, gzip and brotli size of every file in dist/ (fails over the 300 KB brotli budget)"
	@echo "make fuzz    run every fuzz target for FUZZ_SECONDS (default 30) each, on nightly"
	@echo "make bench   the side-by-side benchmark against Recogito, then hostile files (BENCH_QUICK=1 for a short run)"
	@echo "make corpus  reader-mode quality and speed on Readability's test pages (bench/results/corpus.md)"

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

serve: setup
	trunk serve --release

# The static site in dist/ (CSP, service worker, manifest) and the single file dist/marginalia.html.
# Dependencies' source paths (in panic locations) are written without this machine's CARGO_HOME, so the
# download's size does not depend on where cargo keeps its registry.
dist: setup
	RUSTFLAGS="$${RUSTFLAGS:-} --remap-path-prefix=$${CARGO_HOME:-$$HOME/.cargo}/registry/src=/crates" trunk build --release
	node scripts/postbuild.mjs dist

# Transfer size of the built site against issue #8's budget (tests/e2e/size-budget.spec.ts checks it in `make test`).
size: dist
	node scripts/size-report.mjs dist

test: setup-test lint test-native test-browser dist test-e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets $(WASM) -- -D warnings

test-native:
	cargo test

test-browser:
	cargo test $(WASM) $(BROWSER_TESTS)

test-e2e:
	playwright test

# The README's screenshot (docs/screenshot.png); not part of `make test`, which must not rewrite tracked files.
screenshot: setup-test dist
	SCREENSHOT=1 playwright test screenshot.spec.ts

# Fuzzing (fuzz/, its own workspace): each target for FUZZ_SECONDS, seeded from the test fixtures.
# A crash stops the run and leaves its input in fuzz/artifacts/<target>/; add it to tests/parsers_never_panic.rs.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := import_pack import_w3c import_hypothesis html_extract text_loader stored_values

fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@mkdir -p fuzz/corpus/import_pack fuzz/corpus/import_w3c fuzz/corpus/import_hypothesis fuzz/corpus/text_loader
	@for dir in import_pack import_w3c import_hypothesis; do cp tests/fixtures/*.json fuzz/corpus/$$dir/; done
	@cp tests/e2e/fixtures/* tests/fixtures/html/*.html fuzz/corpus/text_loader/
	@node scripts/pathological-seeds.mjs
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  cargo +nightly fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 -timeout=10 || exit 1; \
	done

# Reports, never fails on a missed target; writes bench/results/latest.md (quick.md with BENCH_QUICK=1) and, for the
# hostile files of issue 21, bench/results/hostile.md (hostile-quick.md). Not part of `make test`.
bench: setup-test dist
	@[ -d node_modules/@recogito/text-annotator ] || npm ci --no-audit --no-fund
	node bench/run.mjs
	node bench/hostile.mjs

# Every page of Readability's test corpus through the release build's Open-file path in Chromium, scored
# against Readability's output; writes bench/results/corpus.md. Reports, never fails; not part of `make test`.
# The native scorer of the same pages: cargo run --release --example corpus_score -- <test-pages folder>.
corpus: setup-test dist
	node bench/corpus.mjs $(CORPUS_DIR)
