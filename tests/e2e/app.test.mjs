// End-to-end tests of the release build in dist/ (make build && make single) in headless Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
    DIST, SEED_TITLE_OPENINGS, SUB_PATH, launchBrowser, readArticles, screenshot, startServer, watch,
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

function assertClean(seen) {
    assert.deepEqual(seen.pageErrors, [], "page errors");
    assert.deepEqual(seen.consoleErrors, [], "console errors");
    assert.deepEqual(seen.foreignRequests, [], "requests to other origins");
}

describe("wirediff in Chromium", () => {
    let browser;
    let server;

    before(async () => {
        assert.ok(existsSync(join(DIST, "index.html")), "dist/ is missing: run `make build` first");
        browser = await launchBrowser();
        server = await startServer();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
    });

    test("lists the five seed articles at / with no errors and no other origin", async () => {
        const context = await browser.newContext();
        const seen = watch(context, server.origin);
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        assertSeedList(await readArticles(page));
        await page.waitForLoadState("networkidle");
        await screenshot(page, "home-light");
        assertClean(seen);
        assert.ok(seen.requests.some((url) => url.endsWith(".wasm")), "the wasm was fetched");
        await context.close();
    });

    test("opens an article's text and closes it again", async () => {
        const context = await browser.newContext({ colorScheme: "dark" });
        const seen = watch(context, server.origin);
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await readArticles(page);
        const button = page.locator(".article-title button").nth(2);
        await button.click();
        assert.equal(await button.getAttribute("aria-expanded"), "true");
        const text = await page.locator(".article-text").innerText();
        assert.match(text, /Dmitriev told Axios he is optimistic/);
        await screenshot(page, "article-open-dark");
        await button.click();
        assert.equal(await page.locator(".article-text").count(), 0);
        assertClean(seen);
        await context.close();
    });

    test(`works when served under the sub-path ${SUB_PATH}`, async () => {
        const context = await browser.newContext();
        const seen = watch(context, server.origin);
        const page = await context.newPage();
        const before = server.requests.length;
        await page.goto(`${server.origin}${SUB_PATH.slice(0, -1)}`); // redirected to SUB_PATH
        assert.equal(new URL(page.url()).pathname, SUB_PATH);
        assertSeedList(await readArticles(page));
        await page.waitForLoadState("networkidle");
        await screenshot(page, "subpath");
        assertClean(seen);
        const outside = server.requests.slice(before).filter((p) => !p.startsWith(SUB_PATH.slice(0, -1)));
        assert.deepEqual(outside, [], "every request stays under the sub-path");
        await context.close();
    });

    for (const base of ["/", SUB_PATH]) {
        test(`reloads offline after one visit at ${base}`, async () => {
            // A server of its own, shut down before the reload: nothing can come from the network.
            const own = await startServer();
            const context = await browser.newContext();
            const seen = watch(context, own.origin);
            const page = await context.newPage();
            await page.goto(`${own.origin}${base}`);
            assertSeedList(await readArticles(page));
            await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

            await own.close();
            await context.setOffline(true);
            await page.reload();
            assertSeedList(await readArticles(page));
            assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "served by the worker");
            await screenshot(page, `offline${base.replaceAll("/", "-")}`);
            assert.deepEqual(seen.pageErrors, [], "page errors");
            assert.deepEqual(seen.foreignRequests, [], "requests to other origins");
            await context.close();
        });
    }

    test("the single file works from file:// with no server", async () => {
        const file = join(DIST, "wirediff.html");
        assert.ok(existsSync(file), "dist/wirediff.html is missing: run `make single` first");
        const context = await browser.newContext();
        const seen = watch(context, "file://");
        const page = await context.newPage();
        await page.goto(pathToFileURL(file).href);
        assertSeedList(await readArticles(page));
        await screenshot(page, "single-file");
        assertClean(seen);
        assert.deepEqual(seen.requests.filter((url) => !url.startsWith("data:")), [pathToFileURL(file).href],
            "the single file loads nothing but itself");
        await context.close();
    });
});
