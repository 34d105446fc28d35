// Long data in parts (issue 31, item 8): a share too long for one link is
// several links ("Del 1 af 3" …), each sent on its own, and on a projector
// several QR codes shown in turn ("Kode 2 af 5", changing by themselves,
// steps by hand), each decoded with zbarimg to the link shown beside it.
// A fresh phone opens the parts in reverse order, one twice, one in a tab
// already on the page (only the fragment changes), the last in another tab,
// counting "1 af 3 dele modtaget" … until the preview, then merges; a part of
// another share is refused in Danish and can start afresh. A single link
// pasted into a tab already on /skal-kan is read too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  useBrowser, newPage, open, assertClean, assertAccessible, downloadText, importFile, createWorkshop, settled,
} from '../lib/harness.mjs';

const GOLDEN = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8'));
const SHOTS = process.env.TOL_SHOTS || mkdtempSync(join(tmpdir(), 'link-parts-'));

const env = useBrowser();

/** Text deflate cannot shrink much: `n` letters from a fixed seed. */
function noisy(n, seed) {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += 'abcdefghijklmnopqrstuvwxyzæøå '[x % 30];
  }
  return out;
}

/** An export with `count` dreams whose stories make a long link; with the golden activity and workshop when `mixed`. */
function longExport(count, { mixed }) {
  const [dream] = GOLDEN.dreams;
  const dreams = Array.from({ length: count }, (_, i) => ({
    ...dream,
    id: `0b6f1f3e-4b8e-4d7a-9c41-${(0x1000000000000 + i).toString(16).slice(1)}`,
    title: `Drøm nummer ${i + 1}`,
    story: noisy(90, i + 1),
  }));
  return JSON.stringify({ ...GOLDEN, dreams, activities: mixed ? GOLDEN.activities : [], assessments: mixed ? GOLDEN.assessments : [] });
}

/** Imports `text` on /del and merges it in. */
async function merge(page, text) {
  await importFile(page, env.server, { name: 'mange.json', text });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
}

/** The links of the parts shown under a share's buttons, in order. */
async function partLinks(page) {
  const boxes = page.locator('.share-link__parts input');
  await boxes.first().waitFor();
  const links = await boxes.evaluateAll((inputs) => inputs.map((i) => i.value));
  for (let k = 1; k <= links.length; k++) {
    assert.equal(await page.getByLabel(`Del ${k} af ${links.length}`, { exact: true }).inputValue(), links[k - 1]);
  }
  return links;
}

/** The fragment of a link, with its `#`. */
const fragment = (link) => link.slice(link.indexOf('#'));

/** Waits for the count of parts received on `page`. */
async function received(page, k, n) {
  await page.locator('.link-parts__status').getByText(`${k} af ${n} dele modtaget`, { exact: true }).waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the fragment is taken off the address');
  assert.equal(await page.locator('.preview').count(), 0, 'no preview before all parts are in');
}

test('a long share is sent as several links and put together on another phone in any order', async () => {
  const a = await newPage(env.browser, env.server, { size: 'phone' });
  await merge(a.page, longExport(60, { mixed: true }));
  await a.page.getByRole('button', { name: 'Del som link' }).click();
  const links = await partLinks(a.page);
  const n = links.length;
  assert.ok(n >= 3, `${n} links`);
  assert.match(await a.page.locator('.share-link__message').innerText(), new RegExp(`delt i ${n} links`));
  for (const link of links) {
    assert.ok(link.startsWith(env.server.url('/del#del=')), link.slice(0, 80));
    assert.ok(link.length <= 2000, `${link.length} characters`);
  }
  // Each part is sent on its own (here: copied, or the share sheet).
  await a.page.getByRole('button', { name: `Send del 2 af ${n}` }).click();
  assert.match(await a.page.locator('.share-link__message').innerText(), new RegExp(`^Del 2 af ${n}: .*(kopieret|delt|Markér og kopiér)`));
  await assertAccessible(a.page, 'the parts as links');
  await a.page.locator('.share-link').screenshot({ path: join(SHOTS, 'links-phone.png') });

  // The receiving phone: the last part first, page loads of their own.
  const b = await newPage(env.browser, env.server, { size: 'phone' });
  await b.page.goto(links[n - 1]);
  await received(b.page, 1, n);
  await assertAccessible(b.page, 'one part received');
  await b.page.screenshot({ path: join(SHOTS, 'received-phone.png') });
  // The same part again: nothing new.
  await b.page.goto('about:blank');
  await b.page.goto(links[n - 1]);
  await received(b.page, 1, n);
  // The next one pasted into the tab already on /del: only the fragment changes.
  await b.page.evaluate((h) => { location.hash = h; }, fragment(links[n - 2]));
  await received(b.page, 2, n);
  // And once more that way: still two.
  await b.page.evaluate((h) => { location.hash = h; }, fragment(links[n - 2]));
  await b.page.waitForFunction(() => location.hash === '');
  await received(b.page, 2, n);
  for (let k = n - 3; k >= 1; k--) {
    await b.page.goto('about:blank');
    await b.page.goto(links[k]);
    await received(b.page, n - k, n);
  }
  // The first part in another tab of the same phone: the parts wait in its storage.
  const tab = await newPage(env.browser, env.server, { context: b.context });
  await tab.page.goto(links[0]);
  const preview = tab.page.locator('.preview');
  await preview.waitFor();
  assert.match(await preview.innerText(), /62 nye, 0 opdaterede, 0 konflikter/);
  assert.equal(await tab.page.locator('.link-parts__status').innerText(), '', 'the count gives way to the preview');
  await tab.page.getByRole('button', { name: 'Flet ind' }).click();
  await tab.page.getByText('På denne enhed: 60 drømme, 1 egen aktivitet, 1 workshop.').waitFor();
  assert.equal(await tab.page.evaluate(() => localStorage.getItem('tidoglyst.v1.linkparts')), null, 'no parts left waiting');

  const fromA = await downloadText(a.page, () => a.page.getByRole('button', { name: 'Eksportér data' }).click());
  const fromB = await downloadText(tab.page, () => tab.page.getByRole('button', { name: 'Eksportér data' }).click());
  for (const kind of ['dreams', 'activities', 'assessments']) {
    assert.deepEqual(JSON.parse(fromB.text)[kind], JSON.parse(fromA.text)[kind], kind);
  }
  for (const p of [a, b, tab]) assertClean(p.problems);
  await a.context.close();
  await b.context.close();
});

