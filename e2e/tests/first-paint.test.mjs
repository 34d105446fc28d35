// First paint without the wasm: every route's page carries what the app
// renders first (header, navigation, the page's top), rendered at build time
// from the app's own components (examples/first_paint.rs). It is painted
// while the wasm is still loading and the app then takes its place without
// anything moving. This checks the generator: each static element must
// equal, tag for tag and letter for letter, the element the app renders there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { useBrowser, newPage, open, assertClean, assertAccessible, createWorkshop, idbDump, ROUTES, DIST, PAGE_BUNDLES, bundleOfFile } from '../lib/harness.mjs';

const SUB = process.env.TOL_DIST_SUB ? resolve(process.env.TOL_DIST_SUB) : resolve(import.meta.dirname, '../../dist-sub');

const env = useBrowser();

/**
 * `el` as canonical HTML, in the page: attributes sorted (the build renders
 * them in its own order), comments dropped and neighbouring text joined (the
 * build's and the app's text nodes split differently), the static page's
 * markers (`data-shell`, `data-fresh`) and main id read as the app's.
 */
function canonical(el) {
  if (!el) return null;
  const text = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const ser = (n) => {
    if (n.nodeType === 3) return text(n.data);
    if (n.nodeType !== 1) return '';
    const attrs = [...n.attributes]
      .filter((a) => a.name !== 'data-shell' && a.name !== 'data-fresh')
      .map((a) => ` ${a.name}="${text(a.value === '#main-shell' ? '#main' : a.value).replace(/"/g, '&quot;')}"`)
      .sort()
      .join('');
    const tag = n.tagName.toLowerCase();
    const kids = [...(tag === 'template' ? n.content.childNodes : n.childNodes)].map(ser).join('');
    return ['img', 'input', 'br'].includes(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${kids}</${tag}>`;
  };
  return ser(el);
}

/** The parts both the static page and the app render, as canonical HTML. */
function snapshot(page, staticPage) {
  return page.evaluate(`((isStatic) => {
    const norm = ${canonical};
    const main = document.querySelector(isStatic ? 'main#main-shell' : 'main#main');
    const section = main?.querySelector('section');
    return {
      skip: norm(document.querySelector('a.skip-link')),
      header: norm(document.querySelector('header.site-header')),
      footer: norm(document.querySelector('footer.site-footer')),
      section: section ? section.className : null,
      blocks: section ? [...section.children].map(norm) : [],
      h1: (() => { const r = main?.querySelector('h1')?.getBoundingClientRect(); return r ? [r.x, r.y, r.width, r.height] : null; })(),
    };
  })(${JSON.stringify(staticPage)})`);
}

/** The first `n` children (all: none given) of the element `selector` matches, as canonical HTML, with its h1's box. */
function topOf(page, selector, n) {
  return page.evaluate(`((a, n) => {
    const norm = ${canonical};
    return {
      blocks: [...a.children].slice(0, n ?? undefined).map(norm),
      h1: (({ x, y, width, height }) => [x, y, width, height])(a.querySelector('h1').getBoundingClientRect()),
    };
  })(document.querySelector(${JSON.stringify(selector)}), ${JSON.stringify(n ?? null)})`);
}

/** The routes whose static page paints their top (the route table's first paints); a route added to the table may or may not. */
const WITH_TOP = ['/', '/om', '/droemme', '/droemme/ny', '/aktiviteter', '/aktiviteter/ny', '/aktiviteter/lister', '/skal-kan', '/del'];

test('every route paints its header, heading and intro before the wasm, and they equal what the app renders', async () => {
  const off = await env.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const still = await off.newPage();
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  for (const route of ROUTES) {
    await still.goto(env.server.url(route));
    const s = await snapshot(still, true);
    // A route with a first paint in the table paints its heading; one without
    // (a page just added to the table) its header, navigation and footer.
    const top = s.section !== null;
    assert.ok(top || !WITH_TOP.includes(route), `${route}: the static page has its top`);
    if (top) assert.ok(s.h1 && s.blocks.length >= 1, `${route}: the static page has its heading`);
    assert.ok(await still.locator('#boot-loading').isVisible(), `${route}: "appen starter" shows`);

    await open(page, env.server, route);
    await page.waitForTimeout(100);
    const a = await snapshot(page, false);
    assert.equal(s.skip, a.skip, `${route}: skip link`);
    assert.equal(s.header, a.header, `${route}: header and navigation`);
    assert.equal(s.footer, a.footer, `${route}: footer`);
    if (top) {
      assert.equal(s.section, a.section, `${route}: page class`);
      // The lists page's count line says "Henter kataloget …" until the app has read it.
      const count = (blocks) => blocks.map((b) => b.replace(/(class="result-count"[^>]*>)[^<]*/, '$1'));
      assert.deepEqual(count(s.blocks), count(a.blocks.slice(0, s.blocks.length)), `${route}: heading and intro`);
      // The app's heading sits exactly where the static one was painted.
      assert.deepEqual(a.h1.map(Math.round), s.h1.map(Math.round), `${route}: the h1 does not move`);
    }
    assert.equal(await page.locator('[data-shell], #boot-loading').count(), 0, `${route}: the static copy is gone`);
  }
  assertClean(problems);
  await off.close();
  await context.close();
});

/** Adds up every layout shift not caused by input on `page` into `window.__cls`. */
function sumLayoutShifts(page) {
  return page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** An example activity's id, as a shared link carries it (its page waits for the catalogue). */
const EXAMPLE_ACTIVITY = JSON.parse(readFileSync(resolve(DIST, 'catalogue.json'), 'utf8')).activities.find((a) => !a.deleted).id;

/** Deep links with a record's id (404.html: navigation only), and the bundle each starts. */
const ID_DEEP = ['/droemme/ukendt', '/aktiviteter/ukendt', '/skal-kan/ukendt?visning=projektor'];
const ID_BUNDLES = { '/droemme/ukendt': 'part-dreams', '/aktiviteter/ukendt': 'part-activities', '/skal-kan/ukendt?visning=projektor': 'part-assessment' };

test('a deep link (404.html) paints its part in the navigation before the wasm and preloads its bundle; the app takes over without a move', async () => {
  for (const size of ['phone', 'projector']) {
    // No service worker, so the held wasm is held on every visit.
    const { context, page, problems } = await newPage(env.browser, env.server, { size, serviceWorkers: 'block' });
    let release = () => {};
    let held;
    await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    for (const route of ID_DEEP) {
      held = new Promise((ok) => { release = ok; });
      wasm.length = 0;
      await page.goto(env.server.url(route));
      await page.locator('#boot-loading').waitFor();
      // A record's page, whose largest text the app draws, preloads its
      // bundle from <head>.
      const preload = await page.locator('head link[rel="preload"][as="fetch"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
      assert.deepEqual(preload.map(bundleOfFile), [ID_BUNDLES[route]], `${route}: preloads ${preload}`);
      const s = await snapshot(page, true);
      const part = '/' + route.split('/')[1];
      const current = await page.locator('header a[aria-current="page"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(current, [part], `${route}: the navigation marks its part`);
      assert.equal(s.section, null, `${route}: only the app knows the record's heading`);
      assert.equal(await page.locator('main#main').count(), 0, `${route}: the app has not started yet`);
      release();
      await page.locator('main#main').waitFor();
      await page.waitForTimeout(100);
      const a = await snapshot(page, false);
      assert.equal(s.skip, a.skip, `${route}: skip link`);
      assert.equal(s.header, a.header, `${route}: header and navigation`);
      assert.equal(s.footer, a.footer, `${route}: footer`);
      assert.equal(await page.locator('[data-shell], #boot-loading').count(), 0, `${route}: the static copy and its templates are gone`);
      assert.equal(wasm.length, 1, `${route}: the wasm is fetched once (the preload is the one used): ${wasm}`);
    }
    assertClean(problems);
    await context.close();
  }
});

