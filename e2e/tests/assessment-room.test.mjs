// SKAL eller KAN? for a room (issue 31): four participants on phone profiles
// and a facilitator at projector size, the projector open in its own tab of
// the facilitator's profile while the answers are merged in another (files
// through "Importér svarfiler", links opened in a tab of their own), so the
// projector changes as the answers arrive.
//   1. Turnout and the anonymity threshold: "2 af 2 har svaret", space shows
//      nothing below three; with the third (and a fourth participant known
//      from another card) "3 af 4 har svaret", and space shows the result.
//   2. Rule "Når alle har svaret": the result appears by itself, without a
//      key press, once the last known participant's answer is merged.
//   3. The card timer under Playwright's fake clock: "Tid tilbage: 1.00",
//      P pauses (the time stands still) and resumes; with the rule "Når tiden
//      på kortet er gået" the result appears with "Tiden er gået.".
//   4. "Stem igen": the phones get the second round by the facilitator's link
//      or file again, two of four move; both rounds side by side on the
//      projector with "2 deltagere flyttede sig.", in the summary and the CSV.
//   5. "Mest uenige først" reorders the overview's "Svar pr. kort" and the
//      summary.
//   6. The join corner: every card shows the QR code and the short address;
//      the code, decoded by zbarimg, offers the workshop on a fresh phone.
// axe-core at projector and phone size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useBrowser, newPage, open, assertClean, assertAccessible, downloadText, importFile, createWorkshop,
} from '../lib/harness.mjs';

const env = useBrowser();

/** No journey may hang the run (a fake clock held still stops any page timer). */
const LIMIT = { timeout: 240_000 };

const CARDS = [
  'Bisiddere',
  'Indkøbsture',
  'Hjemmetræning',
  'Besøgsvenner på plejehjem',
  'Støtte til demensramte',
  'IT-hjælp til den offentlige digitalisering',
];
const BIS_QUESTION = 'Er det en kommunal borgerrådgiveropgave at yde støtte til borgerne eller en frivillig opgave?';
const LINK_LABEL = 'Linket (kan også kopieres herfra)';

