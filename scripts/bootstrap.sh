#!/usr/bin/env bash
# Installs what `make demo` (mode "demo"), `make test` (mode "test") or `make spark-demo` (mode
# "spark") needs and is missing. Idempotent: every step checks first, so a second run takes
# seconds. Sources: crates.io (cargo install), Debian packages (apt-get), npm (package.json),
# PyPI (pip, spark mode only).
set -euo pipefail
mode=${1:-demo}
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[bootstrap] %s\n' "$*"; }

apt_install() {
  say "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "$@"
}

# Spark in local mode (examples/spark): a JRE from Debian and pyspark from PyPI in a venv kept
# outside the repository (it is ~400 MB), so `make clean` does not throw it away. Nothing else:
# the job needs only cargo, which every mode assumes.
if [ "$mode" = spark ]; then
  pyspark_version=3.5.9 # runs on Java 8, 11 and 17, like most clusters in service
  venv=${PITH_SPARK_VENV:-$HOME/.cache/pith/spark-venv}
  if ! java -version >/dev/null 2>&1; then
    apt_install openjdk-17-jre-headless
  fi
  if [ "$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null)" != "$pyspark_version" ]; then
    say "installing pyspark $pyspark_version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==$pyspark_version"
  fi
  say "ok (spark: $venv, $(java -version 2>&1 | head -1))"
  exit 0
fi

# The wasm-bindgen CLI must match the library version that Cargo.lock pins, exactly.
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done
# Tools from crates.io at exact versions, each built with its own Cargo.lock (--locked), and
# reinstalled only when the version on PATH differs.
wasm_pack_version=0.15.1 # 0.14 or later: `make wasm` uses --profile wasm-release
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$wasm_pack_version" ]; then
  say "installing wasm-pack $wasm_pack_version"
  cargo install wasm-pack --version "=$wasm_pack_version" --locked --force
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (pinned to Cargo.lock)"
  cargo install wasm-bindgen-cli --version "=$wb_version" --locked --force
fi

# npm packages (binaryen's wasm-opt, playwright-core, axe-core for `make a11y`, selenium-webdriver
# for `make e2e-webdriver`, for `make package-test` the bundlers vite, webpack and esbuild, and
# for `make extension-test` web-ext, for `make types-test` typescript's tsc, pinned exactly in
# package.json): reinstall only when the lock changed or one is missing.
missing_npm=0
for bin in wasm-opt vite webpack esbuild web-ext tsc; do [ -e "node_modules/.bin/$bin" ] || missing_npm=1; done
for dir in axe-core selenium-webdriver; do [ -d "node_modules/$dir" ] || missing_npm=1; done
if [ -L node_modules ]; then
  # A worktree that links another checkout's node_modules: `npm ci` would empty the shared copy
  # through the link, so a linked tree is left as it is.
  say "node_modules is a link; not reinstalling through it"
elif [ "$missing_npm" = 1 ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ "$mode" = test ]; then
  need=()
  for p in chromium chromium-driver firefox-esr; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    apt_install "${need[@]}"
  fi
  # 0.36 or later: tests/e2e/webdriver.test.mjs starts it with --allow-system-access (to set
  # Firefox's colour-scheme preference).
  geckodriver_version=0.37.1
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}')" != "$geckodriver_version" ]; then
    say "installing geckodriver $geckodriver_version"
    cargo install geckodriver --version "=$geckodriver_version" --locked --force
  fi
fi
say "ok ($mode)"
