// Hostile and odd input through the real file input (issue 7): each file gets a clear message,
// the page stays alive (views switch, the heatmap renders) and the seeds stay intact.
// Runs against the release build in dist/ in headless Chromium.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { SEED_TITLE_OPENINGS, heatmapShows, openForSuite, screenshot, watch, openApp } from "./helpers.mjs";

/** A 1×1 PNG (the classic smallest valid one). */
const PNG = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
);

const FRENCH = "Le café de Kyiv a rouvert lundi, a déclaré le maire.\n\nLes clients étaient nombreux à l’ouverture.";

/** UTF-16 bytes of `text`, with a byte-order mark. */
function utf16(text, endian) {
    const le = Buffer.from(text, "utf16le");
    if (endian === "le") return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    const be = Buffer.from(le);
    be.swap16();
    return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

const text = (name, body) => ({ name, mimeType: "text/plain", buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });

function assertClean(seen, { csp = [] } = {}) {
    assert.deepEqual(seen.pageErrors, [], "page errors");
    assert.deepEqual(seen.consoleErrors, [], "console errors");
    assert.deepEqual(seen.foreignRequests, [], "requests to other origins");
    assert.equal(seen.csp.length, csp.length, `CSP violations: ${seen.csp.join("\n")}`);
    csp.forEach((pattern, k) => assert.match(seen.csp[k], pattern));
}

/** The footer's figures: documents, sentences, links of the current analysis. */
async function stats(page) {
    const footer = await page.locator(".colophon").innerText();
    const [, documents, sentences, links] = footer.match(/([\d,]+) documents?, ([\d,]+) sentences?, ([\d,]+) links?/).map((n) => Number(n.replaceAll(",", "")));
    return { documents, sentences, links };
}

describe("hostile input through the file picker", () => {
    let browser;
    let server;
    openForSuite((opened) => ({ browser, server } = opened));

    /** A fresh context on the seeds' overview; dialogs are recorded (and dismissed). */
    async function open(t) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        t.after(() => context.close());
        const seen = watch(context, server.origin);
        const page = await context.newPage();
        seen.dialogs = [];
        page.on("dialog", (dialog) => {
            seen.dialogs.push(dialog.message());
            dialog.dismiss().catch(() => {});
        });
        await openApp(page, `${server.origin}/`);
        await page.locator(".heatmap .cell").nth(24).waitFor({ timeout: 20_000 });
        return { seen, page, before: await stats(page) };
    }

    /** Picks `files` in the real file input and returns the messages shown next to it. */
    async function pick(page, files) {
        await page.locator("#file-input").setInputFiles(files);
        await page.locator(".add .message").first().waitFor({ timeout: 20_000 });
        return page.locator(".add .message").allInnerTexts();
    }

    /** Waits until the analysis (in its worker) is done with `n` documents. */
    async function settle(page, n) {
        await heatmapShows(page, n);
        await page.locator(".analysis-status.running").waitFor({ state: "detached", timeout: 30_000 });
    }

    /** Seeds intact, the library holds `docs` documents, the views switch and the heatmap renders. */
    async function assertAlive(page, docs, compared = docs) {
        const titles = await page.locator(".article-title").allInnerTexts();
        assert.equal(titles.length, docs, "documents in the library");
        SEED_TITLE_OPENINGS.forEach((opening, k) => assert.ok(titles[k].startsWith(opening), `seed ${k}: ${titles[k]}`));
        for (const [hash, title] of [["#/synopsis", "Synopsis"], ["#/quotes", "Quotes"], ["#/overview", "Overview"]]) {
            await page.evaluate((h) => { location.hash = h; }, hash);
            await page.locator(".view-title", { hasText: title }).waitFor({ timeout: 20_000 });
        }
        await heatmapShows(page, compared);
    }

    /** Opens a library document's text and returns its paragraphs. */
    async function openText(page, titlePattern) {
        const item = page.locator(".library .article", { has: page.locator(".article-title", { hasText: titlePattern }) });
        await item.locator(".article-title button").click();
        return item.locator(".article-text p");
    }

    test("an empty file and a whitespace-only file are refused, each with its reason", async (t) => {
        const { seen, page } = await open(t);
        const shown = await pick(page, [text("empty.txt", ""), text("blank.txt", "  \n\t \r\n   \n")]);
        assert.deepEqual(shown, [
            "✕ empty.txt: the file is empty",
            "✕ blank.txt: the file holds only spaces and line breaks, no text",
        ]);
        await assertAlive(page, 5);
        assertClean(seen);
    });

    test("a 5 MB text is refused with its size and the limit", async (t) => {
        const { seen, page } = await open(t);
        const line = "The council met on Monday and agreed the budget after a long debate.\n";
        const big = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length)).slice(0, 5 * 1024 * 1024);
        const shown = await pick(page, [text("big.txt", big)]);
        assert.deepEqual(shown, ["✕ big.txt: the file is 5.0 MB; the limit is 2 MB"]);
        await assertAlive(page, 5);
        assertClean(seen);
    });

    test("a PNG renamed .txt is named as an image, not read as text", async (t) => {
        const { seen, page } = await open(t);
        const shown = await pick(page, [text("photo.txt", PNG)]);
        assert.deepEqual(shown, ["✕ photo.txt: this is a PNG image, not text; save or copy the article as plain text first"]);
        await assertAlive(page, 5);
        assertClean(seen);
    });

    test("UTF-16 (both byte orders) and Latin-1 text are decoded, and é shows as é", async (t) => {
        const { seen, page } = await open(t);
        const [le, be, latin] = ["Lundi", "Mardi", "Mercredi"].map((day) => FRENCH.replace("lundi", day.toLowerCase()));
        const shown = await pick(page, [
            text("utf16le.txt", utf16(le, "le")),
            text("utf16be.txt", utf16(be, "be")),
            // Windows-1252: Latin-1 for é and à, 0x92 for the typographic apostrophe.
            text("latin1.txt", Buffer.from(latin.replace("’", "\x92"), "latin1")),
        ]);
        assert.equal(shown.length, 3, shown.join("\n"));
        assert.match(shown[0], /^✓ Added “Le café de Kyiv a rouvert lundi, a déclaré le maire” from utf16le\.txt \(read as UTF-16 \(little-endian\)\), \d+ words$/);
        assert.match(shown[1], /from utf16be\.txt \(read as UTF-16 \(big-endian\)\)/);
        assert.match(shown[2], /from latin1\.txt \(not valid UTF-8: read as Windows-1252\)/);
        for (const [day, body] of [["lundi", le], ["mardi", be], ["mercredi", latin]]) {
            const paragraphs = await openText(page, new RegExp(`rouvert ${day}`));
            assert.deepEqual(await paragraphs.allInnerTexts(), body.split("\n\n"), day);
        }
        await assertAlive(page, 8);
        assertClean(seen);
    });

    test("HTML with <script>, onerror= and javascript: links runs nothing and links nowhere", async (t) => {
        const { seen, page } = await open(t);
        const hostile = `<!doctype html><html><head><title>Hostile page</title>
            <meta http-equiv="refresh" content="0; url=javascript:window.__pwned='refresh'">
            <base href="http://evil.example/"><link rel="stylesheet" href="http://evil.example/x.css">
            <script>window.__pwned = "script"; alert("script")</script>
            <style>@import url("http://evil.example/y.css"); body { background: url(http://evil.example/bg.png) }</style>
            </head><body onload="window.__pwned='onload'">
            <article><h1>Ministers agree on a budget</h1>
            <p>The ministers agreed the budget on Monday. <a href="javascript:window.__pwned='link';alert(1)">Read more</a></p>
            <p>Officials said the vote was close.<img src="http://evil.example/track.gif" onerror="window.__pwned='onerror';alert(2)"></p>
            <p><svg onload="window.__pwned='svg'"></svg><iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
            <object data="http://evil.example/x.swf"></object>The talks resume in May.</p>
            <form action="http://evil.example/post"><input name="q"><button>Send</button></form>
            </article></body></html>`;
        const shown = await pick(page, [{ name: "hostile.html", mimeType: "text/html", buffer: Buffer.from(hostile) }]);
        assert.match(shown[0], /^✓ Added “Ministers agree on a budget” from hostile\.html \(read as UTF-8\), \d+ words$/);
        const paragraphs = await openText(page, "Ministers agree on a budget");
        const body = (await paragraphs.allInnerTexts()).join("\n");
        assert.match(body, /The ministers agreed the budget on Monday\. Read more/);
        assert.match(body, /The talks resume in May\./);
        assert.doesNotMatch(body, /__pwned|alert|evil\.example|@import/);
        // The same markup pasted is shown as literal text, tags and all.
        await page.locator("#paste-text").fill(hostile);
        await page.locator("#paste-title").fill("Pasted markup");
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator(".add .message.ok").waitFor();
        const pasted = await openText(page, "Pasted markup");
        assert.ok((await pasted.allInnerTexts()).some((p) => p.includes(`<script>window.__pwned = "script"; alert("script")</script>`)));
        // Nothing ran, nothing links anywhere, nothing was fetched.
        assert.equal(await page.evaluate(() => window.__pwned), undefined, "no script ran");
        assert.deepEqual(seen.dialogs, [], "no dialog opened");
        const library = page.locator(".library");
        for (const tag of ["a", "img", "iframe", "object", "svg", "form", "script", "style"]) {
            assert.equal(await library.locator(`.article-text ${tag}, .article-title ${tag}`).count(), 0, `a <${tag}> in the library`);
        }
        assert.equal(await page.locator('[href^="javascript:" i], [src^="javascript:" i], [srcdoc]').count(), 0);
        assert.equal(await page.locator("base").count(), 0);
        await assertAlive(page, 7);
        await screenshot(page, "hostile-html");
        // DOMParser's inert document shares the page's policy, which blocks (and reports) the
        // file's <base>, inline style and event handlers there, though that document runs nothing.
        const blocked = /^(Setting the document's base URI to 'http:\/\/evil\.example\/'|Applying inline style|Executing inline event handler) violates/;
        assert.ok(seen.csp.length > 0 && seen.csp.every((line) => blocked.test(line)), seen.csp.join("\n"));
        assertClean({ ...seen, csp: [] });
    });

    test("Arabic (right to left) and Chinese text are split into sentences and compared", async (t) => {
        const { seen, page, before } = await open(t);
        const arabic = "قال المتحدث باسم الكرملين إن الخطة لم تناقش مع واشنطن. وأضاف أن المحادثات ستستمر الأسبوع المقبل.";
        const chinese = "美国和俄罗斯官员起草了一份结束乌克兰战争的计划。克里姆林宫发言人表示，目前没有讨论这样的计划！谈判将于下周继续。";
        const shown = await pick(page, [text("arabic.txt", arabic), text("chinese.txt", chinese)]);
        assert.equal(shown.length, 2);
        assert.ok(shown.every((m) => m.startsWith("✓ Added “")), shown.join("\n"));
        await settle(page, 7);
        const after = await stats(page);
        assert.equal(after.documents, 7);
        assert.equal(after.sentences - before.sentences, 2 + 3, "2 Arabic and 3 Chinese sentences");
        const rtl = await openText(page, /الكرملين/);
        assert.equal(await rtl.first().getAttribute("dir"), "auto");
        assert.equal(await rtl.first().evaluate((p) => p.matches(":dir(rtl)")), true, "Arabic runs right to left");
        assert.equal(await page.locator(".article-title button", { hasText: /الكرملين/ }).evaluate((b) => b.matches(":dir(rtl)")), true);
        const ltr = await openText(page, /美国和俄罗斯/);
        assert.equal(await ltr.first().evaluate((p) => p.matches(":dir(ltr)")), true);
        await assertAlive(page, 7);
        await screenshot(page, "hostile-rtl-cjk");
        assertClean(seen);
    });

    test("emoji, flags and joined sequences survive intact", async (t) => {
        const { seen, page, before } = await open(t);
        const body = "The minister 🇺🇦 said the talks went well 👍. Crowds cheered 🎉🎉 outside the hall. Families 👩‍👩‍👧 waited for news.";
        const shown = await pick(page, [text("emoji.txt", body)]);
        assert.match(shown[0], /^✓ Added “.+” from emoji\.txt \(read as UTF-8\), \d+ words$/);
        await settle(page, 6);
        assert.equal((await stats(page)).sentences - before.sentences, 3);
        const paragraphs = await openText(page, /The minister/);
        assert.deepEqual(await paragraphs.allInnerTexts(), [body]);
        await assertAlive(page, 6);
        assertClean(seen);
    });

    test("500 one-sentence documents: all listed, the first 250 compared, the limit explained", async (t) => {
        const { seen, page } = await open(t);
        const subjects = ["The council", "The mayor", "Police", "The minister", "Residents", "The union", "Doctors", "The court"];
        const verbs = ["approved", "rejected", "questioned", "delayed", "welcomed"];
        const objects = ["the budget", "the new bridge", "a tax on sugar", "the rail strike", "the school plan", "the harbour deal"];
        const files = Array.from({ length: 500 }, (_, k) => text(`short-${String(k).padStart(3, "0")}.txt`,
            `${subjects[k % 8]} ${verbs[k % 5]} ${objects[k % 6]} on day ${k + 1}.`));
        const shown = await pick(page, files);
        assert.deepEqual(shown, ["✓ Added 500 documents, from “The council approved the budget on day 1” on; 505 are included, and the first 250 are compared"]);
        assert.equal(await page.locator(".library .count").textContent(), "505 of 505");
        const limit = page.locator(".message.limit");
        assert.equal(await limit.innerText(), "505 documents are included; wirediff compares at most 250 at once, so these views show the first 250. Untick some in the library to choose which.");
        await assertAlive(page, 505, 250);
        await settle(page, 250);
        assert.equal((await stats(page)).documents, 250);
        assertClean(seen);
    });

    test("the same document twice is added once, with a message naming its twin", async (t) => {
        const { seen, page } = await open(t);
        const story = "Mayor reopens the bridge\n\nThe mayor reopened the bridge on Monday after repairs.";
        let shown = await pick(page, [text("story.txt", story)]);
        assert.match(shown[0], /^✓ Added “Mayor reopens the bridge” from story\.txt/);
        shown = await pick(page, [text("story-copy.txt", story), text("story-again.md", `${story}\n`)]);
        assert.deepEqual(shown, [
            "✕ story-copy.txt: the same text as “Mayor reopens the bridge”, already in the library; not added again",
            "✕ story-again.md: the same text as “Mayor reopens the bridge”, already in the library; not added again",
        ]);
        await assertAlive(page, 6);
        assertClean(seen);
    });
});
