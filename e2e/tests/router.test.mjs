// The app's own router (src/router.rs): the app's links move within the
// page, back and forward follow the browser, a link to the page shown adds
// no history entry, the skip link moves the focus, and what is not
// the app's (modifier keys, other targets, downloads, other origins) is
// left to the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, open, assertClean } from '../lib/harness.mjs';

const env = useBrowser();

const heading = (page, name) => page.locator('main#main').getByRole('heading', { level: 1, name, exact: true }).waitFor();

test('links move within the page, back and forward follow, and the skip link moves the focus', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  await open(page, env.server, '/aktiviteter?q=kor');
  await heading(page, 'Aktiviteter');
  // A mark on the window survives every move that is not a page load.
  await page.evaluate(() => { window.samePage = true; });
  const samePage = () => page.evaluate(() => window.samePage === true);

  const lists = () => page.getByRole('link', { name: 'Åbn lister og deling' }).click();
  await lists();
  await heading(page, 'Lister ind og ud (CSV til regneark)');
  assert.equal(new URL(page.url()).pathname, '/aktiviteter/lister');
  assert.ok(await samePage(), 'no page load for a link of the app');
  assert.equal(await page.evaluate(() => scrollY), 0, 'a new page starts at the top');

  // The page shown again: no second history entry.
  const directory = () => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await directory();
  await heading(page, 'Aktiviteter');
  const entries = await page.evaluate(() => history.length);
  await directory();
  await heading(page, 'Aktiviteter');
  assert.equal(await page.evaluate(() => history.length), entries);

  await page.goBack();
  await heading(page, 'Lister ind og ud (CSV til regneark)');
  await page.goBack();
  await heading(page, 'Aktiviteter');
  assert.equal(await page.getByLabel('Søg i aktiviteter').inputValue(), 'kor', 'the query came back with the page');
  await page.goForward();
  await heading(page, 'Lister ind og ud (CSV til regneark)');
  assert.ok(await samePage(), 'back and forward stay in the page');
  await page.goBack();
  await heading(page, 'Aktiviteter');

  // The skip link moves the focus to the content of the page shown, query
  // kept (not to the front page, which `<base href>` would make of "#main").
  await page.locator('a.skip-link').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash, '/aktiviteter?q=kor#main');
  await heading(page, 'Aktiviteter');
  assert.equal(await page.getByLabel('Søg i aktiviteter').inputValue(), 'kor');
  assert.ok(await samePage());
  assertClean(problems, 'router');
  await context.close();
});

test('clicks that are not the app\'s are left to the browser', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await open(page, env.server, '/om');
  await heading(page, 'Om Tid og Lyst');
  // Whether the router took a click: a listener after it records and stops the browser's own move.
  const took = (setup) => page.evaluate((setup) => {
    const a = document.createElement('a');
    a.textContent = 'x';
    a.href = setup.href;
    for (const [k, v] of Object.entries(setup.attrs || {})) a.setAttribute(k, v);
    document.querySelector('main').append(a);
    let prevented = null;
    const after = (e) => { prevented = e.defaultPrevented; e.preventDefault(); };
    window.addEventListener('click', after);
    a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...setup.keys }));
    window.removeEventListener('click', after);
    a.remove();
    return prevented;
  }, setup);
  assert.equal(await took({ href: '/droemme', keys: { ctrlKey: true } }), false, 'ctrl');
  assert.equal(await took({ href: '/droemme', keys: { metaKey: true } }), false, 'meta');
  assert.equal(await took({ href: '/droemme', keys: { shiftKey: true } }), false, 'shift');
  assert.equal(await took({ href: '/droemme', attrs: { target: '_blank' } }), false, 'another target');
  assert.equal(await took({ href: '/droemme', attrs: { download: '' } }), false, 'a download');
  assert.equal(await took({ href: '/droemme', attrs: { rel: 'noopener external' } }), false, 'rel=external');
  assert.equal(await took({ href: 'https://example.org/droemme' }), false, 'another origin');
  assert.equal(await took({ href: 'mailto:lone@example.dk' }), false, 'mail');
  assert.equal(new URL(page.url()).pathname, '/om', 'none of them moved');
  // A plain click on a link of the app is the router's (here the page shown: it stays).
  assert.equal(await took({ href: '/om' }), true, 'a link of the app');
  await heading(page, 'Om Tid og Lyst');
  assertClean(problems, 'clicks left to the browser');
  await context.close();
});
