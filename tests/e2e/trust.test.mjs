// Privacy and safety (issue 7): the Content-Security-Policy, no document text through any HTML
// parser of the page, no request off the page's origin, stored data that survives a schema
// change, damage and a full quota, and the panel a wasm panic leaves.
// dist/ is the release build (make single); target/e2e-debug-dist is a debug build (make
// debug-dist), the only one where `#panic` panics.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, SEED_TITLE_OPENINGS, openForSuite, readArticles, screenshot, startServer, watch, openApp, reloadApp } from "./helpers.mjs";

const DEBUG_DIST = join(DIST, "..", "target", "e2e-debug-dist");
const MARKER = "Zq7xMarker";

function assertClean(seen) {
    assert.deepEqual(seen.pageErrors, [], "page errors");
    assert.deepEqual(seen.consoleErrors, [], "console errors");
    assert.deepEqual(seen.foreignRequests, [], "requests to other origins");
    assert.deepEqual(seen.csp, [], "CSP violations in the console");
}

/** Records every securitypolicyviolation event in window.__csp (runs before the page's scripts). */
function recordViolations() {
    window.__csp = [];
    addEventListener("securitypolicyviolation", (e) => {
        window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}: ${e.sample}`);
    }, true);
}

/** The policy's directives, name → list of sources. */
function directives(policy) {
    return Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

/** The sha256 sources of a page's inline <script> elements. */
function inlineScriptHashes(html) {
    return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
        .filter(([, attrs = ""]) => !/\ssrc\s*=/.test(attrs))
        .map((m) => `'sha256-${createHash("sha256").update(m[2]).digest("base64")}'`);
}

/** Asserts the page's policy is strict and allows exactly the build's inline scripts. */
function assertPolicy(policy, html) {
    const d = directives(policy);
    assert.deepEqual(d["default-src"], ["'self'"]);
    const scripts = d["script-src"];
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", "data:", "blob:", "*"]) {
        assert.ok(!scripts.includes(forbidden), `script-src allows ${forbidden}`);
    }
    assert.ok(scripts.includes("'wasm-unsafe-eval'"), "WebAssembly may compile");
    const hashes = inlineScriptHashes(html);
    assert.ok(hashes.length >= 1, "the build has an inline loader");
    assert.deepEqual(scripts.filter((s) => s.startsWith("'sha256-")).sort(), [...new Set(hashes)].sort(), "exactly the build's inline scripts");
    assert.deepEqual(d["connect-src"], ["'self'"]);
    assert.deepEqual(d["object-src"], ["'none'"]);
    assert.deepEqual(d["base-uri"], ["'none'"]);
    assert.deepEqual(d["form-action"], ["'none'"]);
    assert.ok(!(d["style-src"] ?? []).includes("'unsafe-inline'"), "no inline <style> but the build's");
}

const PASTED = [
    `Council backs the ${MARKER} plan`,
    "",
    `The council said on Monday that the ${MARKER} plan <b>would</b> cost 4 million euros. <img src=x onerror="window.__pwned=1">`,
    "",
    "US and Russian officials have secretly drafted a plan to end the nearly four-year-old war in Ukraine, the US media outlet Axios has reported.",
].join("\n");

describe("privacy and safety", () => {
    let browser;
    let server;
    openForSuite((opened) => ({ browser, server } = opened));

    async function open(t, options = {}, origin = server.origin) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
        t.after(() => context.close());
        const seen = watch(context, origin);
        await context.addInitScript(recordViolations);
        const page = await context.newPage();
        return { context, seen, page };
    }

    async function cells(page, n = 25) {
        await page.locator(".heatmap .cell").nth(n - 1).waitFor({ timeout: 20_000 });
        return page.locator(".heatmap .cell").count();
    }

    /** Every view, a pasted article, an opened text, a restored line and the three exports. */
    async function tour(page) {
        const n = await page.locator(".library .article:not(.excluded)").count();
        assert.equal(await cells(page, n * n), n * n);
        await page.locator("#paste-text").fill(PASTED);
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator(".add .message.ok").waitFor();
        assert.equal(await cells(page, (n + 1) ** 2), (n + 1) ** 2);
        await page.locator(".library .article-title button").last().click();
        await page.locator(".article-text").waitFor();
        await page.locator(`.cell[data-row="user-${n - 4}"]:not(.self)`).first().click();
        await page.locator(".view.pair").waitFor();
        await page.locator(".link-row, .unique-row:not([hidden]), .fold").first().waitFor({ timeout: 20_000 });
        const row = page.locator(".link-row").first();
        if (await row.count()) await row.focus();
        for (const [tab, item] of [["synopsis", ".synopsis-table"], ["quotes", ".view-title"], ["facts", ".view-title"], ["cleaning", ".removed-line"]]) {
            await page.locator(`.tab[data-tab="${tab}"]`).click();
            await page.locator(item).first().waitFor({ timeout: 20_000 });
        }
        await page.locator(".removed-line input").first().check();
        await page.locator(".removed-line.restored").waitFor();
        const files = [];
        for (const name of ["JSON", "CSV of links", "HTML report"]) {
            const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".export").getByRole("button", { name }).click()]);
            files.push(readFileSync(await download.path(), "utf8"));
        }
        return files;
    }

    test("dist/: a strict CSP allows only the build's own scripts, and a full tour violates nothing", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await readArticles(page);
        const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
        assertPolicy(policy, readFileSync(join(DIST, "index.html"), "utf8"));
        const [, , report] = await tour(page);
        assert.match(report, /Content-Security-Policy" content="default-src 'none'/, "the HTML report runs nothing either");
        assert.deepEqual(await page.evaluate(() => window.__csp), [], "securitypolicyviolation events");
        assertClean(seen);
        // What the policy forbids indeed fails: eval, new Function, an injected inline script.
        // (From a timer: code that DevTools evaluates itself may eval.)
        const attempt = (code) => page.evaluate((code) => new Promise((done) => setTimeout(() => {
            try { (0, eval)(code); done("ran"); } catch (e) { done(e.name); }
        })), code);
        assert.equal(await attempt("1 + 1"), "EvalError");
        assert.equal(await page.evaluate(() => new Promise((done) => setTimeout(() => {
            try { new Function("return 1")(); done("ran"); } catch (e) { done(e.name); }
        }))), "EvalError");
        await page.evaluate(() => {
            const s = document.createElement("script");
            s.textContent = "window.__injected = 1";
            document.head.append(s);
        });
        assert.equal(await page.evaluate(() => window.__injected), undefined, "an inline script the build did not write does not run");
        assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.startsWith("script-src-elem blocked inline")));
    });

    test("the single file: its CSP hashes its inline scripts, and it works from file:// without violations", async (t) => {
        const file = join(DIST, "wirediff.html");
        assert.ok(existsSync(file), "dist/wirediff.html is missing: run `make single` first");
        const { seen, page } = await open(t, {}, "file://");
        await openApp(page, pathToFileURL(file).href);
        const { titles } = await readArticles(page);
        SEED_TITLE_OPENINGS.forEach((opening, k) => assert.ok(titles[k].startsWith(opening)));
        const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
        assertPolicy(policy, readFileSync(file, "utf8"));
        await tour(page);
        assert.deepEqual(await page.evaluate(() => window.__csp), [], "securitypolicyviolation events");
        assertClean(seen);
    });

    test("no document text reaches innerHTML or any other HTML parser, and nothing leaves the origin", async (t) => {
        const { context, seen, page } = await open(t);
        await context.addInitScript((marker) => {
            const log = (window.__html = { calls: 0, hits: [] });
            const note = (where, value) => {
                log.calls += 1;
                if (String(value).includes(marker)) log.hits.push(where);
            };
            const setters = [[Element.prototype, "innerHTML"], [Element.prototype, "outerHTML"], [ShadowRoot.prototype, "innerHTML"], [HTMLIFrameElement.prototype, "srcdoc"]];
            for (const [proto, prop] of setters) {
                const d = Object.getOwnPropertyDescriptor(proto, prop);
                Object.defineProperty(proto, prop, { ...d, set(value) { note(prop, value); return d.set.call(this, value); } });
            }
            const methods = [[Element.prototype, "insertAdjacentHTML"], [Element.prototype, "setHTMLUnsafe"], [ShadowRoot.prototype, "setHTMLUnsafe"],
                [Document.prototype, "write"], [Document.prototype, "writeln"], [Range.prototype, "createContextualFragment"], [Document, "parseHTMLUnsafe"]];
            for (const [owner, name] of methods) {
                const f = owner[name];
                if (typeof f !== "function") continue;
                owner[name] = function (...args) { note(name, args.join(" ")); return f.apply(this, args); };
            }
            const setAttribute = Element.prototype.setAttribute;
            Element.prototype.setAttribute = function (name, value) {
                if (/^(on|srcdoc$|href$|src$|style$)/i.test(name)) note(`setAttribute(${name})`, value);
                return setAttribute.call(this, name, value);
            };
        }, MARKER);
        await openApp(page, `${server.origin}/`);
        await readArticles(page);
        // The marker arrives three ways: pasted, in a text file, and in an HTML page.
        const html = `<html><body><article><h1>${MARKER} page</h1><p>Officials said the ${MARKER} plan was ready.
            <a href="javascript:alert('${MARKER}')">more</a><img src="http://evil.example/${MARKER}.gif"></p></article></body></html>`;
        await page.locator("#file-input").setInputFiles([
            { name: "marker.txt", mimeType: "text/plain", buffer: Buffer.from(`Report on ${MARKER}\n\nThe ${MARKER} committee met on Tuesday.`) },
            { name: "marker.html", mimeType: "text/html", buffer: Buffer.from(html) },
        ]);
        await page.locator(".add .message.ok").nth(1).waitFor();
        const files = await tour(page);
        assert.ok(files[0].includes(MARKER), "the JSON report holds the text");
        for (const tab of ["quotes", "facts", "synopsis", "cleaning", "overview"]) {
            await page.locator(`.tab[data-tab="${tab}"]`).click();
            await page.locator(".view-title").first().waitFor();
        }
        for (let k = 1; k <= 3; k++) {
            await page.evaluate((k) => { location.hash = `#/pair/user-${k}/000_6d56e44ee70418c7.txt`; }, k);
            await page.getByText(new RegExp(MARKER)).first().waitFor({ timeout: 20_000 });
        }
        const log = await page.evaluate(() => window.__html);
        assert.deepEqual(log.hits, [], "document text passed through an HTML-parsing API");
        assert.ok(await page.getByText(new RegExp(MARKER)).count() > 0, "the text is on the page, as text");
        assert.equal(await page.evaluate(() => window.__pwned), undefined);
        assert.ok(!seen.requests.some((url) => url.includes("evil.example") || url.includes(MARKER)), "no request for the documents' URLs");
        assert.deepEqual(seen.foreignRequests, []);
        assert.ok(server.requests.every((path) => !path.includes(MARKER)), "the text never reached the server");
        assertClean({ ...seen, csp: [] });
    });

    /** A context whose localStorage holds `entries` before the app first runs (once per test). */
    async function seeded(t, entries) {
        const opened = await open(t);
        await opened.context.addInitScript((entries) => {
            if (sessionStorage.getItem("seeded")) return;
            localStorage.clear();
            for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
            sessionStorage.setItem("seeded", "1");
        }, entries);
        return opened;
    }

    /** Waits until the library's save has run to its end (the index, written last, lists `id`),
     * so storage the test then damages is not written over by a save still under way. */
    function savedWith(page, id) {
        return page.waitForFunction((id) => {
            try {
                return JSON.parse(localStorage.getItem("wirediff.library")).order.includes(id);
            } catch {
                return false;
            }
        }, id);
    }

    test("a schema-1 library (the previous version) is read, shown and migrated to schema 2", async (t) => {
        const v1 = {
            version: 1,
            docs: [
                { id: "000_6d56e44ee70418c7.txt", seed: true, name: "Renamed seed", included: true },
                { id: "001_3d5a461e3cf8af1d.txt", seed: true, included: false },
                { id: "002_0f0b4fcfe3fe9018.txt", seed: true, included: true },
                { id: "003_c8aab0e42c361f70.txt", seed: true, included: true },
                { id: "004_056fa72ee288ad71.txt", seed: true, included: true },
                { id: "user-4", seed: false, text: "Old story from schema one\n\nThe harbour reopened on Friday.", outlet: "Old Wire", included: true },
            ],
            restored: [["002_0f0b4fcfe3fe9018.txt", 4]],
            next: 5,
        };
        const { seen, page } = await seeded(t, { "wirediff.library": JSON.stringify(v1) });
        await openApp(page, `${server.origin}/`);
        const { titles } = await readArticles(page);
        assert.equal(titles.length, 6);
        assert.equal(titles[0], "Renamed seed");
        assert.equal(titles[5], "Old story from schema one");
        assert.equal(await page.locator(".library .count").textContent(), "5 of 6");
        assert.equal(await cells(page), 25, "five included documents");
        const stored = await page.evaluate(() => ({ ...localStorage }));
        assert.equal(JSON.parse(stored["wirediff.library"]).version, 2, "migrated on the first save");
        assert.deepEqual(JSON.parse(stored["wirediff.library"]).restored, [["002_0f0b4fcfe3fe9018.txt", 4]]);
        assert.match(stored["wirediff.doc:user-4"], /The harbour reopened on Friday/);
        await reloadApp(page);
        assert.deepEqual((await readArticles(page)).titles, titles, "the migrated library reloads the same");
        await page.locator("#paste-text").fill("A new story\n\nIt was added after the migration.");
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator('.library .article[data-doc="user-5"]').waitFor();
        assertClean(seen);
    });

    test("a damaged entry: a clear message, everything readable kept, the rest downloadable", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await readArticles(page);
        for (const story of ["First own story\n\nThe bridge reopened.", "Second own story\n\nThe mayor resigned."]) {
            await page.locator("#paste-text").fill(story);
            await page.getByRole("button", { name: "Add article" }).click();
        }
        await page.locator('.library .article[data-doc="user-2"]').waitFor();
        await savedWith(page, "user-2");
        // Damage the second document's entry, as a crash mid-write or a meddling extension might.
        await page.evaluate(() => localStorage.setItem("wirediff.doc:user-2", '{"id":"user-2","seed":false,"text":"Second own st'));
        await reloadApp(page);
        const { titles } = await readArticles(page);
        assert.equal(titles.length, 6, "the seeds and the readable document");
        assert.equal(titles[5], "First own story");
        const notice = page.locator(".recovery");
        assert.match(await notice.innerText(), /^Part of the stored library could not be read: 1 stored document could not be read\. Recovered 1 of your documents and the seeds\. The unreadable data is kept aside in this browser; you can download it\./);
        const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("button", { name: "Download the unreadable data" }).click()]);
        assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), { "wirediff.doc:user-2": '{"id":"user-2","seed":false,"text":"Second own st' });
        assert.equal(await page.evaluate(() => localStorage.getItem("wirediff.unreadable:wirediff.doc:user-2")), '{"id":"user-2","seed":false,"text":"Second own st');
        assert.equal(await cells(page, 36), 36, "the page is alive and analyses");
        await notice.getByRole("button", { name: "Dismiss" }).click();
        assert.equal(await notice.count(), 0);
        // A new document does not reuse the damaged one's id.
        await page.locator("#paste-text").fill("Third own story\n\nThe port closed.");
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator('.library .article[data-doc="user-3"]').waitFor();
        await savedWith(page, "user-3");
        // Garbage in the index itself: still never a blank page.
        await page.evaluate(() => localStorage.setItem("wirediff.library", "\u0000garbage{"));
        await reloadApp(page);
        assert.equal((await readArticles(page)).titles.length, 7, "every document recovered from its own entry");
        assert.match(await notice.innerText(), /the library’s index was damaged/);
        assertClean(seen);
    });

    test("two tabs adding documents keep both: new ids do not collide, each tab takes in the other's", async (t) => {
        const { seen, context, page: a } = await open(t);
        await openApp(a, `${server.origin}/`);
        await readArticles(a);
        // Tab B opens before tab A adds anything: both start from the same stored library.
        const b = await context.newPage();
        await openApp(b, `${server.origin}/`);
        await readArticles(b);
        const add = async (page, text, outlet) => {
            await page.locator("#paste-text").fill(text);
            await page.locator("#paste-outlet").fill(outlet);
            await page.getByRole("button", { name: "Add article" }).click();
            await page.locator(".add .message.ok").first().waitFor();
        };
        await add(a, "Tab A story\n\nThis article was pasted in the first tab on Monday morning.", "Tab A Wire");
        await savedWith(a, "user-1");
        await add(b, "Tab B story\n\nThis article was pasted in the second tab on Tuesday evening.", "Tab B Wire");
        await savedWith(b, "user-2");
        // Tab A shows what tab B stored without a reload, and says why its library changed.
        await a.locator('.library .article[data-doc="user-2"]').waitFor();
        assert.match(await a.locator(".add .messages").innerText(), /The library was changed in another tab/);
        // A change in tab A afterwards saves a library that still holds tab B's document.
        await a.locator('.library .article[data-doc="user-1"] input[type="checkbox"]').uncheck();
        await a.waitForFunction(() => JSON.parse(localStorage.getItem("wirediff.doc:user-1")).included === false);
        await savedWith(a, "user-2");
        for (const page of [a, b]) {
            await reloadApp(page);
            const { titles } = await readArticles(page);
            assert.deepEqual(titles.slice(5), ["Tab A story", "Tab B story"], "both tabs' documents survive a reload");
        }
        const outlets = await b.locator(".library .article-meta .outlet").allInnerTexts();
        assert.ok(outlets.includes("Tab A Wire") && outlets.includes("Tab B Wire"), JSON.stringify(outlets));
        // A removal in one tab reaches the other, and a later save there does not bring it back.
        const seed = await a.locator(".library .article").first().getAttribute("data-doc");
        await a.locator(".library .article").first().getByRole("button", { name: /^Remove/ }).click();
        await b.locator(`.library .article[data-doc="${seed}"]`).waitFor({ state: "detached" });
        await add(b, "Tab B later story\n\nAnother article pasted later in the second tab for testing.", "");
        await savedWith(b, "user-3");
        await reloadApp(a);
        const { titles } = await readArticles(a);
        assert.equal(titles.length, 7, JSON.stringify(titles));
        assert.deepEqual(titles.slice(4), ["Tab A story", "Tab B story", "Tab B later story"]);
        assert.equal(await a.locator(`.library .article[data-doc="${seed}"]`).count(), 0, "the removed seed stays removed");
        assertClean(seen);
    });

    test("a full quota keeps everything in memory and the export holds every text", async (t) => {
        const { context, seen, page } = await open(t);
        await context.addInitScript(() => {
            Storage.prototype.setItem = function () {
                throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
            };
        });
        await openApp(page, `${server.origin}/`);
        await readArticles(page);
        await page.locator("#paste-text").fill(PASTED);
        await page.getByRole("button", { name: "Add article" }).click();
        const warning = page.locator(".storage-error");
        await warning.waitFor();
        assert.equal(await warning.innerText(), "Not saved: the browser's storage is full. Your documents are kept in this tab only; download them to keep them.");
        assert.equal(await cells(page, 36), 36, "the document is analysed from memory");
        const [download] = await Promise.all([page.waitForEvent("download"), warning.getByRole("button", { name: "download them" }).click()]);
        const library = JSON.parse(readFileSync(await download.path(), "utf8"));
        assert.equal(library.docs.length, 6);
        assert.equal(library.docs[5].text, PASTED);
        assert.ok(library.docs.every((d) => d.text.length > 0), "every text is in the export");
        assertClean(seen);
    });

    test("a wasm panic (debug build, #panic) shows an error panel whose button copies the details", async (t) => {
        const wasm = readdirSync(DIST).find((f) => f.endsWith(".wasm"));
        assert.ok(!readFileSync(join(DIST, wasm)).includes("deliberate panic"), "the release build cannot panic on purpose");
        assert.ok(existsSync(join(DEBUG_DIST, "index.html")), "target/e2e-debug-dist is missing: run `make debug-dist`");
        const debug = await startServer(DEBUG_DIST);
        t.after(() => debug.close());
        const { seen, page } = await open(t, { permissions: ["clipboard-read", "clipboard-write"] }, debug.origin);
        await openApp(page, `${debug.origin}/`);
        await readArticles(page);
        await page.evaluate(() => { location.hash = "#panic"; });
        const panel = page.locator("#crash[role=alertdialog]");
        await panel.waitFor();
        assert.equal(await panel.locator("h2").innerText(), "wirediff stopped with an internal error");
        assert.match(await panel.innerText(), /reloading the page brings it back/);
        const details = await panel.locator("textarea").inputValue();
        assert.match(details, /^wirediff [\d.]+ stopped with an internal error\.\n\nError: deliberate panic for the error panel's test/);
        assert.match(details, /At: src\/ui\/app\.rs:\d+:\d+/);
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Copy details", "the button has focus");
        await panel.getByRole("button", { name: "Copy details" }).click();
        await panel.locator(".crash-status", { hasText: "Copied." }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), details);
        await screenshot(page, "panic-panel");
        assert.equal(seen.pageErrors.length, 1, "the panic itself ends the wasm call");
        assert.match(seen.pageErrors[0], /RuntimeError: unreachable/);
        assert.deepEqual(await page.evaluate(() => window.__csp), []);
        await panel.getByRole("button", { name: "Reload" }).click();
        await page.waitForURL(/#panic$/);
        assert.equal((await readArticles(page)).titles.length, 5, "a reload brings the app back");
        assert.equal(await panel.count(), 0);
    });
});
