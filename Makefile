# pith: `make demo` builds the wasm module and serves the demo; `make test` runs every test.
# Both install what they need first (scripts/bootstrap.sh, idempotent).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
WASM_OPT := node_modules/.bin/wasm-opt

.PHONY: memory demo test bootstrap bootstrap-test wasm serve lint native-test types-test public-api wasm-test e2e a11y e2e-firefox e2e-webdriver package-test build-cli size clean batch-bbc train-ner size-check bench package measure-worker fuzz-corpus spark-demo extension extension-test extension-screenshot

demo: bootstrap wasm
	@echo "pith demo: http://127.0.0.1:$(PORT)/"
	node scripts/serve.mjs --port $(PORT)

test: bootstrap-test lint native-test wasm size-check types-test wasm-test e2e a11y e2e-webdriver package-test extension-test
	@echo "make test: all suites passed"

bootstrap:
	@bash scripts/bootstrap.sh demo

bootstrap-test:
	@bash scripts/bootstrap.sh test

# Release build for the browser: wasm-pack (no downloads), then npm binaryen's wasm-opt, without
# the producers section. Two -Os pipelines: 741 B smaller than two -O4 ones (with
# --one-caller-inline-max-function-size 10 below: 201,504 -> 200,763 B of wasm) for about 2% of
# speed, which the module's 200 KB budget comes first for (-Oz -Oz is larger here: 201,902 B).
# --no-default-features leaves out the CLI feature: its dependencies are native-only anyway, but
# a different feature set changes the crate's metadata hash and with it some bytes of the module
# (same size); without it the module is byte-identical to one built before the feature existed.
# --profile wasm-release: the size settings (opt-level "z"); the native release profile is for speed.
# --reorder-functions-by-name (wasm-bindgen keeps the name section until wasm-opt writes the
# module without it): functions of one module and one generic sit side by side, where gzip
# finds their likenesses; 1,183 B less gzipped than rustc's order (209,829 -> 208,646 B of
# wasm), and the same code, so the same speed.
# --low-memory-unused: the first 1 KB of memory holds nothing pith reads (the 1 MB stack grows
# down towards it from 1 MiB, the data and heap lie above), so binaryen may fold a constant
# added to an address into the load's offset; 862 B less gzipped (230,597 -> 229,735 B of wasm).
# --one-caller-inline-max-function-size 10 (binaryen's default: any size): a function called
# from one place is inlined only when tiny, so the others stay beside their module's siblings in
# the order above instead of merging into analyze() (112 KB of code as one function); 10,084 B
# less gzipped (229,735 -> 219,651 B of wasm; 0 gives 219,926, 100 gives 224,169), the same
# outputs and the same speed (BBC corpus in Node, interleaved runs: 1.404 and 1.538 ms/article
# against 1.448 and 1.562 before). That was at 20; with -Os and LLVM's own inlining threshold,
# 10 is 179 B smaller than 20 (5: +166 B, 15: +117 B).
wasm:
	wasm-pack build --profile wasm-release --target web --mode no-install --out-dir pkg --out-name pith -- --no-default-features
	# The JS glue minified (esbuild, an npm dev dependency): 866 B less of the gzipped download.
	# pkg/pith.d.ts keeps the types and their docs.
	node_modules/.bin/esbuild pkg/pith.js --minify --format=esm --log-level=warning --allow-overwrite --outfile=pkg/pith.js
	$(WASM_OPT) -Os -Os --low-memory-unused --one-caller-inline-max-function-size 10 --reorder-functions-by-name --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals pkg/pith_bg.wasm -o pkg/pith_bg.wasm
	@printf 'wasm: %s bytes raw, %s bytes gzipped\n' $$(wc -c < pkg/pith_bg.wasm) $$(gzip -9 -c pkg/pith_bg.wasm | wc -c)

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

native-test:
	cargo test
	# The embedded tagger and confidence weights are what training makes from CoNLL-2003 and
	# GUM (skips when the data is absent).
	cargo run --release --quiet --bin pith -- train tagger --conll ../shared/train/conll2003/eng.train --gum ../shared/train/gum --check
	cargo run --release --quiet --bin pith -- train confidence --check

# The TypeScript declarations: src/contract.d.ts is what the Rust types generate now (ts-rs, a
# native dev-dependency; `PITH_BLESS=1 cargo test --lib typescript` regenerates it), and real
# analyze() results of the wasm module type-check against pkg/pith.d.ts with `tsc --noEmit
# --strict` (npm typescript; scripts/check-types.mjs). After `make wasm`.
types-test:
	cargo test --quiet --lib typescript
	node scripts/check-types.mjs

# The library's public items, one a line (prints only; not part of `make test`): rustdoc's JSON
# output walked by scripts/public-api.py. rustdoc's JSON needs a nightly toolchain (`rustup
# toolchain install nightly`); `pith::internal` is #[doc(hidden)] and so left out.
public-api:
	cargo +nightly rustdoc --quiet --lib -- -Z unstable-options --output-format json
	python3 scripts/public-api.py target/doc/pith.json

# wasm-bindgen tests in tests/ run in headless Chrome, Firefox and Node.
wasm-test:
	wasm-pack test --headless --chrome --mode no-install -- --test web
	wasm-pack test --headless --firefox --mode no-install -- --test web
	wasm-pack test --node --mode no-install -- --test node

e2e: build-cli
	node tests/e2e/demo.test.mjs
	node tests/e2e/widget.test.mjs
	# The browser's extractArticle() and the native `pith extract` agree on every page (the
	# example pages, and the 130 development pages when ../shared is present).
	node tests/e2e/extract.test.mjs

