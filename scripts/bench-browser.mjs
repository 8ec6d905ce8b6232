// `make bench-browser`: the app's speed in headless Chromium against dist/ on localhost.
//
// 1. First heatmap: navigation to the first painted heatmap on a cold load with the seeds (a
//    fresh browser context each run: no HTTP cache, no service worker, no stored library). A
//    first visit is painted from the HTML itself: the build's prerendered snapshot of the overview
//    (scripts/prerender.mjs), inert until the app takes over; so this also gives when the app has
//    mounted and is interactive (`<html data-app-ready>`, src/ui/prerender.rs), having painted
//    its own heatmap from the build's report of the seeds (seeds-report.bin), and when the
//    worker's own report arrived. Further loads measure the app's own first heatmap with no
//    snapshot (the path of a returning visitor with a library of their own: a stored
//    `wirediff.` key other than the pristine mark drops it), a returning visitor whose stored
//    library is the seeds as built (the app marks it `wirediff.pristine`: the snapshot), and
//    with seeds-report.bin blocked (the worker alone). The `wirediff:*` timing marks
//    (src/ui/marks.rs) say where the time goes.
// 2. 200 documents: from dropping the 200-article synthetic corpus (`wirediff synth 200`, the
//    one `wirediff bench scale` uses) on the page to the painted 205-row heatmap; also the part
//    spent in the worker (progress bar shown → hidden), and adding one more article to those.
//    "Drop" is Playwright's setInputFiles call, which includes reading and sending the files
//    over the DevTools protocol; the same span from the file input's change event (the page
//    has the files) is also given: what a user's drop costs.
//
// Prints the median and the range of RUNS runs (default 5). Usage:
//   node scripts/bench-browser.mjs [RUNS]        (needs dist/ from `make build` and Chromium)
import { existsSync } from "node:fs";
import { join } from "node:path";
import { cpus, totalmem } from "node:os";
import { DIST, launchBrowser, startServer, synthCorpus } from "../tests/e2e/helpers.mjs";

const RUNS = Number(process.argv[2] ?? 5);
const DOCUMENTS = 200;
const BUDGET = { firstHeatmap: 300, documents: 3000 };

if (!existsSync(join(DIST, "index.html"))) {
    console.error("bench-browser: dist/ is missing: run `make build` first");
    process.exit(1);
}

/**
 * Records, in the page, when a heatmap of `n` documents is first painted (ms since navigation;
 * the figure says how many documents it shows in `data-documents`, in both its table and its
 * picture form), the progress bar's stages, and every long task (over 50 ms) of the page.
 */
