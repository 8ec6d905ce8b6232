// End-to-end tests of the app's views in headless Chromium, against the release build in dist/.
// Every test also asserts there were no console errors, no page errors, no foreign requests.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { openForSuite, screenshot, startServer, watch, openApp, reloadApp } from "./helpers.mjs";

const SEED_IDS = [
    "000_6d56e44ee70418c7.txt",
    "001_3d5a461e3cf8af1d.txt",
    "002_0f0b4fcfe3fe9018.txt",
    "003_c8aab0e42c361f70.txt",
    "004_056fa72ee288ad71.txt",
];

/** An article that repeats seed sentences, so it links to them. */
const PASTED = [
    "Peace plan talks reach a new stage",
    "",
    "US and Russian officials have secretly drafted a plan to end the nearly four-year-old war in Ukraine, the US media outlet Axios has reported.",
    "",
    "Kremlin spokesman Dmitry Peskov said that no such plan is being discussed with the United States.",
    "",
    "The plan calls for reducing US military aid to Kiev and reducing the use of various types of weapons by Ukrainian forces.",
].join("\n");

/** Seed 003's opening in French (translated for this test): the same story in another language. */
const FRENCH = [
    "Des responsables américains et russes ont élaboré un plan de paix",
    "",
    "Des responsables américains et russes ont secrètement élaboré un plan pour mettre fin à la guerre qui dure depuis près de quatre ans en Ukraine, a rapporté le média américain Axios.",
    "",
    "Selon le plan, Kiev devrait céder une partie de son territoire dans l'est de l'Ukraine et réduire la taille de son armée.",
    "",
    "Le plan a été rédigé par l'envoyé spécial du président Donald Trump, Steve Witkoff, en consultation avec Kirill Dmitriev.",
].join("\n");

function assertClean(seen, { csp = [] } = {}) {
    assert.deepEqual(seen.pageErrors, [], "page errors");
    assert.equal(seen.csp.length, csp.length, `CSP violations: ${seen.csp.join("\n")}`);
    csp.forEach((pattern, k) => assert.match(seen.csp[k], pattern));
    assert.deepEqual(seen.consoleErrors, [], "console errors");
    assert.deepEqual(seen.foreignRequests, [], "requests to other origins");
}

/** Polls `read` until it returns `want` (or 10 s pass); returns its last value. */
async function eventually(read, want, timeout = 10_000) {
    const end = Date.now() + timeout;
    let value = await read();
    while (value !== want && Date.now() < end) {
        await new Promise((ok) => setTimeout(ok, 50));
        value = await read();
    }
    return value;
}

/** Waits until the analysis worker is idle (no progress bar in two polls 50 ms apart). */
async function settled(page) {
    for (let idle = 0, end = Date.now() + 20_000; idle < 2 && Date.now() < end;) {
        idle = (await page.locator(".analysis-status.running").count()) === 0 ? idle + 1 : 0;
        await page.waitForTimeout(50);
    }
}

async function cells(page) {
    await page.locator(".heatmap .cell").first().waitFor({ timeout: 20_000 });
    await settled(page);
    return page.locator(".heatmap .cell");
}

