// Drømmeløber-tavlen through a coordinator's real week (issue 30, items
// 1–6), each person in a browser profile of their own, changes travelling
// between devices by today's file and link, and by the shared board
// (pouchdb-server, forwarded at /tavle/ as in board.test.mjs):
// 1. "Jeg tager den" waits for the coordinator; the coordinator confirms
//    one runner (by file) and declines another (by link) with a reason the
//    runner then sees.
// 2. A full dream takes a reserve; when the runner lets go, the place is
//    offered to the reserve on their phone through the shared board, and
//    they take it (confirmation switched off for this dream).
// 3. A runner who phoned is put on by the coordinator, "ringede",
//    confirmed at once, and not taken for the coordinator's own claim.
// 4. A moved date asks the runner again; "Jeg kan stadig" travels back and
//    the coordinator sees who has answered.
// 5. What a dream needs: "Bil" in "Hvornår har du tid?" ranks the car dream
//    first, "du har bil".
// 6. "Drømme i fare": a near deadline and a late release, with the badge.
// 7. The dreamer's thank-you reaches the runner; a finished dream's private
//    note is erased on load (page, IndexedDB) and an older copy with the
//    note does not bring it back.
// Every new state is checked with axe-core, at phone and tablet size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, startServer, startCouch, newPage, open, visit, settled, assertClean, assertAccessible, downloadText,
  importFile, storageDump, dayFromToday,
} from '../lib/harness.mjs';

const DB = 'tavle-ugen';
const PEOPLE = { lone: 'lone-hemmelig', anna: 'anna-hemmelig', bent: 'bent-hemmelig' };
const PRIVATE = 'Bor hos sønnen på Skovvej 7, ring før kl. 9';

const env = { couch: null, server: null, browser: null };

before(async () => {
  env.couch = await startCouch();
  for (const [name, password] of Object.entries(PEOPLE)) await env.couch.createUser(name, password);
  await env.couch.createDb(DB, { members: Object.keys(PEOPLE) });
  env.server = await startServer({ proxy: { '/tavle/': env.couch.url } });
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  await env.couch?.stop();
});

const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** `2026-12-16` → `16. december 2026`, as the app writes a date. */
function danishDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** `2026-12-16` → `onsdag 16. december 2026`. */
function danishDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const wd = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return `${WEEKDAYS[wd]} ${danishDate(iso)}`;
}

/** The page's problems but the browser's own lines about requests that failed on purpose. */
function apartFromNetwork(problems) {
  return { ...problems, errors: problems.errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e)) };
}

/** A message the app shows in its notices (several may be up at once). */
function said(page, text) {
  return page.locator('.notices').getByText(text, { exact: true }).first().waitFor();
}

/**
 * Posts a dream through the form, with every boundary confirmed; returns
 * its address. `confirm` false switches off "Jeg bekræfter selv hver
 * drømmeløber" (on for a new dream); `skills` are ticked under "Drømmen kræver".
 */
async function postDream(page, { title, runners = 1, replyBy = 10, confirm = true, skills = [], note = PRIVATE }) {
  await open(page, env.server, '/droemme/ny');
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await page.getByLabel('Historien', { exact: true }).fill('Karen vil gerne mærke sandet under fødderne igen.');
  await page.getByLabel('Drømmerens fornavn', { exact: true }).fill('Karen');
  await page.getByLabel('Kommune', { exact: true }).fill('Assens');
  await page.getByLabel('Sted', { exact: true }).fill('Vesterhavet');
  await page.getByLabel('Fra dato', { exact: true }).fill(dayFromToday(1));
  await page.getByLabel('Til dato', { exact: true }).fill(dayFromToday(30));
  await page.getByLabel('Svar senest', { exact: true }).fill(dayFromToday(replyBy));
  await page.getByLabel('Formiddag').check();
  await page.getByLabel('Varighed i timer').fill('3');
  await page.getByLabel('Antal drømmeløbere').fill(String(runners));
  await page.getByLabel('Kategori', { exact: true }).selectOption('natur');
  await page.getByLabel('Koordinatorens navn').fill('Lone');
  await page.getByLabel('Koordinatorens telefon eller mail').fill('lone@example.dk');
  await page.getByLabel('Private noter om drømmeren').fill(note);
  const needs = page.getByRole('group', { name: 'Drømmen kræver' });
  for (const s of skills) await needs.getByLabel(s, { exact: true }).check();
  const confirmBox = page.getByLabel('Jeg bekræfter selv hver drømmeløber');
  assert.equal(await confirmBox.isChecked(), true, 'a new dream asks for the coordinator\'s yes');
  if (!confirm) await confirmBox.uncheck();
  assert.equal(await page.getByLabel('Slet private oplysninger efter (dage)').inputValue(), '30', 'erased after 30 days by default');
  for (const b of await page.locator('fieldset.boundaries input[type=checkbox]').all()) await b.check();
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return page.url();
}