/** Holds every wasm request of `page` until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  return () => release();
}

test('an example activity\'s own page paints its top before the wasm, keeps it while the catalogue loads, and the app draws the same top in its place', async () => {
  for (const size of ['phone', 'projector']) {
    const { context, page, problems } = await newPage(env.browser, env.server, { size, serviceWorkers: 'block' });
    const releaseWasm = await holdWasm(page);
    let releaseCatalogue;
    const catalogueHeld = new Promise((ok) => { releaseCatalogue = ok; });
    await page.route('**/catalogue.json', async (r) => { await catalogueHeld; await r.continue(); });
    const route = `/aktiviteter/${EXAMPLE_ACTIVITY}`;
    const response = await page.goto(env.server.url(route));
    assert.equal(response.status(), 200, `${route}: its own page, not 404.html`);
    const top = page.locator('main#main-shell article[data-held]');
    await top.getByRole('heading', { level: 1 }).waitFor();
    assert.ok(await top.locator('p.example-notice').isVisible(), 'the example notice (the largest text) is painted before the wasm');
    const current = await page.locator('header a[aria-current="page"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(current, ['/aktiviteter'], 'the navigation marks the directory');
    if (size === 'phone') await assertAccessible(page, `static ${route}`);
    const staticTop = await topOf(page, 'main#main-shell article[data-held]');
    // The app starts while the catalogue is still on its way: the same top stays.
    releaseWasm();
    await page.locator('main#main').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('main#main article[data-held] h1').isVisible(), true, 'the top is kept while the catalogue loads');
    assert.equal(await page.getByText('Henter kataloget').count(), 0, 'no loading message in its place');
    releaseCatalogue();
    await page.locator('main#main .activity-detail__next').waitFor();
    assert.equal(await page.locator('[data-held], [data-shell], #boot-loading').count(), 0, 'the held top has given way to the app\'s');
    const appTop = await topOf(page, 'main#main article.activity-detail', staticTop.blocks.length);
    assert.deepEqual(appTop.blocks, staticTop.blocks, `${size}: the app draws the same top, tag for tag`);
    assert.deepEqual(appTop.h1.map(Math.round), staticTop.h1.map(Math.round), `${size}: the h1 does not move`);
    assertClean(problems);
    await context.close();
  }
});

