// The data layer with real lists: records live in IndexedDB, one entry per
// record. A municipality's 5,219 offers survive a reload; a CSV saved again
// by a spreadsheet program imports; the first version's local-storage keys
// move into IndexedDB without losing a record; two tabs see each other's
// changes; "Ryd mine data" leaves nothing personal in either store; a large
// export file is read in slices with progress and a working "Annullér".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { useBrowser, newPage, open, assertClean, assertAccessible, importFile, storageDump, idbDump, openLists, backToSearch, settled } from '../lib/harness.mjs';
import { syntheticCatalogue, catalogueCsv } from '../../tools/catalogue.mjs';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8');
const SHEETS = resolve(import.meta.dirname, '../../tests/fixtures/spreadsheet');
const CATALOGUE = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/catalogue.json'), 'utf8'));
const TOTAL = CATALOGUE.activities.length;
const da = (n) => n.toLocaleString('da-DK');

const env = useBrowser();

async function countIs(page, n, timeout = 60000) {
  await page.locator('p.result-count').filter({ hasText: new RegExp(`^${da(n).replace('.', '\\.')} aktiviteter$`) }).waitFor({ timeout });
}

/** Picks a CSV file on the lists page (opened from the list first). */
async function importCsv(page, name, buffer) {
  if (!new URL(page.url()).pathname.endsWith('/aktiviteter/lister')) await openLists(page);
  await page.getByLabel('Importér CSV').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.locator('.act-csv-preview, .act-csv .notice--error').first().waitFor({ timeout: 120000 });
}

test('a municipality list of 5,219 offers is imported and still there after a reload', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  const n = 5219;
  const list = syntheticCatalogue(n, 3);
  await open(page, env.server, '/aktiviteter');
  await countIs(page, TOTAL);
  await importCsv(page, 'socialkompas.csv', Buffer.from(catalogueCsv(list), 'utf8'));
  assert.match(await page.locator('.act-csv-preview .preview__summary').innerText(), /^5219 aktiviteter kan importeres\. 0 rækker/);
  await page.getByRole('button', { name: 'Importér de gode rækker' }).click();
  await page.getByText(`${n} aktiviteter er importeret.`).first().waitFor({ timeout: 120000 });
  await backToSearch(page);
  await countIs(page, TOTAL + n);
  // Saved as one entry per record.
  const stored = await storageDump(page);
  assert.equal(JSON.parse(stored['tidoglyst.idb.activities']).length, n);
  assert.equal(stored['tidoglyst.v1.activities'], undefined, 'no copy in local storage');
  assert.equal(await page.getByText(/Browserens lager er fuldt/).count(), 0);
  // After a reload the first 500 stored records show while the rest are
  // read (on a slow device, the CPU slowed down 8 times, so that can be
  // seen), with "Henter dine data …" until all are in.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.reload();
  await countIs(page, TOTAL + 500);
  assert.equal(await page.locator('.notice--loading').count(), 1);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await countIs(page, TOTAL + n);
  await page.locator('.notice--loading').waitFor({ state: 'detached' });
  // A record from the middle of the list opens.
  const a = list.activities[2600];
  await open(page, env.server, `/aktiviteter/${a.id}`);
  await page.getByRole('heading', { level: 1, name: a.title }).waitFor();
  assertClean(problems);
  await context.close();
});

