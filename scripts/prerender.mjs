// Prerenders the seeds' overview into DIR/index.html, so a first visit sees the heatmap from the
// HTML alone, before the app's wasm has even been fetched.
//
// Loads the built app in headless Chromium (a fresh context: no storage, no service worker),
// waits until it marks `<html data-app-ready>` with the seeds' heatmap shown, and copies the
// DOM it rendered into the page as
//
//   <div id="prerender" inert aria-busy="true"> …the app's masthead, library, overview… </div>
//
// without ids (the app's own copy of each mounts beside it) and with no script or canvas. The
// snapshot is inert until the app takes over (src/ui/prerender.rs swaps the two in one task).
// Two tiny inline scripts drop it before it is ever painted when the visitor has anything stored
// under `wirediff.` (their own library or settings: the seeds' heatmap would be wrong for them)
// or opens a view other than the overview. Then the page's Content-Security-Policy is recomputed
// for those scripts (scripts/csp.mjs) and sw.js for the changed index.html.
//
// Run by `make build` after `trunk build --release`; running it again replaces the snapshot.
// Usage: node scripts/prerender.mjs DIR      (needs Chromium: $CHROMIUM or /usr/bin/chromium)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { applyCsp } from "./csp.mjs";
import { startServer } from "../tests/e2e/helpers.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? "dist");
const fail = (message) => {
    console.error(`prerender: ${message}`);
    process.exit(1);
};
const file = join(dir, "index.html");
if (!existsSync(file)) fail(`${file} is missing: run trunk build first`);
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath}: run scripts/setup.sh, or set CHROMIUM`);

const START = "<!-- prerender: start -->";
const END = "<!-- prerender: end -->";
const HEAD_START = "<!-- prerender head: start -->";
const HEAD_END = "<!-- prerender head: end -->";
/** `html` without a snapshot an earlier run wrote. */
const strip = (html) =>
    html.replace(new RegExp(`${HEAD_START}[\\s\\S]*?${HEAD_END}\\n?`), "").replace(new RegExp(`${START}[\\s\\S]*?${END}\\n?`), "");

const original = strip(readFileSync(file, "utf8"));
const server = await startServer(dir);
server.overrides.set("index.html", original);
const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
});
let snapshot;
try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`${server.origin}/`);
    await page.locator("html[data-app-ready]").waitFor({ state: "attached", timeout: 60_000 });
    await page.locator('.heatmap-figure[data-documents="5"] .heatmap .cell').first().waitFor({ timeout: 60_000 });
    if (errors.length) fail(`the app failed: ${errors.join("; ")}`);
    snapshot = await page.evaluate(() => {
        const copy = document.getElementById("app").cloneNode(true);
        // The app sets these as properties, which HTML does not show: as attributes they do.
        for (const input of copy.querySelectorAll("input")) {
            input.toggleAttribute("checked", input.checked);
            if (input.value && !["checkbox", "radio", "file"].includes(input.type)) input.setAttribute("value", input.value);
        }
        for (const area of copy.querySelectorAll("textarea")) area.textContent = area.value;
        // The app's own copy mounts beside the snapshot: no id may be there twice, and nothing
        // may point at one.
        for (const el of copy.querySelectorAll("*")) {
            for (const name of ["id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"]) el.removeAttribute(name);
        }
        return { html: copy.innerHTML.trim(), canvases: copy.querySelectorAll("canvas").length, scripts: copy.querySelectorAll("script").length };
    });
    await context.close();
} finally {
    await browser.close();
    await server.close();
}
if (snapshot.canvases || snapshot.scripts) fail("the seeds' overview has a canvas or a script: a snapshot cannot show it");

// Before the first paint: is the snapshot right for this visitor? (styles/app.css hides it then.)
const headScript = `<script>
        // The prerendered seeds' overview (scripts/prerender.mjs) is for the overview of the
        // seeds as built only: anything stored under "wirediff." or another view drops it
        // unseen, unless the app marked the stored library as those seeds (src/ui/storage.rs).
        (() => {
            let stored = true;
            try {
                stored = Object.keys(localStorage).some((key) => key.startsWith("wirediff."))
                    && localStorage.getItem("wirediff.pristine") !== "1";
            } catch {}
            if (stored || !["", "#", "#/", "#/overview"].includes(location.hash)) document.documentElement.dataset.prerender = "off";
        })();
    </script>`;
const bodyScript = `<script>
        if (document.documentElement.dataset.prerender === "off") document.getElementById("prerender").remove();
    </script>`;
const block = [START, `<div id="prerender" inert aria-busy="true">${snapshot.html}</div>`, bodyScript, END].join("\n    ");

let html = original;
if (!/<\/noscript>/.test(html) || !/<\/head>/.test(html)) fail("index.html has no </noscript> or </head>");
html = html.replace("</head>", `    ${HEAD_START}\n    ${headScript}\n    ${HEAD_END}\n</head>`);
html = html.replace(/<\/noscript>/, (end) => `${end}\n    ${block}`);
writeFileSync(file, applyCsp(html));
// sw.js's version hashes every file, index.html included.
execFileSync("bash", [join(HERE, "service-worker.sh")], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, stdio: "inherit" });
console.log(`prerender: the seeds' overview in ${file} (${(Buffer.byteLength(snapshot.html) / 1024).toFixed(0)} KiB of HTML)`);