test('every example activity has its own page; an id the build does not know (an activity of the user\'s own) still opens through 404.html', async () => {
  const catalogue = JSON.parse(readFileSync(resolve(DIST, 'catalogue.json'), 'utf8')).activities;
  for (const a of catalogue.filter((x) => !x.deleted)) {
    const html = readFileSync(resolve(DIST, 'aktiviteter', `${a.id}.html`), 'utf8');
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    assert.ok(html.includes(`<h1>${esc(a.title)}</h1>`), `${a.id}: its title`);
    assert.match(html, new RegExp(`<article (?=[^>]*class="page activity-detail")(?=[^>]*data-held="${a.id}")`), `${a.id}: its top, held`);
  }
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const response = await page.goto(env.server.url('/aktiviteter/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'));
  assert.match(await response.text(), /<template data-record=/, 'an id the build does not know gets 404.html');
  assert.equal(await page.locator('[data-held]').count(), 0, 'and no activity\'s top');
  await page.locator('main#main .act-missing').waitFor();
  assertClean(problems);
  await context.close();
});

/** A dream's and a workshop's id that no device has. */
const NOWHERE = '0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

/** Notes in `window.__goneAt` when a missing record's message first shows in the static <main>. */
function noteMessage(page) {
  return page.addInitScript(() => {
    window.__goneAt = null;
    new MutationObserver(() => {
      if (window.__goneAt === null && document.querySelector('#main-shell .gone')) window.__goneAt = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
}

test('a dream or a workshop that is not on this device: 404.html says so before the wasm; one that is there is left to the app', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone', serviceWorkers: 'block' });
  await noteMessage(page);
  const gone = page.locator('main#main-shell h1');
  /** Opens `route` with the wasm held; whether the static page says the record is not here. */
  const staticSays = async (route) => {
    const release = await holdWasm(page);
    const wasm = [];
    const onRequest = (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); };
    page.on('request', onRequest);
    await page.goto(env.server.url(route));
    await page.locator('#boot-loading').waitFor();
    await page.waitForTimeout(700);
    const said = await gone.count() ? await page.locator('main#main-shell').innerText() : null;
    const preload = await page.locator('head link[rel="preload"][as="fetch"]').count();
    assert.equal(preload, 0, `${route}: no preload before the record is looked up`);
    assert.equal(wasm.length, 1, `${route}: the wasm is asked for once the record is looked up`);
    if (said) await assertAccessible(page, `static ${route}`);
    const s = said ? await snapshot(page, true) : null;
    release();
    await page.locator('main#main').waitFor();
    await page.waitForTimeout(200);
    if (said) {
      // The loader waited for the look-up: the message came before the wasm was asked for.
      const t = await page.evaluate(() => ({ gone: window.__goneAt, wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime }));
      assert.ok(t.gone !== null && t.wasm !== undefined && t.gone <= t.wasm, `${route}: message at ${t.gone} ms, wasm asked for at ${t.wasm} ms`);
    }
    page.off('request', onRequest);
    await page.unroute('**/*.wasm');
    return { said, s };
  };
  // A device the app has never run on.
  for (const [route, text] of [[`/droemme/${NOWHERE}`, 'Drømmen findes ikke'], [`/skal-kan/${NOWHERE}?visning=projektor`, 'Workshoppen findes ikke']]) {
    const { said, s } = await staticSays(route);
    assert.match(said || '', new RegExp(text), `${route}: says so before the wasm`);
    const a = await snapshot(page, false);
    assert.equal(a.section, s.section, `${route}: page class`);
    assert.deepEqual(a.blocks, s.blocks, `${route}: the app says the same, tag for tag`);
    assert.deepEqual(a.h1.map(Math.round), s.h1.map(Math.round), `${route}: the h1 does not move`);
  }
  // A workshop that is here: nothing claimed; the app draws it.
  await open(page, env.server, '/skal-kan');
  await createWorkshop(page, 'Her på enheden');
  const id = new URL(page.url()).pathname.split('/').pop();
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.equal((await staticSays(`/skal-kan/${id}`)).said, null, 'a workshop on this device is not called missing');
  await page.locator('main#main').getByRole('heading', { level: 1, name: 'Her på enheden' }).waitFor();
  // Another id, now that the database is there; and the same workshop, deleted.
  assert.match((await staticSays(`/skal-kan/${NOWHERE}`)).said || '', /Workshoppen findes ikke/, 'an id not in the store');
  await page.evaluate((key) => new Promise((ok, fail) => {
    const q = indexedDB.open('tidoglyst');
    q.onsuccess = () => {
      const st = q.result.transaction('assessments', 'readwrite').objectStore('assessments');
      const g = st.get(key);
      g.onsuccess = () => { const v = JSON.parse(g.result); v.deleted = true; st.put(JSON.stringify(v), key).onsuccess = () => { q.result.close(); ok(); }; };
      g.onerror = fail;
    };
    q.onerror = fail;
  }), id);
  assert.match((await staticSays(`/skal-kan/${id}`)).said || '', /Workshoppen findes ikke/, 'a deleted workshop');
  // Records of the first version still in local storage: the app moves and reads them.
  await page.evaluate(() => localStorage.setItem('tidoglyst.v1.dreams', '[]'));
  assert.equal((await staticSays(`/droemme/${NOWHERE}`)).said, null, 'dreams not yet moved into IndexedDB: left to the app');
  assertClean(problems);
  await context.close();
  // The app has run here (the front page, which keeps no records), but made no
  // database yet: the look-up makes none either, and says the workshop is not here.
  const other = await newPage(env.browser, env.server, { size: 'phone', serviceWorkers: 'block' });
  await open(other.page, env.server, '/om');
  await other.page.goto(env.server.url(`/skal-kan/${NOWHERE}`));
  await other.page.locator('main#main-shell .gone, main#main .gone').first().waitFor();
  await other.page.locator('main#main .gone').waitFor();
  assert.ok((await idbDump(other.page)).assessments !== undefined, 'the app made its database with its stores after the look-up');
  assertClean(other.problems);
  await other.context.close();
});

test('taking over a deep link shifts nothing (CLS at most 0.02)', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await sumLayoutShifts(page);
  for (const route of ['/droemme/ny', '/aktiviteter/ny', '/aktiviteter/lister', `/aktiviteter/${EXAMPLE_ACTIVITY}`, ...ID_DEEP, `/droemme/${NOWHERE}`, `/skal-kan/${NOWHERE}?visning=projektor`]) {
    await page.goto(env.server.url(route));
    await page.locator('main#main').waitFor();
    await page.waitForTimeout(1500);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls <= 0.02, `${route}: CLS ${cls}`);
  }
  assertClean(problems);
  await context.close();
});

