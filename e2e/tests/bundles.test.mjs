// One wasm per part (routes::Bundle, the route table in src/routes.rs): a
// page loads only its own part's bundle, and every page of a part (runner
// and coordinator, directory with its form and lists, participant and
// facilitator) is reached from another without a page load; moving to
// another part loads that part's page, as a person clicks through the app,
// with nothing lost or asked on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, newPage, open, assertClean, startServer, importFile, createWorkshop, bundleOfFile, openLists, backToSearch, settled } from '../lib/harness.mjs';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/v1-minimal.json'), 'utf8');

const env = useBrowser();

/** Records the wasm files a page fetches, by bundle name. */
function wasmLog(page) {
  const seen = [];
  page.on('request', (r) => {
    const bundle = r.url().endsWith('.wasm') && bundleOfFile(new URL(r.url()).pathname);
    if (bundle) seen.push(bundle);
  });
  return seen;
}

/** From now on: the questions the page asks ("leave the page?") and the wasm files it fetches. */
function watch(page) {
  const asked = [];
  page.on('dialog', (d) => asked.push(d.type()));
  return { asked, wasm: wasmLog(page) };
}

/** Imports the golden fixture (a record of each kind) on /del and merges it in. */
async function mergeFixture(page) {
  await importFile(page, env.server, { name: 'golden.json', text: FIXTURE });
  await page.getByRole('button', { name: 'Flet ind' }).click();
}

/** Waits for the app (not the static first paint) to show the page with heading `name`. */
const heading = (page, name) => page.locator('main#main').getByRole('heading', { level: 1, name, exact: true }).waitFor();

test('a part loads only its own bundle; the navigation moves between parts, back included', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const { asked, wasm } = watch(page);
  await open(page, env.server, '/');
  await heading(page, 'Frivillig når du har tid og lyst');
  assert.deepEqual(wasm, ['part-front']);

  await page.locator('.door', { hasText: 'SKAL eller KAN?' }).click();
  await heading(page, 'SKAL eller KAN?');
  assert.ok(page.url().endsWith('/skal-kan'));
  assert.deepEqual(wasm, ['part-front', 'part-assessment']);
  assert.equal(await page.locator('.task-card').count(), 11, 'the workshop part works after the move');

  // A workshop made here, then straight on to another part: the save ends
  // before the page is left, and nobody is asked anything.
  await createWorkshop(page, 'Workshop før skiftet');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Drømme', exact: true }).click();
  await heading(page, 'Drømmeløber-tavlen');
  assert.deepEqual(wasm.slice(-1), ['part-dreams']);

  // Back: the workshop page again, from its own bundle.
  await page.goBack();
  await heading(page, 'Workshop før skiftet');
  assert.deepEqual(wasm.slice(-1), ['part-assessment']);

  // "Del data" has a bundle of its own: every kind of record, no part's pages.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Del data', exact: true }).click();
  await page.getByText('På denne enhed: 0 drømme, 0 egne aktiviteter, 1 workshop.').waitFor();
  assert.deepEqual(wasm.slice(-1), ['tid-og-lyst']);
  // The front page and "Om" are the front page's light bundle's: one page
  // load from a part, and between them none.
  const before = wasm.length;
  await page.getByRole('link', { name: 'Tid og Lyst – Forside' }).click();
  await heading(page, 'Frivillig når du har tid og lyst');
  assert.deepEqual(wasm.slice(before), ['part-front']);
  await page.getByRole('link', { name: 'Om', exact: true }).click();
  await heading(page, 'Om Tid og Lyst');
  await page.getByRole('link', { name: 'Tid og Lyst – Forside' }).click();
  await heading(page, 'Frivillig når du har tid og lyst');
  assert.deepEqual(wasm.slice(before), ['part-front'], 'no page load between the front page and "Om"');

  assert.deepEqual(asked, [], 'no "leave the page?" question on the way');
  assertClean(problems, 'moving between parts');
  await context.close();
});

