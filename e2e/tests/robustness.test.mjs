// Robustness in the browser: every file of the hostile corpus through the
// imports (a clear Danish message and storage byte for byte unchanged, or a
// safe import where no script runs and no markup appears), a 70 MB file,
// a full storage (IndexedDB over its quota), and two tabs editing at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import {
  useBrowser, newPage, open, assertClean, downloadText, importFile, storageDump, openLists, settled } from '../lib/harness.mjs';

const HOSTILE = resolve(import.meta.dirname, '../../tests/hostile');
const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8');

const env = useBrowser();

async function assertNothingRan(page, what) {
  for (const path of ['/droemme', '/aktiviteter', '/skal-kan']) {
    await open(page, env.server, path);
    await page.locator('main#main h1').first().waitFor();
    await page.waitForTimeout(100);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      injected: document.querySelectorAll('#pwned, main script, main iframe, main object, main embed, main img[onerror], main svg[onload]').length,
      jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*(javascript|data|vbscript):/i.test(a.getAttribute('href'))).length,
    }));
    assert.deepEqual(state, { pwned: undefined, injected: 0, jsLinks: 0 }, `${what} on ${path}`);
  }
}

test('every hostile JSON file is refused with a Danish message or imported safely', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  const files = readdirSync(HOSTILE).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 35);
  let refused = 0;
  let imported = 0;
  for (const name of files) {
    await open(page, env.server, '/del');
    const before = await storageDump(page);
    await importFile(page, env.server, { name, buffer: readFileSync(resolve(HOSTILE, name)) });
    if (await page.locator('.preview').count()) {
      imported += 1;
      await page.getByRole('button', { name: 'Flet ind' }).click().catch(() => {});
      await assertNothingRan(page, name);
      await open(page, env.server, '/del');
      await page.getByRole('button', { name: 'Ryd mine data' }).click();
      await page.getByRole('button', { name: 'Ja, slet alt' }).click();
    } else {
      refused += 1;
      const text = await page.locator('.import-error').innerText();
      assert.match(text, /Filen blev ikke importeret: [A-ZÆØÅ]/, `${name}: ${text}`);
      assert.match(text, /Dine data er ikke ændret/, name);
      assert.deepEqual(await storageDump(page), before, `${name}: storage unchanged`);
    }
  }
  assert.ok(refused >= 25 && imported >= 4, `refused ${refused}, imported ${imported}`);
  assertClean(problems);
  await context.close();
});

test('a 70 MB file is refused at once and changes nothing', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  const before = await storageDump(page);
  const record = JSON.parse(FIXTURE).dreams[0];
  const big = Buffer.from(JSON.stringify({ format: 'tid-og-lyst', version: 1, dreams: Array.from({ length: 140000 }, () => ({ ...record, story: 'x'.repeat(480) })) }));
  assert.ok(big.length > 64 * 1024 * 1024);
  // From disk: Playwright hands over no buffer this large.
  const dir = mkdtempSync(join(tmpdir(), 'tol-big-'));
  const file = join(dir, 'halvfjerds-mb.json');
  writeFileSync(file, big);
  await page.getByLabel('Importér fil', { exact: true }).setInputFiles(file);
  await page.locator('.preview, .import-error .notice').first().waitFor();
  rmSync(dir, { recursive: true, force: true });
  assert.match(await page.locator('.import-error').innerText(), /Filen er for stor \(\d+ MB\)/);
  assert.deepEqual(await storageDump(page), before);
  assertClean(problems);
  await context.close();
});

test('every hostile CSV file gets a Danish message or a safe import', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  const files = readdirSync(HOSTILE).filter((f) => f.endsWith('.csv')).sort();
  for (const name of files) {
    await open(page, env.server, '/aktiviteter');
    await openLists(page);
    const before = await storageDump(page);
    await page.getByLabel('Importér CSV', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: readFileSync(resolve(HOSTILE, name)) });
    const preview = page.locator('.act-csv-preview');
    const error = page.locator('.act-csv .notice--error');
    await preview.or(error).first().waitFor();
    if (await preview.count()) {
      const apply = page.getByRole('button', { name: 'Importér de gode rækker' });
      if (await apply.isEnabled()) await apply.click();
      await assertNothingRan(page, name);
    } else {
      assert.match(await error.innerText(), /[A-ZÆØÅ]/, name);
      assert.deepEqual(await storageDump(page), before, `${name}: storage unchanged`);
    }
  }
  assertClean(problems);
  await context.close();
});