# axe-core (WCAG 2.1 A and AA, best practice) on the demo and every page in www/examples/, light
# and dark, 375 and 1280 px wide; the contrast of every stance and kind colour; Tab through
# every interactive element, each with a visible focus ring. Headless Chromium.
a11y:
	node tests/e2e/a11y.test.mjs

# The demo and widget checks that matter in every browser (panels, highlight through the Custom
# Highlight API and through the selection, the worker, Tab order and focus rings, no console
# error, no request off 127.0.0.1), through WebDriver (selenium-webdriver with BiDi): in Debian's
# Firefox ESR via geckodriver, then the same checks in Chromium via chromedriver.
e2e-firefox:
	node tests/e2e/webdriver.test.mjs firefox

e2e-webdriver: e2e-firefox
	node tests/e2e/webdriver.test.mjs chromium

# The npm package as users get it: packed, installed into Vite, webpack, esbuild and Node fixture
# apps (tests/package/apps/), built with the pinned bundlers and checked in headless Chromium.
package-test:
	node tests/package/run.mjs

# The npm package: pkg/ plus the <pith-summary> element, with an exports map, in dist/.
package: wasm
	node scripts/package.mjs --out dist

# The browser extension (extension/; README, "Browser extension"): dist/extension-chromium.zip and
# dist/extension-firefox.zip, unpacked beside them, assembled from extension/, www/ and pkg/.
extension: wasm
	node scripts/build-extension.mjs

# The Chromium build in headless Chromium (the button, the side panel, the page's highlight, no
# request off 127.0.0.1) and `web-ext lint` of the Firefox build; then the Firefox build in
# headless Firefox ESR over WebDriver BiDi (Node 20 has WebSocket behind a flag).
extension-test: extension
	node tests/extension/run.mjs
	node --experimental-websocket --no-warnings=ExperimentalWarning tests/extension/firefox.mjs

# The same test, also writing the README's screenshot (docs/extension.png).
extension-screenshot: extension
	PITH_DOCS_SCREENSHOT=1 node tests/extension/run.mjs

# Times main-thread analyze() on growing texts in Chromium (the widget's worker threshold).
measure-worker:
	node scripts/measure-worker.mjs

# Seeds the fuzz corpus with the hostile families at 100 KB to 1 MB (fuzz/fuzz_targets/analyze.rs).
fuzz-corpus:
	cargo run --release --quiet --example hostile -- --fuzz --kb 100,300,1000 --out fuzz/corpus/analyze

build-cli:
	cargo build --release --bin pith

clean:
	rm -rf target pkg dist

# Throughput of the CLI batch mode over the BBC corpus in ../shared/eval (skipped when absent),
# with 1 thread and with all cores, and the ratio (also the last part of `make bench`).
batch-bbc:
	bash scripts/batch-bbc.sh

# pith batch on each partition of the BBC corpus with PySpark in local mode; checks the record
# count (not part of `make test`: it installs a JRE and pyspark on demand, ~400 MB).
spark-demo:
	bash scripts/spark-demo.sh

# Regenerates the name tagger's weights (src/actors/tagger_weights.*) from CoNLL-2003 train and
# GUM train, then the actor confidence model (src/actors/confidence_weights.rs) from CoNLL testa
# and GUM dev (each skips when its data is absent).
train-ner: build-cli
	./target/release/pith train tagger --conll ../shared/train/conll2003/eng.train --gum ../shared/train/gum --buckets 4096 --epochs 8
	cargo build --release --bin pith
	./target/release/pith train confidence

# The module's sizes, for the README's figures: wasm and JS glue, raw and gzipped (-9), then
# their sum against the budget.
size: wasm
	@printf 'size: wasm %s B raw, %s B gzipped; JS glue %s B raw, %s B gzipped\n' $$(wc -c < pkg/pith_bg.wasm) $$(gzip -9 -c pkg/pith_bg.wasm | wc -c) $$(wc -c < pkg/pith.js) $$(gzip -9 -c pkg/pith.js | wc -c)
	@bash scripts/size-check.sh

# Peak wasm memory for the largest accepted input (8 MiB: BBC articles and each hostile family)
# and for one byte over the limit, each in a fresh Node process (scripts/memory.mjs; prints only).
memory: wasm
	cargo run --release --quiet --example hostile -- --kb 8192 --out target/hostile-8mb
	node scripts/memory.mjs

# The size budget: wasm + JS glue gzipped against size-budget.txt (fails when over).
size-check:
	bash scripts/size-check.sh

# Speed (prints only, not part of `make test`): native per stage (examples/bench.rs), then the
# wasm module in Node and headless Chromium against compromise and wink-nlp, scaling,
# pathological inputs, the hostile families at 100 KB and 1 MB (tests/common/hostile.rs, written
# to target/hostile for the wasm half), cold start and memory (bench/run.mjs). Reads the BBC corpus in
# ../shared/eval/summaries/bbc/articles when present. Three rounds of the engine comparison:
# compromise's own speed drifts on a shared machine, and the spread shows by how much. Last,
# `pith batch` over the BBC corpus with 1 thread and with all cores, and the ratio.
bench: bootstrap wasm
	cargo run --release --quiet --example bench -- --json target/bench-native.json
	cargo run --release --quiet --example hostile -- --out target/hostile
	node bench/run.mjs --native target/bench-native.json --rounds 3
	bash scripts/batch-bbc.sh