test('deep links and unknown addresses start the bundle of their part', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  const wasm = wasmLog(page);
  // The new dream's form has a page of its own; 404.html is served for the
  // others, and its loader picks the bundle by the address.
  await open(page, env.server, '/droemme/ny');
  await page.getByLabel('Titel', { exact: true }).waitFor();
  assert.deepEqual(wasm, ['part-dreams']);
  await open(page, env.server, '/skal-kan/ukendt-workshop');
  await page.getByText('Workshoppen findes ikke (længere) på denne enhed.').waitFor();
  assert.deepEqual(wasm.slice(-1), ['part-assessment']);
  await open(page, env.server, '/findes-ikke');
  await heading(page, 'Siden findes ikke');
  assert.deepEqual(wasm.slice(-1), ['part-front']);
  // A page of no part, reached from a part: "not found" there, no reload.
  await open(page, env.server, '/aktiviteter');
  await heading(page, 'Aktiviteter');
  const before = wasm.length;
  await page.evaluate(() => { history.pushState(null, '', '/aktiviteter/x/findes-ikke'); dispatchEvent(new PopStateEvent('popstate')); });
  await heading(page, 'Siden findes ikke');
  assert.equal(wasm.length, before, 'not found is shown by the bundle at hand');
  // Into another part with a query and a fragment: both arrive.
  await open(page, env.server, '/droemme');
  await heading(page, 'Drømmeløber-tavlen');
  await page.evaluate(() => { history.pushState(null, '', '/aktiviteter?q=demens#main'); dispatchEvent(new PopStateEvent('popstate')); });
  await page.waitForURL((u) => u.pathname === '/aktiviteter');
  await heading(page, 'Aktiviteter');
  assert.deepEqual(wasm.slice(-1), ['part-activities']);
  assert.equal(await page.getByLabel('Søg i aktiviteter').inputValue(), 'demens');
  assert.ok(page.url().endsWith('/aktiviteter?q=demens#main'), page.url());
  assertClean(problems, 'deep links');
  await context.close();
});

test("the directory's list, lists page, form and activity pages are one bundle: no page load between them", async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  const { asked, wasm } = watch(page);
  await open(page, env.server, '/aktiviteter?kommune=Assens');
  await heading(page, 'Aktiviteter');
  assert.deepEqual(wasm, ['part-activities']);
  const marker = await page.evaluate(() => { window.samePage = 1; return 1; });
  // The lists page, with the search shown.
  await openLists(page);
  assert.ok(page.url().endsWith('/aktiviteter/lister?kommune=Assens'), page.url());
  await page.getByText(/^Søgningen viser \d+ aktiviteter?\.$/).waitFor();
  await page.getByRole('button', { name: 'Eksportér CSV' }).waitFor();
  // Back to the search, with the search kept.
  await backToSearch(page);
  assert.ok(page.url().endsWith('/aktiviteter?kommune=Assens'), page.url());
  assert.equal(await page.getByLabel('Kommune', { exact: true }).inputValue(), 'Assens');
  // The form, and back to the directory through the navigation.
  await page.getByRole('button', { name: 'Tilføj aktivitet' }).click();
  await heading(page, 'Ny aktivitet');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await heading(page, 'Aktiviteter');
  // An activity's page, and its edit form.
  await page.locator('.act-card__title a').first().click();
  await page.locator('main#main .activity-detail h1').waitFor();
  await page.getByRole('link', { name: 'Redigér' }).click();
  await page.getByRole('button', { name: 'Gem' }).waitFor();
  assert.ok(page.url().endsWith('?rediger=1'), page.url());
  assert.deepEqual(wasm, ['part-activities'], 'one wasm for every page of the directory');
  assert.equal(await page.evaluate(() => window.samePage), marker, 'no page load on the way');
  // Deep links to the form and the lists page start the same bundle.
  for (const [path, shows] of [['/aktiviteter/ny', 'Gem'], ['/aktiviteter/lister', 'Eksportér CSV']]) {
    await open(page, env.server, path);
    await page.getByRole('button', { name: shows }).waitFor();
    assert.deepEqual(wasm.slice(-1), ['part-activities'], path);
  }
  assert.deepEqual(asked, []);
  assertClean(problems, 'the directory in one bundle');
  await context.close();
});

