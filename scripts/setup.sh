#!/usr/bin/env bash
# Installs what building (and, with --test, testing) wirediff needs, skipping every tool that is
# already there at the right version: a warm machine spends seconds here, a fresh one minutes.
#
#   scripts/setup.sh          wasm32 target, trunk 0.21.x, wasm-bindgen-cli = Cargo.lock, Node.js
#                             with the npm packages (binaryen's wasm-opt 132, playwright-core), and
#                             Chromium (the build prerenders the seeds' overview with it)
#   scripts/setup.sh --test   the same, plus Chromium's driver
#
# Needs rustup and cargo. Runs unattended (CI=true, no stdin); uses sudo for apt when not root.
# Trunk would download wasm-bindgen and wasm-opt from GitHub, which fails offline: installing
# them here lets Trunk find them on PATH (see Trunk.toml and TOOLCHAIN notes in the README).
set -euo pipefail

cd "$(dirname "$0")/.."
want_test=false
case "${1:-}" in
    --test) want_test=true ;;
    "") ;;
    *) echo "usage: $0 [--test]" >&2; exit 2 ;;
esac

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

step() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_updated=false
apt_install() {
    if ! $apt_updated; then
        step "apt-get update"
        $sudo apt-get update -q
        apt_updated=true
    fi
    step "apt-get install $*"
    $sudo apt-get install -y -q --no-install-recommends "$@"
}

if ! have cargo || ! have rustup; then
    echo "setup: rustup and cargo are required; install them from https://rustup.rs first" >&2
    exit 1
fi

# 1. The wasm32 target.
if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
    step "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# 2. Trunk 0.21.x (0.22 needs a newer rustc than stable here).
if ! { have trunk && trunk --version | grep -q '^trunk 0\.21\.'; }; then
    step "cargo install trunk 0.21 (about 8 minutes on 2 cores)"
    cargo install trunk --version '^0.21' --locked
fi

# 3. The wasm-bindgen CLI at exactly the version in Cargo.lock. Not --locked: a locked
#    dependency of the CLI (webpki-roots) is missing from some registry mirrors.
bindgen_version="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$bindgen_version" ]; then
    echo "setup: no wasm-bindgen version in Cargo.lock" >&2
    exit 1
fi
if ! { have wasm-bindgen && [ "$(wasm-bindgen --version | awk '{ print $2 }')" = "$bindgen_version" ]; }; then
    step "cargo install wasm-bindgen-cli $bindgen_version (about 3 minutes)"
    cargo install wasm-bindgen-cli --version "=$bindgen_version" --force
fi

# 4. Node.js and the npm packages: binaryen (wasm-opt 132, the version Trunk.toml names; Debian's
#    binaryen 108 cannot parse what Rust 1.95 emits) and playwright-core for the browser tests.
#    Reinstalled only when package-lock.json changes.
if ! have node || ! have npm; then
    apt_install nodejs npm
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "setup: warning: node $(node --version) is older than 20, which playwright-core needs for the browser tests" >&2
fi
stamp="node_modules/.wirediff-lock-sha256"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
    step "npm ci"
    npm ci --no-audit --no-fund
    echo "$lock_sum" > "$stamp"
fi

# 5. Chromium: the build prerenders the seeds' overview with it (scripts/prerender.mjs; $CHROMIUM
#    names another Chromium-based browser), and the browser tests also need its driver. Debian's
#    packages: Playwright's own browser download is never used.
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    if $want_test; then apt_install chromium chromium-driver; else apt_install chromium; fi
elif $want_test && [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium-driver
fi

step "ready: $(trunk --version), wasm-bindgen $bindgen_version, $(node_modules/.bin/wasm-opt --version), node $(node --version)"