/** Polls `read` until it returns something `ok` accepts (up to `ms`); returns it. */
async function until(read, ok, what, ms = 10000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > end) assert.fail(`${what}: last saw ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------- facilitator

/** The facilitator at projector size with a new workshop open on its overview. */
async function facilitator(name, { clock = false } = {}) {
  const fac = await newPage(env.browser, env.server, { size: 'projector' });
  // The fake clock goes in before the app loads (it replaces Date and the timers).
  if (clock) await fac.page.clock.install();
  await open(fac.page, env.server, '/skal-kan');
  await createWorkshop(fac.page, name);
  fac.sessionUrl = fac.page.url();
  fac.id = fac.sessionUrl.split('/').pop();
  fac.tabs = [];
  return fac;
}

/** The overview's section "Til facilitatoren". */
const shareBox = (page) => page.getByRole('region', { name: 'Til facilitatoren' });

/** What the participants get: the workshop file and its link ("Del som link"). */
async function invitation(fac) {
  const file = await downloadText(fac.page, () => fac.page.getByRole('button', { name: 'Eksportér workshop til deltagerne' }).click());
  const box = shareBox(fac.page);
  const url = box.getByLabel(LINK_LABEL);
  const old = (await url.count()) ? await url.inputValue() : '';
  await box.getByRole('button', { name: 'Del som link' }).click();
  const link = await until(() => url.inputValue().catch(() => ''), (v) => v && v !== old, 'the workshop link');
  assert.ok(link.startsWith(env.server.url('/skal-kan#data=')), link);
  return { file, link };
}

/** Opens the projector in a tab of its own in the facilitator's profile. */
async function projector(fac) {
  const tab = await newPage(env.browser, env.server, { context: fac.context });
  fac.tabs.push(tab);
  await open(tab.page, env.server, `/skal-kan/${fac.id}?visning=projektor`);
  const pv = tab.page.locator('.projector');
  await pv.locator('.projector__title').waitFor();
  return { ...tab, pv };
}

/** Sets the overview's "Visning af resultater" form and saves it. */
async function setRules(fac, { rule, min, minutes }) {
  const form = fac.page.locator('form').filter({ has: fac.page.getByRole('heading', { name: 'Visning af resultater' }) });
  if (rule) await form.getByRole('group', { name: 'Hvornår vises resultatet på projektoren?' }).getByLabel(rule, { exact: true }).check();
  if (min !== undefined) await form.getByLabel('Vis aldrig et resultat med færre svar end').fill(String(min));
  if (minutes !== undefined) await form.getByLabel('Tid pr. kort i minutter (0 = intet ur)').fill(String(minutes));
  await form.getByRole('button', { name: 'Gem visning' }).click();
  await form.getByText('Visningen er gemt.').waitFor();
}

/** Merges answer files through "Importér svarfiler" on the overview. */
async function mergeFiles(fac, files, preview) {
  const input = fac.page.getByLabel('Importér svarfiler');
  await input.setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await fac.page.locator('.ballot-preview .preview__summary').getByText(preview, { exact: true }).waitFor();
  await fac.page.getByRole('button', { name: 'Flet svarene ind' }).click();
  await fac.page.getByText('Svarene er flettet ind.').waitFor();
}

/** Opens a participant's answers link in a new tab of the facilitator's profile and merges it. */
async function mergeLink(fac, link) {
  const tab = await newPage(env.browser, env.server, { context: fac.context });
  await tab.page.goto(link);
  await tab.page.locator('main#main .preview').waitFor();
  await tab.page.getByRole('button', { name: 'Flet ind' }).click();
  await tab.page.getByText('Importen er gennemført.').waitFor();
  assertClean(tab.problems, 'answers link tab');
  await tab.page.close();
}

/** The overview's stats line. */
async function stats(fac, text) {
  await fac.page.locator('.session__meta').getByText(text).waitFor();
}

// ---------------------------------------------------------------- participants

/** A participant on a phone profile joins by the workshop's file or link and starts answering. */
async function enter(fac, inv, alias, how) {
  const p = await newPage(env.browser, env.server, { size: 'phone' });
  p.alias = alias;
  await receive(p, inv, how);
  await startAnswering(p, fac.id);
  return p;
}

/** Imports the facilitator's file or opens its link, and merges it in. */
async function receive(p, inv, how) {
  if (how === 'link') {
    await p.page.goto(inv.link);
    await p.page.locator('main#main .preview').waitFor();
  } else {
    await importFile(p.page, env.server, { name: inv.file.name, text: inv.file.text });
  }
  await p.page.getByRole('button', { name: 'Flet ind' }).click();
  await p.page.getByText('Importen er gennemført.').waitFor();
}

/** Opens the workshop's "Svar på kortene" and gives the alias. */
async function startAnswering(p, id) {
  await open(p.page, env.server, `/skal-kan/${id}?visning=svar`);
  await p.page.getByLabel('Dit kaldenavn').fill(p.alias);
  await p.page.getByRole('button', { name: 'Begynd at svare' }).click();
  await p.page.locator('.answer-card').waitFor();
}

/** Goes to the card `title` with "Næste kort"/"Forrige kort". */
async function goToCard(p, title) {
  const want = CARDS.indexOf(title);
  for (let i = 0; i < 12; i++) {
    const now = CARDS.indexOf(await p.page.locator('.answer-card h2').innerText());
    if (now === want) return;
    await p.page.getByRole('button', { name: now < want ? 'Næste kort' : 'Forrige kort' }).click();
    await p.page.locator('.answer-card h2').filter({ hasNotText: CARDS[now] }).waitFor();
  }
  assert.fail(`card ${title} not reached`);
}

/** Places the card `title` at `position`. */
async function answer(p, title, position) {
  await goToCard(p, title);
  const radio = p.page.locator('.answer-card').getByLabel(position, { exact: true });
  await radio.check();
  assert.ok(await radio.isChecked());
}

/** "Eksportér mine svar": the participant's answers file. */
async function answersFile(p) {
  return downloadText(p.page, () => p.page.getByRole('button', { name: 'Eksportér mine svar' }).click());
}

/** "Del som link" under "Eksportér mine svar": the participant's answers link. */
async function answersLink(p) {
  const box = p.page.locator('.export-mine');
  const url = box.getByLabel(LINK_LABEL);
  const old = (await url.count()) ? await url.inputValue() : '';
  await box.getByRole('button', { name: 'Del som link' }).click();
  const link = await until(() => url.inputValue().catch(() => ''), (v) => v && v !== old, `${p.alias}'s answers link`);
  assert.ok(link.startsWith(env.server.url('/skal-kan#data=')), link);
  return link;
}

