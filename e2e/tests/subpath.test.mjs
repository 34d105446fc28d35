// Hosting from a sub-path: the build made with `./x build /tidoglyst/`
// (dist-sub/) works under /tidoglyst/: deep links, navigation, the example
// catalogue and the service worker all stay under the sub-path.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, newPage, open, assertClean, assertAccessible } from '../lib/harness.mjs';

const ROOT = process.env.TOL_DIST_SUB ? resolve(process.env.TOL_DIST_SUB) : resolve(import.meta.dirname, '../../dist-sub');
const BASE = '/tidoglyst/';

before(() => {
  assert.ok(existsSync(resolve(ROOT, 'index.html')), 'dist-sub/ is built by ./x test (trunk build --public-url /tidoglyst/)');
});
const env = useBrowser({ root: ROOT, base: BASE });

test('deep links and navigation stay under the sub-path', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await open(page, env.server, '/om');
  await page.getByRole('heading', { level: 1, name: 'Om Tid og Lyst' }).waitFor();
  for (const [name, path, heading] of [
    ['Drømme', '/droemme', /Drømme/],
    ['Aktiviteter', '/aktiviteter', /Aktiviteter/],
    ['SKAL eller KAN', '/skal-kan', /SKAL eller KAN/],
    ['Del data', '/del', /Del og importér data/],
  ]) {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
    await page.waitForURL(`**${BASE.slice(0, -1)}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
    assert.equal(new URL(page.url()).pathname, BASE.slice(0, -1) + path);
  }
  await page.getByRole('link', { name: /Tid og Lyst – Forside/ }).click();
  await page.waitForURL(`**${BASE}`);
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 3);
  for (const h of hrefs) assert.ok(h.startsWith('/tidoglyst/'), `link ${h} leaves the sub-path`);
  assertClean(problems);
  await context.close();
});

test('the example catalogue and the service worker load from the sub-path', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  await open(page, env.server, '/aktiviteter');
  await page.getByRole('status').filter({ hasText: /\d+ aktiviteter/ }).first().waitFor();
  const count = Number((await page.getByRole('status').filter({ hasText: /\d+ aktiviteter/ }).first().innerText()).match(/(\d+)/)[1]);
  assert.ok(count >= 80, `${count} activities from the catalogue`);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(new URL(scope).pathname, BASE);
  await assertAccessible(page, 'activities under a sub-path');
  assertClean(problems);
  await context.close();
});

test('a deep link under the sub-path paints its heading and its part before the wasm', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone', serviceWorkers: 'block' });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(env.server.url('/aktiviteter/lister'));
  await page.locator('main#main-shell').getByRole('heading', { level: 1, name: 'Lister ind og ud (CSV til regneark)' }).waitFor();
  assert.equal(await page.locator('header a[aria-current="page"]').getAttribute('href'), '/tidoglyst/aktiviteter');
  assert.equal(await page.locator('main#main-shell a').getAttribute('href'), '/tidoglyst/aktiviteter');
  release();
  await page.locator('main#main').getByRole('heading', { level: 1, name: 'Lister ind og ud (CSV til regneark)' }).waitFor();
  assert.equal(await page.locator('[data-shell]').count(), 0, 'the static copy is gone');
  assertClean(problems);
  await context.close();
});

test("a record's deep link under the sub-path preloads its part's bundle from there", async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone', serviceWorkers: 'block' });
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(env.server.url('/droemme/ukendt'));
  const preload = await page.locator('head link[rel="preload"][as="fetch"]').getAttribute('href');
  assert.match(preload, /^\/tidoglyst\/part-dreams-[0-9a-f]{16}_bg\.wasm$/);
  await page.locator('main#main').getByRole('link', { name: 'Tilbage til tavlen' }).waitFor();
  assert.deepEqual(wasm, [preload], 'the preloaded wasm is the one the app starts');
  assertClean(problems);
  await context.close();
});