test('the directory\'s pages fetch the catalogue once, beside the wasm; the new activity\'s form and the other parts never', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone', serviceWorkers: 'block' });
  const catalogue = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/catalogue.json')) catalogue.push(r.url()); });
  let release;
  let held;
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  for (const route of ['/aktiviteter', `/aktiviteter/${EXAMPLE_ACTIVITY}`]) {
    held = new Promise((ok) => { release = ok; });
    catalogue.length = 0;
    const asked = page.waitForRequest((r) => r.url().endsWith('/catalogue.json'));
    await page.goto(env.server.url(route));
    await asked;
    assert.equal(await page.locator('main#main').count(), 0, `${route}: the catalogue is on its way before the app has started`);
    release();
    // Drawn from the catalogue: the list's count, the activity's title.
    if (route === '/aktiviteter') await page.getByRole('status').filter({ hasText: /\d+ aktiviteter/ }).first().waitFor();
    else await page.locator('main#main article h1').waitFor();
    await page.waitForTimeout(300);
    assert.equal(catalogue.length, 1, `${route}: one request for the catalogue: ${catalogue}`);
  }
  catalogue.length = 0;
  for (const route of ['/aktiviteter/ny', '/', '/droemme', '/skal-kan', '/del', '/om']) {
    await page.goto(env.server.url(route));
    await page.locator('main#main h1').waitFor();
    if (route === '/aktiviteter/ny') await page.getByLabel('Titel', { exact: true }).waitFor();
  }
  await page.waitForTimeout(300);
  assert.deepEqual(catalogue, [], 'no other page fetches the catalogue');
  assertClean(problems);
  await context.close();
});