for (const file of ['libreoffice-da-semikolon.csv', 'libreoffice-en-gb-komma-citeret.csv']) {
  test(`a CSV saved again by a spreadsheet program imports (${file})`, async () => {
    const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
    await open(page, env.server, '/aktiviteter');
    await countIs(page, TOTAL);
    await importCsv(page, file, readFileSync(resolve(SHEETS, file)));
    assert.match(await page.locator('.act-csv-preview .preview__summary').innerText(), /^13 aktiviteter kan importeres\. 0 rækker har fejl/);
    await assertAccessible(page, `preview of ${file}`);
    await page.getByRole('button', { name: 'Importér de gode rækker' }).click();
    await page.getByText('13 aktiviteter er importeret.').first().waitFor();
    // One own activity (the others update example entries with the same id).
    await backToSearch(page);
    await countIs(page, TOTAL + 1);
    await open(page, env.server, '/aktiviteter/0d5e3f9a-8c1b-4a7e-9b2d-3f4a5b6c7d8e');
    await page.getByRole('heading', { level: 1, name: 'Strikkecafé "Pind & Prik"' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /25,50 kr/);
    assert.match(text, /19\.30/);
    assertClean(problems);
    await context.close();
  });
}

test('the first version\'s local-storage keys move into IndexedDB without losing a record', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const fixture = JSON.parse(FIXTURE);
  const many = syntheticCatalogue(400, 5).activities.map((a) => ({ ...a, example: false }));
  const old = {
    'tidoglyst.schema': '1',
    'tidoglyst.v1.dreams': JSON.stringify(fixture.dreams),
    'tidoglyst.v1.activities': JSON.stringify([...fixture.activities, ...many]),
    'tidoglyst.v1.assessments': JSON.stringify(fixture.assessments),
  };
  // Seeded before the app's first start, as the first version left them.
  await context.addInitScript((old) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(old)) localStorage.setItem(k, v);
  }, old);
  await open(page, env.server, '/del');
  const counts = `På denne enhed: 1 drøm, ${many.length + 1} egne aktiviteter, 1 workshop.`;
  await page.getByText(counts).waitFor();
  const after = await storageDump(page);
  for (const k of ['tidoglyst.v1.dreams', 'tidoglyst.v1.activities', 'tidoglyst.v1.assessments']) {
    assert.equal(after[k], undefined, `${k} removed after the move`);
  }
  const idb = await idbDump(page);
  const ids = (list) => list.map((t) => JSON.parse(t).id).sort();
  assert.deepEqual(ids(idb.dreams), fixture.dreams.map((r) => r.id).sort());
  assert.deepEqual(ids(idb.activities), [...fixture.activities, ...many].map((r) => r.id).sort());
  assert.deepEqual(ids(idb.assessments), fixture.assessments.map((r) => r.id).sort());
  // Every field came along (unknown ones too).
  const dream = JSON.parse(idb.dreams[0]);
  assert.deepEqual(dream, { ...fixture.dreams[0], ...dream });
  assert.deepEqual(dream.future_field, { kept: true });
  await page.reload();
  await page.getByText(counts).waitFor();
  assertClean(problems);
  await context.close();
});

test('two tabs see each other\'s changes, and "Ryd mine data" leaves nothing personal in either store', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const other = await context.newPage();
  await open(page, env.server, '/del');
  await open(other, env.server, '/aktiviteter');
  await countIs(other, TOTAL);
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  // The other tab's list grows without a reload.
  await countIs(other, TOTAL + 1);
  // A change made in the other tab comes back here.
  await importCsv(other, 'en.csv', Buffer.from(catalogueCsv(syntheticCatalogue(3, 9)), 'utf8'));
  await other.getByRole('button', { name: 'Importér de gode rækker' }).click();
  await page.getByText('På denne enhed: 1 drøm, 4 egne aktiviteter, 1 workshop.').waitFor();

  await page.getByRole('button', { name: 'Ryd mine data' }).click();
  await page.getByRole('button', { name: 'Ja, slet alt' }).click();
  await page.getByText('På denne enhed: 0 drømme, 0 egne aktiviteter, 0 workshops.').waitFor();
  // The other tab's lists page (still open, no reload) counts the catalogue only.
  const shown = async () => Number((await other.locator('.act-lists .result-count').innerText()).replace(/\D/g, ''));
  for (let i = 0; i < 200 && (await shown()) !== TOTAL; i++) await other.waitForTimeout(50);
  assert.equal(await shown(), TOTAL, 'the other tab let go of the own activities');
  const dump = await storageDump(page);
  for (const [k, v] of Object.entries(dump)) {
    if (k.startsWith('tidoglyst.idb.')) assert.equal(v, '[]', `${k} emptied`);
    else assert.ok(['tidoglyst.schema', 'tidoglyst.v1.settings'].includes(k), `${k} survived Ryd mine data`);
  }
  // Back to the search (the directory's own bundle, a page load): the catalogue only.
  await backToSearch(other);
  await countIs(other, TOTAL);
  await settled(page);
  await page.reload();
  await page.getByText('På denne enhed: 0 drømme, 0 egne aktiviteter, 0 workshops.').waitFor();
  assertClean(problems);
  await context.close();
});