/** The dream's page with the coordinator's tools unfolded (`?koordinator=1`). */
async function asCoordinator(page, url) {
  await visit(page, `${url.split('?')[0]}?koordinator=1`);
  const tools = page.locator('details.dream-manage');
  await tools.waitFor();
  assert.equal(await tools.evaluate((d) => d.open), true, '?koordinator=1 unfolds the tools');
  assert.equal(await tools.locator('summary').innerText(), 'Koordinatorens værktøjer');
}

/** "Del med drømmeløberne": the file for the runners, from the board. */
async function runnersFile(page) {
  await open(page, env.server, '/droemme');
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Del med drømmeløberne' }).click());
  assert.ok(!file.text.includes('Skovvej'), 'no private note in the runners\' file');
  return file.text;
}

/** Imports a file on /del and merges it in. */
async function merge(page, text, name = 'droemme.json') {
  await importFile(page, env.server, { name, text });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
}

/** Opens a share link (a fresh load: the link may point at the page already open), and merges it in. */
async function mergeLink(page, link) {
  await settled(page);
  await page.goto('about:blank');
  await page.goto(link);
  await page.locator('.preview').waitFor();
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
}

/** "Del som link" in `box` (a part of the page); returns the link. */
async function linkFrom(box) {
  await box.getByRole('button', { name: 'Del som link' }).click();
  const url = box.locator('.share-link__url');
  await url.waitFor();
  return url.inputValue();
}