test('when the loader\'s fetch of the catalogue fails, the directory fetches it again', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone', serviceWorkers: 'block' });
  let asked = 0;
  await page.route('**/catalogue.json', (r) => (asked++ === 0 ? r.abort() : r.continue()));
  await page.goto(env.server.url('/aktiviteter'));
  await page.getByRole('status').filter({ hasText: /\d+ aktiviteter/ }).first().waitFor();
  assert.equal(asked, 2, 'the loader\'s request failed, the app\'s own came through');
  assert.ok(problems.errors.every((e) => /Failed to load resource|net::ERR_FAILED/.test(e)), problems.errors.join('\n'));
  await context.close();
});

test('the heading shows while the wasm is still on its way, and the static page passes axe', async () => {
  const { context, page } = await newPage(env.browser, env.server, { size: 'phone' });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(env.server.url('/aktiviteter'));
  await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
  assert.equal(await page.locator('main#main').count(), 0, 'the app has not started yet');
  assert.match(await page.locator('#boot-loading').innerText(), /appen starter/);
  await assertAccessible(page, 'static first paint');
  release();
  await page.locator('main#main').waitFor();
  await page.getByRole('searchbox', { name: 'Søg i aktiviteter' }).or(page.getByLabel('Søg i aktiviteter')).first().waitFor();
  await context.close();
});

