// Shared pieces of the browser tests: a tiny static server for dist/, a headless Chromium,
// and a watcher that records console errors, page errors and requests to other origins.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before } from "node:test";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const DIST = join(ROOT, "dist");
export const SCREENSHOTS = join(ROOT, "tests", "e2e", "screenshots");

/** The sub-path the server also serves dist/ under, like a GitHub Pages project site. */
export const SUB_PATH = "/wirediff/";

/** Stable openings of the five seed titles, in seed order. */
export const SEED_TITLE_OPENINGS = [
    "US, Russia Draft Ukraine Peace Plan",
    "The US peace plan to end the war in Ukraine",
    "Witkoff also consulted with Russian envoy",
    "US and Russian officials have secretly drafted a plan",
    "The White House has defended a US-backed peace proposal",
];

const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
};

/**
 * Serves dist/ on 127.0.0.1 (a free port) both at `/` and under SUB_PATH.
 * Returns { origin, requests, overrides, close }: `requests` lists every path asked for, and
 * `overrides` maps a file name in dist/ (e.g. "sw.js") to a string served in its place.
 */
export async function startServer(root = DIST) {
    const requests = [];
    const overrides = new Map();
    const server = createServer(async (req, res) => {
        const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
        requests.push(path);
        if (path === SUB_PATH.slice(0, -1)) {
            res.writeHead(301, { Location: SUB_PATH }).end();
            return;
        }
        const relative = path.startsWith(SUB_PATH) ? path.slice(SUB_PATH.length) : path.slice(1);
        const name = relative.endsWith("/") || relative === "" ? `${relative}index.html` : relative;
        const file = normalize(join(root, name));
        try {
            if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) throw new Error("not a file");
            const body = overrides.get(name) ?? (await readFile(file));
            res.writeHead(200, {
                "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
                "Cache-Control": "no-cache",
            }).end(body);
        } catch {
            res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        }
    });
    await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
    const origin = `http://127.0.0.1:${server.address().port}`;
    return {
        origin,
        requests,
        overrides,
        close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
    };
}

/** Headless Debian Chromium with the flags that keep it off the network (see TOOLCHAIN.md). */
export function launchBrowser() {
    return chromium.launch({
        executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
        headless: true,
        // launch() gives every run a fresh temporary user-data-dir.
        args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    });
}

/**
 * For the enclosing `describe`: opens one headless Chromium and one server of dist/ before its
 * tests and closes both after them; `use` receives `{ browser, server }` once both are open.
 */
export function openForSuite(use) {
    let opened;
    before(async () => {
        assert.ok(existsSync(join(DIST, "index.html")), "dist/ is missing: run `make single` first");
        opened = { browser: await launchBrowser(), server: await startServer() };
        use(opened);
    });
    after(async () => {
        await opened?.browser.close();
        await opened?.server.close();
    });
}

/**
 * Records, for every page of `context`: console errors, uncaught page errors, and requests to
 * any origin but `origin` (for file:// pages pass "file://"; data: and blob: URLs are local).
 * Content-Security-Policy violations the console reports go to `csp`, not `consoleErrors`.
 */
export function watch(context, origin) {
    const seen = { consoleErrors: [], pageErrors: [], foreignRequests: [], requests: [], csp: [] };
    const onPage = (page) => {
        page.on("console", (msg) => {
            if (msg.type() !== "error") return;
            const line = `${msg.text()} @ ${msg.location().url}`;
            (/Content Security Policy/.test(msg.text()) ? seen.csp : seen.consoleErrors).push(line);
        });
        page.on("pageerror", (error) => seen.pageErrors.push(String(error)));
    };
    context.pages().forEach(onPage);
    context.on("page", onPage);
    context.on("request", (request) => {
        const url = request.url();
        seen.requests.push(url);
        if (/^(data|blob):/.test(url)) return;
        const own = origin === "file://" ? url.startsWith("file://") : new URL(url).origin === origin;
        if (!own) seen.foreignRequests.push(url);
    });
    return seen;
}

/**
 * Waits until the app has mounted: `<html data-app-ready>` (src/ui/prerender.rs). Before that a
 * first visit shows the build's inert snapshot of the seeds' overview (scripts/prerender.mjs),
 * which has the same classes as the app's own elements: no test may touch it.
 */
export async function appReady(page, timeout = 20_000) {
    await page.locator("html[data-app-ready]").waitFor({ state: "attached", timeout });
}

/** `page.goto(url)`, then waits until the app has mounted (see appReady). */
export async function openApp(page, url) {
    await page.goto(url);
    await appReady(page);
}

/** `page.reload()`, then waits until the app has mounted (see appReady). */
export async function reloadApp(page) {
    await page.reload();
    await appReady(page);
}

/** Waits for the article list and returns its titles and word-count labels. */
export async function readArticles(page) {
    await page.locator(".article-title").first().waitFor({ timeout: 15_000 });
    return {
        titles: await page.locator(".article-title").allInnerTexts(),
        words: await page.locator(".article-meta .words").allInnerTexts(),
    };
}

/** Saves a full-page screenshot to the git-ignored screenshots folder. */
export async function screenshot(page, name) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The synthetic corpus of `n` articles (the one `wirediff bench scale` uses) as Playwright
 * file payloads, written by the CLI's `synth` subcommand into target/e2e-synth-N/.
 */
export function synthCorpus(n) {
    const dir = join(ROOT, "target", `e2e-synth-${n}`);
    execFileSync("cargo", ["run", "--quiet", "--bin", "wirediff", "--", "synth", String(n), dir], { cwd: ROOT, stdio: "ignore" });
    return readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().slice(0, n)
        .map((name) => ({ name, mimeType: "text/plain", buffer: readFileSync(join(dir, name)) }));
}

/** Above this many documents the heatmap is a picture, not a table (src/ui/heat.rs). */
export const TABLE_MAX_DOCUMENTS = 40;

/**
 * Waits until the overview's heatmap shows `n` documents and checks its form: up to
 * TABLE_MAX_DOCUMENTS a table of n × n cell buttons; above it a canvas of n × n pixels beside a
 * list with one row per document.
 */
export async function heatmapShows(page, n, timeout = 30_000) {
    await page.locator(`.heatmap-figure[data-documents="${n}"]`).waitFor({ timeout });
    if (n <= TABLE_MAX_DOCUMENTS) {
        assert.equal(await page.locator(".heatmap .cell").count(), n * n, "heatmap cells");
        assert.equal(await page.locator(".heatmap tbody tr").count(), n, "heatmap rows");
    } else {
        const canvas = page.locator(".heatmap-figure .heat-canvas");
        assert.deepEqual([await canvas.getAttribute("width"), await canvas.getAttribute("height")], [String(n), String(n)], "one pixel per pair");
        assert.equal(await page.locator(".closest-table tbody tr").count(), n, "a closest match per document");
        assert.equal(await page.locator(".heatmap .cell").count(), 0, "no table of buttons");
    }
}