test("the board, a dream's page with the coordinator's tools, and the dream form are one bundle: no page load between them", async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  await mergeFixture(page);
  const { asked, wasm } = watch(page);
  await open(page, env.server, '/droemme');
  await page.evaluate(() => { window.samePage = 1; });
  await page.getByRole('link', { name: 'Fisketur fra havnen' }).click();
  await heading(page, 'Fisketur fra havnen');
  // The golden file's dream comes without its history: no empty "Historik".
  assert.equal(await page.getByRole('heading', { name: 'Historik' }).count(), 0);
  const dreamPage = new URL(page.url()).pathname;
  // The coordinator's tools are on the dream's page, folded; "Redigér" is among them.
  await page.locator('details.dream-manage summary').click();
  await page.locator('details.dream-manage[open]').getByRole('button', { name: 'Aflys drømmen' }).waitFor();
  await page.getByRole('link', { name: 'Redigér' }).click();
  await page.getByLabel('Titel', { exact: true }).waitFor();
  assert.ok(page.url().endsWith('?rediger=1'), page.url());
  await page.getByLabel('Titel', { exact: true }).fill('Fisketur fra havnen i Svendborg');
  await page.getByLabel('Koordinatorens navn').fill('Lone');
  await page.getByLabel('Koordinatorens telefon eller mail').fill('lone@example.dk');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await heading(page, 'Fisketur fra havnen i Svendborg');
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, dreamPage, 'back on the dream page, the form left');
  // Back to the board, and on to a new dream.
  await page.getByRole('link', { name: 'Tilbage til tavlen' }).click();
  await heading(page, 'Drømmeløber-tavlen');
  await page.getByRole('button', { name: 'Ny drøm', exact: true }).click();
  await heading(page, 'Ny drøm');
  assert.deepEqual(wasm, ['part-dreams'], 'one wasm for the board, the dream and the form');
  assert.equal(await page.evaluate(() => window.samePage), 1, 'no page load on the way');
  // A link to the tools (?koordinator=1) opens them unfolded.
  await open(page, env.server, `${dreamPage}?koordinator=1`);
  await page.locator('details.dream-manage[open]').getByRole('button', { name: 'Aflys drømmen' }).waitFor();
  // The edit is stored: it is there after a reload.
  await open(page, env.server, dreamPage);
  await heading(page, 'Fisketur fra havnen i Svendborg');
  assert.deepEqual(wasm.slice(-1), ['part-dreams']);
  assert.deepEqual(asked, []);
  assertClean(problems, 'runners and coordinator');
  await context.close();
});

test("a workshop's participants' and facilitator's views are one bundle: no page load between them", async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'projector' });
  const { asked, wasm } = watch(page);
  await open(page, env.server, '/skal-kan');
  await createWorkshop(page, 'Workshop med projektor');
  const overview = page.url();
  await page.evaluate(() => { window.samePage = 1; });
  await page.getByRole('link', { name: 'Svar på kortene' }).click();
  await page.getByLabel('Dit kaldenavn').waitFor();
  await page.getByRole('link', { name: 'Vis på projektor' }).click();
  await page.locator('.projector').waitFor();
  for (const [view, shows] of [
    ['Til facilitatoren', () => page.getByRole('button', { name: 'Vis QR-kode' })],
    ['Tæl håndsoprækning', () => page.locator('form.tally').first()],
    ['Resumé', () => page.getByRole('heading', { level: 2, name: 'Resumé af workshoppen' })],
    ['Vis på projektor', () => page.locator('.projector')],
    ['Send tabletten rundt', () => page.getByLabel('Dit kaldenavn')],
  ]) {
    await page.getByRole('link', { name: view }).click();
    await shows().waitFor();
  }
  assert.deepEqual(wasm, ['part-assessment'], 'one wasm for every view of a workshop');
  assert.equal(await page.evaluate(() => window.samePage), 1, 'no page load on the way');
  // A deep link to a facilitator's screen starts the same bundle.
  await open(page, env.server, new URL(overview).pathname + '?visning=haender');
  await page.locator('form.tally').first().waitFor();
  assert.deepEqual(wasm.slice(-1), ['part-assessment']);
  // The workshop deleted on the facilitator's overview: the workshop list says so.
  await page.getByRole('link', { name: 'Til facilitatoren' }).click();
  await page.getByRole('button', { name: 'Slet workshop' }).click();
  await page.getByRole('button', { name: 'Ja, slet workshoppen' }).click();
  await heading(page, 'SKAL eller KAN?');
  await page.locator('.notices').getByText('Workshoppen er slettet.').waitFor();
  assert.equal(await page.locator('main#main').getByText('Workshop med projektor').count(), 0);
  assert.deepEqual(asked, []);
  assertClean(problems, 'participants and facilitator');
  await context.close();
});

