// `node scripts/profile-browser.mjs MODE`: where the time goes while 200 documents are dropped on
// the app (the corpus of `make bench-browser`), analysed, and their report arrives and renders.
// Not part of `make test`: it measures, it does not check. Modes:
//   tasks    every long task (> 50 ms) of the page, the progress stages and every key (typed each
//            40 ms, as in tests/e2e/scale.test.mjs) that took over 60 ms to echo, on a timeline;
//            against dist/ (RUNS=3 by default)
//   page     the page's CPU profile from the drop until 1.5 s after the heatmap is painted:
//            busy stretches with their heaviest functions, then self and inclusive time
//   worker   the analysis worker's CPU profile (from a Chromium trace) for the same span
// `page` and `worker` want function names: build a dist that keeps them with
//   sed -e 's/data-wasm-opt-params="\([^"]*\)--converge"/data-keep-debug data-wasm-opt-params="\1--converge -g"/' \
//       -e 's/data-type="worker" data-wasm-opt="z"/data-type="worker" data-keep-debug data-wasm-opt="z"/' \
//       index.html > index-profile.html && trunk build index-profile.html --release true --dist target/profile-dist
// and pass DIST=target/profile-dist.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DIST, launchBrowser, startServer, synthCorpus } from "../tests/e2e/helpers.mjs";

const mode = process.argv[2];
if (!["tasks", "page", "worker"].includes(mode)) {
    console.error("usage: node scripts/profile-browser.mjs tasks|page|worker");
    process.exit(2);
}
const files = synthCorpus(200);
const browser = await launchBrowser();
const server = await startServer(process.env.DIST ? resolve(process.env.DIST) : DIST);

/** A fresh page showing the seeds' heatmap, settled. */
async function seedsPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator("html[data-app-ready]").waitFor({ state: "attached" });
    await page.locator('.heatmap-figure[data-documents="5"]').waitFor();
    await page.waitForTimeout(1500);
    return { context, page };
}

const drop = (page) => page.locator("#file-input").setInputFiles(files);
const painted = (page) => page.locator('.heatmap-figure[data-documents="205"]').waitFor({ timeout: 60_000 });
const short = (name) => name.replace(/::h[0-9a-f]{16}/g, "").replace(/ \S+(_bg\.wasm|\.js)$/, "").slice(0, 150);

/** Self and inclusive ms per function of a V8 CPU profile; busy stretches over 40 ms. */
function summarise(nodes, samples, deltas, stretches) {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of nodes) {
        for (const c of n.children ?? []) parent.set(c, n.id);
        if (n.parent !== undefined) parent.set(n.id, n.parent);
    }
    const name = (id) => short(byId.get(id).callFrame.functionName || "(anonymous)");
    const self = new Map(), total = new Map();
    const runs = [];
    let run = null, busy = 0;
    samples.forEach((id, k) => {
        const dt = (deltas[k + 1] ?? 0) / 1000;
        const fn = byId.get(id)?.callFrame.functionName;
        if (fn === undefined || fn === "(idle)") { if (run) runs.push(run); run = null; return; }
        if (fn === "(root)") return;
        busy += dt;
        run ??= { dur: 0, total: new Map() };
        run.dur += dt;
        self.set(name(id), (self.get(name(id)) ?? 0) + dt);
        const seen = new Set();
        for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
            const n = name(cur);
            if (seen.has(n)) continue;
            seen.add(n);
            total.set(n, (total.get(n) ?? 0) + dt);
            run.total.set(n, (run.total.get(n) ?? 0) + dt);
        }
    });
    if (run) runs.push(run);
    const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
    console.log(`busy ${busy.toFixed(0)} ms`);
    if (stretches) {
        for (const r of runs.filter((r) => r.dur > 40)) {
            console.log(`  busy stretch of ${r.dur.toFixed(0)} ms:`);
            for (const [n, t] of top(r.total, 14).filter(([n]) => n !== "(root)")) console.log(`    ${t.toFixed(1).padStart(7)} ${n}`);
        }
    }
    console.log("  self:");
    for (const [n, t] of top(self, 25)) console.log(`    ${t.toFixed(1).padStart(7)} ${n}`);
    console.log("  inclusive:");
    for (const [n, t] of top(total, 40)) console.log(`    ${t.toFixed(1).padStart(7)} ${n}`);
}

