// Share without files: profile A makes a link, profile B opens it, sees the
// import preview, imports, and has the same data; the QR code on screen
// decodes (with zbarimg, an independent reader) to the same link; tampered
// and truncated links get a Danish error and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  useBrowser, newPage, open, assertClean, assertAccessible, downloadText, importFile, storageDump, createWorkshop, openLists, settled,
} from '../lib/harness.mjs';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8');

const env = useBrowser();

/** Imports the golden file on /del and merges it in. */
async function mergeGolden(page) {
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
}

async function makeLink(size = 'phone') {
  const a = await newPage(env.browser, env.server, { size });
  await mergeGolden(a.page);
  await a.page.getByRole('button', { name: 'Del som link' }).click();
  const box = a.page.getByLabel('Linket (kan også kopieres herfra)');
  await box.waitFor();
  const link = await box.inputValue();
  const message = await a.page.locator('.share-link__message').innerText();
  assert.match(message, /kopieret|delt|Markér og kopiér/);
  return { a, link };
}

test('a link made on one phone imports on another, and a reload does not import twice', async () => {
  const { a, link } = await makeLink();
  assert.ok(link.startsWith(env.server.url('/del#data=')), link);
  assert.ok(link.length < 8000);
  const b = await newPage(env.browser, env.server, { size: 'phone' });
  await b.page.goto(link);
  await b.page.locator('.preview').waitFor();
  assert.match(await b.page.locator('.preview').innerText(), /3 nye, 0 opdaterede, 0 konflikter/);
  assert.equal(new URL(b.page.url()).hash, '', 'the fragment is removed after reading');
  await assertAccessible(b.page, 'link preview');
  await b.page.getByRole('button', { name: 'Flet ind' }).click();
  await b.page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  // As a person would: the app has written the merge before the reload.
  await settled(b.page);
  await b.page.reload();
  await b.page.locator('main#main').waitFor();
  assert.equal(await b.page.locator('.preview').count(), 0, 'no second preview after reload');

  const fromA = await downloadText(a.page, () => a.page.getByRole('button', { name: 'Eksportér data' }).click());
  const fromB = await downloadText(b.page, () => b.page.getByRole('button', { name: 'Eksportér data' }).click());
  for (const kind of ['dreams', 'activities', 'assessments']) {
    assert.deepEqual(JSON.parse(fromB.text)[kind], JSON.parse(fromA.text)[kind], kind);
  }
  assertClean(a.problems);
  assertClean(b.problems);
  await a.context.close();
  await b.context.close();
});

test('the QR code on screen decodes to the same link', async () => {
  const { a } = await makeLink('projector');
  await a.page.getByRole('button', { name: 'Vis QR-kode' }).click();
  const qr = a.page.getByRole('img', { name: /QR-kode med linket/ });
  await qr.waitFor();
  // The link the code was made of (the press made it again, a moment later).
  const link = await a.page.getByLabel('Linket (kan også kopieres herfra)').inputValue();
  const box = await qr.boundingBox();
  assert.ok(box.width >= 300, `QR code is ${box.width}px wide on the projector`);
  const dir = mkdtempSync(join(tmpdir(), 'qr-'));
  const png = join(dir, 'qr.png');
  await qr.screenshot({ path: png });
  const decoded = execFileSync('zbarimg', ['--quiet', '--raw', '-Sbinary', png]).toString('utf8').trim();
  assert.equal(decoded, link);
  await assertAccessible(a.page, 'QR code');
  assertClean(a.problems);
  await a.context.close();
});

test('a tampered or truncated link gets a clear Danish error and changes nothing', async () => {
  const { a, link } = await makeLink();
  await a.context.close();
  const b = await newPage(env.browser, env.server, { size: 'phone' });
  await mergeGolden(b.page);
  const before = await storageDump(b.page);
  const payload = link.split('#data=')[1];
  const broken = [
    env.server.url('/del#data=' + payload.slice(0, Math.floor(payload.length / 2))),
    env.server.url('/del#data=' + payload.slice(0, 40) + '!!' + payload.slice(42)),
    env.server.url('/del#data='),
  ];
  for (const url of broken) {
    await b.page.goto('about:blank');
    await b.page.goto(url);
    const alert = b.page.locator('.import-error .notice');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /Linket (er ødelagt|er ufuldstændigt|indeholder ingen data)/, text);
    assert.match(text, /Dine data er ikke ændret/);
    assert.deepEqual(await storageDump(b.page), before);
  }
  assertClean(b.problems);
  await b.context.close();
});

