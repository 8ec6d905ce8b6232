// Scale in the browser: 200 synthetic articles are analysed in the web worker while the user
// types, and the page stays responsive. The corpus comes from the CLI (`wirediff synth`), the
// same one `wirediff bench scale` uses. No timing is asserted on the analysis itself.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { SCREENSHOTS, openForSuite, synthCorpus, watch } from "./helpers.mjs";

const DOCUMENTS = 200;
/** Longest time from a key press to the next frame after its character reached the input. */
const ECHO_BUDGET_MS = 200;

describe("wirediff at scale", () => {
    let browser;
    let server;
    let files;
    openForSuite((opened) => ({ browser, server } = opened));

    before(() => {
        files = synthCorpus(DOCUMENTS);
        mkdirSync(SCREENSHOTS, { recursive: true });
    });

    test("typing stays prompt while 200 documents are analysed, with progress shown", async (t) => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        t.after(() => context.close());
        const seen = watch(context, server.origin);
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await page.locator(".heatmap .cell").first().waitFor({ timeout: 20_000 });

        // In-page: each key's latency from its keydown (the event's own time stamp, taken when
        // the browser received the key) to the first frame after the input event echoed it,
        // and whether the analysis was running when the key arrived.
        await page.evaluate(() => {
            const input = document.querySelector("#paste-title");
            window.keyLog = [];
            const pending = [];
            input.addEventListener("keydown", (e) => pending.push({
                key: e.key,
                down: e.timeStamp,
                running: !!document.querySelector(".analysis-status.running"),
            }));
            input.addEventListener("input", () => {
                const entry = pending.shift();
                if (!entry) return;
                requestAnimationFrame(() => {
                    entry.latency = performance.now() - entry.down;
                    // Still analysing when the key was echoed (not held up by the report's arrival).
                    entry.runningAtEcho = !!document.querySelector(".analysis-status.running");
                    window.keyLog.push(entry);
                });
            });
        });

        await page.locator("#file-input").setInputFiles(files);
        const status = page.locator(".analysis-status.running");
        await status.waitFor({ timeout: 20_000 });
        const stages = new Set();
        const labels = [];
        const typed = "the wire copy was reworded";
        await page.locator("#paste-title").focus();
        for (const key of typed) {
            await page.keyboard.type(key);
            const running = await status.getAttribute("data-stage", { timeout: 50 }).catch(() => null);
            if (running !== null) {
                stages.add(running);
                labels.push(await status.locator(".analysis-label").innerText().catch(() => ""));
            }
            await page.waitForTimeout(40);
        }
        await page.screenshot({ path: join(SCREENSHOTS, "scale-progress.png") }); // the viewport: the page is huge

        // The analysis finishes and the heatmap shows every document.
        const rows = page.locator(".heatmap tbody tr");
        const deadline = Date.now() + 120_000;
        while ((await rows.count()) !== DOCUMENTS + 5 && Date.now() < deadline) await page.waitForTimeout(250);
        assert.equal(await rows.count(), DOCUMENTS + 5, "the heatmap has a row per document");
        assert.equal(await status.count(), 0, "no progress bar once done");
        await page.screenshot({ path: join(SCREENSHOTS, "scale-done.png") });

        const log = await page.evaluate(() => window.keyLog);
        assert.equal(await page.locator("#paste-title").inputValue(), typed, "every key reached the input");
        assert.equal(log.length, typed.length, "every key was echoed");
        // The requirement: typing stays prompt *during* the analysis. A key that arrives as the
        // finished report is decoded and the 205-row heatmap rendered can wait longer (known,
        // README "Benchmarks"); it is logged, not asserted.
        const during = log.filter((k) => k.running && k.runningAtEcho);
        assert.ok(during.length >= typed.length / 2, `most keys were typed and echoed during the analysis (${during.length} of ${typed.length})`);
        const slow = during.filter((k) => k.latency > ECHO_BUDGET_MS);
        const worst = Math.max(...during.map((k) => k.latency));
        const worstAll = Math.max(...log.map((k) => k.latency));
        assert.deepEqual(slow, [], `every key during the analysis echoed within ${ECHO_BUDGET_MS} ms (worst ${worst.toFixed(0)} ms)`);
        assert.ok(stages.size >= 1, "the progress bar showed a stage");
        assert.ok(labels.some((l) => /\(step [1-7] of 7\)/.test(l) && /200|205 documents/.test(l)),
            `the progress label names the stage and counts: ${labels.join(" | ")}`);
        assert.deepEqual(seen.pageErrors, [], "page errors");
        assert.deepEqual(seen.consoleErrors, [], "console errors");
        assert.deepEqual(seen.foreignRequests, [], "requests to other origins");

        console.log(`# ${DOCUMENTS} documents: ${during.length}/${log.length} keys during the analysis, worst echo ${worst.toFixed(0)} ms (${worstAll.toFixed(0)} ms counting keys held up by the report's arrival); stages seen ${[...stages].sort().join(",")}`);
    });

    test("Cancel stops the analysis and keeps the previous report", async (t) => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        t.after(() => context.close());
        const seen = watch(context, server.origin);
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await page.locator(".heatmap .cell").first().waitFor({ timeout: 20_000 });
        await page.locator("#file-input").setInputFiles(files.slice(0, 100));
        await page.locator(".analysis-status.running .analysis-cancel").click({ timeout: 20_000 });
        const cancelled = page.locator(".analysis-status.cancelled");
        await cancelled.waitFor();
        assert.match(await cancelled.innerText(), /previous result/);
        assert.equal(await page.locator(".heatmap tbody tr").count(), 5, "the seeds' report stays");
        await page.waitForTimeout(300);
        assert.equal(await page.locator(".heatmap tbody tr").count(), 5, "no late report from the cancelled worker");
        // A new worker runs it again.
        await page.locator(".analysis-rerun").click();
        const rows = page.locator(".heatmap tbody tr");
        const deadline = Date.now() + 60_000;
        while ((await rows.count()) !== 105 && Date.now() < deadline) await page.waitForTimeout(250);
        assert.equal(await rows.count(), 105);
        assert.deepEqual(seen.pageErrors, [], "page errors");
        assert.deepEqual(seen.consoleErrors, [], "console errors");
    });
});