function watchHeatmap() {
    window.__heatmapAt = {};
    window.__readyAt = null;
    window.__status = { shown: null, hidden: null };
    window.__stages = [];
    window.__longTasks = [];
    // When the page is handed the files (the file input's change event): Playwright's
    // setInputFiles first reads and sends the 200 files over the DevTools protocol, a cost a
    // user's drop does not have.
    window.__inputAt = null;
    document.addEventListener("change", () => (window.__inputAt ??= performance.now()), true);
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
    new MutationObserver(() => {
        const stage = document.querySelector(".analysis-status.running")?.getAttribute("data-stage");
        if (stage !== undefined && stage !== null && window.__stages.at(-1)?.[0] !== stage) window.__stages.push([stage, performance.now()]);
        // The app's, or the build's snapshot unless index.html dropped it before any paint.
        const figure = document.querySelector('#app .heatmap-figure, html:not([data-prerender="off"]) #prerender .heatmap-figure');
        const n = figure?.getAttribute("data-documents");
        if (n && !(n in window.__heatmapAt)) {
            window.__heatmapAt[n] = -1;
            requestAnimationFrame(() => (window.__heatmapAt[n] = performance.now()));
        }
        if (window.__readyAt === null && document.documentElement.hasAttribute("data-app-ready")) {
            window.__readyAt = -1;
            requestAnimationFrame(() => (window.__readyAt = performance.now()));
        }
        const running = !!document.querySelector(".analysis-status.running");
        if (running && window.__status.shown === null) window.__status.shown = performance.now();
        if (!running && window.__status.shown !== null && window.__status.hidden === null) window.__status.hidden = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
}

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (name, xs, budget) => {
    const m = median(xs);
    const verdict = budget === undefined ? "" : m <= budget ? `  (budget ${budget} ms: met)` : `  (budget ${budget} ms: MISSED)`;
    return `${name.padEnd(44)} median ${m.toFixed(0).padStart(5)} ms   range ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms${verdict}`;
};

async function waitFor(page, predicate, arg, timeout = 120_000) {
    await page.waitForFunction(predicate, arg, { timeout, polling: 50 });
}

const files = synthCorpus(DOCUMENTS + 1);
const browser = await launchBrowser();
const server = await startServer();
const first = [];
const firstPaint = [];
const ready = [];
const own = [];
const ownReady = [];
const aloneReady = [];
const revisit = [];
const revisitReady = [];
const revisitServed = [];
const total = [];
const handed = [];
const fromInput = [];
const worker = [];
const beforeWorker = [];
const afterWorker = [];
const longest = [];
const addOne = [];
const addOneLongest = [];
const stageTimes = {};
const workerSeeds = [];
const alone = [];
const marks = {};
const shares = {};
/** The `wirediff:*` marks of the page and its worker, in ms since the page's navigation. */
async function marksOf(page) {
    const own = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]));
    const origin = await page.evaluate(() => performance.timeOrigin);
    for (const worker of page.workers()) {
        const [theirs, start] = await worker.evaluate(() => [performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]), performance.timeOrigin]);
        own.push(...theirs.map(([name, t]) => [name, t + start - origin]));
    }
    return own.filter(([name]) => name.startsWith("wirediff:"));
}
try {
    for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(watchHeatmap);
        await page.goto(`${server.origin}/`);
        await waitFor(page, () => window.__heatmapAt[5] > 0 && window.__readyAt > 0);
        first.push(await page.evaluate(() => window.__heatmapAt[5]));
        ready.push(await page.evaluate(() => window.__readyAt));
        firstPaint.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
        // The worker's own report of the seeds (it replaces the build's): also before the drop below.
        await waitFor(page, () => performance.getEntriesByName("wirediff:page-worker-done").length > 0);
        for (const [name, t] of await marksOf(page)) (marks[name] ??= []).push(t);
        workerSeeds.push(await page.evaluate(() => performance.getEntriesByName("wirediff:page-worker-done")[0].startTime));

        // 200 documents dropped at once.
        await page.evaluate(() => {
            window.__status = { shown: null, hidden: null };
            window.__stages = [];
            window.__inputAt = null;
        });
        const start = await page.evaluate(() => performance.now());
        await page.locator("#file-input").setInputFiles(files.slice(0, DOCUMENTS));
        await waitFor(page, (n) => window.__heatmapAt[n] > 0, DOCUMENTS + 5);
        const at = await page.evaluate((n) => [window.__heatmapAt[n], window.__status], DOCUMENTS + 5);
        total.push(at[0] - start);
        const inputAt = await page.evaluate(() => window.__inputAt);
        if (inputAt !== null) {
            handed.push(inputAt - start);
            fromInput.push(at[0] - inputAt);
        }
        // The page's longest task from the drop to the painted heatmap: what a key typed then waits at most.
        const longestIn = (from, to) => page.evaluate(([a, b]) =>
            Math.max(0, ...window.__longTasks.filter(([t, d]) => t + d > a && t < b).map(([, d]) => d)), [from, to]);
        longest.push(await longestIn(start, at[0]));
        // The two workers' shares (src/ui/analysis.rs): when each reached the page.
        for (const [name, key] of [["page-extracts", "the second worker's quotes and facts reached the page"],
            ["page-aligned", "the first worker's report reached the page"],
            ["page-divergences", "the divergences (second worker) reached the page"]]) {
            const t = await page.evaluate((n) => performance.getEntriesByName(`wirediff:${n}`).at(-1)?.startTime ?? null, name);
            if (t !== null && t > start) (shares[key] ??= []).push(t - start);
        }
        if (at[1].shown !== null && at[1].hidden !== null) {
            worker.push(at[1].hidden - at[1].shown);
            beforeWorker.push(at[1].shown - start);
            afterWorker.push(at[0] - at[1].hidden);
            // Time in each stage, as the progress bar showed it.
            const marks = [...(await page.evaluate(() => window.__stages)), ["end", at[1].hidden]];
            for (let k = 0; k + 1 < marks.length; k++) (stageTimes[marks[k][0]] ??= []).push(marks[k + 1][1] - marks[k][1]);
        }

        // One more: the worker's cache prepares only the new document.
        const again = await page.evaluate(() => performance.now());
        await page.locator("#file-input").setInputFiles(files.slice(DOCUMENTS, DOCUMENTS + 1));
        await waitFor(page, (n) => window.__heatmapAt[n] > 0, DOCUMENTS + 6);
        const addedAt = await page.evaluate((n) => window.__heatmapAt[n], DOCUMENTS + 6);
        addOne.push(addedAt - again);
        addOneLongest.push(await longestIn(again, addedAt));
        await context.close();
        process.stderr.write(`run ${run + 1}/${RUNS}: first heatmap ${first.at(-1).toFixed(0)} ms, ${DOCUMENTS} documents ${total.at(-1).toFixed(0)} ms\n`);
    }
    // The app's own first heatmap, no snapshot: a stored key drops it, as for a returning visitor
    // (who also has the service worker's cache, which these loads do not).
    // RUNS cold loads prepared by `setup(context, page)`: when the seeds' heatmap was painted, and
    // when the app was ready.
    const coldLoads = async (setup, heatmaps, readies) => {
        for (let run = 0; run < RUNS; run++) {
            const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
            const page = await context.newPage();
            await setup(context, page);
            await page.addInitScript(watchHeatmap);
            await page.goto(`${server.origin}/`);
            await waitFor(page, () => window.__heatmapAt[5] > 0 && window.__readyAt > 0);
            heatmaps.push(await page.evaluate(() => window.__heatmapAt[5]));
            readies.push(await page.evaluate(() => window.__readyAt));
            await context.close();
        }
    };
    await coldLoads((_, page) => page.addInitScript(() => localStorage.setItem("wirediff.bench", "1")), own, ownReady);
    // A returning visitor as it really is: a second visit in the same browser context, with its
    // HTTP cache, its service worker (which now serves every asset) and the library the first
    // visit stored: the seeds, untouched, so the snapshot again (since 2026-12-07; before, any
    // stored library dropped it). Chromium may also reuse the wasm it compiled.
    for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const first = await context.newPage();
        await first.goto(`${server.origin}/`);
        await first.waitForFunction(() => document.documentElement.hasAttribute("data-app-ready"), null, { timeout: 60_000 });
        await first.evaluate(() => navigator.serviceWorker.ready);
        await first.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("wirediff.")), null, { timeout: 60_000 });
        await first.close();
        const page = await context.newPage();
        await page.addInitScript(watchHeatmap);
        await page.goto(`${server.origin}/`);
        await waitFor(page, () => window.__heatmapAt[5] > 0 && window.__readyAt > 0);
        revisit.push(await page.evaluate(() => window.__heatmapAt[5]));
        revisitReady.push(await page.evaluate(() => window.__readyAt));
        revisitServed.push(await page.evaluate(() => navigator.serviceWorker.controller !== null));
        await context.close();
    }
    // The first heatmap without the build's report: the worker analyses the seeds while the page loads.
    await coldLoads((context) => context.route("**/seeds-report.bin", (route) => route.abort()), alone, aloneReady);
} finally {
    await browser.close();
    await server.close();
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`wirediff bench-browser, ${new Date().toISOString().slice(0, 10)}, headless Chromium, ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${RUNS} runs`);
console.log(summary("first heatmap, seeds, cold load (prerendered)", first, BUDGET.firstHeatmap));
console.log(summary("  first contentful paint", firstPaint));
console.log(summary("  app mounted, its own heatmap: interactive", ready));
console.log(summary("  the worker's own report of the seeds arrived", workerSeeds));
console.log(summary("the app's own first heatmap (no snapshot)", own, BUDGET.firstHeatmap));
console.log(summary("  app mounted: interactive", ownReady));
console.log(summary("returning visitor: second visit, same browser", revisit, BUDGET.firstHeatmap));
console.log(summary("  app mounted: interactive", revisitReady));
console.log(`  (served by the service worker in ${revisitServed.filter(Boolean).length} of ${revisitServed.length} visits)`);
console.log(summary("first heatmap without the build's report", alone, BUDGET.firstHeatmap));
console.log(summary("  app mounted, its own heatmap: interactive", aloneReady));
for (const [name, xs] of Object.entries(marks).sort((a, b) => median(a[1]) - median(b[1]))) {
    if (xs.length === RUNS) console.log(summary(`  mark ${name.slice("wirediff:".length)}`, xs));
}
console.log(summary(`${DOCUMENTS} documents: drop → heatmap painted`, total, BUDGET.documents));
if (fromInput.length === total.length) {
    console.log(summary("  Playwright's setInputFiles → the page's change event", handed));
    console.log(summary(`${DOCUMENTS} documents: change event → heatmap painted`, fromInput, BUDGET.documents));
}
for (const [name, xs] of Object.entries(shares).sort((a, b) => median(a[1]) - median(b[1]))) {
    if (xs.length === total.length) console.log(summary(`  drop → ${name}`, xs));
}
if (worker.length) {
    console.log(summary("  drop → progress bar shown (page: read, add)", beforeWorker));
    console.log(summary("  progress bar shown (worker)", worker));
    console.log(summary("  progress bar hidden → heatmap painted", afterWorker));
}
const STAGE_NAMES = ["clean+segment", "profiles+index", "align", "cluster+diff", "passages", "quotes", "facts+credits"];
for (const [stage, xs] of Object.entries(stageTimes)) {
    // After the last stage: the report's transfer (bincode in the worker, decode in the page) and the render.
    const name = STAGE_NAMES[Number(stage)] ? `  worker stage ${Number(stage) + 1}/7 ${STAGE_NAMES[Number(stage)]}` : "  report to the page + render";
    console.log(summary(name, xs));
}
console.log(summary(`${DOCUMENTS} documents: longest page task`, longest));
console.log(summary(`add 1 document to ${DOCUMENTS}: drop → heatmap`, addOne));
console.log(summary(`add 1 document: longest page task`, addOneLongest));