test("one municipality's own activities travel as a link", async () => {
  const a = await newPage(env.browser, env.server, { size: 'tablet' });
  // An own activity in Assens, imported from a file like a coordinator's list.
  const fixture = JSON.parse(FIXTURE);
  const own = { ...fixture.activities[0], municipality: 'Assens', title: 'Stolemotion i Assens (egen)' };
  await importFile(a.page, env.server, { name: 'assens.json', text: JSON.stringify({ ...fixture, dreams: [], assessments: [], activities: [own] }) });
  await a.page.getByRole('button', { name: 'Flet ind' }).click();
  await a.page.getByText('Importen er gennemført.').waitFor();
  await open(a.page, env.server, '/aktiviteter');
  // Tablet: the filters start unfolded.
  assert.equal(await a.page.getByRole('button', { name: /^Filtre/ }).getAttribute('aria-expanded'), 'true');
  await a.page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Assens' });
  // The lists page shares what the search shows.
  await openLists(a.page);
  await a.page.getByText(/^Søgningen viser \d+ aktiviteter?\.$/).waitFor();
  await a.page.getByRole('button', { name: 'Del som link' }).click();
  const link = await a.page.getByLabel('Linket (kan også kopieres herfra)').inputValue();
  const b = await newPage(env.browser, env.server, { size: 'phone' });
  await b.page.goto(link);
  await b.page.locator('.preview').waitFor();
  assert.match(await b.page.locator('.preview').innerText(), /1 ny, 0 opdaterede, 0 konflikter/);
  await b.page.getByRole('button', { name: 'Flet ind' }).click();
  await open(b.page, env.server, '/aktiviteter');
  await b.page.getByLabel('Søg i aktiviteter').fill('stolemotion egen');
  await b.page.getByText('Stolemotion i Assens (egen)').first().waitFor();
  assertClean(a.problems);
  assertClean(b.problems);
  await a.context.close();
  await b.context.close();
});

test('a workshop\'s QR link opens the workshop in its own bundle and imports there; a broken one changes nothing', async () => {
  const fac = await newPage(env.browser, env.server, { size: 'projector' });
  await open(fac.page, env.server, '/skal-kan');
  await createWorkshop(fac.page, 'Workshop i Ærøskøbing', '2026-12-08');
  await fac.page.getByRole('button', { name: 'Vis QR-kode' }).click();
  const link = await fac.page.locator('.share-link__url').inputValue();
  assert.ok(link.startsWith(env.server.url('/skal-kan#data=')), link);

  const p = await newPage(env.browser, env.server, { size: 'phone' });
  const wasm = [];
  p.page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop().replace(/-[0-9a-f]+_bg\.wasm$/, '')); });
  await p.page.goto(link);
  const preview = p.page.locator('main#main .preview');
  await preview.waitFor();
  assert.match(await preview.locator('.preview__summary').innerText(), /^1 ny, 0 opdaterede, 0 konflikter$/);
  // On a phone each kind is a line, each number after its column's name.
  const row = preview.locator('tbody tr');
  assert.equal(await row.count(), 1);
  assert.equal(await row.locator('th').innerText(), 'Workshops');
  assert.deepEqual(await row.locator('td').evaluateAll((tds) => tds.map((td) => `${td.dataset.label} ${td.textContent}`)), ['Nye 1', 'Opdaterede 0', 'Konflikter 0', 'Uændrede 0']);
  const [first, last] = await row.locator('td').evaluateAll((tds) => [tds[0], tds[3]].map((td) => td.getBoundingClientRect().right));
  assert.ok(last <= (await p.page.evaluate(() => innerWidth)), `the row fits the phone (${first}, ${last})`);
  assert.equal(new URL(p.page.url()).hash, '', 'the fragment is removed after reading');
  await assertAccessible(p.page, 'workshop link preview');
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByText('Importen er gennemført.').waitFor();
  // Undone on the spot, then the link opened again.
  await p.page.getByRole('button', { name: 'Fortryd sidste import' }).click();
  await p.page.getByText('Sidste import er fortrudt. Data er som før importen.').waitFor();
  assert.equal(await p.page.getByRole('link', { name: 'Workshop i Ærøskøbing' }).count(), 0);
  // As a person waits for the undo to be saved before opening the link again.
  await settled(p.page);
  await p.page.goto('about:blank');
  await p.page.goto(link);
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByRole('link', { name: 'Workshop i Ærøskøbing' }).click();
  await p.page.getByRole('link', { name: 'Svar på kortene' }).waitFor();
  assert.deepEqual([...new Set(wasm)].sort(), ['codec', 'part-assessment'], 'the workshop bundle and the links\' codec, which reads the link');

  // Broken links on the board and the workshop list: a Danish error, nothing changed.
  const before = await storageDump(p.page);
  const payload = link.split('#data=')[1];
  for (const page of ['/skal-kan', '/droemme']) {
    await p.page.goto('about:blank');
    await p.page.goto(env.server.url(`${page}#data=${payload.slice(0, 40)}!!${payload.slice(42)}`));
    const alert = p.page.locator('.import-error .notice');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Linket er ødelagt[\s\S]*Dine data er ikke ændret/);
    assert.equal(await p.page.locator('.preview').count(), 0);
    assert.deepEqual(await storageDump(p.page), before, page);
  }
  assertClean(fac.problems);
  assertClean(p.problems);
  await fac.context.close();
  await p.context.close();
});