test('leaving while an import is still being written asks first; staying keeps every record', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  const n = 3000;
  await open(page, env.server, '/aktiviteter');
  await countIs(page, TOTAL);
  await importCsv(page, 'liste.csv', Buffer.from(catalogueCsv(syntheticCatalogue(n, 4)), 'utf8'));
  // This journey answers "Leave the page?" itself: stay.
  page.removeAllListeners('dialog');
  const asked = [];
  page.on('dialog', async (d) => {
    asked.push(d.type());
    await d.dismiss();
  });
  // A slow device (the CPU slowed down 8 times), so the writing lasts.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByRole('button', { name: 'Importér de gode rækker' }).click();
  await page.getByText(`${n} aktiviteter er importeret.`).first().waitFor({ timeout: 120000 });
  await page.evaluate(() => setTimeout(() => location.reload(), 0));
  await page.waitForFunction(() => true);
  for (let i = 0; i < 100 && asked.length === 0; i++) await page.waitForTimeout(50);
  assert.deepEqual(asked, ['beforeunload'], 'the browser asked before leaving');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Still on the page; once everything is written, leaving asks nothing.
  await backToSearch(page);
  await countIs(page, TOTAL + n);
  for (let i = 0; i < 200; i++) {
    if (((await idbDump(page)).activities?.length ?? 0) === n) break;
    await page.waitForTimeout(100);
  }
  await page.reload();
  await countIs(page, TOTAL + n);
  assert.deepEqual(asked, ['beforeunload'], 'no second question once saved');
  assertClean(problems);
  await context.close();
});

test('a large export file is read with progress, can be cancelled without a change, then previewed, applied and undone', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  const n = 4000;
  const file = syntheticCatalogue(n, 5);
  for (const a of file.activities) delete a.example;
  const dir = mkdtempSync(join(tmpdir(), 'tol-json-'));
  const path = join(dir, 'eksport.json');
  writeFileSync(path, JSON.stringify(file, null, 2));
  await open(page, env.server, '/del');
  const stats = page.locator('p.stats');
  await stats.filter({ hasText: '0 egne aktiviteter' }).waitFor();
  const before = await storageDump(page);
  const idbBefore = await idbDump(page);
  const progress = page.locator('.import-progress');
  const input = page.getByLabel('Importér fil', { exact: true });

  // A slow device (the CPU slowed down 20 times), so the reading lasts long
  // enough to be seen and cancelled.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await input.setInputFiles(path);
  await progress.filter({ hasText: new RegExp(`^Læser [\\d.]+ af ${da(n).replace('.', '\\.')} poster …$`) }).waitFor({ timeout: 120000 });
  await page.getByRole('button', { name: 'Annullér' }).click();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.waitForFunction(() => document.querySelector('.import-progress').textContent === '');
  assert.equal(await page.getByRole('button', { name: 'Annullér' }).count(), 0);
  // Had the reading gone on, its preview would be here by now.
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('.preview').count(), 0);
  assert.deepEqual(await storageDump(page), before);
  assert.deepEqual(await idbDump(page), idbBefore);
  await stats.filter({ hasText: '0 egne aktiviteter' }).waitFor();

  // Read to the end: the same preview, all or nothing, and undo, as for a
  // small file.
  await input.setInputFiles(path);
  await page.locator('.preview').waitFor({ timeout: 120000 });
  assert.match(await page.locator('.preview__summary').innerText(), new RegExp(`^${n} nye, 0 opdaterede, 0 konflikter`));
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  await stats.filter({ hasText: `${n} egne aktiviteter` }).waitFor();
  await page.getByRole('button', { name: 'Fortryd sidste import' }).click();
  await page.getByText('Sidste import er fortrudt.').waitFor();
  await stats.filter({ hasText: '0 egne aktiviteter' }).waitFor();
  // Storage follows: every record of the import is gone again.
  for (let i = 0; i < 200; i++) {
    const dump = await idbDump(page);
    if (!dump.activities || dump.activities.length === 0) break;
    await page.waitForTimeout(100);
  }
  assert.equal((await idbDump(page)).activities?.length ?? 0, 0);
  assertClean(problems);
  rmSync(dir, { recursive: true, force: true });
  await context.close();
});
