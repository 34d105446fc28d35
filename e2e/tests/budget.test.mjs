// Size budgets (deterministic, so they may fail the build): the brotli size
// of each page's first load (the page, its style sheet and loader, and the
// wasm of its bundle, tools/size.mjs) may not grow past budgets.json, which
// holds the figures measured when it was set (today's size, with no
// margin). Raise a budget on purpose, in its own commit, when a feature is
// worth the bytes; lower it when bytes are cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST, PAGE_BUNDLES, bundleOfFile } from '../lib/harness.mjs';
import { DEEP, ON_DEMAND, BESIDE, EXAMPLE_PAGE } from '../../tools/size.mjs';

const root = resolve(import.meta.dirname, '../..');
const budgets = JSON.parse(readFileSync(resolve(root, 'budgets.json'), 'utf8'));
const report = JSON.parse(execFileSync('node', [resolve(root, 'tools/size.mjs'), DIST, '--json']).toString());

test('every page has a budget, and its first load stays within it', () => {
  assert.deepEqual(Object.keys(budgets.first_load_brotli).sort(), Object.keys(report).sort());
  for (const [page, r] of Object.entries(report)) {
    const budget = budgets.first_load_brotli[page];
    assert.ok(r.total.brotli <= budget, `${page}: first load is ${r.total.brotli} B brotli, budget ${budget} B`);
  }
});

test('a deep link into a fuller bundle (the coordinator\'s and facilitator\'s tools) loads 404.html and that bundle alone', () => {
  const deep = Object.entries(report).filter(([page]) => !(page in PAGE_BUNDLES) && !(page in ON_DEMAND) && !(page in BESIDE) && page !== EXAMPLE_PAGE);
  assert.deepEqual(deep.map(([page]) => page).sort(), Object.keys(DEEP).sort());
  for (const [page, r] of deep) {
    const names = r.files.map((f) => f.file);
    assert.ok(names.includes('404.html'), page);
    const wasm = names.filter((f) => f.endsWith('.wasm'));
    assert.deepEqual(wasm.map(bundleOfFile), [DEEP[page]], `${page}: ${wasm}`);
  }
});

test('every page loads in at most 250 KB the first time, deep links into the tools included (issue 13\'s goal)', () => {
  for (const page of [...Object.keys(PAGE_BUNDLES), EXAMPLE_PAGE, ...Object.keys(DEEP)]) {
    assert.ok(report[page].total.brotli <= 250_000, `${page}: ${report[page].total.brotli} B brotli`);
  }
});

test('each page loads the one wasm of its own bundle, and not the catalogue', () => {
  for (const [page, r] of Object.entries(report)) {
    if (!(page in PAGE_BUNDLES) && page !== EXAMPLE_PAGE) continue;
    const names = r.files.map((f) => f.file);
    assert.ok(!names.includes('catalogue.json'), `${page}: the catalogue has its own line (the directory's pages fetch it beside the wasm)`);
    const wasm = names.filter((f) => f.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `${page}: ${wasm}`);
    assert.equal(bundleOfFile(wasm[0]), PAGE_BUNDLES[page] || PAGE_BUNDLES['aktiviteter.html'], `${page}: ${wasm[0]}`);
  }
});
