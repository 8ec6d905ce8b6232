// Writes DIR/seeds-report.bin: the analysis worker's answer for the seeds, computed at build
// time by the very worker this build ships (its glue and wasm from DIR, run under Node), so
// that a cold load can paint the seeds' heatmap before its own worker has finished.
//
// The file is the page's first request followed by the worker's answer to it:
//   u32 LE n, then n bytes: gloo's ToWorker::ProcessInput(0, Request::Analyse(Analyse { generation: 1,
//     inputs: the seeds, restored: none }))
//   then each message of the answer but progress, as the worker sent it (FromWorker::ProcessOutput(0,
//     Response::Part { .. }) for each part of the report, then Response::Done), each as u32 LE length and bytes
// The page (src/ui/analysis.rs) uses the answer only when its own first request encodes to
// exactly these request bytes, and it still sends the request to its worker, whose report then
// replaces this one: tests/e2e/app.test.mjs checks that the two are byte-identical.
//
// Usage: node scripts/seeds-report.mjs DIR      (run by scripts/post-build.sh on Trunk's staging dir)
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2];
if (!dir) {
    console.error("usage: node scripts/seeds-report.mjs DIR");
    process.exit(2);
}

// The seeds in src/seeds.rs's order (the page's library order on a cold load).
const names = [...readFileSync(join(ROOT, "src/seeds.rs"), "utf8").matchAll(/seed!\(\s*"([^"]+)"/g)].map((m) => m[1]);
if (names.length === 0) throw new Error("no seed!(...) entries in src/seeds.rs");

// bincode 1 (fixed-width little-endian integers, u64 lengths, u32 enum tags), as the page writes it.
const parts = [];
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); parts.push(b); };
const u64 = (n) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); parts.push(b); };
const str = (s) => { const b = Buffer.from(s, "utf8"); u64(b.length); parts.push(b); };
u32(1); // ToWorker::ProcessInput
u64(0); // handler id
u32(0); // Request::Analyse
u32(1); // Analyse.generation: the page's first request
u64(names.length); // Analyse.inputs
for (const name of names) {
    str(name); // Input.id
    str(readFileSync(join(ROOT, "seeds", name), "utf8")); // Input.text
}
u64(0); // Analyse.restored
const request = Buffer.concat(parts);

// The worker, as in a DedicatedWorkerGlobalScope: it posts to and listens on the global.
const messages = [];
globalThis.postMessage = (data) => messages.push(Buffer.from(data));
globalThis.wirediffSynonyms = readFileSync(join(dir, "synonyms.txt"), "utf8");
globalThis.wirediffWordfreq = readFileSync(join(dir, "wordfreq.txt"), "utf8");
const glue = readFileSync(join(dir, "wirediff-worker.js"), "utf8");
const wasmBindgen = new Function(`${glue}\nreturn wasm_bindgen;`)();
await wasmBindgen({ module_or_path: readFileSync(join(dir, "wirediff-worker_bg.wasm")) });

const settle = async () => {
    for (let seen = -1; seen !== messages.length; ) {
        seen = messages.length;
        await new Promise((ok) => setTimeout(ok, 20));
    }
};
await settle(); // FromWorker::WorkerLoaded
if (messages.length !== 1 || typeof globalThis.onmessage !== "function") throw new Error("the worker did not say it loaded");
globalThis.onmessage({ data: new Uint8Array(request) });
await settle();
// FromWorker::ProcessOutput (tag 1), handler 0, then the Response's tag (0 progress, 1 part,
// 2 done) and its generation.
const [PROGRESS, PART, DONE] = [0, 1, 2];
const answer = messages.slice(1).filter((m) => m.readUInt32LE(0) === 1 && m.readUInt32LE(12) !== PROGRESS);
const tags = answer.map((m) => m.readUInt32LE(12));
if (tags.at(-1) !== DONE || !tags.slice(0, -1).every((t) => t === PART) || tags.length < 2 || answer.some((m) => m.readUInt32LE(16) !== 1)) {
    throw new Error(`the worker's answer is not the seeds' report in parts, then done (tags ${tags})`);
}
const length = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const file = [length(request.length), request, ...answer.flatMap((m) => [length(m.length), m])];
writeFileSync(join(dir, "seeds-report.bin"), Buffer.concat(file));
console.log(`seeds report: ${names.length} seeds, ${answer.length - 1} part(s), ${answer.reduce((n, m) => n + m.length, 0)} bytes`);
process.exit(0);
