#!/usr/bin/env bash
# policylens build entry: one subcommand per job, one echo per step.
#
#   ./build.sh setup     install what the build and tests need (idempotent)
#   ./build.sh           build the wasm, both extensions, their zips and www/pkg
#   ./build.sh extension assemble both extensions, their zips and www/pkg from the last wasm build
#   ./build.sh example   analyze the bundled example policy with the CLI
#   ./build.sh test      run every test (Rust, wasm in browsers, end to end)
#   ./build.sh bench     build, then benchmark (native, wasm in Chromium, sizes, content script): one table
#   ./build.sh serve     serve www/ on http://127.0.0.1:8000
#
# Outputs go only to git-ignored folders: target/, pkg/, dist/, www/pkg/, www/examples/.
set -euo pipefail
cd "$(dirname "$0")"

# Pinned so the CLI matches the crate exactly (wasm-pack otherwise downloads one).
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Chromium flags that keep it off this closed network (see ../shared/TOOLCHAIN.md).
CHROMIUM_QUIET_FLAGS="--disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"

step() { echo "==> $*"; }

have_version() { # have_version CMD WANT: CMD --version mentions WANT
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"
}

cmd_setup() {
  # firefox-esr-l10n-es-es: Firefox's Spanish language pack, without which it shows extensions in
  # English whatever intl.locale.requested says (the locale tests; Chromium needs none for --lang).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null ||
    ! dpkg -s firefox-esr-l10n-es-es >/dev/null 2>&1; then
    step "apt: chromium, chromium-driver, firefox-esr, firefox-esr-l10n-es-es"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr firefox-esr-l10n-es-es zip >/dev/null
  else
    step "apt: browsers already installed"
  fi
  step "rustup: wasm32-unknown-unknown target, rustfmt, clippy"
  rustup target add wasm32-unknown-unknown
  # Usually part of the toolchain already; `test` fails clearly if they are missing.
  rustup component add rustfmt clippy >/dev/null 2>&1 || echo "warning: could not add rustfmt/clippy" >&2
  if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
    step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --quiet
  else
    step "wasm-bindgen-cli $WASM_BINDGEN_VERSION already installed"
  fi
  if ! command -v wasm-pack >/dev/null; then
    step "cargo install wasm-pack"
    cargo install wasm-pack --locked --quiet
  else
    step "wasm-pack already installed"
  fi
  if ! command -v geckodriver >/dev/null; then
    step "cargo install geckodriver"
    cargo install geckodriver --locked --quiet
  else
    step "geckodriver already installed"
  fi
  step "npm ci: playwright-core, selenium-webdriver, web-ext, binaryen (no browser downloads)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
}

# The release wasm, built by wasm-pack with npm's wasm-opt (Debian's breaks the table init).
cmd_wasm() {
  step "wasm-pack build --release --target web -> pkg/"
  wasm-pack build --release --target web --mode no-install --out-dir pkg --no-pack >/dev/null
}

cmd_extension() {
  local browser dir
  for browser in chrome firefox; do
    dir="dist/$browser"
    step "assemble $dir (shared tree + extension/$browser/ + manifest.$browser.json + wasm)"
    rm -rf "$dir"
    mkdir -p "$dir/pkg"
    cp -R extension/src/. "$dir/"
    # The few files whose content differs per browser (the shared tree imports them by name).
    cp -R "extension/$browser/." "$dir/"
    cp "extension/manifest.$browser.json" "$dir/manifest.json"
    cp pkg/policylens.js pkg/policylens_bg.wasm "$dir/pkg/"
    step "zip dist/policylens-$browser.zip"
    rm -f "dist/policylens-$browser.zip"
    (cd "$dir" && zip -qr -X "../policylens-$browser.zip" .)
  done
}

cmd_www() {
  step "copy wasm and shared rendering code into www/pkg"
  mkdir -p www/pkg
  cp pkg/policylens.js pkg/policylens_bg.wasm www/pkg/
  cp extension/src/render.js extension/src/render.css extension/src/i18n.js extension/src/warm-up.js www/pkg/
  # render.js's words on a page without the extension i18n API: the English messages.
  mkdir -p www/pkg/_locales/en
  cp extension/src/_locales/en/messages.json www/pkg/_locales/en/
  step "copy the example policies into www/examples"
  mkdir -p www/examples
  cp tests/fixtures/calijewelz.com.txt tests/fixtures/crypjama.com.txt www/examples/
}

cmd_build() {
  cmd_wasm
  cmd_extension
  cmd_www
}

cmd_example() {
  step "cargo build --release (CLI)"
  cargo build --release --quiet --bin policylens
  step "policylens tests/fixtures/crypjama.com.txt"
  target/release/policylens tests/fixtures/crypjama.com.txt
}

cmd_test() {
  step "cargo fmt --check"
  cargo fmt --check
  step "cargo clippy --all-targets -- -D warnings"
  cargo clippy --quiet --all-targets -- -D warnings
  step "cargo test (unit, fixtures, CLI, never-panics)"
  cargo test --quiet
  step "cargo bench --no-run (benches compile)"
  cargo bench --quiet --no-run
  cmd_build
  # The runner picks whichever driver variable is set: set exactly one.
  step "wasm-pack test --headless --chrome (tests/web.rs in Chromium)"
  env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome --mode no-install -- --test web
  step "wasm-pack test --headless --firefox (tests/web.rs in Firefox ESR)"
  env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" wasm-pack test --headless --firefox --mode no-install -- --test web
  step "web-ext lint (Firefox build)"
  web-ext lint --source-dir dist/firefox --self-hosted --output text --warnings-as-errors=false
  step "node --test tests/unit (the extension's pure modules and messages, in node)"
  node --test tests/unit/
  step "node --test tests/e2e (extension in Chromium and Firefox, www page)"
  node --test --test-concurrency=1 tests/e2e/
}

# Figures, not tests: run.mjs prints one table (budgets marked PASS/MISS) and exits 0 unless something broke.
cmd_bench() {
  cmd_build
  step "cargo bench --bench analyze (criterion, native: one line per benchmark; details in target/criterion)"
  cargo bench --quiet --bench analyze -- --noplot --output-format bencher
  step "cargo build --release (CLI, for the paired CLI-vs-grep run)"
  cargo build --release --quiet --bin policylens
  step "node tests/bench/run.mjs (wasm in Chromium, CLI vs grep, sizes, content script; table also in target/bench-results.json)"
  node tests/bench/run.mjs
}

cmd_serve() {
  cmd_build
  step "serving www/ on http://127.0.0.1:8000 (Ctrl-C to stop)"
  python3 -m http.server 8000 --bind 127.0.0.1 --directory www
}

case "${1:-build}" in
  setup) cmd_setup ;;
  build) cmd_build ;;
  wasm) cmd_wasm ;;
  extension) cmd_extension; cmd_www ;;
  example) cmd_example ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  serve) cmd_serve ;;
  *) echo "usage: $0 [setup|build|wasm|extension|example|test|bench|serve]" >&2; exit 2 ;;
esac