test("a notice goes along to another part's page, once, as text", async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const { asked, wasm } = watch(page);
  await open(page, env.server, '/skal-kan');
  await createWorkshop(page, 'Workshop der slettes');
  await page.getByRole('button', { name: 'Slet workshop' }).click();
  await page.getByRole('button', { name: 'Ja, slet workshoppen' }).click();
  await page.locator('.notices').getByText('Workshoppen er slettet.').waitFor();
  // On to the board, another bundle's page: the notice is still there.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Drømme', exact: true }).click();
  await heading(page, 'Drømmeløber-tavlen');
  assert.deepEqual(wasm, ['part-assessment', 'part-dreams']);
  await page.locator('.notices').getByText('Workshoppen er slettet.').waitFor();
  // Shown once: the next page load has no copy of it.
  await open(page, env.server, '/skal-kan');
  await heading(page, 'SKAL eller KAN?');
  assert.equal(await page.locator('.notices').getByText('Workshoppen er slettet.').count(), 0);
  // A handed-over text is shown as text; a value that cannot be read is dropped.
  await page.evaluate(() => sessionStorage.setItem('tidoglyst.v1.notices', JSON.stringify([['2', '<img src=x onerror="window.owned=1">']])));
  await open(page, env.server, '/skal-kan');
  await page.locator('.notices .notice--error').getByText('<img src=x onerror="window.owned=1">').waitFor();
  assert.equal(await page.locator('.notices img').count(), 0);
  await page.evaluate(() => sessionStorage.setItem('tidoglyst.v1.notices', '[[0, "halv\u001e\u001e9x'));
  await open(page, env.server, '/skal-kan');
  await heading(page, 'SKAL eller KAN?');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('tidoglyst.v1.notices')), null);
  assert.equal(await page.locator('.notices').getByText('halv').count(), 0);
  assert.equal(await page.evaluate(() => window.owned), undefined);
  assert.deepEqual(asked, []);
  assertClean(problems, 'notices handed over');
  await context.close();
});

test('on a host that answers every address with index.html, each page still starts its own bundle', async () => {
  const spa = await startServer({ spa: true });
  const { context, page, problems } = await newPage(env.browser, spa, { size: 'phone' });
  const wasm = wasmLog(page);
  for (const [path, bundle, shows] of [
    ['/skal-kan/ukendt-workshop', 'part-assessment', () => page.getByText('Workshoppen findes ikke (længere) på denne enhed.')],
    ['/droemme', 'part-dreams', () => page.locator('main#main').getByRole('heading', { level: 1, name: 'Drømmeløber-tavlen' })],
    ['/del', 'tid-og-lyst', () => page.locator('main#main').getByRole('heading', { level: 1, name: 'Del og importér data' })],
  ]) {
    await open(page, spa, path);
    await shows().waitFor();
    assert.deepEqual(wasm.slice(-1), [bundle], path);
  }
  assertClean(problems, 'index.html for every address');
  await context.close();
  await spa.close();
});

test("a part's bundle keeps its own kind of record; the other parts' records stay as they were", async () => {
  // Each part's bundle reads and writes only its own kind (sync::data::Kinds).
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  await mergeFixture(page);
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();

  // A workshop made in the workshop's bundle, which holds no dream or activity.
  await open(page, env.server, '/skal-kan');
  await createWorkshop(page, 'Workshop i sin egen del');
  // The board reads the dream; the directory the activity.
  await open(page, env.server, '/droemme');
  await page.getByText('Fisketur fra havnen').first().waitFor();
  await open(page, env.server, '/del');
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 2 workshops.').waitFor();

  // A link of every kind opened on a part's page is read on the data page.
  await page.getByRole('button', { name: 'Del som link' }).click();
  const box = page.getByLabel('Linket (kan også kopieres herfra)');
  await box.waitFor();
  const link = await box.inputValue();
  const other = await newPage(env.browser, env.server, { size: 'phone' });
  await other.page.goto(link.replace('/del#data=', '/skal-kan#data='));
  await other.page.locator('.preview').waitFor();
  assert.equal(new URL(other.page.url()).pathname, '/del');
  assert.match(await other.page.locator('.preview').innerText(), /4 nye, 0 opdaterede, 0 konflikter/);
  await other.page.getByRole('button', { name: 'Flet ind' }).click();
  await other.page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 2 workshops.').waitFor();
  assertClean(problems);
  assertClean(other.problems);
  await other.context.close();
  await context.close();
});

test("undoing on /del an import made on a part's page puts back that part's records only", async () => {
  // The undo copy a part's page keeps holds its own kind only; an undo on
  // the data page must put back just that, and leave the other kinds.
  const fac = await newPage(env.browser, env.server, { size: 'tablet' });
  await open(fac.page, env.server, '/skal-kan');
  await createWorkshop(fac.page, 'Workshop fra en anden telefon');
  await fac.page.getByRole('button', { name: 'Vis QR-kode' }).click();
  const link = await fac.page.locator('.share-link__url').inputValue();
  assert.ok(link.includes('/skal-kan#data='), link);

  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await mergeFixture(page);
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  await page.goto(link);
  await page.locator('.preview').waitFor();
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  await open(page, env.server, '/del');
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 2 workshops.').waitFor();
  await page.getByRole('button', { name: 'Fortryd sidste import' }).click();
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  // And so it stays after a reload (what is stored, not only what is shown).
  await settled(page);
  await page.reload();
  await page.getByText('På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.').waitFor();
  assertClean(problems);
  assertClean(fac.problems);
  await fac.context.close();
  await context.close();
});