/** Closes every profile of a journey, failing on any console error, dialog or foreign request. */
async function closeAll(fac, phones) {
  for (const p of phones) assertClean(p.problems, p.alias);
  for (const t of fac.tabs) assertClean(t.problems, 'projector tab');
  assertClean(fac.problems, 'facilitator');
  for (const p of phones) await p.context.close();
  await fac.context.close();
}

// ---------------------------------------------------------------- projector

/** Why a result is hidden below the threshold (three). */
const tooFew = (n) => `Resultatet vises først, når mindst 3 har svaret, så ingen kan ses. Nu har ${n} svaret.`;

const turnoutText = (pv) => pv.locator('.projector__received').innerText();
const hiddenText = (pv) => pv.locator('.projector__hidden').innerText();

/** The text alternatives of the charts shown on the projector. */
async function chartAlts(pv) {
  return pv.locator('.projector__result .chart__alt').allInnerTexts();
}

/** Presses a key on the projector with the focus on the view (not on a button). */
async function key(tab, k) {
  await tab.pv.locator('.projector__title').click();
  await tab.page.keyboard.press(k);
}

// ================================================================ journeys

test('1. turnout and the anonymity threshold: no result below three, space shows it from three', LIMIT, async () => {
  const fac = await facilitator('Workshop i Assens');
  const inv = await invitation(fac);
  const [anna, bo, carl, dora] = await Promise.all([
    enter(fac, inv, 'Anna', 'file'),
    enter(fac, inv, 'Bo', 'file'),
    enter(fac, inv, 'Carl', 'link'),
    enter(fac, inv, 'Dora', 'link'),
  ]);
  await answer(anna, 'Bisiddere', 'Klart KAN');
  await answer(bo, 'Bisiddere', 'Mest KAN');
  await answer(carl, 'Bisiddere', 'Klart SKAL');
  // Dora has only got to the second card so far.
  await answer(dora, 'Indkøbsture', 'Gråzone');

  const proj = await projector(fac);
  const { pv } = proj;
  await pv.getByRole('heading', { name: 'Bisiddere' }).waitFor();
  assert.equal(await turnoutText(pv), '0 af 0 har svaret');
  assert.equal(await pv.locator('.projector__received').getAttribute('role'), 'status');
  assert.equal(await hiddenText(pv), tooFew(0));

  // Two answers reach the facilitator (files), merged in the overview's tab.
  await mergeFiles(fac, [await answersFile(anna), await answersFile(bo)], '2 nye svar, 0 erstattede, 0 uændrede.');
  await stats(fac, '6 kort · 2 deltagere · 2 svar');
  await pv.locator('.projector__received').getByText('2 af 2 har svaret', { exact: true }).waitFor();
  assert.equal(await hiddenText(pv), tooFew(2));
  // Space: still nothing, two answers would show who voted what.
  await key(proj, 'Space');
  await proj.page.waitForTimeout(500);
  assert.equal(await pv.locator('.chart').count(), 0, 'no chart with two answers');
  assert.equal(await pv.locator('.verdict').count(), 0, 'no verdict with two answers');
  assert.equal(await hiddenText(pv), tooFew(2));
  assert.equal(await pv.locator('.projector__reveal').getAttribute('aria-pressed'), 'false');
  // The overview lists the turnout per card too.
  const turnouts = fac.page.getByRole('region', { name: 'Svar pr. kort' });
  await turnouts.locator('li').filter({ hasText: 'Bisiddere' }).getByText(/– 2 af 2 har svaret/).waitFor();

  // The third answer and Dora's (another card) come as links.
  await mergeLink(fac, await answersLink(carl));
  await mergeLink(fac, await answersLink(dora));
  await stats(fac, '6 kort · 4 deltagere · 4 svar');
  await pv.locator('.projector__received').getByText('3 af 4 har svaret', { exact: true }).waitFor();
  // The refused press was not kept for later: the result waits for the facilitator.
  assert.equal(await hiddenText(pv), 'Resultatet er skjult, så de første stemmer ikke styrer rummet.');
  assert.equal(await pv.locator('.chart').count(), 0, 'no chart before the reveal');
  await key(proj, 'Space');
  await pv.locator('.chart').waitFor();
  assert.deepEqual(await chartAlts(pv), ['3 svar. Klart SKAL: 1, Mest SKAL: 0, Gråzone: 0, Mest KAN: 1, Klart KAN: 1.']);
  assert.equal(await turnoutText(pv), '3 af 4 har svaret');
  assert.equal(await pv.locator('.projector__reveal').getAttribute('aria-pressed'), 'true');
  await turnouts.locator('li').filter({ hasText: 'Bisiddere' }).getByText(/– 3 af 4 har svaret/).waitFor();
  await turnouts.locator('li').filter({ hasText: 'Indkøbsture' }).getByText(/– 1 af 4 har svaret/).waitFor();
  await assertAccessible(proj.page, 'projector with turnout, result and join corner @ projector');
  // The second card: Dora alone, never shown.
  await key(proj, 'ArrowRight');
  await pv.getByRole('heading', { name: 'Indkøbsture' }).waitFor();
  await pv.locator('.projector__received').getByText('1 af 4 har svaret', { exact: true }).waitFor();
  await key(proj, 'Space');
  await proj.page.waitForTimeout(300);
  assert.equal(await pv.locator('.chart').count(), 0, 'one answer is never shown');
  assert.equal(await hiddenText(pv), tooFew(1));
  await assertAccessible(anna.page, 'answering @ phone');
  await closeAll(fac, [anna, bo, carl, dora]);
});

