// The app shell and the data page, as a person uses them: every route at
// phone, tablet and projector size (no console error, no foreign request, no
// axe violation), the display settings, export → clear → import, undo, bad
// files, and a corrupt stored value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import {
  useBrowser, newPage, open, assertClean, assertAccessible, downloadText, importFile,
  storageDump, VIEWPORTS, ROUTES, DIST, settled } from '../lib/harness.mjs';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8');

const env = useBrowser();

for (const size of Object.keys(VIEWPORTS)) {
  test(`every route is clean and accessible at ${size} size`, async () => {
    const { context, page, problems } = await newPage(env.browser, env.server, { size });
    for (const route of ROUTES) {
      await open(page, env.server, route);
      await page.locator('h1').first().waitFor();
      const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
      for (const name of ['Drømme', 'Aktiviteter', 'SKAL eller KAN', 'Del data']) {
        assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, `${name} on ${route}`);
      }
      // On a phone, text size and projector mode fold out under "Visning";
      // wider screens show them at once.
      const view = page.getByRole('button', { name: 'Visning', exact: true });
      if (size === 'phone') {
        assert.equal(await view.getAttribute('aria-expanded'), 'false', `Visning folded on ${route}`);
        assert.equal(await page.getByRole('group', { name: 'Tekststørrelse' }).count(), 0, 'folded away');
        await view.click();
        assert.equal(await view.getAttribute('aria-expanded'), 'true');
      } else {
        assert.equal(await view.count(), 0, `no Visning button at ${size}`);
      }
      assert.equal(await page.getByRole('group', { name: 'Tekststørrelse' }).count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Projektor-visning' }).count(), 1);
      await assertAccessible(page, `${route} @ ${size}`);
      // Nothing wider than the screen (no sideways scrolling).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${route} @ ${size} scrolls sideways by ${overflow}px`);
    }
    assertClean(problems, size);
    await context.close();
  });
}

test('the forside has three doors and the navigation reaches the data page and Om', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await open(page, env.server, '/');
  const doors = page.locator('.door');
  assert.equal(await doors.count(), 3);
  await page.getByRole('link', { name: 'Del data', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Del og importér data' }).waitFor();
  assert.ok(page.url().endsWith('/del'));
  await page.getByRole('link', { name: /^Om$/ }).click();
  await page.getByRole('heading', { name: 'Fire principper for det gode samspil' }).waitFor();
  assert.equal(await page.locator('.principles > li').count(), 4);
  assertClean(problems);
  await context.close();
});

test('an unknown address shows the not-found page', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server);
  await open(page, env.server, '/findes/ikke');
  await page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
  await assertAccessible(page, 'not found');
  assertClean(problems);
  await context.close();
});