test('a first visit also sees an empty board and the share card before the wasm; a device the app has run on does not', async () => {
  // No service worker, so the held wasm stays held on later visits too.
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone', serviceWorkers: 'block' });
  let release;
  let held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  const notice = page.locator('main#main-shell p.notice');
  const help = page.locator('main#main-shell').getByText('Send dine data som et link', { exact: false });
  // First visit: nothing of the app is stored.
  await page.goto(env.server.url('/droemme'));
  await notice.waitFor();
  assert.match(await notice.innerText(), /Der er ingen drømme på tavlen endnu/);
  await assertAccessible(page, 'static empty board');
  await page.goto(env.server.url('/del'));
  await help.waitFor();
  assert.ok(await page.locator('main#main-shell p.stats').isVisible(), 'the empty counts show');
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Del uden fil' }).count(), 1);
  await assertAccessible(page, 'static /del, first visit');
  // The app takes over with the same notice, in the same place.
  const before = await page.locator('main#main-shell p.stats').boundingBox();
  release();
  await page.locator('main#main p.stats').waitFor();
  const after = await page.locator('main#main p.stats').boundingBox();
  assert.deepEqual([after.x, after.y, after.width].map(Math.round), [before.x, before.y, before.width].map(Math.round), 'the counts do not move');
  // Now the app has run here: the static page no longer claims anything about the data.
  held = new Promise((ok) => { release = ok; });
  for (const route of ['/droemme', '/del']) {
    await page.goto(env.server.url(route));
    await page.locator('main#main-shell h1').waitFor();
    assert.equal(await page.locator('main#main-shell [data-fresh]').count() > 0, true, `${route}: the first-visit blocks are in the page`);
    assert.equal(await notice.isVisible(), false, `${route}: no "no dreams" claim`);
    assert.equal(await page.locator('main#main-shell p.stats').isVisible(), false, `${route}: no counts`);
  }
  release();
  await page.locator('main#main').waitFor();
  assertClean(problems);
  await context.close();
});

test('the page asks for one style sheet, and the wasm only after the first paint', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__fcpAtWasm = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name.endsWith('.wasm') && window.__fcpAtWasm === null) {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          window.__fcpAtWasm = fcp ? { fcp: fcp.startTime, wasm: e.startTime } : { fcp: null, wasm: e.startTime };
        }
      }
    }).observe({ type: 'resource', buffered: true });
  });
  await open(page, env.server, '/om');
  await page.waitForFunction(() => window.__fcpAtWasm !== null);
  const t = await page.evaluate(() => window.__fcpAtWasm);
  assert.ok(t.fcp !== null, 'the first contentful paint happened before the wasm was requested');
  assert.ok(t.wasm >= t.fcp, `the wasm was requested at ${t.wasm} ms, the first paint was at ${t.fcp} ms`);
  assert.equal(requests.filter((u) => u.endsWith('.css')).length, 1, `one style sheet: ${requests.filter((u) => u.endsWith('.css'))}`);
  const html = readFileSync(resolve(DIST, 'om.html'), 'utf8');
  assert.doesNotMatch(html, /rel="preload"[^>]*\.wasm/, 'no preload makes the wasm compete with the first paint');
  assert.match(html, /rel="modulepreload"/, 'the loader script is still preloaded');
  assertClean(problems);
  await context.close();
});

test('the app still starts where the browser reports no paint, or cannot', async () => {
  // The loader waits for the first contentful paint as the browser reports
  // it. A browser that has no paint timing goes after the next frame; one
  // that has it but never reports (stubbed here) after the loader's guard.
  for (const [what, stub] of [
    ['no paint timing', () => {
      Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { value: Object.freeze(['resource', 'navigation']) });
    }],
    ['a paint never reported', () => {
      const observe = PerformanceObserver.prototype.observe;
      PerformanceObserver.prototype.observe = function (options) {
        if (options && options.type === 'paint') return;
        return observe.call(this, options);
      };
      const byType = Performance.prototype.getEntriesByType;
      Performance.prototype.getEntriesByType = function (type) { return type === 'paint' ? [] : byType.call(this, type); };
    }],
  ]) {
    const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
    await page.addInitScript(stub);
    await open(page, env.server, '/skal-kan');
    await page.locator('main#main').waitFor({ timeout: 15000 });
    await page.getByRole('button', { name: 'Opret workshop' }).waitFor();
    assert.equal(await page.locator('[data-shell]').count(), 0, `${what}: the static page gave way to the app`);
    assertClean(problems, what);
    await context.close();
  }
});