test('on a projector the parts are QR codes shown in turn; each decodes to its link, and they open the dream board on a phone', async () => {
  const fac = await newPage(env.browser, env.server, { size: 'projector' });
  await merge(fac.page, longExport(40, { mixed: false }));
  await fac.page.getByRole('button', { name: 'Vis QR-kode' }).click();
  const count = fac.page.locator('.qr-parts__count');
  await count.waitFor();
  const links = await partLinks(fac.page);
  const m = links.length;
  assert.ok(m >= 3, `${m} codes`);
  for (const link of links) {
    assert.ok(link.startsWith(env.server.url('/droemme#del=')), link.slice(0, 80));
    assert.ok(link.length <= 1150, `${link.length} characters`);
  }
  assert.equal(await count.innerText(), `Kode 1 af ${m}`);
  await fac.page.getByRole('img', { name: `QR-kode 1 af ${m} med en del af data. Peg mobilens kamera på hver kode for sig.` }).waitFor();
  await assertAccessible(fac.page, 'QR codes in turn');
  await fac.page.screenshot({ path: join(SHOTS, 'codes-projector.png') });
  // The codes change by themselves …
  await count.getByText(`Kode 2 af ${m}`, { exact: true }).waitFor({ timeout: 8000 });
  // … until stopped; then the steps go by hand, round from the last to the first.
  await fac.page.getByRole('button', { name: 'Stop skift' }).click();
  await fac.page.getByRole('button', { name: 'Skift automatisk' }).waitFor();
  await fac.page.getByRole('button', { name: 'Forrige kode' }).click();
  await fac.page.getByRole('button', { name: 'Forrige kode' }).click();
  assert.equal(await count.innerText(), `Kode ${m} af ${m}`);
  await fac.page.getByRole('button', { name: 'Næste kode' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'qr-parts-'));
  const decoded = [];
  for (let k = 1; k <= m; k++) {
    assert.equal(await count.innerText(), `Kode ${k} af ${m}`);
    const qr = fac.page.getByRole('img', { name: new RegExp(`^QR-kode ${k} af ${m} `) });
    await qr.waitFor();
    const box = await qr.boundingBox();
    assert.ok(box.width >= 300, `code ${k} is ${box.width}px wide on the projector`);
    // The count, the code and its steps on one screen.
    const steps = await fac.page.getByRole('button', { name: 'Næste kode' }).boundingBox();
    const top = await count.boundingBox();
    assert.ok(steps.y + steps.height - top.y <= 1080, 'count, code and steps fit the projector\'s height');
    const png = join(dir, `code-${k}.png`);
    await qr.screenshot({ path: png });
    const text = execFileSync('zbarimg', ['--quiet', '--raw', '-Sbinary', png]).toString('utf8').trim();
    assert.equal(text, links[k - 1], `code ${k}`);
    decoded.push(text);
    await fac.page.getByRole('button', { name: 'Næste kode' }).click();
  }
  assert.equal(await count.innerText(), `Kode 1 af ${m}`);

  // On a phone the same codes fit the screen and still decode.
  const small = await newPage(env.browser, env.server, { size: 'phone' });
  await merge(small.page, longExport(40, { mixed: false }));
  await small.page.getByRole('button', { name: 'Vis QR-kode' }).click();
  await small.page.getByRole('button', { name: 'Stop skift' }).click();
  const phoneLinks = await partLinks(small.page);
  const phoneCode = small.page.getByRole('img', { name: new RegExp(`^QR-kode 1 af ${phoneLinks.length} `) });
  await phoneCode.waitFor();
  const phoneBox = await phoneCode.boundingBox();
  assert.ok(phoneBox.x >= 0 && phoneBox.x + phoneBox.width <= 390, 'the code fits the phone');
  await phoneCode.screenshot({ path: join(dir, 'phone.png') });
  assert.equal(execFileSync('zbarimg', ['--quiet', '--raw', '-Sbinary', join(dir, 'phone.png')]).toString('utf8').trim(), phoneLinks[0]);
  await small.page.locator('.share-link').screenshot({ path: join(SHOTS, 'codes-phone.png') });
  await assertAccessible(small.page, 'QR codes in turn on a phone');

  // The scanned links, in reverse order with one twice, on a fresh phone:
  // the dream board puts them together.
  const p = await newPage(env.browser, env.server, { size: 'phone' });
  const order = [...decoded.keys()].reverse();
  order.splice(2, 0, order[0]);
  const seen = new Set();
  for (const k of order.slice(0, -1)) {
    seen.add(k);
    await p.page.goto('about:blank');
    await p.page.goto(decoded[k]);
    await received(p.page, seen.size, m);
  }
  // A part of another share while these wait: refused in Danish, nothing lost.
  await p.page.goto('about:blank');
  await p.page.goto(phoneLinks[1]);
  const alert = p.page.locator('.import-error .notice');
  await alert.waitFor();
  assert.match(await alert.innerText(), new RegExp(`hører til andre data end de ${m - 1} af ${m} dele[\\s\\S]*Dine data er ikke ændret`));
  await assertAccessible(p.page, 'a part of another share');
  await p.page.screenshot({ path: join(SHOTS, 'refused-phone.png') });
  // The parts still wait: the last one completes them.
  await p.page.goto('about:blank');
  await p.page.goto(decoded[order.at(-1)]);
  const preview = p.page.locator('main#main .preview');
  await preview.waitFor();
  assert.match(await preview.locator('.preview__summary').innerText(), /^40 nye, 0 opdaterede, 0 konflikter$/);
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByText('Importen er gennemført.').waitFor();
  assert.equal(await p.page.evaluate(() => localStorage.getItem('tidoglyst.v1.linkparts')), null, 'no parts left waiting');

  // "Begynd forfra med dette link": the other share's part starts afresh.
  const q = await newPage(env.browser, env.server, { size: 'phone' });
  await q.page.goto(decoded[0]);
  await received(q.page, 1, m);
  await q.page.goto('about:blank');
  await q.page.goto(phoneLinks[1]);
  await q.page.getByRole('button', { name: 'Begynd forfra med dette link' }).click();
  await received(q.page, 1, phoneLinks.length);
  assert.equal(await q.page.locator('.import-error .notice').count(), 0, 'the error goes with the old parts');
  // "Glem de modtagne dele".
  await q.page.getByRole('button', { name: 'Glem de modtagne dele' }).click();
  await q.page.locator('.link-parts__status').getByText('De modtagne dele er glemt.').waitFor();
  assert.equal(await q.page.evaluate(() => localStorage.getItem('tidoglyst.v1.linkparts')), null);

  for (const x of [fac, small, p, q]) assertClean(x.problems);
  for (const x of [fac, small, p, q]) await x.context.close();
});

