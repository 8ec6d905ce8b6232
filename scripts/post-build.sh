#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml). Trunk runs hooks of one stage concurrently, so the
# steps that must happen in order are here: first the seeds' report (it runs the built worker),
# then the CSP (it rewrites index.html), then the
# service worker (its version hashes every file, index.html included).
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run this as a Trunk post_build hook}"
here="$(cd "$(dirname "$0")" && pwd)"
node "$here/seeds-report.mjs" "$staging"
node "$here/csp.mjs" "$staging/index.html"
bash "$here/service-worker.sh"