if (mode === "tasks") {
    for (let run = 0; run < Number(process.env.RUNS ?? 3); run++) {
        const { context, page } = await seedsPage();
        await page.evaluate(() => {
            const t0 = performance.now();
            window.events = [];
            new PerformanceObserver((list) => {
                for (const e of list.getEntries()) window.events.push(["long task", e.startTime - t0, e.duration]);
            }).observe({ type: "longtask" });
            let last = null;
            new MutationObserver(() => {
                const s = document.querySelector(".analysis-status.running")?.getAttribute("data-stage") ?? "none";
                if (s !== last) { window.events.push([`stage ${s}`, performance.now() - t0]); last = s; }
                if (document.querySelector('.heatmap-figure[data-documents="205"]') && !window.painted) {
                    window.painted = true;
                    requestAnimationFrame(() => window.events.push(["heatmap painted", performance.now() - t0]));
                }
            }).observe(document, { subtree: true, childList: true, attributes: true });
            const input = document.querySelector("#paste-title");
            const pending = [];
            input.addEventListener("keydown", (e) => pending.push(e.timeStamp));
            input.addEventListener("input", () => {
                const down = pending.shift();
                requestAnimationFrame(() => {
                    const latency = performance.now() - down;
                    if (latency > 60) window.events.push(["key echoed", down - t0, latency]);
                });
            });
        });
        await drop(page);
        await page.locator(".analysis-status.running").waitFor({ timeout: 20_000 });
        await page.locator("#paste-title").focus();
        const until = Date.now() + 30_000;
        while (Date.now() < until && !(await page.evaluate(() => window.painted))) {
            await page.keyboard.type("x");
            await page.waitForTimeout(40);
        }
        await page.waitForTimeout(3000);
        console.log(`run ${run + 1} (ms from the drop; a task's or key's duration after it)`);
        for (const [what, at, d] of (await page.evaluate(() => window.events)).sort((a, b) => a[1] - b[1]))
            console.log(`  ${at.toFixed(0).padStart(6)} ${what}${d === undefined ? "" : ` ${d.toFixed(0)}`}`);
        await context.close();
    }
} else if (mode === "page") {
    const { context, page } = await seedsPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    await drop(page);
    await painted(page);
    await page.waitForTimeout(1500);
    const { profile } = await cdp.send("Profiler.stop");
    console.log("the page's main thread:");
    summarise(profile.nodes, profile.samples, profile.timeDeltas, true);
    await context.close();
} else {
    const { context, page } = await seedsPage();
    const path = resolve("target/profile-worker-trace.json");
    await browser.startTracing(page, { path, categories: ["disabled-by-default-v8.cpu_profiler", "v8.execute"] });
    await drop(page);
    await painted(page);
    await browser.stopTracing();
    await context.close();
    const events = JSON.parse(readFileSync(path, "utf8")).traceEvents;
    const threads = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
    const profiles = new Map();
    for (const e of events) {
        if (e.name === "Profile") profiles.set(e.id, { thread: threads.get(`${e.pid}:${e.tid}`), nodes: [], samples: [], deltas: [] });
        const p = e.name === "ProfileChunk" && profiles.get(e.id);
        if (!p) continue;
        p.nodes.push(...(e.args.data.cpuProfile?.nodes ?? []));
        p.samples.push(...(e.args.data.cpuProfile?.samples ?? []));
        p.deltas.push(...(e.args.data.timeDeltas ?? []));
    }
    for (const p of profiles.values()) {
        if (!/Worker/.test(p.thread ?? "")) continue;
        console.log(`${p.thread}:`);
        summarise(p.nodes, p.samples, p.deltas, false);
    }
}
await browser.close();
await server.close();
