// End-to-end tests of the release build in dist/ (make build && make single) in headless Chromium.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
    DIST, SEED_TITLE_OPENINGS, SUB_PATH, openApp, openForSuite, readArticles, reloadApp, screenshot, startServer, watch,
} from "./helpers.mjs";

/** The five seeds, in order, each with a title and a word count. */
function assertSeedList({ titles, words }) {
    assert.equal(titles.length, 5, `five articles, got ${JSON.stringify(titles)}`);
    titles.forEach((title, i) => {
        assert.ok(title.startsWith(SEED_TITLE_OPENINGS[i]), `title ${i}: ${JSON.stringify(title)}`);
        assert.ok(title.length <= 90, `title ${i} is long: ${title}`);
    });
    assert.equal(words.length, 5);
    words.forEach((label) => assert.match(label, /^[1-9][\d,]* words$/));
}

function assertClean(seen, { csp = [] } = {}) {
    assert.deepEqual(seen.pageErrors, [], "page errors");
    assert.equal(seen.csp.length, csp.length, `CSP violations: ${seen.csp.join("\n")}`);
    csp.forEach((pattern, k) => assert.match(seen.csp[k], pattern));
    assert.deepEqual(seen.consoleErrors, [], "console errors");
    assert.deepEqual(seen.foreignRequests, [], "requests to other origins");
}

/** Polls `check` (async) every 100 ms until it is true; fails after 10 s. */
async function until(check, what) {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
        if (await check()) return;
        await new Promise((ok) => setTimeout(ok, 100));
    }
    assert.fail(`timed out waiting until ${what}`);
}

/** The service worker controls the page's scope and has cached the build. */
/** Waits until the page has the analysis worker's own report (`wirediff:page-worker-done`, src/ui/analysis.rs). */
function workerDone(page) {
    return page.waitForFunction(() => performance.getEntriesByName("wirediff:page-worker-done").length > 0, null, { timeout: 20_000 });
}

/**
 * Waits until both analysis workers have loaded their wasm and word tables
 * (`wirediff:page-worker-loaded`): the helper starts once the first report is shown, and a test
 * that cuts the server before its fetches end fails them (a page error, not the test's point).
 */
function workersLoaded(page) {
    return page.waitForFunction(() => performance.getEntriesByName("wirediff:page-worker-loaded").length >= 2, null, { timeout: 20_000 });
}

