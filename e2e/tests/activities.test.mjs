// Aktiviteter as people use it: a senior on a phone (and a tablet) searches
// "demens", narrows by Kommune, opens one and adds it to the calendar (the
// .ics is read back by Python's icalendar); an IT-café volunteer adds an
// activity, exports CSV and imports it in a fresh profile with a bad row
// reported by number; filters survive a reload; favourites; quick filters
// under a fixed clock; and print to PDF of a flyer and an A4 week programme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, newPage, open, assertClean, assertAccessible, downloadText, openLists, backToSearch } from '../lib/harness.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CATALOGUE = JSON.parse(readFileSync(resolve(ROOT, 'public/catalogue.json'), 'utf8'));
const TOTAL = CATALOGUE.activities.length;

const env = useBrowser();

const status = (page) => page.getByRole('status').filter({ hasText: /aktivitet/ });

async function countIs(page, n) {
  const text = n === 1 ? '1 aktivitet' : `${n.toLocaleString('da-DK')} aktiviteter`;
  await status(page).filter({ hasText: new RegExp(`^${text.replace('.', '\\.')}$`) }).waitFor();
}

async function count(page) {
  const t = await status(page).textContent();
  return Number(t.replace(/\D/g, ''));
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
}

/** Unfolds the filters under "Filtre (n)" (folded on a phone, open on wider screens). */
async function openFilters(page) {
  const button = page.getByRole('button', { name: /^Filtre( \(\d+\))?$/ });
  if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
}

function parseIcs(text, from, to) {
  const out = execFileSync('python3', [resolve(ROOT, 'tools/ics_occurrences.py'), from, to], { input: text });
  return JSON.parse(out.toString());
}