test('2. rule "Når alle har svaret": the result appears by itself once the last answer is merged', LIMIT, async () => {
  const fac = await facilitator('Workshop i Faaborg');
  await setRules(fac, { rule: 'Når alle har svaret' });
  await assertAccessible(fac.page, 'overview with the reveal form @ projector');
  const inv = await invitation(fac);
  const phones = await Promise.all(['Anna', 'Bo', 'Carl', 'Dora'].map((a) => enter(fac, inv, a, 'file')));
  const [anna, bo, carl, dora] = phones;
  await answer(anna, 'Bisiddere', 'Klart KAN');
  await answer(bo, 'Bisiddere', 'Klart KAN');
  await answer(carl, 'Bisiddere', 'Mest KAN');
  await answer(dora, 'Indkøbsture', 'Mest KAN');
  const proj = await projector(fac);
  const { pv } = proj;
  await mergeFiles(fac, await Promise.all(phones.map(answersFile)), '4 nye svar, 0 erstattede, 0 uændrede.');
  await pv.locator('.projector__received').getByText('3 af 4 har svaret', { exact: true }).waitFor();
  assert.equal(await hiddenText(pv), 'Resultatet vises, når alle 4 har svaret (3 har svaret).');
  assert.equal(await pv.locator('.chart').count(), 0);

  // Dora answers the first card too; her file is merged; nobody touches the projector.
  await answer(dora, 'Bisiddere', 'Gråzone');
  await mergeFiles(fac, [await answersFile(dora)], '1 nye svar, 0 erstattede, 1 uændrede.');
  await pv.locator('.chart').waitFor();
  assert.equal(await turnoutText(pv), '4 af 4 har svaret');
  assert.deepEqual(await chartAlts(pv), ['4 svar. Klart SKAL: 0, Mest SKAL: 0, Gråzone: 1, Mest KAN: 1, Klart KAN: 2.']);
  assert.equal(await pv.locator('.projector__hidden').count(), 0);
  assert.equal(await pv.locator('.projector__reveal').innerText(), 'Skjul resultat');
  await closeAll(fac, phones);
});

