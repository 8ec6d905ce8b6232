// The page's Content-Security-Policy, computed from the built HTML: every inline <script> and
// <style> the build wrote is allowed by its sha256 hash, and nothing else inline runs.
//
// index.html carries `<meta http-equiv="Content-Security-Policy" content="__WIREDIFF_CSP__">`
// before any script; `applyCsp(html)` fills it in. Used by scripts/post-build.sh (Trunk's
// post_build hook, on the staged dist/index.html) and by scripts/single.mjs (after inlining).
//
// Usage: node scripts/csp.mjs FILE.html      (rewrites FILE.html in place)
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PLACEHOLDER = "__WIREDIFF_CSP__";
const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The exact text of each inline element `tag` (no src attribute), as the browser hashes it. */
function inlineBodies(html, tag) {
    const pattern = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "gi");
    return [...html.matchAll(pattern)].filter(([, attrs = ""]) => !/\ssrc\s*=/.test(attrs)).map((m) => m[2]);
}

/** The policy for `html`: its own inline scripts and styles by hash, everything else 'self'. */
export function policyFor(html) {
    const scripts = [...new Set(inlineBodies(html, "script").map(sha256))];
    const styles = [...new Set(inlineBodies(html, "style").map(sha256))];
    return [
        "default-src 'self'",
        // 'wasm-unsafe-eval': Chromium compiles no WebAssembly without it (not even streaming).
        ["script-src 'self' 'wasm-unsafe-eval'", ...scripts].join(" "),
        ["style-src 'self'", ...styles].join(" "),
        // The heatmap's shade and the share bars' widths are computed style attributes (never text).
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        // The analysis worker may be started from a blob: URL (the single file has no other files).
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ].join("; ");
}

/** `html` with its CSP placeholder (or a previous policy) replaced by the policy for it. */
export function applyCsp(html) {
    const meta = html.match(META);
    if (!meta) throw new Error("no <meta http-equiv=\"Content-Security-Policy\"> in the page");
    const firstScript = html.search(/<script[\s>]/i);
    if (firstScript !== -1 && firstScript < meta.index) throw new Error("the CSP <meta> must come before every <script>");
    const withoutMeta = html.replace(meta[0], "");
    return html.replace(meta[0], `<meta http-equiv="Content-Security-Policy" content="${policyFor(withoutMeta)}">`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const file = process.argv[2];
    if (!file) {
        console.error("usage: node scripts/csp.mjs FILE.html");
        process.exit(2);
    }
    const html = readFileSync(file, "utf8");
    // `trunk serve` injects its live-reload script with a placeholder it fills in per request:
    // a hash cannot match it, so the dev server runs without a policy.
    if (html.includes("__TRUNK_ADDRESS__") || html.includes("__TRUNK_WS_BASE__")) {
        writeFileSync(file, html.replace(META, ""));
        console.log("csp: trunk serve's live reload is in the page: no policy in this dev build");
    } else {
        const out = applyCsp(html);
        writeFileSync(file, out);
        console.log(`csp: ${out.match(/'sha256-/g)?.length ?? 0} inline script/style hash(es) in ${file}`);
    }
}
