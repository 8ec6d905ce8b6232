// Writes dist/wirediff.html: the whole release build in one self-contained file that opens
// from file:// (e-mail it, put it on a USB stick, double-click it). Run after `trunk build`.
//
// - the wasm-bindgen JS glue goes inline in a module script, its exports turned into locals;
// - the .wasm goes inline as base64 and is handed to the glue's init as bytes;
// - the analysis worker (glue + base64 wasm + the word tables it would fetch) goes inline too
//   and starts from a blob: URL;
// - stylesheets go inline, the icon becomes a data: URL, preload hints and the
//   service-worker registration (service workers do not apply to file://) are dropped;
// - the Content-Security-Policy is recomputed for the inline scripts and styles (scripts/csp.mjs).
//
// Usage: node scripts/single.mjs [DIST_DIR]      (no npm packages needed)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyCsp } from "./csp.mjs";

const dist = process.argv[2] ?? "dist";
const read = (href, encoding) => readFileSync(join(dist, decodeURI(href.replace(/^\.?\//, ""))), encoding);
const fail = (message) => {
    console.error(`single: ${message}`);
    process.exit(1);
};
/** Replaces every match of `pattern` with `replace(match)`; fails unless there were `expected` matches. */
const swap = (text, pattern, replace, expected) => {
    let count = 0;
    const out = text.replace(pattern, (...match) => (count++, replace(...match)));
    if (expected !== undefined && count !== expected) fail(`expected ${expected} match(es) of ${pattern}, found ${count}`);
    return out;
};

let html = read("index.html", "utf8");

// Trunk's loader: `import init, * as bindings from './x.js'; … init({ module_or_path: './x_bg.wasm' })`.
const loader = html.match(/<script type="module"[^>]*>[^<]*?from\s+['"]([^'"]+\.js)['"][^<]*?['"]([^'"]+\.wasm)['"][^<]*<\/script>/);
if (!loader) fail("no Trunk loader script in index.html; was it built by Trunk 0.21?");
const [, gluePath, wasmPath] = loader;

// The glue's exports become locals; its default export (the async init) is `wirediffInit`.
let glue = read(gluePath, "utf8");
let init;
glue = swap(glue, /^export\s+default\s+(\w+);?[ \t]*$/gm, (_, name) => ((init = name), ""));
glue = swap(glue, /^export\s*\{([^}]*)\};?[ \t]*$/gm, (_, names) => {
    const asDefault = names.match(/(\w+)\s+as\s+default\b/);
    if (asDefault) init = asDefault[1];
    return "";
});
if (!init) fail(`${gluePath} has no default export (the init function)`);
glue += `\nconst wirediffInit = ${init};`;
glue = swap(glue, /^export\s+(?=(async\s+)?(function|class|const|let|var)\b)/gm, () => "");
if (/^\s*(import|export)\b/m.test(glue)) fail(`${gluePath} still has import/export statements after inlining`);
if (/<\/script|<!--/i.test(glue)) fail(`${gluePath} contains "</script" or "<!--", which would break the inline script`);

// The analysis worker: its no-modules glue and its wasm (base64) become one script, which the
// page turns into a blob: URL and puts in <meta name="wirediff-worker"> before the app starts.
const workerMeta = html.match(/<meta name="wirediff-worker" content="([^"]+)">/);
if (!workerMeta) fail("no filled-in <meta name=\"wirediff-worker\"> in index.html (the post-build hook writes it)");
const workerLoader = read(workerMeta[1], "utf8");
const workerParts = workerLoader.match(/importScripts\("([^"]+\.js)"\);\s*wasm_bindgen\("([^"]+\.wasm)"\);/);
if (!workerParts) fail(`${workerMeta[1]} is not a Trunk no-modules loader shim`);
const workerSource = [
    // The worker's wasm leaves out the word tables and loads them (src/worker.rs): here they are inline.
    `self.wirediffSynonyms = ${JSON.stringify(read("synonyms.txt", "utf8"))};`,
    `self.wirediffWordfreq = ${JSON.stringify(read("wordfreq.txt", "utf8"))};`,
    read(workerParts[1], "utf8"),
    `wasm_bindgen({ module_or_path: Uint8Array.from(atob("${read(workerParts[2]).toString("base64")}"), (c) => c.charCodeAt(0)) });`,
].join("\n");
// A JSON string, with "<" escaped so no "</script" can end the inline script early.
const workerLiteral = JSON.stringify(workerSource).replace(/</g, "\\u003c");
html = swap(html, workerMeta[0], () => '<meta name="wirediff-worker" content="">', 1);

const wasm = read(wasmPath).toString("base64");
const boot = [
    "<script type=\"module\">",
    `document.querySelector('meta[name="wirediff-worker"]').content = URL.createObjectURL(new Blob([${workerLiteral}], { type: "text/javascript" }));`,
    glue,
    `const wasmBytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));`,
    "await wirediffInit({ module_or_path: wasmBytes });",
    "</script>",
].join("\n");

html = swap(html, loader[0], () => boot, 1);
html = swap(html, /<link\s+rel="(?:modulepreload|preload)"[^>]*>\s*/g, () => "");
html = swap(html, /<script>(?:(?!<\/script>)[\s\S])*serviceWorker(?:(?!<\/script>)[\s\S])*<\/script>\s*/g, () => "", 1);
html = swap(html, /<link\s+rel="stylesheet"[^>]*href="([^"]+\.css)"[^>]*>/g, (_, href) => `<style>\n${read(href, "utf8")}</style>`);
html = swap(html, /(<link\s+rel="icon"[^>]*href=")([^"]+\.svg)(")/g, (_, pre, href, post) =>
    `${pre}data:image/svg+xml;base64,${read(href).toString("base64")}${post}`, 1);
html = swap(html, /\s+integrity="[^"]*"/g, () => "");
if (/(?:src|href)="(?!data:|#)[^"]+"/.test(html)) fail(`a reference to another file is left: ${html.match(/(?:src|href)="(?!data:|#)[^"]+"/)[0]}`);

try {
    html = applyCsp(html);
} catch (error) {
    fail(error.message);
}

const out = join(dist, "wirediff.html");
writeFileSync(out, html);
console.log(`single: wrote ${out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB; wasm ${(read(wasmPath).length / 1024).toFixed(0)} KiB, worker wasm ${(read(workerParts[2]).length / 1024).toFixed(0)} KiB)`);