test('text size and projector mode are remembered', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'projector' });
  await open(page, env.server, '/om');
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(base >= 18, `base font ${base}px`);
  await page.getByRole('button', { name: 'A++ meget stor tekst' }).click();
  await page.getByRole('button', { name: 'Projektor-visning' }).click();
  await page.reload();
  await page.locator('main#main').waitFor();
  assert.equal(await page.getByRole('button', { name: 'A++ meget stor tekst' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Projektor-visning' }).getAttribute('aria-pressed'), 'true');
  const big = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(big > base * 1.3, `A++ in projector mode: ${big}px vs ${base}px`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(0, 0, 0)');
  await assertAccessible(page, 'projector mode');
  assertClean(problems);
  await context.close();
});

test('export → Ryd mine data → import brings the data back, and undo works', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByText('3 nye, 0 opdaterede, 0 konflikter').waitFor();
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();

  const first = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér data' }).click());
  await page.getByText(/Filen er læst igen og kontrolleret/).waitFor();
  const exported = JSON.parse(first.text);
  assert.equal(exported.format, 'tid-og-lyst');
  assert.equal(exported.version, 1);
  assert.match(first.name, /^tid-og-lyst-\d{4}-\d{2}-\d{2}\.json$/);
  const original = JSON.parse(FIXTURE);
  for (const kind of ['dreams', 'activities', 'assessments']) {
    assert.deepEqual(exported[kind].map((r) => r.id), original[kind].map((r) => r.id), kind);
  }
  assert.deepEqual(exported.dreams[0].future_field, { kept: true }, 'unknown fields travel');

  await page.getByRole('button', { name: 'Ryd mine data' }).click();
  await page.getByRole('button', { name: 'Ja, slet alt' }).click();
  await page.getByText('På denne enhed: 0 drømme, 0 egne aktiviteter, 0 workshops.').waitFor();
  const cleared = await storageDump(page);
  for (const key of Object.keys(cleared)) {
    assert.ok(!key.startsWith('tidoglyst.corrupt') && key !== 'tidoglyst.v1.undo', `${key} survived Ryd mine data`);
    if (key.endsWith('dreams') || key.endsWith('activities') || key.endsWith('assessments')) {
      assert.equal(cleared[key], '[]', key);
    }
  }

  await importFile(page, env.server, { name: first.name, text: first.text });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  const second = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér data' }).click());
  const again = JSON.parse(second.text);
  for (const kind of ['dreams', 'activities', 'assessments']) {
    assert.deepEqual(again[kind], exported[kind], `${kind} came back unchanged`);
  }

  // Importing the same file again changes nothing.
  await importFile(page, env.server, { name: first.name, text: first.text });
  await page.getByText('Filen indeholder intet nyt. Intet ændres.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Flet ind' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Annullér' }).click();

  await page.getByRole('button', { name: 'Fortryd sidste import' }).click();
  await page.getByText('På denne enhed: 0 drømme, 0 egne aktiviteter, 0 workshops.').waitFor();
  await settled(page);
  await page.reload();
  await page.getByText('På denne enhed: 0 drømme, 0 egne aktiviteter, 0 workshops.').waitFor();
  await assertAccessible(page, '/del after undo');
  assertClean(problems);
  await context.close();
});

const BAD_FILES = [
  ['not JSON', 'dette er ikke json', /kunne ikke læses som JSON/],
  ['truncated', FIXTURE.slice(0, 200), /slutter for tidligt/],
  ['another format', JSON.stringify({ format: 'noget-andet', version: 1 }), /ikke en Tid og Lyst-fil/],
  ['a newer version', JSON.stringify({ format: 'tid-og-lyst', version: 2 }), /nyere version/],
  ['wrong types', JSON.stringify({ ...JSON.parse(FIXTURE), dreams: [{ ...JSON.parse(FIXTURE).dreams[0], title: 7 }] }), /Drøm nr\. 1 kan ikke læses/],
  ['duplicate ids', JSON.stringify({ ...JSON.parse(FIXTURE), activities: [JSON.parse(FIXTURE).activities[0], JSON.parse(FIXTURE).activities[0]] }), /samme id to gange/],
  ['a list that is not a list', JSON.stringify({ format: 'tid-og-lyst', version: 1, dreams: 'alle' }), /skal være en liste/],
];

test('bad files get a clear Danish message and change nothing', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  const before = await storageDump(page);
  for (const [what, text, message] of BAD_FILES) {
    await importFile(page, env.server, { name: `${what}.json`, text });
    const alert = page.locator('.import-error');
    await alert.getByText(message).waitFor({ timeout: 5000 }).catch(() => {});
    const shown = await alert.innerText();
    assert.match(shown, message, `${what}: ${shown}`);
    assert.match(shown, /Dine data er ikke ændret/, what);
    assert.equal(await page.locator('.preview').count(), 0, `${what}: no preview`);
    assert.deepEqual(await storageDump(page), before, `${what}: storage unchanged`);
  }
  // Too large: refused before it is read (from disk: Playwright hands over
  // no buffer this large).
  const dir = mkdtempSync(join(tmpdir(), 'tol-stor-'));
  const path = join(dir, 'stor.json');
  writeFileSync(path, Buffer.alloc(65 * 1024 * 1024, 0x20));
  await page.getByLabel('Importér fil', { exact: true }).setInputFiles(path);
  await page.locator('.import-error .notice').waitFor();
  rmSync(dir, { recursive: true, force: true });
  assert.match(await page.locator('.import-error').innerText(), /for stor/);
  assert.deepEqual(await storageDump(page), before);
  assertClean(problems);
  await context.close();
});

test('a corrupt stored value is moved aside, offered for download, and the app starts', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  // The first version's keys, one of them broken: the rest moves into
  // IndexedDB, the broken value is moved aside.
  await open(page, env.server, '/del');
  // Once the app has read (and moved) what was stored, so its start cannot
  // tidy away the keys written next.
  await page.locator('.notice--loading').waitFor({ state: 'detached' });
  const fixture = JSON.parse(FIXTURE);
  await page.evaluate((f) => {
    localStorage.setItem('tidoglyst.v1.dreams', '{"dette": er ødelagt');
    localStorage.setItem('tidoglyst.v1.activities', JSON.stringify(f.activities));
    localStorage.setItem('tidoglyst.v1.assessments', JSON.stringify(f.assessments));
  }, fixture);
  await page.reload();
  await page.locator('main#main').waitFor();
  const notice = page.locator('.notice--warning').first();
  await notice.waitFor();
  assert.match(await notice.innerText(), /kunne ikke læses og er lagt til side/);
  // The rest of the data is still there.
  await page.getByText('På denne enhed: 0 drømme, 1 egen aktivitet, 1 workshop.').waitFor();
  const dump = await storageDump(page);
  const backups = Object.keys(dump).filter((k) => k.startsWith('tidoglyst.corrupt.'));
  assert.equal(backups.length, 1, JSON.stringify(Object.keys(dump)));
  assert.equal(dump[backups[0]], '{"dette": er ødelagt');
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Hent det beskadigede indhold' }).click());
  assert.equal(file.text, '{"dette": er ødelagt');
  await assertAccessible(page, 'corrupt notice');
  assertClean(problems);
  await context.close();
});