test('a link pasted into a tab already on /skal-kan is read: only the fragment changed', async () => {
  const fac = await newPage(env.browser, env.server, { size: 'projector' });
  await open(fac.page, env.server, '/skal-kan');
  await createWorkshop(fac.page, 'Workshop i Faaborg', '2026-12-11');
  await fac.page.getByRole('button', { name: 'Del som link' }).click();
  const link = await fac.page.getByLabel('Linket (kan også kopieres herfra)').inputValue();
  assert.ok(link.startsWith(env.server.url('/skal-kan#data=')), link);

  const p = await newPage(env.browser, env.server, { size: 'phone' });
  await open(p.page, env.server, '/skal-kan');
  assert.equal(await p.page.getByRole('heading', { name: 'Importér', exact: true }).count(), 0, 'nothing to import shown');
  await p.page.evaluate((h) => { location.hash = h; }, fragment(link));
  const preview = p.page.locator('main#main .preview');
  await preview.waitFor();
  assert.match(await preview.locator('.preview__summary').innerText(), /^1 ny, 0 opdaterede, 0 konflikter$/);
  assert.equal(new URL(p.page.url()).hash, '', 'the fragment is taken off the address');
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByRole('link', { name: 'Workshop i Faaborg' }).waitFor();
  // A reload does not read the link again.
  await settled(p.page);
  await p.page.reload();
  await p.page.locator('main#main').waitFor();
  assert.equal(await p.page.locator('.preview').count(), 0);
  assertClean(fac.problems);
  assertClean(p.problems);
  await fac.context.close();
  await p.context.close();
});