function pdfPages(buf) {
  return (buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

for (const size of ['phone', 'tablet']) {
  test(`a senior finds a dementia café in Assens and adds it to the calendar (${size})`, async () => {
    const { context, page, problems } = await newPage(env.browser, env.server, { size });
    await open(page, env.server, '/aktiviteter');
    await countIs(page, TOTAL);
    assert.ok((await page.locator('.act-card').count()) <= 50, 'only one page of results is rendered');
    await page.getByText(/^Eksempeldata:/).first().waitFor();
    await assertAccessible(page, `list @ ${size}`);
    await noSidewaysScroll(page, `list @ ${size}`);

    await page.getByLabel('Søg i aktiviteter').pressSequentially('demens', { delay: 20 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'demens');
    const withWord = await count(page);
    assert.ok(withWord > 0 && withWord < TOTAL, `${withWord} hits for demens`);
    await openFilters(page);
    await page.getByLabel('Kommune', { exact: true }).selectOption('Assens');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kommune') === 'Assens');
    const narrowed = await count(page);
    assert.ok(narrowed > 0 && narrowed <= withWord, `${narrowed} in Assens`);
    for (const where of await page.locator('.act-card__where').allTextContents()) assert.match(where, /Assens$/);
    for (const next of await page.locator('.act-card__next').allTextContents()) assert.match(next, /^Næste gang: \p{L}+dag \d+\. .+ kl\. \d\d\.\d\d$/u);

    // The view survives a reload: search and filter are in the URL.
    await page.reload();
    await page.locator('main#main').waitFor();
    await countIs(page, narrowed);
    assert.equal(await page.getByLabel('Søg i aktiviteter').inputValue(), 'demens');
    // The button says one filter is on (Kommune; the search text is not counted).
    await page.getByRole('button', { name: 'Filtre (1)', exact: true }).waitFor();
    assert.equal(await page.getByLabel('Kommune', { exact: true }).inputValue(), 'Assens');

    const first = page.locator('.act-card__title a').first();
    const title = (await first.textContent()).trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(/^Næste gang:/).waitFor();
    await assertAccessible(page, `detail @ ${size}`);
    await noSidewaysScroll(page, `detail @ ${size}`);

    const ics = await downloadText(page, () => page.getByRole('button', { name: 'Føj til kalender' }).click());
    assert.match(ics.name, /\.ics$/);
    assert.ok(ics.text.includes('\r\n'), 'CRLF line ends');
    const today = new Date().toISOString().slice(0, 10);
    const inAYear = new Date(Date.now() + 370 * 86400000).toISOString().slice(0, 10);
    const parsed = parseIcs(ics.text, today, inAYear);
    assert.equal(parsed.events[0].summary, title);
    assert.ok(parsed.occurrences.length >= 1, 'at least one coming meeting');
    assertClean(problems, size);
    await context.close();
  });
}

test('an IT-café volunteer adds an activity, exports CSV and imports it in a fresh profile', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  await open(page, env.server, '/aktiviteter');
  await page.getByRole('button', { name: 'Tilføj aktivitet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ny aktivitet' }).waitFor();
  await page.getByRole('button', { name: 'Gem' }).click();
  // Errors next to the fields, and focus on the first.
  await page.getByText('Skriv en titel.').first().waitFor();
  assert.equal(await page.getByLabel('Titel', { exact: true }).getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'form with errors');

  const title = 'IT-café for nybegyndere i Løsning';
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await page.getByLabel('Arrangør (forening)').fill('Ældre Sagen Hedensted');
  await page.getByLabel('Kategori', { exact: true }).selectOption('it');
  await page.getByLabel('Kommune', { exact: true }).selectOption('Hedensted');
  await page.getByLabel('By', { exact: true }).fill('Løsning');
  await page.getByLabel('Adresse', { exact: true }).fill('Biblioteket; Bygaden 2');
  await page.getByLabel('tirsdag').check();
  await page.getByLabel('Fra kl.').fill('13.30');
  await page.getByLabel('Til kl.').fill('15.30');
  await page.getByLabel('Holder pause i (fx juli)').fill('juli');
  await page.getByLabel('Hjemmeside').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByText('Linket skal begynde med https:// eller http://.').first().waitFor();
  await page.getByLabel('Hjemmeside').fill('https://www.aeldresagen.dk');
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText('Hver tirsdag kl. 13.30–15.30 (ikke i juli)').first().waitFor();

  await page.getByRole('link', { name: 'Tilbage til aktiviteter' }).click();
  await countIs(page, TOTAL + 1);
  await page.getByLabel('Søg i aktiviteter').fill('loesning NYBEGYNDERE');
  await countIs(page, 1);
  // The lists page exports what the search shows.
  await openLists(page);
  await page.getByText('Søgningen viser 1 aktivitet.').waitFor();
  await assertAccessible(page, 'lists page');
  const csv = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér CSV' }).click());
  assert.match(csv.name, /\.csv$/);
  assert.ok(csv.text.startsWith('\uFEFFId;Titel;'), 'UTF-8 BOM and semicolons');
  assert.ok(csv.text.includes('"Biblioteket; Bygaden 2"'));
  assertClean(problems, 'volunteer');
  await context.close();

  // A fresh profile: the coordinator's tablet.
  const fresh = await newPage(env.browser, env.server, { size: 'tablet' });
  await open(fresh.page, env.server, '/aktiviteter');
  await countIs(fresh.page, TOTAL);
  await openLists(fresh.page);
  const withBad = csv.text + ';Uden titel;;;;Atlantis;;;ugentlig;mandag;;;10.00;12.00;;;;nej;nej;nej;nej;;;;;;;nej\r\n';
  await fresh.page.getByLabel('Importér CSV').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(withBad, 'utf8') });
  await fresh.page.getByText('1 aktiviteter kan importeres. 1 rækker har fejl og springes over.').waitFor();
  await fresh.page.getByText(/^Række 3: /).waitFor();
  await assertAccessible(fresh.page, 'CSV preview');
  await fresh.page.getByRole('button', { name: 'Importér de gode rækker' }).click();
  await fresh.page.getByText('1 aktivitet er importeret.').first().waitFor();
  await backToSearch(fresh.page);
  await countIs(fresh.page, TOTAL + 1);
  await fresh.page.getByLabel('Søg i aktiviteter').fill('nybegyndere');
  await countIs(fresh.page, 1);
  await fresh.page.locator('.act-card__title a').first().click();
  await fresh.page.getByRole('heading', { level: 1, name: title }).waitFor();
  await fresh.page.getByRole('link', { name: 'https://www.aeldresagen.dk' }).waitFor();
  assertClean(fresh.problems, 'fresh profile');
  await fresh.context.close();
});