function workerReady(page) {
    return page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

describe("wirediff in Chromium", () => {
    let browser;
    let server;
    openForSuite((opened) => ({ browser, server } = opened));

    /** A fresh context (own storage, no service worker yet), closed when test `t` ends. */
    async function open(t, origin, options = {}) {
        const context = await browser.newContext(options);
        t.after(() => context.close());
        const seen = watch(context, origin);
        const page = await context.newPage();
        return { context, seen, page };
    }

    /** A server of this test's own, shut down when it ends (or earlier, to cut the network). */
    async function ownServer(t) {
        const own = await startServer();
        t.after(() => own.close());
        return own;
    }

    test("lists the five seed articles at / with no errors and no other origin", async (t) => {
        const { seen, page } = await open(t, server.origin);
        await openApp(page, `${server.origin}/`);
        assertSeedList(await readArticles(page));
        await page.waitForLoadState("networkidle");
        await screenshot(page, "home-light");
        assertClean(seen);
        assert.ok(seen.requests.some((url) => url.endsWith(".wasm")), "the wasm was fetched");
    });

    test("opens an article's text and closes it again", async (t) => {
        const { seen, page } = await open(t, server.origin, { colorScheme: "dark" });
        await openApp(page, `${server.origin}/`);
        await readArticles(page);
        const button = page.locator(".article-title button").nth(2);
        await button.click();
        assert.equal(await button.getAttribute("aria-expanded"), "true");
        assert.match(await page.locator(".article-text").innerText(), /Dmitriev told Axios he is optimistic/);
        assert.equal(await button.getAttribute("aria-controls"), await page.locator(".article-text").getAttribute("id"));
        await screenshot(page, "article-open-dark");
        await button.click();
        assert.equal(await button.getAttribute("aria-expanded"), "false");
        assert.equal(await page.locator(".article-text").count(), 0);
        assertClean(seen);
    });

    test(`works when served under the sub-path ${SUB_PATH}`, async (t) => {
        const { seen, page } = await open(t, server.origin);
        const first = server.requests.length;
        await openApp(page, `${server.origin}${SUB_PATH.slice(0, -1)}`); // redirected to SUB_PATH
        assert.equal(new URL(page.url()).pathname, SUB_PATH);
        assertSeedList(await readArticles(page));
        await page.waitForLoadState("networkidle");
        await screenshot(page, "subpath");
        assertClean(seen);
        const outside = server.requests.slice(first).filter((path) => !path.startsWith(SUB_PATH.slice(0, -1)));
        assert.deepEqual(outside, [], "every request stays under the sub-path");
    });

    for (const base of ["/", SUB_PATH]) {
        test(`reloads offline after one visit at ${base}`, async (t) => {
            const own = await ownServer(t);
            const { context, seen, page } = await open(t, own.origin);
            await openApp(page, `${own.origin}${base}`);
            assertSeedList(await readArticles(page));
            await workerReady(page);
            // The visit is over once the analysis worker has loaded its wasm and reported:
            // cutting the server earlier fails the worker's fetch (a page error), not the test's point.
            // (The first heatmap comes earlier, from the build's seeds report.)
            await page.locator(".heatmap .cell").first().waitFor({ timeout: 20_000 });
            await workerDone(page);
            await workersLoaded(page);

            // Nothing can come from the network now: the server is gone and the context offline.
            await own.close();
            await context.setOffline(true);
            await reloadApp(page);
            assertSeedList(await readArticles(page));
            assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "served by the worker");
            await screenshot(page, `offline${base.replaceAll("/", "-")}`);
            assertClean(seen);
        });
    }

    test("a new build replaces the cached one, and that one works offline", async (t) => {
        const own = await ownServer(t);
        const { context, seen, page } = await open(t, own.origin);
        await openApp(page, `${own.origin}/`);
        await readArticles(page);
        await workerReady(page);
        await page.locator(".heatmap .cell").first().waitFor({ timeout: 20_000 });
        await workerDone(page);
        await workersLoaded(page);
        const [oldCache] = await page.evaluate(() => caches.keys());
        assert.match(oldCache, /^wirediff:http:\/\/127\.0\.0\.1:\d+\/:[0-9a-f]{16}$/);

        // "Deploy" a new build: a changed page and a service worker with a new version.
        const sw = readFileSync(join(DIST, "sw.js"), "utf8");
        const newSw = sw.replace(/const VERSION = "[0-9a-f]+";/, 'const VERSION = "0000000000000new";');
        assert.notEqual(newSw, sw, "sw.js declares its VERSION");
        own.overrides.set("sw.js", newSw);
        own.overrides.set("index.html", readFileSync(join(DIST, "index.html"), "utf8")
            .replace("<title>wirediff</title>", "<title>wirediff, new build</title>"));

        await reloadApp(page); // pages come from the network first: the new build shows at once
        assert.equal(await page.title(), "wirediff, new build");
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
        await until(async () => {
            const keys = await page.evaluate(() => caches.keys());
            return keys.length === 1 && keys[0].endsWith(":0000000000000new");
        }, "the new build's cache replaces the old one");
        await workersLoaded(page); // the reloaded page's workers, from the old cache or the network

        await own.close();
        await context.setOffline(true);
        await reloadApp(page);
        assertSeedList(await readArticles(page));
        assert.equal(await page.title(), "wirediff, new build", "offline, the new build is served");
        assertClean(seen);
    });

    test("the build's report of the seeds paints first and is the worker's own, byte for byte", async (t) => {
        const { seen, page } = await open(t, server.origin);
        // Every message any worker of the page sends, as bytes.
        await page.addInitScript(() => {
            window.__fromWorkers = [];
            const Native = window.Worker;
            window.Worker = class extends Native {
                constructor(...args) {
                    super(...args);
                    this.addEventListener("message", (event) => window.__fromWorkers.push([...new Uint8Array(event.data)]));
                }
            };
        });
        await openApp(page, `${server.origin}/`);
        await page.locator(".heatmap .cell").first().waitFor({ timeout: 20_000 });
        await workerDone(page);
        const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => m.name));
        assert.ok(marks.includes("wirediff:page-precomputed"), `the build's report was used on a cold load: ${marks}`);
        assert.ok(marks.indexOf("wirediff:page-precomputed") < marks.indexOf("wirediff:page-worker-done"));

        // The worker's answer but its progress: ProcessOutput (tag 1) of a Response that is not Progress (tag 0).
        const fromWorker = (await page.evaluate(() => window.__fromWorkers))
            .map((m) => Buffer.from(m))
            .filter((m) => m.length >= 16 && m.readUInt32LE(0) === 1 && m.readUInt32LE(12) !== 0);
        const built = readFileSync(join(DIST, "seeds-report.bin"));
        const answer = [];
        for (let at = 4 + built.readUInt32LE(0); at < built.length; at += 4 + built.readUInt32LE(at)) {
            answer.push(built.subarray(at + 4, at + 4 + built.readUInt32LE(at)));
        }
        const bytes = (list) => list.reduce((n, m) => n + m.length, 0);
        assert.ok(bytes(fromWorker) > 50_000, `the worker sent its report (${bytes(fromWorker)} bytes)`);
        assert.equal(answer.length, fromWorker.length, "as many messages");
        assert.ok(answer.every((m, k) => m.equals(fromWorker[k])),
            `the build's answer (${bytes(answer)} bytes) is the worker's (${bytes(fromWorker)} bytes)`);
        // No progress bar for an analysis already answered.
        assert.equal(await page.locator(".analysis-status.running").count(), 0);
        assertClean(seen);
    });

    /**
     * The page's heatmap figure and library titles as HTML, without the attributes the build's
     * snapshot leaves out (ids and what points at them: scripts/prerender.mjs); `root` is the
     * snapshot's element or the app's.
     */
    const shown = (page, root) => page.evaluate((root) => {
        const figure = document.querySelector(`${root} .heatmap-figure`).cloneNode(true);
        for (const el of [figure, ...figure.querySelectorAll("*")]) {
            for (const name of ["id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"]) el.removeAttribute(name);
        }
        const titles = [...document.querySelectorAll(`${root} .article-title`)].map((t) => t.textContent);
        const ticked = [...document.querySelectorAll(`${root} .library input[type=checkbox]`)].map((c) => c.checked);
        return { figure: figure.outerHTML, titles, ticked };
    }, root);

    test("a first visit sees the build's prerendered heatmap, inert, and it is the app's own", async (t) => {
        const html = readFileSync(join(DIST, "index.html"), "utf8");
        assert.match(html, /<div id="prerender" inert aria-busy="true">/, "make build prerenders the overview");
        assert.match(readFileSync(join(DIST, "wirediff.html"), "utf8"), /<div id="prerender" inert aria-busy="true">/, "so does make single");
        // The article text in the snapshot is text, not a picture.
        assert.match(html, /US, Russia Draft Ukraine Peace Plan/);

        // The snapshot alone: the page's wasm never arrives.
        const before = await open(t, server.origin);
        await before.context.route(/wirediff-app-[0-9a-f]+(_bg\.wasm|\.js)$/, (route) => route.abort());
        await before.page.goto(`${server.origin}/`);
        const snapshot = before.page.locator("#prerender");
        await snapshot.locator(".heatmap .cell").nth(24).waitFor();
        assert.equal(await snapshot.getAttribute("inert"), "");
        assert.equal(await snapshot.getAttribute("aria-busy"), "true");
        assert.equal(await before.page.locator("html[data-app-ready]").count(), 0);
        await screenshot(before.page, "prerendered");
        // Inert: a click on a cell opens no pair view.
        await snapshot.locator(".heatmap .cell").nth(1).click({ force: true });
        await before.page.waitForTimeout(200);
        assert.equal(new URL(before.page.url()).hash, "", "the snapshot's cells do nothing");
        const prerendered = await shown(before.page, "#prerender");

        // The app, once it has taken over: the same heatmap (cells, shades, verdicts) and library.
        const { seen, page } = await open(t, server.origin);
        await openApp(page, `${server.origin}/`);
        assert.equal(await page.locator("#prerender").count(), 0, "the snapshot is gone");
        assert.equal(await page.locator(".heatmap .cell").count(), 25);
        const app = await shown(page, "#app");
        assert.deepEqual(prerendered.titles, app.titles);
        assert.deepEqual(prerendered.ticked, app.ticked);
        assert.equal(prerendered.figure, app.figure, "the prerendered heatmap is the app's");
        assertClean(seen);
    });

    /** Records whether any frame of `page` is painted with the build's snapshot showing. */
    const watchSnapshot = (page) => page.addInitScript(() => {
        window.__sawSnapshot = false;
        const check = () => {
            const snapshot = document.getElementById("prerender");
            if (snapshot && getComputedStyle(snapshot).display !== "none") window.__sawSnapshot = true;
            if (!document.documentElement.hasAttribute("data-app-ready")) requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
    });

    test("a returning visitor with a stored library of their own, or another view, never sees the seeds' snapshot", async (t) => {
        const { seen, page } = await open(t, server.origin);
        await watchSnapshot(page);
        await openApp(page, `${server.origin}/`);
        assert.equal(await page.evaluate(() => window.__sawSnapshot), true, "a first visit does see it");
        // The stored library is the seeds as built: a returning visitor sees the snapshot too,
        // and the app that takes over shows the same heatmap.
        await page.waitForFunction(() => localStorage.getItem("wirediff.pristine") === "1", null, { timeout: 20_000 });
        const figure = async () => page.locator("#app .heatmap-figure").getAttribute("data-documents");
        await reloadApp(page);
        assert.equal(await page.evaluate(() => window.__sawSnapshot), true, "the seeds, stored untouched: the snapshot");
        assert.equal(await page.locator("#prerender").count(), 0, "and the app took over");
        assert.equal(await figure(), "5");
        await page.locator("#paste-text").fill("Own story\n\nThe mayor reopened the bridge on Tuesday, officials said.");
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator(".heatmap .cell").nth(35).waitFor({ timeout: 20_000 });

        await page.waitForFunction(() => localStorage.getItem("wirediff.pristine") === null, null, { timeout: 20_000 });
        await reloadApp(page);
        assert.equal(await page.evaluate(() => window.__sawSnapshot), false, "no frame showed the snapshot");
        assert.equal(await page.locator("#prerender").count(), 0);
        await page.locator(".heatmap .cell").nth(35).waitFor({ timeout: 20_000 });
        assert.equal(await page.locator(".library .article").count(), 6);

        // Another view on a first visit: no overview flashes before it.
        const other = await open(t, server.origin);
        await watchSnapshot(other.page);
        await openApp(other.page, `${server.origin}/#/facts`);
        assert.equal(await other.page.evaluate(() => window.__sawSnapshot), false, "no frame showed the snapshot");
        assertClean(seen);
        assertClean(other.seen);
    });

    test("the single file works from file:// with no server", async (t) => {
        const file = join(DIST, "wirediff.html");
        assert.ok(existsSync(file), "dist/wirediff.html is missing: run `make single` first");
        const { seen, page } = await open(t, "file://");
        await openApp(page, pathToFileURL(file).href);
        assertSeedList(await readArticles(page));
        // The analysis worker starts from a blob: URL the page makes of its own inlined code.
        await page.locator(".heatmap .cell").first().waitFor({ timeout: 20_000 });
        await screenshot(page, "single-file");
        assertClean(seen);
        assert.deepEqual(seen.requests.filter((url) => !/^(data:|blob:null\/)/.test(url)), [pathToFileURL(file).href],
            "the single file loads nothing but itself");
        // Both analysis workers (the second starts once the first report shows) start from it.
        assert.equal(new Set(seen.requests.filter((url) => url.startsWith("blob:"))).size, 1, "one blob: worker script");
    });
});
