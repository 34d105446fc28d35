// Size budgets (deterministic, so they may fail the build): the brotli size
// of the wasm and of the whole first load may not grow past budgets.json,
// which holds the figures measured when it was set (today's size, with no
// margin). Raise the budget on purpose, in its own commit, when a feature is
// worth the bytes; lower it when bytes are cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST } from '../lib/harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const budgets = JSON.parse(readFileSync(resolve(root, 'budgets.json'), 'utf8'));
const report = JSON.parse(execFileSync('node', [resolve(root, 'tools/size.mjs'), DIST, '--json']).toString());

test('the wasm stays within its brotli budget', () => {
  const wasm = report.byKind.wasm.brotli;
  assert.ok(wasm <= budgets.wasm_brotli, `wasm is ${wasm} B brotli, budget ${budgets.wasm_brotli} B`);
});

test('the whole first load stays within its brotli budget', () => {
  const total = report.total.brotli;
  assert.ok(total <= budgets.first_load_brotli, `first load is ${total} B brotli, budget ${budgets.first_load_brotli} B`);
});

test('the first load fetches nothing it does not need', () => {
  const names = report.files.map((f) => f.file);
  assert.ok(!names.includes('catalogue.json'), 'the catalogue is fetched by the activities page, not on first load');
  assert.equal(names.filter((f) => f.endsWith('.wasm')).length, 1);
});