test('3. the card timer: counts down, P pauses and resumes, the rule "Når tiden på kortet er gået" reveals when it ends', LIMIT, async () => {
  const fac = await facilitator('Workshop i Nyborg', { clock: true });
  await setRules(fac, { rule: 'Når tiden på kortet er gået', minutes: 1 });
  const inv = await invitation(fac);
  const phones = await Promise.all(['Anna', 'Bo', 'Carl'].map((a) => enter(fac, inv, a, 'file')));
  const [anna, bo, carl] = phones;
  await answer(anna, 'Bisiddere', 'Klart SKAL');
  await answer(bo, 'Bisiddere', 'Mest SKAL');
  await answer(carl, 'Bisiddere', 'Klart KAN');
  await mergeFiles(fac, await Promise.all(phones.map(answersFile)), '3 nye svar, 0 erstattede, 0 uændrede.');

  const proj = await projector(fac);
  const { pv, page } = proj;
  const time = pv.locator('.projector__time');
  const button = pv.locator('.projector__timer button');
  // Hold the fake clock (at the page's own time), so the seconds move only
  // when the test says so.
  const pageNow = () => page.evaluate(() => Date.now());
  await page.clock.pauseAt((await pageNow()) + 100);
  // One tick of the projector's quarter-second clock, so the time shown is
  // a tick's (not the moment the card's countdown started, between ticks):
  // two seconds on, the shown time is then exactly eight ticks later.
  await page.clock.runFor(250);
  const secs = (t) => {
    const m = /^Tid tilbage: (\d+)\.(\d\d)$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const first = await time.innerText();
  assert.match(first, /^Tid tilbage: (1\.00|0\.59)$/);
  assert.equal(await button.innerText(), 'Sæt uret på pause');
  assert.equal(await hiddenText(pv), 'Resultatet vises, når tiden er gået.');
  const before = await pageNow();
  await page.clock.runFor(2000);
  await until(() => time.innerText(), (t) => secs(t) === secs(first) - 2,
    `two seconds after ${first} (page clock ${before} → ${await pageNow()})`);

  // P pauses: the text stops changing while the clock runs on.
  await key(proj, 'p');
  await button.getByText('Start uret igen', { exact: true }).waitFor();
  const paused = await time.innerText();
  await page.clock.runFor(5000);
  assert.equal(await time.innerText(), paused, 'paused: the time stands still');
  assert.equal(await pv.locator('.chart').count(), 0);
  // P again resumes.
  await key(proj, 'P');
  await button.getByText('Sæt uret på pause', { exact: true }).waitFor();
  await page.clock.runFor(3000);
  await until(() => time.innerText(), (t) => t !== paused, 'running again');
  // The button does the same as P.
  await button.click();
  await button.getByText('Start uret igen', { exact: true }).waitFor();
  await button.click();
  await button.getByText('Sæt uret på pause', { exact: true }).waitFor();
  assert.equal(await pv.locator('.chart').count(), 0, 'no result while time is left');

  // The time runs out: the result comes by itself.
  await page.clock.runFor(60000);
  await time.getByText('Tiden er gået.', { exact: true }).waitFor();
  await pv.locator('.chart').waitFor();
  assert.deepEqual(await chartAlts(pv), ['3 svar. Klart SKAL: 1, Mest SKAL: 1, Gråzone: 0, Mest KAN: 0, Klart KAN: 1.']);
  assert.equal(await pv.locator('.projector__timer--done').count(), 1);
  // axe-core waits on timers of its own: the clock runs again for it.
  await page.clock.resume();
  await assertAccessible(page, 'projector with the timer run out @ projector');
  // The next card starts its own minute.
  await key(proj, 'ArrowRight');
  await pv.getByRole('heading', { name: 'Indkøbsture' }).waitFor();
  await until(() => time.innerText(), (t) => t === 'Tid tilbage: 1.00', 'a new minute on the next card');
  await closeAll(fac, phones);
});

test('4. "Stem igen": a second round on the phones, both rounds side by side, in the summary and the CSV', LIMIT, async () => {
  const fac = await facilitator('Workshop i Svendborg');
  const inv = await invitation(fac);
  const how = { Anna: 'file', Bo: 'link', Carl: 'file', Dora: 'link' };
  const phones = await Promise.all(Object.entries(how).map(([a, h]) => enter(fac, inv, a, h)));
  const [anna, bo, carl, dora] = phones;
  const first = { Anna: 'Klart KAN', Bo: 'Klart KAN', Carl: 'Klart SKAL', Dora: 'Klart SKAL' };
  for (const p of phones) await answer(p, 'Bisiddere', first[p.alias]);
  await mergeFiles(fac, await Promise.all(phones.map(answersFile)), '4 nye svar, 0 erstattede, 0 uændrede.');

  const proj = await projector(fac);
  const { pv } = proj;
  await pv.locator('.projector__received').getByText('4 af 4 har svaret', { exact: true }).waitFor();
  await key(proj, 'Space');
  await pv.locator('.chart').waitFor();
  assert.deepEqual(await chartAlts(pv), ['4 svar. Klart SKAL: 2, Mest SKAL: 0, Gråzone: 0, Mest KAN: 0, Klart KAN: 2.']);
  // After the discussion: "Stem igen".
  await pv.getByRole('button', { name: 'Stem igen' }).click();
  await proj.page.getByText('2. runde er åben. Deltagerne kan stemme igen på dette kort.').waitFor();
  await pv.locator('.projector__received').getByText('0 af 4 har svaret', { exact: true }).waitFor();
  assert.equal(await pv.locator('.chart').count(), 0, 'the new round starts hidden');
  assert.equal(await hiddenText(pv), tooFew(0));

  // The phones get the second round as they got the workshop: the link again, or the file.
  const again = await invitation(fac);
  const second = { Anna: 'Mest SKAL', Bo: 'Klart KAN', Carl: 'Gråzone', Dora: 'Klart SKAL' };
  for (const p of phones) {
    await receive(p, again, how[p.alias]);
    await startAnswering(p, fac.id);
    const card = p.page.locator('.answer-card');
    await card.getByText('2. runde: stem igen efter drøftelsen. Dit første svar er gemt.', { exact: true }).waitFor();
    assert.equal(await card.getByRole('heading', { level: 2 }).innerText(), 'Bisiddere');
    assert.equal(await card.locator('.scale input:checked').count(), 0, `${p.alias}: nothing placed in round 2 yet`);
    if (p.alias === 'Anna') await assertAccessible(p.page, 'second round @ phone');
    await answer(p, 'Bisiddere', second[p.alias]);
  }
  // The answers travel back: files from Anna and Carl, links from Bo and Dora.
  await mergeFiles(fac, [await answersFile(anna), await answersFile(carl)], '2 nye svar, 0 erstattede, 2 uændrede.');
  await pv.locator('.projector__received').getByText('2 af 4 har svaret', { exact: true }).waitFor();
  await mergeLink(fac, await answersLink(bo));
  await mergeLink(fac, await answersLink(dora));
  await pv.locator('.projector__received').getByText('4 af 4 har svaret', { exact: true }).waitFor();
  assert.equal(await hiddenText(pv), 'Resultatet er skjult, så de første stemmer ikke styrer rummet.');
  assert.equal(await pv.locator('.chart').count(), 0, 'the second round waits for the reveal');
  await key(proj, 'Space');
  await pv.locator('.chart').first().waitFor();
  const spreads = pv.locator('.projector__spread');
  assert.equal(await spreads.count(), 2);
  assert.deepEqual(await spreads.locator('h3').allInnerTexts(), ['1. runde', '2. runde']);
  assert.deepEqual(await chartAlts(pv), [
    '4 svar. Klart SKAL: 2, Mest SKAL: 0, Gråzone: 0, Mest KAN: 0, Klart KAN: 2.',
    '4 svar. Klart SKAL: 1, Mest SKAL: 1, Gråzone: 1, Mest KAN: 0, Klart KAN: 1.',
  ]);
  await pv.locator('.projector__moved').getByText('2 deltagere flyttede sig.', { exact: true }).waitFor();
  // Side by side at projector size.
  const [a, b] = [await spreads.nth(0).boundingBox(), await spreads.nth(1).boundingBox()];
  assert.ok(Math.abs(a.y - b.y) < 2 && b.x >= a.x + a.width - 1, `rounds side by side: ${JSON.stringify([a, b])}`);
  await assertAccessible(proj.page, 'both rounds @ projector');

  // The summary keeps both rounds.
  await fac.page.getByRole('link', { name: 'Resumé' }).click();
  await fac.page.getByRole('heading', { level: 2, name: 'Resumé af workshoppen' }).waitFor();
  const bis = fac.page.locator('.summary-card').filter({ has: fac.page.getByRole('heading', { level: 3, name: 'Bisiddere' }) });
  assert.deepEqual(await bis.locator('.summary-card__rounds h4').allInnerTexts(), ['1. runde', '2. runde']);
  assert.deepEqual(await bis.locator('.chart__alt').allInnerTexts(), [
    '4 svar. Klart SKAL: 2, Mest SKAL: 0, Gråzone: 0, Mest KAN: 0, Klart KAN: 2.',
    '4 svar. Klart SKAL: 1, Mest SKAL: 1, Gråzone: 1, Mest KAN: 0, Klart KAN: 1.',
  ]);
  await bis.getByText('2 deltagere flyttede sig.', { exact: true }).waitFor();
  await assertAccessible(fac.page, 'summary with two rounds @ projector');

  // The CSV: two rows for the card, "Runde" 1 and 2, "Flyttede sig" 2.
  const csv = await downloadText(fac.page, () => fac.page.getByRole('button', { name: 'Hent resultater som CSV' }).click());
  const rows = csv.text.replace(/^\ufeff/, '').split('\r\n').filter(Boolean).map((r) => r.split(';'));
  const head = rows[0];
  const col = (name) => {
    const i = head.indexOf(name);
    assert.ok(i >= 0, `column ${name} in ${head.join(';')}`);
    return i;
  };
  const bisRows = rows.filter((r) => r[col('Kort')] === 'Bisiddere');
  assert.equal(bisRows.length, 2, csv.text);
  assert.deepEqual(bisRows.map((r) => r[col('Spørgsmål')]), [BIS_QUESTION, BIS_QUESTION]);
  assert.deepEqual(bisRows.map((r) => r[col('Runde')]), ['1', '2']);
  assert.deepEqual(bisRows.map((r) => r[col('Flyttede sig')]), ['', '2']);
  const counts = (r) => ['Klart SKAL', 'Mest SKAL', 'Gråzone', 'Mest KAN', 'Klart KAN'].map((n) => r[col(n)]).join(',');
  assert.deepEqual(bisRows.map(counts), ['2,0,0,0,2', '1,1,1,0,1']);
  // Every other card has one row (one round).
  assert.equal(rows.length - 1, CARDS.length + 1, csv.text);
  await closeAll(fac, phones);
});

test('5. "Mest uenige først" orders the overview\'s "Svar pr. kort" and the summary by how split the room is', LIMIT, async () => {
  const fac = await facilitator('Workshop i Middelfart');
  const inv = await invitation(fac);
  const phones = await Promise.all(['Anna', 'Bo', 'Carl', 'Dora'].map((a) => enter(fac, inv, a, 'file')));
  // Bisiddere: all agree. Indkøbsture: split down the middle. Hjemmetræning: one against three.
  const plan = {
    Bisiddere: ['Klart KAN', 'Klart KAN', 'Klart KAN', 'Klart KAN'],
    Indkøbsture: ['Klart SKAL', 'Mest SKAL', 'Mest KAN', 'Klart KAN'],
    Hjemmetræning: ['Klart KAN', 'Mest KAN', 'Klart KAN', 'Klart SKAL'],
  };
  await Promise.all(phones.map(async (p, i) => {
    for (const [card, positions] of Object.entries(plan)) await answer(p, card, positions[i]);
  }));
  await mergeFiles(fac, await Promise.all(phones.map(answersFile)), '12 nye svar, 0 erstattede, 0 uændrede.');
  await stats(fac, '6 kort · 4 deltagere · 12 svar');

  const split = ['Indkøbsture', 'Hjemmetræning', 'Bisiddere', ...CARDS.slice(3)];
  const list = fac.page.getByRole('region', { name: 'Svar pr. kort' });
  const titles = () => list.locator('.turnouts li strong').allInnerTexts();
  const order = list.getByRole('group', { name: 'Rækkefølge' });
  assert.ok(await order.getByLabel('Som i workshoppen', { exact: true }).isChecked());
  assert.deepEqual(await titles(), CARDS);
  assert.deepEqual(await list.locator('.turnouts li').allInnerTexts(), [
    'Bisiddere – 4 af 4 har svaret · Gruppen er enig',
    'Indkøbsture – 4 af 4 har svaret · Gruppen er delt',
    'Hjemmetræning – 4 af 4 har svaret · Gruppen er enig',
    'Besøgsvenner på plejehjem – 0 af 4 har svaret · Ingen svar endnu.',
    'Støtte til demensramte – 0 af 4 har svaret · Ingen svar endnu.',
    'IT-hjælp til den offentlige digitalisering – 0 af 4 har svaret · Ingen svar endnu.',
  ]);
  await order.getByLabel('Mest uenige først', { exact: true }).check();
  await until(titles, (t) => JSON.stringify(t) === JSON.stringify(split), 'the overview most split first');
  await order.getByLabel('Som i workshoppen', { exact: true }).check();
  await until(titles, (t) => JSON.stringify(t) === JSON.stringify(CARDS), 'the overview in the workshop\'s order');

  await fac.page.getByRole('link', { name: 'Resumé' }).click();
  await fac.page.getByRole('heading', { level: 2, name: 'Resumé af workshoppen' }).waitFor();
  const summaryTitles = () => fac.page.locator('.summary-card > h3').allInnerTexts();
  assert.deepEqual(await summaryTitles(), CARDS);
  const sumOrder = fac.page.getByRole('group', { name: 'Rækkefølge' });
  await sumOrder.getByLabel('Mest uenige først', { exact: true }).check();
  await until(summaryTitles, (t) => JSON.stringify(t) === JSON.stringify(split), 'the summary most split first');
  await assertAccessible(fac.page, 'summary most split first @ projector');
  await sumOrder.getByLabel('Som i workshoppen', { exact: true }).check();
  await until(summaryTitles, (t) => JSON.stringify(t) === JSON.stringify(CARDS), 'the summary in the workshop\'s order');
  await closeAll(fac, phones);
});

test('6. the join corner: a QR code and the short address on every card; the code offers the workshop on a fresh phone', LIMIT, async () => {
  const fac = await facilitator('Workshop i Ringe');
  const proj = await projector(fac);
  const { pv, page } = proj;
  const corner = pv.getByRole('complementary', { name: 'Vær med' });
  const host = new URL(env.server.origin).host;
  for (let i = 0; i < CARDS.length; i++) {
    if (i > 0) await key(proj, 'ArrowRight');
    await pv.getByRole('heading', { name: CARDS[i], exact: true }).waitFor();
    await corner.getByRole('img', { name: 'QR-kode: skan for at være med i workshoppen' }).waitFor();
    assert.equal(await corner.locator('.projector__join-text').innerText(), `Vær med: ${host}/skal-kan`, CARDS[i]);
    // In the corner: it does not cover the title.
    const [c, t] = [await corner.boundingBox(), await pv.locator('.projector__title').boundingBox()];
    assert.ok(c.x >= t.x + t.width || c.y + c.height <= t.y, `corner clear of the title on ${CARDS[i]}`);
  }
  const qr = corner.getByRole('img', { name: 'QR-kode: skan for at være med i workshoppen' });
  const box = await qr.boundingBox();
  const side = Number((await qr.getAttribute('viewBox')).split(' ')[2]);
  const dir = mkdtempSync(join(tmpdir(), 'join-corner-'));
  const png = join(dir, 'corner.png');
  await qr.screenshot({ path: png });
  // Read as drawn in the corner at projector size (no enlarging).
  let decoded = '';
  try {
    decoded = execFileSync('zbarimg', ['--quiet', '--raw', '-Sbinary', png]).toString('utf8').trim();
  } catch {
    // zbarimg exits 4 when it finds no code.
  }
  const density = `${side} modules in ${box.width}px, ${(box.width / side).toFixed(2)} px a module`;
  assert.ok(decoded, `zbarimg reads the corner's code (${density})`);
  assert.ok(decoded.startsWith(env.server.url('/skal-kan#data=')), decoded);
  await assertAccessible(page, 'projector join corner @ projector');

  // A latecomer scans it on a phone that has never seen the workshop.
  const late = await newPage(env.browser, env.server, { size: 'phone' });
  late.alias = 'Erik';
  await late.page.goto(decoded);
  const preview = late.page.locator('main#main .preview');
  await preview.waitFor();
  assert.match(await preview.locator('.preview__summary').innerText(), /^1 ny, 0 opdaterede, 0 konflikter$/);
  await assertAccessible(late.page, 'join preview @ phone');
  await late.page.getByRole('button', { name: 'Flet ind' }).click();
  await late.page.getByRole('link', { name: 'Workshop i Ringe' }).click();
  await late.page.getByRole('heading', { level: 1, name: 'Workshop i Ringe' }).waitFor();
  await late.page.getByRole('link', { name: 'Svar på kortene' }).click();
  await late.page.getByLabel('Dit kaldenavn').fill('Erik');
  await late.page.getByRole('button', { name: 'Begynd at svare' }).click();
  await late.page.getByRole('heading', { level: 2, name: 'Bisiddere' }).waitFor();
  assert.equal(await late.page.locator('.answer-card__count').innerText(), `Kort 1 af ${CARDS.length}`);
  await closeAll(fac, [late]);
});