test('a record in IndexedDB that cannot be read is moved aside; the others load', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  await storageDump(page);
  await page.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.open('tidoglyst');
    req.onsuccess = () => {
      const tx = req.result.transaction('dreams', 'readwrite');
      tx.objectStore('dreams').put('{"ikke": "en drøm"', 'ødelagt-nøgle');
      tx.oncomplete = () => (req.result.close(), ok());
      tx.onerror = () => fail(tx.error);
    };
  }));
  await page.reload();
  await page.locator('.notice--warning').first().waitFor();
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  const dump = await storageDump(page);
  const backups = Object.keys(dump).filter((k) => k.startsWith('tidoglyst.corrupt.'));
  assert.equal(backups.length, 1, JSON.stringify(Object.keys(dump)));
  assert.match(dump[backups[0]], /ikke/);
  assert.equal(JSON.parse(dump['tidoglyst.idb.dreams']).length, 1, 'the bad entry is gone from the database');
  assertClean(problems);
  await context.close();
});

test('storage changes in another tab are merged, not overwritten', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const second = await context.newPage();
  await open(page, env.server, '/del');
  await open(second, env.server, '/del');
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await second.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  assertClean(problems);
  await context.close();
});

test('the built page keeps a strict CSP: its inline scripts allowed by their hashes alone', () => {
  const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  const notFound = readFileSync(resolve(DIST, '404.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const inline = (h) => [...h.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((b) => b.trim());
  assert.equal(inline(html).length, 1, 'one inline script on a route\'s page (the static page\'s first-visit check)');
  assert.equal(inline(notFound).length, 3, '404.html: that, the preload of a record page\'s bundle and the choice of a deep link\'s top');
  assert.equal(inline(notFound)[1], inline(html)[0]);
  const [preload, fresh, deep] = inline(notFound);
  const hashes = [fresh, deep, preload].map((b) => `'sha256-${createHash('sha256').update(b).digest('base64')}'`);
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.equal(scriptSrc, `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`);
  // 404.html (deep links) and each route's page differ only in their static
  // first paint and the bundle they preload (checked in first-paint.test.mjs).
  const head = (h) => h.slice(0, h.indexOf('<body>')).replace(/<link rel="(modulepreload|stylesheet)"[^>]*>/g, '')
    .replace(/<script>[^<]*modulepreload[\s\S]*?<\/script>/, '').replace(/\s+/g, ' ');
  assert.equal(head(notFound), head(html), '404.html fallback for deep links');
});

test('every route fits a 320 px wide screen (and so 200 % zoom on a small laptop)', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { viewport: { width: 320, height: 640 } });
  for (const route of ROUTES) {
    await open(page, env.server, route);
    await page.locator('h1').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${route} scrolls sideways by ${overflow}px at 320 px`);
  }
  // Targets stay at least 44 × 44 px.
  const small = await page.evaluate(() => [...document.querySelectorAll('button, a.btn, .main-nav a')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ t: el.textContent.trim(), r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.height < 44 || r.width < 44)
    .map(({ t, r }) => `${t} ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, [], 'targets under 44 px');
  assertClean(problems);
  await context.close();
});