describe("wirediff views", () => {
    let browser;
    let server;
    openForSuite((opened) => ({ browser, server } = opened));

    async function open(t, options = {}, origin = server.origin) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
        t.after(() => context.close());
        const seen = watch(context, origin);
        const page = await context.newPage();
        return { context, seen, page };
    }

    test("the overview shows the five seeds and a 5×5 heatmap of buttons", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        const all = await cells(page);
        assert.equal(await all.count(), 25);
        for (const text of await all.allInnerTexts()) assert.match(text, /^\d{1,3}%$/);
        assert.equal(await page.locator(".heatmap tbody th").count(), 5, "labelled rows");
        assert.equal(await page.locator(".shares .share-row").count(), 5, "one bar per document");
        const headlines = await page.locator(".headline-what").allInnerTexts();
        assert.deepEqual(headlines, ["shared passages", "quotes changed", "divergent figures", "credit lines"]);
        assert.equal(await page.locator(".library .article").count(), 5);
        const detected = await page.locator(".library .outlet.detected").allInnerTexts();
        const rows = await page.locator(".heatmap tbody th").allInnerTexts();
        assert.ok(detected.length >= 1 && detected.every((o) => rows.includes(o)), "detected outlets label the heatmap");
        await screenshot(page, "view-overview");
        assertClean(seen);
    });

    test("the heatmap is one Tab stop whose cells the arrow keys move between; Enter opens the pair", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        const all = await cells(page);
        const focused = () => page.evaluate(() => document.activeElement?.dataset?.cell ?? document.activeElement?.tagName);
        const tabStops = () => page.locator(".heatmap .cell[tabindex='0']").count();
        assert.equal(await tabStops(), 1, "one cell in the Tab order");
        assert.equal(await all.first().getAttribute("tabindex"), "0", "the first cell is it");
        await all.first().focus();
        for (const [key, want] of [
            ["ArrowRight", "0-1"], ["ArrowDown", "1-1"], ["ArrowDown", "2-1"], ["End", "2-4"],
            ["ArrowRight", "2-4"], ["PageUp", "0-4"], ["Home", "0-0"], ["ArrowLeft", "0-0"], ["PageDown", "4-0"],
            ["ArrowUp", "3-0"], ["ArrowRight", "3-1"],
        ]) {
            await page.keyboard.press(key);
            assert.equal(await focused(), want, `after ${key}`);
            assert.equal(await tabStops(), 1, `one Tab stop after ${key}`);
        }
        assert.equal(await page.locator(".heatmap .cell[data-cell='3-1']").getAttribute("tabindex"), "0");
        // Tab leaves the table instead of walking its 25 cells.
        await page.keyboard.press("Tab");
        assert.notEqual(await page.evaluate(() => document.activeElement?.classList.contains("cell")), true, "Tab left the table");
        await page.keyboard.press("Shift+Tab");
        assert.equal(await focused(), "3-1", "Shift+Tab comes back to the cell last visited");
        await screenshot(page, "view-heatmap-keyboard");
        const row = await page.locator(".heatmap .cell[data-cell='3-1']").getAttribute("data-row");
        const col = await page.locator(".heatmap .cell[data-cell='3-1']").getAttribute("data-col");
        await page.keyboard.press("Enter");
        await page.locator(".view.pair").waitFor();
        assert.ok(decodeURIComponent(page.url()).endsWith(`#/pair/${row}/${col}`), page.url());
        assertClean(seen);
    });

    test("a heatmap cell opens the pair view, with a synonym swap labelled and explained", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        const all = await cells(page);
        let found = false;
        for (let k = 0; k < 25 && !found; k++) {
            const cell = all.nth(k);
            if ((await cell.getAttribute("class")).includes("self")) continue;
            await cell.click();
            await page.locator(".view.pair").waitFor();
            assert.match(decodeURIComponent(page.url()), /#\/pair\/\d{3}_[0-9a-f]+\.txt\/\d{3}_[0-9a-f]+\.txt$/);
            // The report comes without word ops: the pair's arrive from the worker.
            await page.locator(".view.pair[data-ops='ready']").waitFor({ timeout: 20_000 });
            assert.equal(await page.locator(".ops-loading").count(), 0, "no loading note once they are in");
            const swap = page.locator('.link-row [data-op="synonym"]');
            if (await swap.count() > 0) {
                found = true;
                assert.match(await swap.first().getAttribute("title"), /^synonym swap: .+ → .+/);
                const row = swap.first().locator("xpath=ancestor::li[contains(@class, 'link-row')]");
                assert.match(await row.locator(".kind-chip").innerText(), /Verbatim|Edited|Reworded|Partly shared/);
                await row.focus();
                const explain = page.locator(".explain");
                assert.match(await explain.innerText(), /synonym swap/);
                assert.ok(await explain.locator(".word-diff .op").count() > 0, "the inline word diff is rendered");
                await screenshot(page, "view-pair");
            } else {
                await openApp(page, `${server.origin}/#/overview`);
                await cells(page);
            }
        }
        assert.ok(found, "some pair of seeds shows a synonym swap");
        assertClean(seen);
    });

    test("pair filters hide and show kinds; unique sentences are marked", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/#/pair/${SEED_IDS[0]}/${SEED_IDS[3]}`);
        await page.locator(".link-row").first().waitFor({ timeout: 20_000 });
        const folds = page.locator(".fold");
        assert.ok(await folds.count() > 0, "long runs of one-sided sentences are folded");
        assert.match(await folds.first().innerText(), /^▸ \d+ sentences on one side only: \d+ only in /);
        const visible = () => page.locator(".unique-row:visible").count();
        const shown = await visible();
        const folded = (await folds.allInnerTexts()).reduce((n, t) => n + Number(t.match(/(\d+) sentences/)[1]), 0);
        await folds.first().click();
        assert.equal(await folds.first().getAttribute("aria-expanded"), "true");
        const opened = await visible();
        assert.ok(opened >= shown + 3, `opening a fold shows its sentences (${shown} → ${opened})`);
        const uniques = await page.locator(".unique-row").count();
        assert.ok(uniques >= opened);
        assert.equal(await page.locator(".unique-row .unique-chip").count(), uniques, "each is labelled");
        // Paper cannot unfold: printing shows every one-sided sentence, and no fold buttons.
        await page.emulateMedia({ media: "print" });
        assert.equal(await visible(), shown + folded, "printed, every folded run is shown in full");
        assert.equal(await page.locator(".fold:visible").count(), 0);
        await page.emulateMedia({ media: "screen" });
        assert.equal(await visible(), opened);
        const filter = (name) => page.locator(".filters label", { hasText: name }).locator("input");
        await filter("Only on one side").uncheck();
        assert.equal(await page.locator(".unique-row, .fold").count(), 0);
        await filter("Partly shared").uncheck();
        assert.equal(await page.locator(".link-row.kind-partial").count(), 0);
        await filter("Partly shared").check();
        assert.ok(await page.locator(".link-row").count() > 0);
        // The route's first document is on the left: the reverse route swaps the columns.
        const heads = () => page.locator(".pair-head .col").allInnerTexts();
        const [left, right] = await heads();
        const links = await page.locator(".link-row").count();
        await openApp(page, `${server.origin}/#/pair/${SEED_IDS[3]}/${SEED_IDS[0]}`);
        await page.locator(".link-row").first().waitFor();
        assert.deepEqual(await heads(), [right, left]);
        assert.equal(await page.locator(".link-row").count(), links);
        const positions = await page.locator(".link-row .col.left .pos").allInnerTexts();
        const numbers = positions.map((p) => Number(p.replace(/^L(\d+).*/, "$1")));
        assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), "rows follow the new left's order");
        assertClean(seen);
    });

    test("the URL hash restores every view after a reload", async (t) => {
        const { seen, page } = await open(t, { colorScheme: "dark" });
        const views = [
            ["#/synopsis", "synopsis", /^Synopsis$/, ".synopsis-table tbody tr"],
            ["#/quotes", "quotes", /^Quotes$/, ".quote"],
            ["#/facts", "facts", /^Facts$/, ".facts-table tbody tr"],
            ["#/cleaning", "cleaning", /^Cleaning$/, ".removed-line"],
            [`#/pair/${SEED_IDS[0]}/${SEED_IDS[3]}`, "pair", /⇄/, ".link-row"],
            ["#/overview", "overview", /^Overview$/, ".heatmap .cell"],
        ];
        for (const [hash, tab, title, item] of views) {
            await openApp(page, `${server.origin}/${hash}`);
            await reloadApp(page);
            await page.locator(item).first().waitFor({ timeout: 20_000 });
            assert.match(await page.locator(".view-title").innerText(), title, hash);
            assert.equal(await page.locator(".tab.active").getAttribute("data-tab"), tab);
            await screenshot(page, `view-${tab}-dark`);
        }
        // A range's first figure carries the unit it shares ("from 900,000 to 600,000 personnel").
        await openApp(page, `${server.origin}/#/overview`);
        const creditCard = page.locator(".headline", { hasText: "credit line" }).locator(".headline-n");
        await creditCard.waitFor({ timeout: 20_000 });
        const credited = Number(await creditCard.innerText());
        await openApp(page, `${server.origin}/#/facts`);
        await page.locator(".facts-table tbody tr").first().waitFor({ timeout: 20_000 });
        assert.match(await page.locator(".facts-table").innerText(), /900,000 personnel/);
        // The credit lines the Overview counts are the ones Facts lists, each once per outlet.
        const creditChips = await page.locator(".facts-table .fact.credit").allInnerTexts();
        assert.ok(credited >= 5, `${credited} credit lines`);
        assert.equal(creditChips.length, credited, "the Overview's count is the Facts table's list");
        const postRow = page.locator(".facts-table tbody tr", { has: page.locator(".fact.credit", { hasText: "told The Post" }) });
        assert.equal(await postRow.count(), 1, "one outlet says it told The Post");
        assert.equal(await postRow.locator(".fact.credit", { hasText: "told The Post" }).count(), 1, "three mentions, listed once");
        assert.ok((await page.locator(".facts-table .fact.entity").allInnerTexts()).includes("U.S."), "an initialism keeps its dot");
        // Reported speech found for a quotation is not shown in quotation marks: Instant World
        // News reports Peskov's denial; Fox News Digital quotes him.
        await openApp(page, `${server.origin}/#/quotes`);
        const peskov = page.locator(".quote", { has: page.locator(".speaker", { hasText: "Dmitry Peskov" }) }).first();
        const marks = await peskov.locator("blockquote").evaluateAll((bs) =>
            bs.map((b) => [b.className, getComputedStyle(b, "::before").content, b.textContent.slice(0, 12)]));
        assert.deepEqual(marks, [["quoted", '"“"', "no formal co"], ["reported", '"reported, not quoted: "', "However, Kre"]]);
        // A pronoun attribution says whom it stands for: Fox News Digital's "He added, “And
        // securing …”" is Rubio's.
        const rubio = page.locator(".quote", { has: page.locator(".speaker", { hasText: "Marco Rubio" }) }).first();
        assert.ok((await rubio.locator(".hint").allInnerTexts()).includes("attributed to: he (Marco Rubio, named before)"));
        // A synopsis cell opens the pair view at its passage.
        await openApp(page, `${server.origin}/#/synopsis`);
        await page.locator(".carrier").first().click();
        await page.locator(".link-row.in-passage").first().waitFor();
        assert.match(page.url(), /#\/pair\/.+\/.+\/p\d+$/);
        assertClean(seen);
    });

    test("a pasted article appears in the heatmap and survives a reload", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await cells(page);
        await page.locator("#paste-text").fill(PASTED);
        await page.locator("#paste-outlet").fill("Test Wire");
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator(".message.ok").waitFor();
        assert.match(await page.locator(".message.ok").innerText(), /Added “Peace plan talks reach a new stage”/);
        assert.equal(await (await cells(page)).count(), 36);
        assert.ok((await page.locator(".heatmap thead th").allInnerTexts()).includes("Test Wire"));
        const linked = page.locator(`.cell[data-row="user-1"]`).filter({ hasNotText: /^0%$/ });
        assert.ok(await linked.count() > 1, "the pasted article shares sentences with the seeds");
        await reloadApp(page);
        assert.equal(await (await cells(page)).count(), 36);
        assert.equal(await page.locator(".library .article").count(), 6);
        assert.ok((await page.locator(".heatmap thead th").allInnerTexts()).includes("Test Wire"));
        // Excluding it brings the heatmap back to 25 cells; the choice is stored too.
        await page.getByLabel(/Include “Peace plan talks/).uncheck();
        assert.equal(await (await cells(page)).count(), 25);
        await reloadApp(page);
        assert.equal(await (await cells(page)).count(), 25);
        assertClean(seen);
    });

    test("a document in another language is named as such, not left to read as sharing nothing", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await cells(page);
        assert.equal(await page.locator(".language-notice, .chip.language").count(), 0, "the seeds are all English");
        await page.locator("#paste-text").fill(FRENCH);
        await page.locator("#paste-outlet").fill("Le Monde");
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator(".message.ok").waitFor();
        assert.equal(await (await cells(page)).count(), 36);
        const article = page.locator(".library .article", { hasText: "Des responsables américains" });
        assert.equal(await article.locator(".chip.language").innerText(), "French");
        const notice = page.locator(".view.overview .language-notice");
        assert.match(await notice.innerText(), /^“Le Monde” looks French, the other 5 documents English\. wirediff compares wording within one language, so it does not link a translation to its original/);
        await screenshot(page, "language-notice");
        // The pair of a seed and the translation says it too.
        await page.locator(`.cell[data-row="${SEED_IDS[3]}"][data-col="user-1"]`).click();
        await page.locator(".view.pair").waitFor();
        assert.match(await page.locator(".view.pair .language-notice").innerText(), /looks English and Le Monde French\./);
        // Excluded, it no longer counts.
        await page.getByLabel(/Include “Des responsables/).uncheck();
        await page.goto(`${server.origin}/#/overview`);
        await cells(page);
        assert.equal(await page.locator(".language-notice, .chip.language").count(), 0);
        assertClean(seen);
    });

    test("the same text under another outlet is added as a verbatim copy, found 100% in its twin", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await cells(page);
        for (const outlet of ["Test Wire", "Copy Desk"]) {
            await page.locator("#paste-text").fill(PASTED);
            await page.locator("#paste-outlet").fill(outlet);
            await page.getByRole("button", { name: "Add article" }).click();
            await page.locator(".message.ok").waitFor();
        }
        assert.match(await page.locator(".message.ok").innerText(), /the same text as “Peace plan talks reach a new stage”: a verbatim copy/);
        assert.equal(await (await cells(page)).count(), 49);
        // Each is wholly found in the other.
        for (const [row, col] of [["user-1", "user-2"], ["user-2", "user-1"]]) {
            assert.equal(await page.locator(`.cell[data-row="${row}"][data-col="${col}"]`).innerText(), "100%");
        }
        // A third paste under one of those outlets is a duplicate, and says so.
        await page.locator("#paste-text").fill(PASTED);
        await page.locator("#paste-outlet").fill("copy desk");
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator(".message.error").waitFor();
        assert.match(await page.locator(".message.error").innerText(), /already in the library; not added again/);
        assert.equal(await page.locator(".library .article").count(), 7);
        assertClean(seen);
    });

    test("dropped files: HTML with a script becomes inert text, several files at once", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await cells(page);
        const html = `<!doctype html><html><head><title>Page title</title><script>window.pwned = 1</script>
            <style>p { color: red }</style></head><body><nav>Home | World | Sport</nav>
            <header>Site header</header><article><h1>Envoy drafts a plan</h1>
            <p>The envoy drafted a plan &lt;img src=x onerror="window.pwned=2"&gt; in secret.</p>
            <p>Officials met on Monday.<script>window.pwned = 3</script></p></article>
            <footer>Copyright footer</footer><img src=x onerror="window.pwned=4"></body></html>`;
        const dataTransfer = await page.evaluateHandle((html) => {
            const dt = new DataTransfer();
            dt.items.add(new File([html], "story.html", { type: "text/html" }));
            dt.items.add(new File(["A plain second story.\n\nIt has two paragraphs."], "second.txt", { type: "text/plain" }));
            return dt;
        }, html);
        await page.locator(".add").dispatchEvent("drop", { dataTransfer });
        await page.locator(".message.ok").nth(1).waitFor();
        assert.equal(await page.locator(".library .article").count(), 7);
        const item = page.locator(".library .article", { hasText: "Envoy drafts a plan" });
        await item.locator(".article-title button").click();
        const text = await item.locator(".article-text").innerText();
        assert.match(text, /<img src=x onerror="window.pwned=2"> in secret\./, "markup in the text stays text");
        assert.match(text, /Officials met on Monday\./);
        assert.doesNotMatch(text, /Home \| World|Site header|Copyright footer|color: red|pwned = /);
        assert.equal(await item.locator(".article-text img, .article-text script").count(), 0);
        assert.equal(await page.evaluate(() => window.pwned), undefined, "no script ran");
        await screenshot(page, "view-library-dropped");
        // DOMParser's document shares the page's policy: the file's <style> and its onerror=
        // attribute are blocked (and reported) even though that document never runs anything.
        assertClean(seen, { csp: [/^Applying inline style violates/, /^Executing inline event handler violates/] });
    });

    test("bad files get a message next to the input and nothing loaded is lost", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await cells(page);
        await page.locator("#file-input").setInputFiles([
            { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
            { name: "image.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]) },
            { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 97) },
            { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("not really") },
            { name: "latin.txt", mimeType: "text/plain", buffer: Buffer.from("Caf\xe9 owners say \x93no\x94 to the plan.", "latin1") },
        ]);
        await page.locator(".message").nth(4).waitFor();
        const messages = await page.locator(".messages .message").allInnerTexts();
        assert.match(messages[0], /empty\.txt: the file is empty/);
        assert.match(messages[1], /image\.txt: this looks like a binary file/);
        assert.match(messages[2], /huge\.txt: the file is 2\.0 MB; the limit is 2 MB/);
        assert.match(messages[3], /photo\.png: “\.png” files are not supported/);
        assert.match(messages[4], /Added “Café owners say “no” to the plan\.?” from latin\.txt \(not valid UTF-8: read as Windows-1252\)/);
        assert.equal(await page.locator(".library .article").count(), 6, "the five seeds and the good file");
        assert.equal(await (await cells(page)).count(), 36);
        await screenshot(page, "view-bad-files");
        assertClean(seen);
    });

    test("a full storage quota keeps documents in memory and offers an export", async (t) => {
        const { context, seen, page } = await open(t);
        await context.addInitScript(() => {
            const set = Storage.prototype.setItem;
            Storage.prototype.setItem = function (key, value) {
                if (value.length > 2000) throw new DOMException("quota", "QuotaExceededError");
                return set.call(this, key, value);
            };
        });
        await openApp(page, `${server.origin}/`);
        await cells(page);
        await page.locator("#paste-text").fill(PASTED + "\n\n" + "More words to fill the store. ".repeat(80));
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator(".storage-error").waitFor();
        assert.match(await page.locator(".storage-error").innerText(), /Not saved: the browser's storage is full/);
        assert.equal(await page.locator(".library .article").count(), 6, "the document is kept in memory");
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "download them" }).click()]);
        assert.equal(download.suggestedFilename(), "wirediff-library.json");
        assertClean(seen);
    });

    test("restoring a removed line re-runs the analysis with it kept", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/#/cleaning`);
        await page.locator(".removed-line").first().waitFor({ timeout: 20_000 });
        const before = await page.locator(".removed-line:not(.restored)").count();
        const count = async () => Number(await page.locator('.tab[data-tab="cleaning"] .count').innerText());
        assert.equal(await count(), before);
        await page.locator(".removed-line input").first().check();
        await page.locator(".removed-line.restored").waitFor();
        // The worker re-runs the analysis; the count follows when its report arrives.
        assert.equal(await eventually(count, before - 1), before - 1, "the analysis no longer removes it");
        assert.match(await page.locator(".removed-line.restored .reason").innerText(), /^restored — was: \S/, "the removal reason stays visible");
        await reloadApp(page);
        await page.locator(".removed-line.restored").waitFor({ timeout: 20_000 });
        // Unticking drops the line from the restored list at once (so click, not uncheck).
        await page.locator(".removed-line.restored input").click();
        assert.equal(await eventually(count, before), before);
        assertClean(seen);
    });

    test("Cleaning from the keyboard: Space restores a line, which keeps its place and the focus", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/#/cleaning`);
        await page.locator(".removed-line").first().waitFor({ timeout: 20_000 });
        const counts = await page.locator(".cleaned-doc").evaluateAll((ds) => ds.map((d) => d.querySelectorAll(".removed-line").length));
        const first = page.locator(".cleaned-doc").nth(counts.findIndex((n) => n >= 3));
        const texts = () => first.locator(".removed-line .line-text").allInnerTexts();
        const before = await texts();
        const focused = () => page.evaluate(() => document.activeElement.closest(".removed-line")?.querySelector(".line-text")?.textContent);
        await first.locator(".removed-line input").first().focus();
        await page.keyboard.press("Space");
        await page.locator(".removed-line.restored").waitFor();
        assert.equal(await focused(), before[0], "the focus stays on the line restored");
        assert.deepEqual(await texts(), before, "no line moves");
        await page.keyboard.press("Space");
        const same = async () => JSON.stringify(await texts());
        assert.equal(await eventually(same, JSON.stringify(before)), JSON.stringify(before), "a second Space undoes it: listed as removed again, in its place");
        assert.equal(await page.locator(".removed-line.restored").count(), 0);
        assertClean(seen);
    });

    test("Remove can be undone: the document comes back in its place, with its restored line", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/#/cleaning`);
        const first = page.locator(".cleaned-doc").first();
        await first.locator(".removed-line").first().waitFor({ timeout: 20_000 });
        await first.locator(".removed-line input").first().check();
        await page.locator(".removed-line.restored").waitFor();
        const titles = () => page.locator(".library .article .article-title").allInnerTexts();
        const before = await titles();
        const articles = page.locator(".library .article");
        await articles.nth(0).getByRole("button", { name: /^Remove/ }).click();
        assert.equal(await eventually(async () => (await titles()).length, 4), 4);
        assert.deepEqual(await titles(), before.slice(1));
        const undo = page.locator(".library .undo");
        assert.equal(await undo.innerText(), `Removed “${before[0]}”. Undo`);
        assert.equal(await page.evaluate(() => document.activeElement.closest(".undo") !== null), true, "the focus is on Undo");
        assert.equal(await page.locator(".removed-line.restored").count(), 0);
        await undo.getByRole("button", { name: "Undo" }).click();
        const same = async () => JSON.stringify(await titles());
        assert.equal(await eventually(same, JSON.stringify(before)), JSON.stringify(before), "back in its place, under its title");
        assert.equal(await undo.count(), 0);
        await page.locator(".removed-line.restored").waitFor();
        await reloadApp(page);
        await page.locator(".removed-line.restored").waitFor({ timeout: 20_000 });
        assert.deepEqual(await titles(), before, "and stored so");
        await openApp(page, `${server.origin}/#/overview`);
        assert.equal(await (await cells(page)).count(), 25, "compared again");
        assertClean(seen);
    });

    test("Edit can be undone: the text from before comes back with its restored line, a name given since stays", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/#/cleaning`);
        const doc = page.locator(".cleaned-doc").first();
        await doc.locator(".removed-line").first().waitFor({ timeout: 20_000 });
        await doc.locator(".removed-line input").first().check();
        await page.locator(".removed-line.restored").waitFor();
        const first = page.locator(".library .article").first();
        const before = await first.locator(".article-title").innerText();
        const words = await first.locator(".words").innerText();
        await first.getByRole("button", { name: /^Edit/ }).click();
        await first.locator(".edit-form textarea").fill("A shorter story\n\nThe council met again today.");
        await first.getByRole("button", { name: "Save" }).click();
        assert.equal(await eventually(() => first.locator(".article-title").innerText(), "A shorter story"), "A shorter story");
        const undo = page.locator(".library .undo-edit");
        assert.equal(await undo.innerText(), "Edited “A shorter story”. Undo");
        assert.equal(await page.locator(".removed-line.restored").count(), 0, "the edit dropped the restored line");
        // A name given after the edit is kept by the undo.
        await first.getByRole("button", { name: /^Edit/ }).click();
        await first.locator(".edit-form input[type=text]").first().fill("My own title");
        await first.getByRole("button", { name: "Save" }).click();
        assert.equal(await undo.innerText(), "Edited “My own title”. Undo");
        await undo.getByRole("button", { name: "Undo" }).click();
        assert.equal(await eventually(() => first.locator(".words").innerText(), words), words, "the old text is back");
        assert.equal(await first.locator(".article-title").innerText(), "My own title");
        assert.equal(await first.locator(".article-meta .source").innerText(), "seed", "no longer an edited seed");
        assert.equal(await undo.count(), 0, "one undo per edit");
        await page.locator(".removed-line.restored").waitFor({ timeout: 20_000 });
        await reloadApp(page);
        await page.locator(".removed-line.restored").waitFor({ timeout: 20_000 });
        assert.equal(await page.locator(".library .article .words").first().innerText(), words, "and stored so");
        assert.notEqual(before, "My own title");
        await screenshot(page, "view-edit-undone");
        assertClean(seen);
    });

    test("facts and exports name documents as the library does, with figures for people", async (t) => {
        const { seen, page } = await open(t, { acceptDownloads: true });
        await openApp(page, `${server.origin}/`);
        await cells(page);
        while (await page.locator(".library .article").count() > 0) {
            const before = await page.locator(".library .article").count();
            await page.locator(".library .article").first().getByRole("button", { name: /^Remove/ }).click();
            await eventually(() => page.locator(".library .article").count(), before - 1);
        }
        const budget = "Headline one\n\nThe council voted 7-2 on Monday to approve the budget of $3 million.\nCritics said the plan was rushed and want a review by the end of March.";
        for (const [text, title, outlet] of [[budget, "My custom title A", ""], [budget.replace("$3 million", "$4 million"), "My custom title B", "Wire B"]]) {
            await page.locator("#paste-text").fill(text);
            await page.locator("#paste-title").fill(title);
            await page.locator("#paste-outlet").fill(outlet);
            await page.getByRole("button", { name: "Add article" }).click();
            await page.locator(".add .message.ok").waitFor();
        }
        assert.equal(await (await cells(page)).count(), 4);
        await page.locator('.tab[data-tab="facts"]').click();
        const line = page.locator(".divergence.different .divergence-line");
        await line.first().waitFor();
        assert.equal(await line.first().innerText(), "My custom title A says $3 million, Wire B says $4 million");
        const view = await page.locator(".view.facts").innerText();
        assert.ok(!/user-\d|\busd\b/.test(view), `no internal id or raw unit: ${view}`);
        await screenshot(page, "facts-named");
        const download = async (name) => {
            const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
            const chunks = [];
            for await (const chunk of await file.createReadStream()) chunks.push(chunk);
            return Buffer.concat(chunks).toString("utf8");
        };
        const json = JSON.parse(await download("JSON"));
        assert.deepEqual(json.documents.map((d) => [d.title, d.outlet]), [["My custom title A", null], ["My custom title B", "Wire B"]]);
        const csv = (await download("CSV of links")).split("\r\n");
        assert.match(csv[0], /^left_document,right_document,left_name,right_name,/);
        assert.match(csv[1], /^user-1,user-2,My custom title A,Wire B,/);
        const html = await download("HTML report");
        assert.match(html, /<td>My custom title B<\/td><td>Wire B<\/td>/);
        assert.match(html, /<li>My custom title A says \$3 million, Wire B says \$4 million<\/li>/);
        assert.match(html, /<h2>Quotes that differ<\/h2><p class="note">No quotation is worded differently/);
        assertClean(seen);
    });

    test("the facts view draws a long list 200 at a time, with a button for more", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await cells(page);
        // 300 figures no seed gives: with the seeds' own, over 300 "given by one outlet only".
        const text = ["Figures galore", ""].concat(Array.from({ length: 300 }, (_, k) => `Town ${k} counted ${1000 + k * 7} people on Sunday.`)).join("\n");
        await page.locator("#file-input").setInputFiles([{ name: "figures.txt", mimeType: "text/plain", buffer: Buffer.from(text) }]);
        await page.locator(".add .message.ok").waitFor();
        await cells(page);
        await page.locator('.tab[data-tab="facts"]').click();
        const items = page.locator(".only-in-list > li");
        await items.first().waitFor();
        const total = Number((await page.locator('.tab[data-tab="facts"] .count').innerText()).replaceAll(",", ""));
        assert.ok(total > 300, `${total} divergences`);
        assert.equal(await items.count(), 200, "the first 200 only");
        const more = page.locator(".only-in-list + .show-more");
        assert.equal(await more.innerText(), `Show ${Math.min(200, total - 200)} more figures (${(total - 200).toLocaleString("en-US")} not shown)`);
        await more.click();
        assert.equal(await eventually(() => items.count(), Math.min(400, total)), Math.min(400, total));
        assertClean(seen);
    });

    test("a pasted or edited text over 2 MB is refused with the files' message and stays in its box", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        await cells(page);
        const big = "The council met again today. ".repeat(Math.ceil((3 * 1024 * 1024) / 29));
        await page.locator("#paste-text").fill(big);
        await page.getByRole("button", { name: "Add article" }).click();
        const error = page.locator(".add .message.error");
        await error.waitFor();
        assert.equal(await error.innerText(), "✕ pasted text: the text is 3.0 MB; the limit is 2 MB");
        assert.equal((await page.locator("#paste-text").inputValue()).length, big.length, "the text is kept");
        assert.equal(await page.locator(".library .article").count(), 5, "nothing added");
        assert.equal(await page.locator(".analysis-status.running").count(), 0, "no analysis started");
        // The same limit when editing a document's text; the form stays open with it.
        const first = page.locator(".library .article").first();
        await first.getByRole("button", { name: /^Edit/ }).click();
        await first.locator(".edit-form textarea").fill(big);
        await first.getByRole("button", { name: "Save" }).click();
        assert.equal(await first.locator(".edit-form .message.error").innerText(), "✕ Not saved: the text is 3.0 MB; the limit is 2 MB.");
        assert.equal((await first.locator(".edit-form textarea").inputValue()).length, big.length);
        // A seed edited within the limit says so.
        assert.equal(await first.locator(".article-meta .source").innerText(), "seed");
        await first.locator(".edit-form textarea").fill("A shorter story\n\nThe council met again today.");
        await first.getByRole("button", { name: "Save" }).click();
        assert.equal(await first.locator(".article-meta .source").innerText(), "seed, edited");
        assertClean(seen);
    });

    test("keyboard: a focused heatmap cell opens its pair with Enter; exports download", async (t) => {
        const { seen, page } = await open(t);
        await openApp(page, `${server.origin}/`);
        const all = await cells(page);
        await all.nth(3).focus();
        await page.keyboard.press("Enter");
        await page.locator(".view.pair").waitFor();
        await page.keyboard.press("Tab");
        for (const [name, file, check] of [
            ["CSV of links", "wirediff-links.csv", /^left_document,right_document/],
            ["JSON", "wirediff-report.json", /"documents"/],
            ["HTML report", "wirediff-report.html", /^<!doctype html>/],
        ]) {
            const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
            assert.equal(download.suggestedFilename(), file);
            const chunks = [];
            for await (const chunk of await download.createReadStream()) chunks.push(chunk);
            assert.match(Buffer.concat(chunks).toString("utf8"), check);
        }
        assertClean(seen);
    });

    test("at 768 px no view scrolls the page sideways", async (t) => {
        const { seen, page } = await open(t, { viewport: { width: 768, height: 1000 } });
        for (const hash of ["#/overview", `#/pair/${SEED_IDS[0]}/${SEED_IDS[3]}`, "#/synopsis", "#/quotes", "#/facts", "#/cleaning"]) {
            await openApp(page, `${server.origin}/${hash}`);
            await reloadApp(page);
            await page.locator(".view-title").waitFor({ timeout: 20_000 });
            const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
            assert.ok(scroll <= client, `${hash}: page is ${scroll} px wide in a ${client} px window`);
            const first = await page.evaluate(() => document.querySelector(".content").getBoundingClientRect().top
                < document.querySelector(".library").getBoundingClientRect().top);
            assert.ok(first, `${hash}: the view comes before the library on a narrow screen`);
        }
        await screenshot(page, "narrow-cleaning");
        assertClean(seen);
    });

    test("Tab through a pair's rows: the focused row is never under the explain panel", async (t) => {
        const { seen, page } = await open(t, { viewport: { width: 1280, height: 900 } });
        await openApp(page, `${server.origin}/#/pair/${SEED_IDS[0]}/${SEED_IDS[3]}`);
        await page.locator(".link-row").first().waitFor({ timeout: 20_000 });
        await page.locator(".filters input").last().focus();
        for (let i = 0; i < 6; i++) {
            await page.keyboard.press("Tab");
            const [cls, overlap] = await page.evaluate(() => {
                const a = document.activeElement.getBoundingClientRect();
                const p = document.querySelector(".explain").getBoundingClientRect();
                return [document.activeElement.className, Math.max(0, Math.min(a.bottom, p.bottom) - Math.max(a.top, p.top))];
            });
            assert.equal(overlap, 0, `Tab ${i + 1}: the focused ${cls} is ${overlap} px under the explain panel`);
        }
        assertClean(seen);
    });

    test("at 375 px a pair stacks: each sentence at full width, no sideways scroll", async (t) => {
        const { seen, page } = await open(t, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
        await openApp(page, `${server.origin}/#/pair/${SEED_IDS[0]}/${SEED_IDS[3]}`);
        await page.locator(".link-row").first().waitFor({ timeout: 20_000 });
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `page is ${scroll} px wide in a ${client} px window`);
        const row = page.locator(".link-row").first();
        const [left, mid, right] = await Promise.all([".col.left", ".mid", ".col.right"].map((c) => row.locator(c).boundingBox()));
        for (const [name, box] of [["left", left], ["right", right]]) {
            assert.ok(box.width >= 0.8 * client, `the ${name} sentence is ${box.width} px wide in a ${client} px window`);
        }
        assert.ok(left.y < mid.y && mid.y < right.y, "left sentence, then the verdict, then the right sentence");
        const heads = await page.locator(".pair-head .col").evaluateAll((cols) =>
            cols.map((c) => getComputedStyle(c, "::before").content));
        assert.deepEqual(heads, ['"L · "', '"R · "'], "the head says which side is which");
        await screenshot(page, "narrow-pair");
        assertClean(seen);
    });

    test("offline: a stored library and a pair view reload with the network gone", async (t) => {
        const own = await startServer();
        t.after(() => own.close());
        const { context, seen, page } = await open(t, {}, own.origin);
        await openApp(page, `${own.origin}/`);
        await cells(page);
        await page.locator("#paste-text").fill(PASTED);
        await page.getByRole("button", { name: "Add article" }).click();
        await page.locator(".message.ok").waitFor();
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        // Both analysis workers (the helper starts once a report is shown) have fetched their files.
        await page.waitForFunction(() => performance.getEntriesByName("wirediff:page-worker-loaded").length >= 2, null, { timeout: 20_000 });
        await own.close();
        await context.setOffline(true);
        await openApp(page, `${own.origin}/#/pair/${SEED_IDS[3]}/user-1`);
        await reloadApp(page);
        await page.locator(".link-row").first().waitFor({ timeout: 20_000 });
        assert.equal(await page.locator(".library .article").count(), 6);
        assertClean(seen);
    });
});