test('the app builds its page off screen a piece per turn, and shows it whole in place of the static page', async () => {
  // What each page builds last (ui::later): the form's "Gem", the data
  // page's last card, the workshop list's cards, the directory's count line
  // after the list.
  const LAST = {
    '/aktiviteter/ny': 'form button[type=submit]',
    '/droemme/ny': 'form .actions button[type=submit]',
    '/del': '#clear-title',
    '/skal-kan': '#catalogue-title',
    '/aktiviteter': '.act-about',
  };
  for (const [route, last] of Object.entries(LAST)) {
    const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
    await page.addInitScript((last) => {
      // The app's build starts when its router listens for the back button;
      // a probe on a timer of its own counts the turns the page gets while
      // the build is under way, and the moment the app's page is attached
      // is recorded before anything can paint (a mutation observer's
      // callback runs in the task that attached it).
      const seen = { turns: 0, building: false, atSwap: null };
      window.__build = seen;
      const add = window.addEventListener;
      window.addEventListener = function (type, ...rest) {
        if (type === 'popstate' && !seen.building) {
          seen.building = true;
          const probe = () => {
            if (seen.atSwap) return;
            seen.turns += 1;
            setTimeout(probe, 0);
          };
          setTimeout(probe, 0);
        }
        return add.call(this, type, ...rest);
      };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('main#main')) return;
        observer.disconnect();
        seen.atSwap = {
          shell: document.querySelectorAll('[data-shell]').length,
          last: !!document.querySelector(`main#main ${last}`),
          nav: !!document.querySelector('header nav.main-nav'),
          footer: document.querySelectorAll('footer.site-footer').length,
        };
      }).observe(document, { childList: true, subtree: true });
    }, last);
    await open(page, env.server, route);
    const seen = await page.evaluate(() => window.__build);
    assert.deepEqual(seen.atSwap, { shell: 0, last: true, nav: true, footer: 1 },
      `${route}: the app's page came whole, in the same task as the static page went`);
    assert.ok(seen.turns >= 3, `${route}: the page got the event loop back ${seen.turns} times while the app built it`);
    assertClean(problems, route);
    await context.close();
  }
});

test('taking over from the static page shifts nothing (CLS at most 0.02)', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await sumLayoutShifts(page);
  for (const route of ROUTES) {
    await open(page, env.server, route);
    await page.waitForTimeout(1500);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls <= 0.02, `${route}: CLS ${cls}`);
  }
  assertClean(problems);
  await context.close();
});