/** Opens a dream from the board's columns. */
async function openFromBoard(page, title) {
  await open(page, env.server, '/droemme');
  await page.locator('.dream-board').getByRole('link', { name: title, exact: true }).click({ timeout: 15000 });
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The runner's sign-up: name, contact, and the button. */
async function signUp(page, name, button = 'Jeg tager den') {
  await page.getByLabel('Dit navn').fill(name);
  await page.getByLabel('Din telefon eller mail').fill(`${name.toLowerCase()}@example.dk`);
  await page.getByRole('button', { name: button, exact: true }).click();
}

/** The line of the claims list that names `name`. */
function claimLine(page, name) {
  return page.locator('.dream-claims li').filter({ hasText: name });
}

/** "Gem fil til koordinatoren" on the runner's own claim. */
async function fileForCoordinator(page) {
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Gem fil til koordinatoren' }).click());
  return file.text;
}

test('1. "Jeg tager den" waits; the coordinator confirms one runner (by file) and declines another (by link) with a reason', async () => {
  const TITLE = 'Tur til Vesterhavet';
  const REASON = 'Vi har brug for en med bil denne gang';
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  const url = await postDream(coord.page, { title: TITLE, runners: 2 });
  const file = await runnersFile(coord.page);
  assert.equal(JSON.parse(file).dreams[0].confirm_claims, true);

  // Anna gets the coordinator's file on her phone and takes the dream: she waits.
  const anna = await newPage(env.browser, env.server, { size: 'phone' });
  await merge(anna.page, file);
  await openFromBoard(anna.page, TITLE);
  await signUp(anna.page, 'Anna');
  await anna.page.getByRole('heading', { name: 'Du står på drømmen – afventer koordinator.' }).waitFor();
  await said(anna.page, 'Tak! Du står på drømmen og afventer koordinatorens bekræftelse. Du kan se svaret her, når det er kommet.');
  assert.match(await claimLine(anna.page, 'Anna').innerText(), /\(afventer koordinator\)/);
  await anna.page.locator('.badge', { hasText: '1 afventer koordinator' }).waitFor();
  await assertAccessible(anna.page, 'claim waiting for the coordinator @ phone');
  const annaFile = await fileForCoordinator(anna.page);
  assert.equal(JSON.parse(annaFile).dreams[0].claims[0].awaiting, true);

  // Bent gets the dream as a link from the coordinator's dream page, takes it, and answers by link.
  await visit(coord.page, url);
  const dreamLink = await linkFrom(coord.page.locator('.dream-share'));
  const bent = await newPage(env.browser, env.server, { size: 'phone' });
  await mergeLink(bent.page, dreamLink);
  await openFromBoard(bent.page, TITLE);
  await signUp(bent.page, 'Bent');
  await bent.page.getByRole('heading', { name: 'Du står på drømmen – afventer koordinator.' }).waitFor();
  const bentLink = await linkFrom(bent.page.locator('.dream-runner'));

  // The coordinator merges Anna's file: one waits, on the board and on the dream.
  await merge(coord.page, annaFile, 'anna.json');
  await open(coord.page, env.server, '/droemme');
  const card = coord.page.locator('.dream-card').filter({ has: coord.page.getByRole('link', { name: TITLE }) });
  await card.locator('.badge', { hasText: '1 afventer koordinator' }).waitFor();
  await asCoordinator(coord.page, url);
  await coord.page.locator('.badge', { hasText: '1 afventer koordinator' }).waitFor();
  await coord.page.getByRole('heading', { name: 'Svar til drømmeløberne' }).waitFor();
  await assertAccessible(coord.page, 'a claim to confirm @ tablet');
  await coord.page.getByRole('button', { name: 'Bekræft Anna' }).click();
  await said(coord.page, 'Drømmeløberen er bekræftet.');
  assert.match(await claimLine(coord.page, 'Anna').innerText(), /\(bekræftet\)/);
  assert.equal(await coord.page.locator('.badge', { hasText: 'afventer koordinator' }).count(), 0);

  // Bent's link: the coordinator says no with a short reason.
  await mergeLink(coord.page, bentLink);
  await asCoordinator(coord.page, url);
  await coord.page.locator('.badge', { hasText: '1 afventer koordinator' }).waitFor();
  await coord.page.getByLabel('Kort begrundelse').fill(REASON);
  await coord.page.getByRole('button', { name: 'Sig nej tak til Bent' }).click();
  await said(coord.page, 'Du har sagt nej tak til drømmeløberen.');
  // A declined runner is told on their own device, not listed for everyone.
  assert.equal(await claimLine(coord.page, 'Bent').count(), 0);
  assert.equal(await coord.page.getByRole('button', { name: 'Sig nej tak til Bent' }).count(), 0);
  // One of two places is held (Anna's): the dream is open again for one more.
  await coord.page.getByText('Status: Åben').waitFor();
  await coord.page.locator('.dream-facts').getByText('1 af 2').waitFor();
  await assertAccessible(coord.page, 'confirmed and declined @ tablet');

  // The dream travels back by file: Bent sees the reason, Anna that she is on.
  const back = await runnersFile(coord.page);
  await merge(bent.page, back, 'droemme2.json');
  await open(bent.page, env.server, new URL(url).pathname);
  await bent.page.getByRole('heading', { name: `Koordinatoren har sagt nej tak denne gang: «${REASON}»` }).waitFor();
  assert.equal(await bent.page.getByRole('button', { name: 'Slip igen' }).count(), 0);
  assert.equal(await bent.page.getByRole('button', { name: 'Jeg tager den' }).count(), 0);
  await assertAccessible(bent.page, 'declined with a reason @ phone');
  await merge(anna.page, back, 'droemme2.json');
  await open(anna.page, env.server, new URL(url).pathname);
  await anna.page.getByRole('heading', { name: 'Du har taget denne drøm.' }).waitFor();
  assert.match(await claimLine(anna.page, 'Anna').innerText(), /\(bekræftet\)/);

  for (const p of [coord, anna, bent]) {
    assertClean(p.problems);
    await p.context.close();
  }
});

/** Connects the profile of `page` to the shared board as `name`, and waits for the first sync. */
async function connected(page, name) {
  await open(page, env.server, '/del');
  const card = page.locator('.board-card');
  await card.getByLabel('Tavlens adresse').fill(`/tavle/${DB}`);
  await card.getByLabel('Navn', { exact: true }).fill(name);
  await card.getByLabel('Adgangskode').fill(PEOPLE[name]);
  await card.getByRole('button', { name: 'Forbind' }).click();
  await card.locator('.board-status').getByText(/Synkroniseret kl\. \d\d\.\d\d/).waitFor();
}

test('2. a full dream takes a reserve; when a runner lets go the place is offered on the reserve\'s phone (shared board)', async () => {
  const TITLE = 'Kaffe på havnen i Faaborg';
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  const anna = await newPage(env.browser, env.server, { size: 'phone' });
  const bent = await newPage(env.browser, env.server, { size: 'phone' });
  await connected(coord.page, 'lone');
  await connected(anna.page, 'anna');
  await connected(bent.page, 'bent');
  // Confirmation switched off for this dream: "Jeg tager den" is on at once.
  const url = await postDream(coord.page, { title: TITLE, runners: 1, confirm: false });
  const path = new URL(url).pathname;

  await openFromBoard(anna.page, TITLE);
  await signUp(anna.page, 'Anna');
  await anna.page.getByRole('heading', { name: 'Du har taget denne drøm.' }).waitFor();

  // Bent sees the place taken (once Anna's claim has reached him) and joins the reserve.
  await openFromBoard(bent.page, TITLE);
  await claimLine(bent.page, 'Anna').waitFor({ timeout: 15000 });
  await bent.page.getByRole('heading', { name: 'Pladserne er taget' }).waitFor();
  assert.equal(await bent.page.getByRole('button', { name: 'Jeg tager den' }).count(), 0);
  await assertAccessible(bent.page, 'reserve sign-up @ phone');
  await signUp(bent.page, 'Bent', 'Jeg vil gerne være reserve');
  await bent.page.getByRole('heading', { name: 'Du er reserve nummer 1.' }).waitFor();
  await said(bent.page, 'Du står nu som reserve. Slipper en drømmeløber, bliver pladsen tilbudt dig her.');
  await assertAccessible(bent.page, 'reserve number 1 @ phone');

  // The coordinator's tablet lists him as a reserve, with no file.
  await open(coord.page, env.server, path);
  const reserves = coord.page.locator('.dream-claims');
  await reserves.getByRole('heading', { name: 'Reserver' }).waitFor({ timeout: 15000 });
  await claimLine(coord.page, 'Bent').getByText('(reserve nr. 1)').waitFor();

  // Anna lets go; the place is offered on Bent's phone without a reload.
  await anna.page.getByRole('button', { name: 'Slip igen' }).click();
  await said(anna.page, 'Du har sluppet drømmen. Den er åben igen for andre.');
  await bent.page.getByRole('heading', { name: 'En plads er blevet ledig, og den er tilbudt dig.' }).waitFor({ timeout: 15000 });
  await bent.page.getByRole('button', { name: 'Nej tak, tag mig af listen' }).waitFor();
  await assertAccessible(bent.page, 'offered the place @ phone');
  await claimLine(coord.page, 'Bent').getByText('(reserve – tilbudt pladsen)').waitFor({ timeout: 15000 });
  await bent.page.getByRole('button', { name: 'Ja, jeg tager pladsen' }).click();
  await said(bent.page, 'Pladsen er din. Tak!');
  await bent.page.getByRole('heading', { name: 'Du har taget denne drøm.' }).waitFor();
  await bent.page.getByRole('button', { name: 'Slip igen' }).waitFor();

  // The tablet agrees: Bent has the place, Anna is gone, nobody waits in the reserve.
  await claimLine(coord.page, 'Bent').getByText('(bekræftet)').waitFor({ timeout: 15000 });
  await coord.page.getByText('Status: Taget').waitFor();
  assert.equal(await claimLine(coord.page, 'Anna').count(), 0);
  assert.equal(await reserves.getByRole('heading', { name: 'Reserver' }).count(), 0);
  await assertAccessible(coord.page, 'reserve took the place @ tablet, connected');
  for (const p of [coord, anna, bent]) {
    assertClean(apartFromNetwork(p.problems), 'shared board');
    await p.context.close();
  }
});

test('3. the coordinator puts on a runner who phoned: "ringede", confirmed at once, not the coordinator\'s own claim', async () => {
  const TITLE = 'Bankospil i Glamsbjerg';
  const coord = await newPage(env.browser, env.server, { size: 'phone' });
  const url = await postDream(coord.page, { title: TITLE, runners: 1 });
  await asCoordinator(coord.page, url);
  const form = coord.page.locator('form.dream-phoned');
  await form.getByRole('heading', { name: 'Tilføj en drømmeløber, der har ringet' }).waitFor();
  await form.getByLabel('Drømmeløberens navn').fill('Karl');
  await form.getByLabel('Drømmeløberens telefon eller mail').fill('22 33 44 55');
  await form.getByRole('button', { name: 'Tilføj drømmeløber' }).click();
  await said(coord.page, 'Drømmeløberen er sat på drømmen.');
  const line = await claimLine(coord.page, 'Karl').innerText();
  assert.match(line, /Karl – 22 33 44 55/);
  assert.match(line, /\(bekræftet, ringede\)/);
  assert.match(line, /bekræftet/);
  assert.doesNotMatch(line, /afventer/);
  await coord.page.getByText('Status: Taget').waitFor();
  assert.equal(await coord.page.locator('.badge', { hasText: 'afventer koordinator' }).count(), 0, 'nothing to confirm');
  // The phone call is the runner's claim, not this device's: no "Slip igen" here, and the places are taken.
  assert.equal(await coord.page.getByRole('heading', { name: 'Du har taget denne drøm.' }).count(), 0);
  await coord.page.getByRole('heading', { name: 'Pladserne er taget' }).waitFor();
  assert.match((await coord.page.locator('.dream-history li').allInnerTexts())[0], /Lone tog drømmen \(Karl\)/);
  await assertAccessible(coord.page, 'a runner who phoned @ phone');

  // In the file the claim is marked as entered by the coordinator, and a runner's phone shows it so.
  const file = await runnersFile(coord.page);
  const claim = JSON.parse(file).dreams[0].claims[0];
  assert.equal(claim.by_coordinator, true);
  assert.equal(claim.decision.yes, true);
  const runner = await newPage(env.browser, env.server, { size: 'tablet' });
  await merge(runner.page, file);
  await open(runner.page, env.server, new URL(url).pathname);
  assert.match(await claimLine(runner.page, 'Karl').innerText(), /\(bekræftet, ringede\)/);
  await runner.page.getByRole('button', { name: 'Jeg vil gerne være reserve' }).waitFor();
  await assertAccessible(runner.page, 'a phoned runner on a runner\'s device @ tablet');
  for (const p of [coord, runner]) {
    assertClean(p.problems);
    await p.context.close();
  }
});

test('4. a moved date asks the runner again; "Jeg kan stadig" reaches the coordinator', async () => {
  const TITLE = 'Koncert i Assens Kirke';
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  const url = await postDream(coord.page, { title: TITLE, runners: 1 });
  const path = new URL(url).pathname;
  const runner = await newPage(env.browser, env.server, { size: 'phone' });
  await merge(runner.page, await runnersFile(coord.page));
  await openFromBoard(runner.page, TITLE);
  await signUp(runner.page, 'Dorte');
  await runner.page.getByRole('heading', { name: 'Du står på drømmen – afventer koordinator.' }).waitFor();
  await merge(coord.page, await fileForCoordinator(runner.page), 'dorte.json');

  // Confirmed, then a date; then the date moves.
  await asCoordinator(coord.page, url);
  await coord.page.getByRole('button', { name: 'Bekræft Dorte' }).click();
  await said(coord.page, 'Drømmeløberen er bekræftet.');
  await coord.page.getByLabel('Aftalt dato').fill(dayFromToday(8));
  await coord.page.getByLabel('Klokkeslæt (valgfrit)').fill('10:00');
  await coord.page.getByRole('button', { name: 'Sæt dato' }).click();
  await coord.page.getByText('Status: Planlagt').waitFor();
  assert.equal(await coord.page.getByText('har ikke svaret').count(), 0, 'the first date asks nobody again');
  await merge(runner.page, await runnersFile(coord.page), 'dato.json');
  await open(runner.page, env.server, path);
  await runner.page.locator('.dream-facts').getByText(`${danishDay(dayFromToday(8))} kl. 10.00`).waitFor();
  assert.equal(await runner.page.getByText('Kan du stadig?').count(), 0);

  await asCoordinator(coord.page, url);
  await coord.page.getByLabel('Aftalt dato').fill(dayFromToday(9));
  await coord.page.getByLabel('Klokkeslæt (valgfrit)').fill('14:00');
  await coord.page.getByRole('button', { name: 'Sæt dato' }).click();
  await coord.page.getByText('0 af 1 har svaret på det nye tidspunkt.').waitFor();
  await coord.page.locator('.badge', { hasText: '1 har ikke svaret på ny tid' }).waitFor();
  assert.match(await claimLine(coord.page, 'Dorte').innerText(), /\(bekræftet, har ikke svaret på det nye tidspunkt\)/);
  await assertAccessible(coord.page, 'waiting for answers to a moved date @ tablet');

  // The change reaches the runner by file: she is asked, and can still.
  await merge(runner.page, await runnersFile(coord.page), 'ny-dato.json');
  await open(runner.page, env.server, path);
  const ask = runner.page.locator('.dream-ask');
  await ask.getByText(`Tidspunktet er ændret til ${danishDay(dayFromToday(9))} kl. 14.00. Kan du stadig?`).waitFor();
  await ask.getByRole('button', { name: 'Jeg kan ikke længere' }).waitFor();
  await assertAccessible(runner.page, 'asked about a moved date @ phone');
  await ask.getByRole('button', { name: 'Jeg kan stadig' }).click();
  await said(runner.page, 'Tak! Koordinatoren kan se, at du stadig kan.');
  await runner.page.locator('.dream-ask').waitFor({ state: 'detached' });
  await runner.page.getByRole('heading', { name: 'Du har taget denne drøm.' }).waitFor();

  // Her answer travels back; the coordinator sees it.
  await merge(coord.page, await fileForCoordinator(runner.page), 'dorte2.json');
  await asCoordinator(coord.page, url);
  await coord.page.getByText('1 af 1 har svaret på det nye tidspunkt.').waitFor();
  assert.equal(await coord.page.getByText('har ikke svaret').count(), 0);
  assert.match(await claimLine(coord.page, 'Dorte').innerText(), /\(bekræftet, kan stadig det nye tidspunkt\)/);
  await coord.page.getByText('Status: Planlagt').waitFor();
  await assertAccessible(coord.page, 'every runner answered @ tablet');
  for (const p of [coord, runner]) {
    assertClean(p.problems);
    await p.context.close();
  }
});

test('5. "Bil" in "Hvornår har du tid?" puts the dream that needs a car first, "du har bil"', async () => {
  const CAR = 'Tur til Lillebæltsbroen';
  const CHAIR = 'Rundtur i Botanisk Have';
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  await postDream(coord.page, { title: CAR, skills: ['Bil'], replyBy: 14 });
  // The wheelchair dream has the sooner deadline, so it comes first by deadline alone.
  await postDream(coord.page, { title: CHAIR, skills: ['Erfaring med kørestol'], replyBy: 9 });
  const file = await runnersFile(coord.page);
  assert.deepEqual(JSON.parse(file).dreams.map((d) => d.skills).sort(), [['bil'], ['koerestol']]);

  const runner = await newPage(env.browser, env.server, { size: 'phone' });
  await merge(runner.page, file);
  await open(runner.page, env.server, '/droemme');
  const toggle = runner.page.locator('.dreams-bar').getByRole('button', { name: 'Hvornår har du tid?' });
  const titles = () => runner.page.locator('.dream-column--open .dream-card__title').allInnerTexts();
  // What a dream needs is on its card and page before anyone volunteers.
  await runner.page.locator('.dream-card', { hasText: CAR }).getByText('Drømmen kræver: Bil').waitFor();
  await runner.page.getByRole('link', { name: CAR }).click();
  const needs = runner.page.locator('.dream-facts div', { hasText: 'Drømmen kræver' });
  assert.equal((await needs.innerText()).replace(/\s+/g, ' ').trim(), 'Drømmen kræver Bil');
  await open(runner.page, env.server, '/droemme');
  await toggle.click();
  await runner.page.getByRole('button', { name: 'Find drømme' }).click();
  await runner.page.getByText('2 drømme passer til din tid').waitFor();
  assert.deepEqual(await titles(), [CHAIR, CAR], 'without a car: soonest deadline first');

  await toggle.click();
  const brings = runner.page.getByRole('group', { name: 'Det kan jeg bidrage med' });
  await brings.getByLabel('Bil', { exact: true }).check();
  await assertAccessible(runner.page, 'what I bring @ phone');
  await runner.page.getByRole('button', { name: 'Find drømme' }).click();
  await runner.page.getByText('2 drømme passer til din tid').waitFor();
  await runner.page.locator('.dream-card__why', { hasText: 'du har bil' }).waitFor();
  assert.deepEqual(await titles(), [CAR, CHAIR], 'with a car: the car dream first');
  const why = await runner.page.locator('.dream-column--open .dream-card__why').allInnerTexts();
  assert.deepEqual(why, ['Passer godt: du har bil', 'Kræver erfaring med kørestol']);
  await assertAccessible(runner.page, 'ranked by what I bring @ phone');
  // The answer is remembered on the phone.
  await open(runner.page, env.server, '/droemme');
  await runner.page.getByText('2 drømme passer til din tid').waitFor();
  assert.deepEqual(await titles(), [CAR, CHAIR]);
  for (const p of [coord, runner]) {
    assertClean(p.problems);
    await p.context.close();
  }
});

for (const size of ['phone', 'tablet']) {
  test(`6. "Drømme i fare": a deadline in 3 days and a late release, with the "I fare" badge (${size})`, async () => {
    const SOON = 'Fisketur ved Helnæs';
    const LATER = 'Havetur i Haarby';
    const LATE = 'Sang på plejehjemmet';
    const coord = await newPage(env.browser, env.server, { size });
    await postDream(coord.page, { title: SOON, runners: 2, replyBy: 3 });
    await postDream(coord.page, { title: LATER, runners: 2, replyBy: 20 });
    // Planned for tomorrow morning with a runner who phoned, who then cannot come.
    const lateUrl = await postDream(coord.page, { title: LATE, runners: 1, replyBy: 12 });
    await asCoordinator(coord.page, lateUrl);
    await coord.page.getByLabel('Drømmeløberens navn').fill('Karl');
    await coord.page.getByLabel('Drømmeløberens telefon eller mail').fill('karl@example.dk');
    await coord.page.getByRole('button', { name: 'Tilføj drømmeløber' }).click();
    await coord.page.getByText('Status: Taget').waitFor();
    await coord.page.getByLabel('Aftalt dato').fill(dayFromToday(1));
    await coord.page.getByLabel('Klokkeslæt (valgfrit)').fill('10:00');
    await coord.page.getByRole('button', { name: 'Sæt dato' }).click();
    await coord.page.getByText('Status: Planlagt').waitFor();
    await coord.page.getByRole('button', { name: 'Fjern Karl' }).click();
    await coord.page.getByText('Status: Åben').waitFor();
    await coord.page.locator('.badge--risk', { hasText: 'I fare' }).waitFor();

    await open(coord.page, env.server, '/droemme');
    const risk = coord.page.locator('.dreams-risk');
    await risk.getByRole('heading', { name: 'Drømme i fare' }).waitFor();
    const lines = await risk.locator('li').allInnerTexts();
    assert.equal(lines.length, 2, `two dreams at risk: ${lines}`);
    assert.match(lines[0], new RegExp(`^${LATE} – En drømmeløber meldte fra \\d+ timer før, og der mangler nu 1 drømmeløber\\.$`));
    assert.equal(lines[1], `${SOON} – Fristen er om 3 dage, og der mangler 2 drømmeløbere.`);
    await risk.getByRole('link', { name: SOON }).waitFor();
    const card = (title) => coord.page.locator('.dream-board .dream-card')
      .filter({ has: coord.page.getByRole('link', { name: title, exact: true }) });
    const badge = (title) => card(title).locator('.badge--risk', { hasText: 'I fare' });
    assert.equal(await card(LATER).count(), 1);
    assert.equal(await badge(SOON).count(), 1);
    assert.equal(await badge(LATE).count(), 1);
    assert.equal(await badge(LATER).count(), 0, 'a deadline in 20 days is not at risk');
    await assertAccessible(coord.page, `dreams at risk @ ${size}`);
    // The list leads to the dream.
    await risk.getByRole('link', { name: SOON }).click();
    await coord.page.getByRole('heading', { level: 1, name: SOON }).waitFor();
    assertClean(coord.problems);
    await coord.context.close();
  });
}

test('7a. the dreamer\'s thank-you reaches the runner', async () => {
  const TITLE = 'Is på stranden i Assens';
  const THANKS = 'Tak fra Karen: Det var den bedste dag i år.';
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  const url = await postDream(coord.page, { title: TITLE, runners: 1, confirm: false });
  const runner = await newPage(env.browser, env.server, { size: 'phone' });
  await merge(runner.page, await runnersFile(coord.page));
  await openFromBoard(runner.page, TITLE);
  await signUp(runner.page, 'Ebbe');
  await runner.page.getByRole('heading', { name: 'Du har taget denne drøm.' }).waitFor();
  await merge(coord.page, await fileForCoordinator(runner.page), 'ebbe.json');

  await asCoordinator(coord.page, url);
  await coord.page.getByLabel('Aftalt dato').fill(dayFromToday(2));
  await coord.page.getByRole('button', { name: 'Sæt dato' }).click();
  await coord.page.getByText('Status: Planlagt').waitFor();
  await coord.page.getByLabel('Sådan gik det').fill('Karen fik sand mellem tæerne.');
  await coord.page.getByRole('button', { name: 'Markér som opfyldt' }).click();
  await coord.page.getByText('Status: Opfyldt').waitFor();
  await coord.page.getByLabel('Tak fra drømmeren').fill(THANKS);
  await coord.page.getByRole('button', { name: 'Gem tak' }).click();
  await said(coord.page, 'Takken er gemt og vises for drømmeløberne.');
  const shown = coord.page.locator('.dream-thanks');
  await shown.getByRole('heading', { name: 'Tak fra drømmeren' }).waitFor();
  await shown.getByText(THANKS).waitFor();
  await assertAccessible(coord.page, 'thank-you saved @ tablet');

  await merge(runner.page, await runnersFile(coord.page), 'tak.json');
  await open(runner.page, env.server, new URL(url).pathname);
  await runner.page.getByText('Status: Opfyldt').waitFor();
  const thanks = runner.page.locator('.dream-thanks');
  await thanks.getByRole('heading', { name: 'Tak fra drømmeren' }).waitFor();
  await thanks.getByText(THANKS).waitFor();
  assert.equal(await runner.page.getByText(PRIVATE).count(), 0);
  await assertAccessible(runner.page, 'thank-you on the runner\'s phone');
  for (const p of [coord, runner]) {
    assertClean(p.problems);
    await p.context.close();
  }
});

const DAY = 86_400_000;
/** Noon UTC `days` from today, as milliseconds (13 or 14 o'clock in Copenhagen: the same date). */
const noon = (days) => {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  return d.getTime() + days * DAY;
};
const iso = (ms) => new Date(ms).toISOString();
/** The Copenhagen date of a moment, YYYY-MM-DD. */
const cphDate = (ms) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(ms);
const rev = (ms) => ({ at: iso(ms), n: 0, by: 'koordinator01' });

const ERASED_ID = '00000000-0000-4000-8000-000000000730';
const ERASED_TITLE = 'Sommerhus ved Drejø';
const NOTE = 'Nøglen ligger hos naboen i nr. 14, datteren Lise ringer om aftenen';

/** The dream as the coordinator's device held it at `stage` ('planned' or 'fulfilled' 31 days ago), with the private note. */
function erasable(stage) {
  const posted = noon(-60);
  const planned = noon(-45);
  const fulfilled = noon(-31);
  const log = [['created', posted], ['planned', planned, { date: cphDate(fulfilled) }]];
  if (stage === 'fulfilled') log.push(['fulfilled', fulfilled]);
  return {
    id: ERASED_ID, rev: rev(log[log.length - 1][1]), deleted: false,
    title: ERASED_TITLE, story: 'Karen vil gerne se sommerhuset igen.', dreamer: 'Karen',
    municipality: 'Faaborg-Midtfyn', place: 'Drejø', window_from: cphDate(noon(-50)), window_to: cphDate(noon(-20)),
    reply_by: cphDate(noon(-48)), times: ['formiddag'], duration_hours: 5, runners_needed: 1, category: 'udflugt',
    needs: [], coordinator: { name: 'Lone', contact: 'lone@example.dk' },
    boundaries_ok: ['penge', 'medicin', 'noegler', 'pleje', 'myndighed'],
    status: stage, planned_for: cphDate(fulfilled), outcome: stage === 'fulfilled' ? 'En god dag på øen.' : undefined,
    claims: [{ id: '00000000-0000-4000-9000-000000000731', rev: rev(posted + DAY), deleted: false, name: 'Anna', contact: 'anna@example.dk', claimed_at: iso(posted + DAY) }],
    log: log.map(([event, at, more]) => ({ rev: rev(at), who: 'Lone', event, ...more })),
    private_note: { text: NOTE, rev: rev(posted) },
    erase_after_days: 30,
  };
}

test('7b. a dream fulfilled 31 days ago loses its private note on load, everywhere, and an older copy does not bring it back', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'tablet' });
  // The app has run here (its database is made); the coordinator's dream is stored as it was a month ago.
  await open(page, env.server, '/del');
  await settled(page);
  await page.evaluate(([id, text]) => new Promise((ok, fail) => {
    const q = indexedDB.open('tidoglyst');
    q.onerror = () => fail(q.error);
    q.onsuccess = () => {
      const tx = q.result.transaction('dreams', 'readwrite');
      tx.objectStore('dreams').put(text, id);
      tx.oncomplete = () => (q.result.close(), ok());
      tx.onerror = () => fail(tx.error);
    };
  }), [ERASED_ID, JSON.stringify(erasable('fulfilled'))]);
  assert.ok(JSON.stringify(await storageDump(page)).includes('Nøglen ligger hos naboen'), 'seeded with the note');

  const erasedLine = `De private oplysninger om drømmeren blev slettet ${danishDate(cphDate(noon(-1)))}.`;
  const check = async (what) => {
    await open(page, env.server, `/droemme/${ERASED_ID}?koordinator=1`);
    await page.getByRole('heading', { level: 1, name: ERASED_TITLE }).waitFor();
    await page.locator('.dream-erased').getByText(erasedLine, { exact: true }).waitFor();
    await page.locator('.badge', { hasText: 'Private oplysninger slettet' }).waitFor();
    await page.getByText('Status: Opfyldt').waitFor();
    assert.equal(await page.getByText('Nøglen ligger hos naboen').count(), 0, `no note on the page ${what}`);
    assert.equal(await page.getByRole('heading', { name: 'Private noter (kun her)' }).count(), 0);
    // What the dream is about stays.
    await claimLine(page, 'Anna').waitFor();
    await page.getByText('En god dag på øen.').waitFor();
    // Written through: neither IndexedDB nor local storage holds the note any more.
    let stored = '';
    for (let i = 0; i < 50; i++) {
      stored = JSON.stringify(await storageDump(page));
      if (!stored.includes('Nøglen ligger hos naboen')) break;
      await page.waitForTimeout(100);
    }
    assert.ok(!stored.includes('Nøglen ligger hos naboen'), `the note is gone from storage ${what}`);
    const kept = JSON.parse(JSON.parse((await storageDump(page))['tidoglyst.idb.dreams'])[0]);
    assert.equal(kept.private_note, undefined);
    assert.ok(kept.erased_at, 'the erasure is marked');
  };
  await check('after load');
  await assertAccessible(page, 'private details erased @ tablet');

  // A copy from before the dream (planned, with the note), as an old file kept it: nothing in it is new here.
  const fileOf = (dream) => JSON.stringify({ format: 'tid-og-lyst', version: 1, exported_at: iso(noon(-40)), origin: 'koordinator02', dreams: [dream], activities: [], assessments: [] });
  const old = erasable('planned');
  assert.ok(fileOf(old).includes('Nøglen ligger hos naboen'));
  await importFile(page, env.server, { name: 'gammel-kopi.json', text: fileOf(old) });
  assert.match(await page.locator('.preview__summary').innerText(), /^0 nye, 0 opdaterede, 0 konflikter$/);
  assert.equal(await page.getByRole('button', { name: 'Flet ind' }).isDisabled(), true, 'nothing to merge from the older copy');
  // The same older copy from the second coordinator's tablet, where Bent was put on by phone: merged, and the note stays gone.
  old.claims.push({ id: '00000000-0000-4000-9000-000000000732', rev: rev(noon(-44)), deleted: false, name: 'Bent', contact: 'bent@example.dk', claimed_at: iso(noon(-44)), by_coordinator: true, decision: { rev: rev(noon(-44)), yes: true } });
  await importFile(page, env.server, { name: 'gammel-kopi-2.json', text: fileOf(old) });
  assert.match(await page.locator('.preview__summary').innerText(), /^0 nye, 1 opdateret, 0 konflikter$/);
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  await check('after merging an older copy with the note');
  await claimLine(page, 'Bent').waitFor();
  // And once more after a reload, from storage alone.
  await page.reload();
  await check('after a reload');
  assertClean(problems);
  await context.close();
});
