// Offline and installable: once loaded, the app opens every route, takes
// changes and exports them with the network off; a new build announces
// itself with "En ny version er klar"; the manifest makes it installable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  useBrowser, startServer, newPage, open, assertClean, downloadText, importFile, ROUTES, DIST,
} from '../lib/harness.mjs';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8');
// Each test starts a server of its own (one serves a new build), so only the browser is shared.
const env = useBrowser(null);

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.locator('main#main').waitFor();
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
}

test('after one visit the app works offline: every route, a change, an export', async () => {
  const server = await startServer();
  const { context, page, problems } = await newPage(env.browser, server, { size: 'phone' });
  await open(page, server, '/');
  await controlled(page);
  await context.setOffline(true);
  for (const route of [...ROUTES, '/droemme', '/om']) {
    await page.goto(server.url(route));
    await page.locator('main#main h1').first().waitFor();
  }
  await importFile(page, server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér data' }).click());
  assert.equal(JSON.parse(file.text).dreams.length, 1);
  // A share link's QR code: the links' codec (fetched on demand) is cached too.
  await page.getByRole('button', { name: 'Vis QR-kode' }).click();
  await page.locator('.qr__code path').waitFor();
  assert.ok((await page.locator('.share-link__url').inputValue()).includes('/del#data='));
  // The example catalogue is cached too.
  const catalogue = await page.evaluate(async () => (await fetch('catalogue.json')).ok);
  assert.ok(catalogue, 'catalogue.json offline');
  // Offline requests fail loudly in the console; none may happen.
  assertClean(problems);
  await context.close();
  await server.close();
});

test('a new build is announced with "En ny version er klar" and taken on request', async () => {
  const sw = readFileSync(resolve(DIST, 'sw.js'), 'utf8');
  const overrides = {};
  const server = await startServer({ overrides });
  const { context, page, problems } = await newPage(env.browser, server, { size: 'tablet' });
  await open(page, server, '/om');
  await controlled(page);
  // Publish a "new version": same files, a new cache version.
  overrides['/sw.js'] = { body: sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'), type: 'text/javascript' };
  await page.reload();
  await page.locator('main#main').waitFor();
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.getByText('En ny version er klar.').waitFor({ timeout: 15000 });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Opdatér nu' }).click()]);
  await page.locator('main#main').waitFor();
  const active = await page.evaluate(async () => (await caches.keys()).join(','));
  assert.match(active, /-next/, `the new cache is active: ${active}`);
  assertClean(problems);
  await context.close();
  await server.close();
});

test('the web app manifest is Danish, installable and uses the project icons', async () => {
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.lang, 'da');
  assert.equal(manifest.short_name, 'Tid og Lyst');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  for (const icon of manifest.icons) readFileSync(resolve(DIST, icon.src));
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  const sw = readFileSync(resolve(DIST, 'sw.js'), 'utf8');
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  for (const f of ['index.html', 'catalogue.json', 'manifest.webmanifest']) assert.ok(files.includes(f), f);
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'wasm precached');
});
