// Word-diff peers on the same inputs, in one run: `make bench-peers` (which builds what this
// needs), or `node scripts/bench-peers.mjs PAIRS.json WIREDIFF_BIN [WASM_PKG_DIR]`.
//
// Inputs come from `wirediff bench pairs` (sentence pairs of the seeds' and a synthetic
// corpus's links; whole-article pairs). Every runner follows one protocol: one warm-up pass,
// then 5 rounds of whole passes lasting at least 0.4 s each; the median round's pairs per
// second is reported (when the warm-up pass alone takes over 0.8 s, one more pass is the
// measurement). Runners:
// - wirediff native: `wirediff bench diff --json` (tokenize, anchors, related words, moves, labels);
// - wirediff wasm: the same `diff_texts` compiled to wasm32 (opt-level z, as the app ships it),
//   loaded here through wasm-bindgen's nodejs glue. Timed two ways: one call per pass (the pass
//   joins all texts with NULs and `diff_batch` splits and diffs them, as the app's worker diffs
//   many links inside wasm; the ratios use this one), and one `diff_words` call per pair (each
//   call encodes and copies its two strings into wasm memory);
// - diff-match-patch word mode: the library's line-mode recipe with words as "lines" (each word
//   and each whitespace run becomes one char, diff_main, then diff_charsToLines_);
// - diff-match-patch char mode: diff_main on the plain texts (no cleanup);
// - jsdiff: diffWords;
// - Python difflib: SequenceMatcher over whitespace-split words, get_opcodes().
// diff-match-patch runs with Diff_Timeout = 0 (complete diffs, as wirediff and the others compute).

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const [pairsFile, nativeBin, wasmDir] = process.argv.slice(2);
if (!pairsFile || !nativeBin) {
  console.error('usage: node scripts/bench-peers.mjs PAIRS.json WIREDIFF_BIN [WASM_PKG_DIR]');
  process.exit(2);
}
const set = JSON.parse(readFileSync(pairsFile, 'utf8'));
const sets = { sentences: set.sentences, articles: set.articles };

function pairsPerSecond(pairs, pass) {
  const t0 = process.hrtime.bigint();
  pass();
  if (Number(process.hrtime.bigint() - t0) / 1e9 > 0.8) {
    // A slow pass (a peer on whole articles): one more, timed, is the measurement.
    const t1 = process.hrtime.bigint();
    pass();
    return pairs.length / (Number(process.hrtime.bigint() - t1) / 1e9);
  }
  const rates = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    let done = 0;
    for (;;) {
      pass();
      done += pairs.length;
      const secs = Number(process.hrtime.bigint() - start) / 1e9;
      if (secs >= 0.4) {
        rates.push(done / secs);
        break;
      }
    }
  }
  rates.sort((a, b) => a - b);
  return rates[2];
}

const results = [];
const record = (tool, setName, pairs, rate) => results.push({ tool, set: setName, pairs, pairs_per_s: rate });

// Native wirediff.
const native = execFileSync(nativeBin, ['bench', 'diff', pairsFile, '--json'], { encoding: 'utf8' });
for (const line of native.split('\n').filter(Boolean)) results.push(JSON.parse(line));

// wirediff compiled to wasm.
if (wasmDir) {
  const wasm = require(path.resolve(wasmDir, 'wirediff_bench_wasm.js'));
  for (const [name, pairs] of Object.entries(sets)) {
    if (pairs.some(([a, b]) => a.includes('\0') || b.includes('\0'))) throw new Error('NUL in a text');
    // Batched as the app's worker runs it: the pass joins the texts and makes one call.
    record('wirediff wasm (Node), one call per pass', name, pairs.length, pairsPerSecond(pairs, () =>
      wasm.diff_batch(pairs.map(([a, b]) => `${a}\0${b}`).join('\0'))));
  }
  for (const [name, pairs] of Object.entries(sets)) {
    record('wirediff wasm (Node), one call per pair', name, pairs.length, pairsPerSecond(pairs, () => {
      let ops = 0;
      for (const [a, b] of pairs) ops += wasm.diff_words(a, b);
      return ops;
    }));
  }
}

// diff-match-patch.
const DiffMatchPatch = require('diff-match-patch');
const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0;
function wordsToChars(text1, text2) {
  const words = [''];
  const index = new Map();
  const encode = (text) => {
    let chars = '';
    for (const w of text.match(/\s+|\S+/g) || []) {
      let id = index.get(w);
      if (id === undefined) {
        id = words.length;
        words.push(w);
        index.set(w, id);
      }
      chars += String.fromCharCode(id);
    }
    return chars;
  };
  return { chars1: encode(text1), chars2: encode(text2), lineArray: words };
}
function dmpWords(a, b) {
  const enc = wordsToChars(a, b);
  const diffs = dmp.diff_main(enc.chars1, enc.chars2, false);
  dmp.diff_charsToLines_(diffs, enc.lineArray);
  return diffs.length;
}
for (const [name, pairs] of Object.entries(sets)) {
  record('diff-match-patch words', name, pairs.length, pairsPerSecond(pairs, () => {
    let n = 0;
    for (const [a, b] of pairs) n += dmpWords(a, b);
    return n;
  }));
  record('diff-match-patch chars', name, pairs.length, pairsPerSecond(pairs, () => {
    let n = 0;
    for (const [a, b] of pairs) n += dmp.diff_main(a, b, false).length;
    return n;
  }));
}

// jsdiff.
const { diffWords } = require('diff');
for (const [name, pairs] of Object.entries(sets)) {
  record('jsdiff diffWords', name, pairs.length, pairsPerSecond(pairs, () => {
    let n = 0;
    for (const [a, b] of pairs) n += diffWords(a, b).length;
    return n;
  }));
}

// Python difflib.
const python = execFileSync('python3', [path.join(path.dirname(new URL(import.meta.url).pathname), 'bench_peers.py'), pairsFile], { encoding: 'utf8' });
for (const line of python.split('\n').filter(Boolean)) results.push(JSON.parse(line));

// The table: throughput, and wirediff (native and wasm) against each peer.
const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`# ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores ${os.arch()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load}`);
console.log(`# ${set.sentences.length} sentence pairs, ${set.articles.length} article pairs; median of 5 rounds of >= 0.4 s`);
const get = (tool, s) => results.find((r) => r.tool === tool && r.set === s)?.pairs_per_s;
const ours = ['wirediff native', 'wirediff wasm (Node), one call per pass'];
console.log('| tool | sentence pairs/s | article pairs/s | native ÷ tool (sentences / articles) | wasm (one call per pass) ÷ tool (sentences / articles) |');
console.log('|---|---:|---:|---:|---:|');
const fmt = (x) => (x === undefined ? '–' : Math.round(x).toLocaleString('en-US'));
const ratio = (a, b) => (a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`);
const tools = [...new Set(results.map((r) => r.tool))];
for (const tool of tools) {
  const s = get(tool, 'sentences');
  const a = get(tool, 'articles');
  const vs = (our) => (ours.includes(tool) ? '' : `${ratio(get(our, 'sentences'), s)} / ${ratio(get(our, 'articles'), a)}`);
  console.log(`| ${tool} | ${fmt(s)} | ${fmt(a)} | ${vs(ours[0])} | ${vs(ours[1])} |`);
}