test('every page keeps the strict CSP head; 404.html carries the deep links it knows', () => {
  const index = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  // The same head everywhere but for the glue each page preloads: its own
  // bundle's (routes::Bundle); 404.html's loader finds it when it runs.
  const preloads = (html) => [...html.matchAll(/<link rel="modulepreload" href="[^"]*?([^"/]+)"[^>]*>/g)].map((m) => m[1]);
  // (404.html's head has one script more: the preload of a record page's bundle.)
  const head = (html) => html.slice(0, html.indexOf('<body>')).replace(/<link rel="(modulepreload|stylesheet)"[^>]*>/g, '')
    .replace(/<script>[^<]*modulepreload[\s\S]*?<\/script>/, '').replace(/\s+/g, ' ');
  // Each page's one style sheet: main.css and its own part's (all of them on
  // /del and 404.html, which cannot know the part of a deep link).
  const sheet = (file) => readFileSync(resolve(DIST, readFileSync(resolve(DIST, file), 'utf8').match(/<link rel="stylesheet" href="\/([^"]+)"/)[1]), 'utf8');
  const all = sheet('404.html');
  assert.equal(sheet('del.html'), all);
  for (const [file, marker] of [['droemme.html', '.dreams-filters'], ['aktiviteter.html', '.act-card'], ['skal-kan.html', '.task-card']]) {
    const css = sheet(file);
    assert.ok(css.includes(marker) && css.length < all.length, `${file}: its part's rules and fewer (${css.length} < ${all.length} B)`);
    for (const other of ['.dreams-filters', '.act-card', '.task-card'].filter((m) => m !== marker)) assert.ok(!css.includes(other), `${file}: no ${other} rules`);
  }
  for (const file of ['index.html', 'om.html']) assert.ok(!/\.(dreams-filters|act-card|task-card)/.test(sheet(file)), `${file}: main.css only`);
  for (const [file, bundle] of Object.entries(PAGE_BUNDLES)) {
    const glues = preloads(readFileSync(resolve(DIST, file), 'utf8')).filter((f) => !f.startsWith('inline'));
    assert.equal(glues.length, 1, `${file}: ${glues}`);
    assert.equal(bundleOfFile(glues[0]), bundle, `${file} preloads ${glues[0]}`);
  }
  assert.deepEqual(preloads(readFileSync(resolve(DIST, '404.html'), 'utf8')), []);
  const deepScript = readFileSync(resolve(DIST, '404.html'), 'utf8').match(/<script data-shell="">([\s\S]*?)<\/script>/)[1];
  const preloadScript = readFileSync(resolve(DIST, '404.html'), 'utf8').match(/<script>([^<]*modulepreload[\s\S]*?)<\/script>/)[1];
  for (const file of ['droemme.html', 'aktiviteter.html', 'skal-kan.html', 'del.html', 'om.html', '404.html', `aktiviteter/${EXAMPLE_ACTIVITY}.html`]) {
    const html = readFileSync(resolve(DIST, file), 'utf8');
    assert.equal(head(html), head(index), `${file} has the same head as index.html`);
    // Inline scripts: the first-visit check, and on 404.html the deep links'
    // top; allowed by their hashes alone (the same policy on every page).
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((b) => b.trim());
    assert.equal(inline.length, file === '404.html' ? 3 : 1, `${file}: inline scripts`);
    const fresh = inline.find((b) => /^try\{if\(!Object\.keys\(localStorage\)/.test(b));
    assert.ok(fresh, `${file}: the first-visit check`);
    if (file === '404.html') {
      assert.match(inline[0], /modulepreload/, '404.html: the first preloads a record page\'s bundle');
      assert.ok(html.indexOf(inline[0]) < html.indexOf('rel="stylesheet"'), '404.html: ... before the style sheet holds the parser');
      assert.match(inline[2], /template\[data-record\]/, '404.html: the last looks a record up');
    }
    const hash = (b) => `'sha256-${createHash('sha256').update(b).digest('base64')}'`;
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.equal(scriptSrc, `script-src 'self' ${hash(fresh)} ${hash(deepScript)} ${hash(preloadScript)} 'wasm-unsafe-eval'`, `${file}: ${scriptSrc}`);
    assert.doesNotMatch(html, /\sstyle=/, `${file}: no inline style`);
  }
  const notFound = readFileSync(resolve(DIST, '404.html'), 'utf8');
  assert.match(notFound, /<header [^>]*class="site-header"/);
  assert.match(notFound, /<main id="main-shell" tabindex="-1" data-shell=""><\/main>/, '404.html: <main> empty until its script has read the address');
  assert.deepEqual([...notFound.matchAll(/<template data-record="([^"]+)"/g)].map((m) => m[1]), ['droemme', 'skal-kan']);
  assert.doesNotMatch(notFound, /aria-current="page"/, 'the script marks the part');
});

test('the sub-path build writes the same pages with every link under the sub-path', () => {
  assert.ok(existsSync(resolve(SUB, 'index.html')), 'dist-sub/ is built by ./x test (trunk build --public-url /tidoglyst/)');
  for (const file of ['index.html', 'droemme.html', 'aktiviteter.html', 'skal-kan.html', 'del.html', 'om.html', '404.html', `aktiviteter/${EXAMPLE_ACTIVITY}.html`]) {
    const html = readFileSync(resolve(SUB, file), 'utf8');
    const body = html.slice(html.indexOf('<body>'));
    const hrefs = [...body.matchAll(/\s(?:href|src)="([^"#][^"]*)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length >= 6, `${file}: links in the static page`);
    for (const h of hrefs) assert.ok(h.startsWith('/tidoglyst/'), `${file}: ${h} is under /tidoglyst/`);
  }
  assert.match(readFileSync(resolve(SUB, 'droemme.html'), 'utf8'), /<a href="\/tidoglyst\/droemme" aria-current="page">/);
});