test('favourites, quick filters under a fixed clock, and Danish-aware search', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen', acceptDownloads: true });
  // Wednesday 25 November 2026, 09.00 in Copenhagen.
  await context.clock.install({ time: new Date('2026-11-25T08:00:00Z') });
  const { page, problems } = await newPage(env.browser, env.server, { context });
  await open(page, env.server, '/aktiviteter');
  await countIs(page, TOTAL);
  await openFilters(page);
  await page.getByRole('button', { name: 'I dag' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('hvornaar') === 'i-dag');
  const today = await count(page);
  for (const next of await page.locator('.act-card__next').allTextContents()) assert.match(next, /^Næste gang: onsdag 25\. nov\./);
  await page.getByRole('button', { name: 'Denne uge' }).click();
  const week = await count(page);
  assert.ok(today > 0 && today <= week && week < TOTAL, `${today} today, ${week} this week`);
  await page.getByRole('button', { name: 'Nulstil' }).click();
  await countIs(page, TOTAL);

  // æ/ae, ø/oe, å/aa and case all match each other.
  await page.getByLabel('Søg i aktiviteter').fill('GROENNINGENS DANSEVENNER');
  const a = await count(page);
  await page.getByLabel('Søg i aktiviteter').fill('grønningens dansevenner');
  assert.equal(await count(page), a);
  assert.ok(a >= 1);
  await page.getByLabel('Søg i aktiviteter').fill('aaben moedested nykoebing');
  await countIs(page, 1);

  await page.locator('.act-card__title a').first().click();
  const fav = page.getByRole('button', { name: 'Gem i Mine aktiviteter' });
  await fav.click();
  assert.equal(await fav.getAttribute('aria-pressed'), 'true');
  await open(page, env.server, '/aktiviteter');
  await countIs(page, TOTAL);
  await openFilters(page);
  await page.getByRole('button', { name: 'Mine aktiviteter' }).click();
  await countIs(page, 1);
  await page.reload();
  await page.locator('main#main').waitFor();
  await countIs(page, 1);
  await page.getByText('I Mine aktiviteter').waitFor();
  assertClean(problems, 'favourites');
  await context.close();
});

test('print: a one-activity flyer and an A4 week programme of one place', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  await open(page, env.server, '/aktiviteter?q=grønningens');
  await page.locator('.act-card__title a').first().click();
  await page.getByRole('button', { name: 'Udskriv' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Føj til kalender' }).isVisible(), false, 'buttons are not printed');
  assert.equal(await page.locator('.site-header').isVisible(), false);
  const flyer = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdfPages(flyer), 1, 'the flyer fits one A4 page');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Ugeprogram for stedet' }).click();
  await page.getByRole('heading', { level: 2, name: /^Ugeprogram: / }).waitFor();
  await assertAccessible(page, 'week programme');
  assert.equal(await page.locator('.week-day').count() >= 7, true);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByLabel('Søg i aktiviteter').isVisible(), false, 'the finder is not printed');
  assert.equal(await page.locator('.week-programme').isVisible(), true);
  const week = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdfPages(week), 1, 'the week programme fits one A4 page');
  assertClean(problems, 'print');
  await context.close();
});
