#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): writes the staged build's sw.js from assets/sw.js,
# filling in this build's asset list and a version hashed from every asset's name and bytes.
# A changed build thus gets a new sw.js, which browsers install and which drops the old cache.
set -euo pipefail

staging="${TRUNK_STAGING_DIR:?run this as a Trunk post_build hook}"
template="$(cd "$(dirname "$0")/.." && pwd)/assets/sw.js"
cd "$staging"

# The app starts its analysis worker from <meta name="wirediff-worker">: fill in the loader's
# hashed name (Trunk writes no tag for a worker).
loader="$(find . -maxdepth 1 -name 'wirediff-worker*_loader.js' -printf '%f\n' | head -n 1)"
if [[ -n "$loader" ]]; then
    sed -i "s|<meta name=\"wirediff-worker\" content=\"\">|<meta name=\"wirediff-worker\" content=\"./$loader\">|" index.html
    grep -q "content=\"./$loader\"" index.html || { echo "service worker: no wirediff-worker meta in index.html" >&2; exit 1; }
fi

mapfile -t files < <(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
version="$(for f in "${files[@]}"; do printf '%s\0' "$f"; cat "$f"; done | sha256sum | cut -c1-16)"
assets='"./"'
for f in "${files[@]}"; do assets+=", \"./$f\""; done

sed -e "s|__WIREDIFF_VERSION__|$version|" -e "s|__WIREDIFF_ASSETS__|[$assets]|" "$template" > sw.js
echo "service worker: version $version, ${#files[@]} assets + ./"
