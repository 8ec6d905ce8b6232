#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml). Trunk runs hooks of one stage concurrently, so the
# steps that must happen in order are here: first the seeds' report (it runs the built worker),
# then the CSP (it rewrites index.html), then the
# service worker (its version hashes every file, index.html included).
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run this as a Trunk post_build hook}"
here="$(cd "$(dirname "$0")" && pwd)"
node "$here/seeds-report.mjs" "$staging"
# The page's wasm is fetched by index.html's first script (window.wirediffEarly.app), ~80 ms
# before Trunk's loader would (it fetches after its JS glue has loaded): name the file in
# <meta name="wirediff-app">, let the loader take that fetch, and drop the preload it replaces.
app="$(grep -o "init({ module_or_path: '\./wirediff-app-[0-9a-f]*_bg\.wasm' })" "$staging/index.html" | grep -o 'wirediff-app-[0-9a-f]*_bg\.wasm' || true)"
if [[ -n "$app" ]]; then
    sed -i -e "s|<meta name=\"wirediff-app\" content=\"\">|<meta name=\"wirediff-app\" content=\"./$app\">|" \
        -e "s|init({ module_or_path: './$app' })|init({ module_or_path: window.wirediffEarly?.app ?? './$app' })|" \
        -e "s|<link rel=\"preload\" href=\"./$app\"[^>]*>||" "$staging/index.html"
    grep -q "wirediffEarly?.app ?? './$app'" "$staging/index.html" || { echo "post-build: Trunk's loader changed" >&2; exit 1; }
fi
node "$here/csp.mjs" "$staging/index.html"
bash "$here/service-worker.sh"