test('while the links\' codec cannot be fetched, "Vis QR-kode" says so in Danish; once it can, the code is made', async () => {
  // A first visit, before the service worker has cached the codec (it would
  // answer from its cache, past the network).
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone', serviceWorkers: 'block' });
  await open(page, env.server, '/skal-kan');
  await createWorkshop(page, 'Workshop i Nyborg', '2026-12-09');
  // The network drops the codec's wasm (a phone between two masts).
  const codec = /\/codec-[0-9a-f]{16}_bg\.wasm$/;
  await page.route(codec, (r) => r.abort());
  await page.getByRole('button', { name: 'Vis QR-kode' }).click();
  await page.getByText('Værktøjet til links kunne ikke hentes. Tjek forbindelsen, og prøv igen.').waitFor();
  assert.equal(await page.locator('.qr__code').count(), 0);
  assert.equal(await page.locator('.share-link__url').count(), 0, 'no link is offered that was not made');
  // The next try fetches it again.
  await page.unroute(codec);
  await page.getByRole('button', { name: 'Vis QR-kode' }).click();
  await page.locator('.qr__code path').waitFor();
  assert.match(await page.locator('.share-link__url').inputValue(), /\/skal-kan#data=/);
  await assertAccessible(page, 'QR code after a failed fetch');
  // Only the dropped request was logged; nothing else went wrong.
  assert.ok(problems.errors.every((e) => /codec|Failed to load resource|net::ERR_FAILED/.test(e)), problems.errors.join('\n'));
  problems.errors.length = 0;
  assertClean(problems);
  await context.close();
});

test('a link that would inflate past the limit is refused in Danish, and nothing changes', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await mergeGolden(page);
  const before = await storageDump(page);
  // 4 MiB and a little of one letter: a few KB of deflate (core::sync::link::MAX_INFLATED_BYTES).
  const bomb = deflateRawSync(Buffer.from('a'.repeat(4 * 1024 * 1024 + 10))).toString('base64url');
  for (const part of ['/del', '/skal-kan']) {
    await page.goto('about:blank');
    await page.goto(env.server.url(`${part}#data=${bomb}`));
    const alert = page.locator('.import-error .notice');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Linket indeholder for mange data[\s\S]*Dine data er ikke ændret/);
    assert.deepEqual(await storageDump(page), before, part);
  }
  assertClean(problems);
  await context.close();
});