test('a full storage is reported, nothing is lost, and export still works', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await open(page, env.server, '/del');
  await page.getByText('På denne enhed: 0 drømme, 0 egne aktiviteter, 0 workshops.').waitFor();
  // Shrink the origin's quota to what it uses now: the next write to
  // IndexedDB fails with QuotaExceededError.
  const cdp = await context.newCDPSession(page);
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: env.server.origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.server.origin, quotaSize: Math.max(1, Math.floor(usage)) });
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText(/Browserens lager er fuldt/).waitFor();
  // The change is still here in memory …
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  // … and can be exported.
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér data' }).click());
  assert.equal(JSON.parse(file.text).dreams[0].title, 'Fisketur fra havnen');
  // Once there is room again, the next change saves everything.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.server.origin });
  const second = JSON.parse(FIXTURE);
  second.dreams[0] = { ...second.dreams[0], id: '11111111-2222-4333-8444-555555555555', title: 'Koncert i parken' };
  await importFile(page, env.server, { name: 'anden.json', text: JSON.stringify({ ...second, activities: [], assessments: [] }) });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('På denne enhed: 2 drømme, 1 egen aktivitet, 1 workshop.').waitFor();
  const saved = (await storageDump(page))['tidoglyst.idb.dreams'];
  assert.match(saved, /Fisketur fra havnen/);
  assert.match(saved, /Koncert i parken/);
  await page.reload();
  await page.getByText('På denne enhed: 2 drømme, 1 egen aktivitet, 1 workshop.').waitFor();
  assertClean(problems);
  await context.close();
});

test('two tabs importing different data at the same time lose nothing', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const other = await context.newPage();
  await open(page, env.server, '/del');
  await open(other, env.server, '/del');
  const fixture = JSON.parse(FIXTURE);
  const onlyDream = JSON.stringify({ ...fixture, activities: [], assessments: [] });
  const onlyActivity = JSON.stringify({ ...fixture, dreams: [], assessments: [] });
  await importFile(page, env.server, { name: 'a.json', text: onlyDream });
  await importFile(other, env.server, { name: 'b.json', text: onlyActivity });
  await Promise.all([
    page.getByRole('button', { name: 'Flet ind' }).click(),
    other.getByRole('button', { name: 'Flet ind' }).click(),
  ]);
  for (const p of [page, other]) {
    await p.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 0 workshops.').waitFor();
  }
  await settled(page);
  await page.reload();
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 0 workshops.').waitFor();
  assertClean(problems);
  await context.close();
});

test('two tabs editing the same record in turn: each sees the other, no update is lost', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const other = await context.newPage();
  const fixture = JSON.parse(FIXTURE);
  const dream = fixture.dreams[0];
  const version = (title, story, at) => JSON.stringify({
    ...fixture, activities: [], assessments: [], dreams: [{ ...dream, title, story, rev: { at, n: 0, by: 'tabtest' } }],
  });
  await open(page, env.server, '/del');
  await open(other, env.server, '/del');
  await importFile(page, env.server, { name: 'a.json', text: version('Fisketur (fra fane A)', dream.story, '2026-11-22T10:00:00.000Z') });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  // The other tab picks the change up without a reload …
  await open(other, env.server, `/droemme/${dream.id}`);
  await other.getByRole('heading', { level: 1, name: 'Fisketur (fra fane A)' }).waitFor();
  // … edits the same record on top of it …
  await open(other, env.server, '/del');
  await importFile(other, env.server, { name: 'b.json', text: version('Fisketur (fra fane A)', 'Historien rettet i fane B.', '2026-11-22T11:00:00.000Z') });
  await other.getByRole('button', { name: 'Flet ind' }).click();
  // … and the first tab, which never reloaded, shows and keeps both edits.
  await open(page, env.server, `/droemme/${dream.id}`);
  await page.getByText('Historien rettet i fane B.').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Fisketur (fra fane A)' }).waitFor();
  const stored = JSON.parse((await storageDump(page))['tidoglyst.idb.dreams']).map((t) => JSON.parse(t));
  assert.equal(stored.length, 1);
  assert.equal(stored[0].title, 'Fisketur (fra fane A)');
  assert.equal(stored[0].story, 'Historien rettet i fane B.');
  assertClean(problems);
  await context.close();
});
