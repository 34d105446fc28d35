// SKAL eller KAN? as a whole workshop: the facilitator creates a session and
// exports it; three participants on three separate browser profiles (phone
// size) import it, answer and export their ballots; the facilitator imports
// all three (and again: nothing counts twice); the projector view shows
// nothing before reveal and the right counts after; a show of hands and a
// pass-the-tablet round add to the result; the summary prints to PDF with
// the agreement checklist, and the CSV is Danish Excel. axe-core at phone
// and projector sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useBrowser, newPage, open, visit, assertClean, assertAccessible, downloadText, importFile,
} from '../lib/harness.mjs';

const SHOTS = process.env.ASSESSMENT_SHOTS || '';

const env = useBrowser();

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// Check answers per card: [statutory, replaces staff, professional, volunteer
// led, unpaid/free, shared cause, have volunteers, competition].
const QUESTIONS = [
  'Er opgaven lovpligtig for kommunen (serviceloven, sundhedsloven)?',
  'Erstatter opgaven ansattes lønnede arbejde?',
  'Kræver opgaven en faglig vurdering (sundhedsfaglig, terapeutisk, myndighed)?',
  'Kan frivillige selv lede opgaven – ikke kommunen?',
  'Er opgaven ulønnet, og kan den frivillige frit sige fra?',
  'Har vi en fælles sag med kommunen?',
  'Har vi frivillige til opgaven?',
  'Kan samarbejdet være konkurrenceforvridende?',
];
const CLEAR_KAN = ['Nej', 'Nej', 'Nej', 'Ja', 'Ja', 'Ja', 'Ja', 'Nej'];
const CLEAR_SKAL = ['Ja', 'Nej', 'Ja', 'Nej', 'Ja', 'Ja', 'Ja', 'Nej'];

// Each participant: alias, position on card 1 (Bisiddere), checks on card 1,
// position on card 2 (Indkøbsture).
const PARTICIPANTS = [
  { alias: 'Anna', first: 'Klart KAN', checks: CLEAR_KAN, second: 'Klart KAN', verdict: 'KAN – en god frivilligopgave' },
  { alias: 'Bo', first: 'Mest KAN', checks: CLEAR_KAN, second: 'Klart KAN', verdict: 'KAN – en god frivilligopgave' },
  { alias: 'Carl', first: 'Klart SKAL', checks: CLEAR_SKAL, second: 'Mest KAN', verdict: 'SKAL – sig nej tak' },
];

async function answerCard(page, position, checks) {
  const card = page.locator('.answer-card');
  await card.getByLabel(position, { exact: true }).check();
  if (checks) {
    for (let i = 0; i < QUESTIONS.length; i++) {
      await card.getByRole('group', { name: QUESTIONS[i], exact: true }).getByLabel(checks[i], { exact: true }).check();
    }
  }
}

test('a whole workshop: three phones, ballots merged once, projector reveal, hands, tablet, print and CSV', async () => {
  // ---- The facilitator creates the session and exports it for the participants.
  const fac = await newPage(env.browser, env.server, { size: 'projector' });
  await open(fac.page, env.server, '/skal-kan');
  await fac.page.getByRole('heading', { level: 1, name: 'SKAL eller KAN?' }).waitFor();
  assert.equal(await fac.page.locator('.task-card').count(), 11, 'six cards of seed 000 and five worked examples');
  await assertAccessible(fac.page, '/skal-kan @ projector');
  await fac.page.getByRole('button', { name: 'Opret workshop' }).click();
  await fac.page.getByText('Skriv et navn på workshoppen.').waitFor();
  await fac.page.getByLabel('Workshoppens navn').fill('Workshop i Hedensted');
  await fac.page.getByLabel('Dato').fill('2026-11-24');
  await fac.page.getByRole('button', { name: 'Opret workshop' }).click();
  await fac.page.getByRole('heading', { level: 1, name: 'Workshop i Hedensted' }).waitFor();
  const sessionUrl = fac.page.url();
  assert.match(sessionUrl, /\/skal-kan\/[0-9a-f-]{36}$/);
  await fac.page.getByText('6 kort · 0 deltagere · 0 svar').waitFor();
  // An own card from the group.
  await fac.page.getByLabel('Kortets titel').fill('Havedag på plejehjemmet');
  await fac.page.getByLabel('Spørgsmål til drøftelse').fill('Er lugning i plejehjemmets have en frivilligopgave?');
  await fac.page.getByRole('button', { name: 'Tilføj kort' }).click();
  await fac.page.getByText('7 kort · 0 deltagere · 0 svar').waitFor();
  await assertAccessible(fac.page, 'session overview @ projector');
  const sessionFile = await downloadText(fac.page, () => fac.page.getByRole('button', { name: 'Eksportér workshop til deltagerne' }).click());
  const sessionJson = JSON.parse(sessionFile.text);
  assert.equal(sessionJson.assessments.length, 1);
  assert.equal(sessionJson.assessments[0].tasks.length, 7);
  assert.deepEqual(sessionJson.assessments[0].responses, []);
  // The same session as QR codes for the projector (seven cards are two
  // codes shown in turn, issue 31 item 8), and as one link for a message.
  await fac.page.getByRole('button', { name: 'Vis QR-kode' }).click();
  await fac.page.locator('.qr svg[role="img"]').first().waitFor();
  await fac.page.getByRole('button', { name: 'Del som link' }).click();
  const joinLink = await fac.page.getByLabel('Linket (kan også kopieres herfra)').inputValue();
  assert.match(joinLink, /\/skal-kan#data=/);

  // ---- Three participants, three profiles, on their phones.
  const ballots = [];
  for (const p of PARTICIPANTS) {
    const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
    if (p.alias === 'Carl') {
      // Carl scans the QR code instead of getting the file.
      await page.goto(joinLink);
      await page.locator('.preview').waitFor();
    } else {
      await importFile(page, env.server, { name: sessionFile.name, text: sessionFile.text });
    }
    await page.getByRole('button', { name: 'Flet ind' }).click();
    await page.getByText('Importen er gennemført.').waitFor();
    await page.getByRole('link', { name: 'SKAL eller KAN', exact: true }).click();
    await page.getByRole('link', { name: 'Workshop i Hedensted' }).click();
    await page.getByRole('link', { name: 'Svar på kortene' }).click();
    await page.getByLabel('Dit kaldenavn').fill(p.alias);
    await page.getByRole('button', { name: 'Begynd at svare' }).click();
    await page.getByRole('heading', { level: 2, name: 'Bisiddere' }).waitFor();
    await page.getByText('Er det en kommunal borgerrådgiveropgave at yde støtte til borgerne eller en frivillig opgave?').waitFor();
    await answerCard(page, p.first, p.checks);
    const verdict = page.locator('.answer-card .verdict');
    await verdict.getByText(p.verdict, { exact: true }).waitFor();
    // Every reason names its principle.
    const reasons = await verdict.locator('.verdict__reasons li').allInnerTexts();
    assert.ok(reasons.length > 0);
    for (const r of reasons) assert.match(r, /Kilde: (Ældre Sagens frivillighedspolitik|Hedensted-kriterierne|Workshoppens spørgsmål)/, r);
    if (p.alias === 'Anna') {
      await shot(page, 'phone-answer');
      await assertAccessible(page, 'answering @ phone');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `answer view scrolls sideways by ${overflow}px`);
    }
    await page.getByRole('button', { name: 'Næste kort' }).click();
    await page.getByRole('heading', { level: 2, name: 'Indkøbsture' }).waitFor();
    await answerCard(page, p.second);
    await page.getByText('Du har svaret på 2 af 7 kort.').waitFor();
    const file = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér mine svar' }).click());
    assert.match(file.name, new RegExp(`^skal-kan-svar-${p.alias.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const json = JSON.parse(file.text);
    assert.equal(json.assessments[0].responses.length, 2);
    assert.ok(json.assessments[0].responses.every((r) => r.participant === p.alias));
    ballots.push(file);
    assertClean(problems, p.alias);
    await context.close();
  }

  // ---- The facilitator imports all three files at once.
  await visit(fac.page, sessionUrl);
  await fac.page.locator('main#main').waitFor();
  const files = ballots.map((b) => ({ name: b.name, mimeType: 'application/json', buffer: Buffer.from(b.text) }));
  await fac.page.getByLabel('Importér svarfiler').setInputFiles(files);
  await fac.page.getByText('6 nye svar, 0 erstattede, 0 uændrede.').waitFor();
  await fac.page.getByText('Fra: Anna, Bo, Carl.').waitFor();
  await fac.page.getByRole('button', { name: 'Flet svarene ind' }).click();
  await fac.page.getByText('7 kort · 3 deltagere · 6 svar').waitFor();
  // The same files again: nothing new, nothing counted twice.
  await fac.page.getByLabel('Importér svarfiler').setInputFiles(files);
  await fac.page.getByText('0 nye svar, 0 erstattede, 6 uændrede.').waitFor();
  await fac.page.getByRole('button', { name: 'Flet svarene ind' }).click();
  await fac.page.getByText('7 kort · 3 deltagere · 6 svar').waitFor();
  // A file that is not an answers file gets a Danish message.
  await fac.page.getByLabel('Importér svarfiler').setInputFiles({ name: 'forkert.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"noget"}') });
  await fac.page.locator('.ballot-errors').getByText(/forkert\.json.*ikke en Tid og Lyst-fil.*Dine data er ikke ændret/).waitFor();

  // ---- Projector: nothing before reveal, the right counts after.
  await fac.page.getByRole('link', { name: 'Vis på projektor' }).click();
  const pv = fac.page.locator('.projector');
  await pv.getByRole('heading', { name: 'Bisiddere' }).waitFor();
  await pv.locator('.projector__received').getByText('3 af 3 har svaret', { exact: true }).waitFor();
  await pv.getByText('Resultatet er skjult, så de første stemmer ikke styrer rummet.').waitFor();
  assert.equal(await fac.page.locator('.chart').count(), 0, 'no chart before reveal');
  assert.equal(await fac.page.locator('.verdict').count(), 0, 'no verdict before reveal');
  assert.ok(!(await pv.innerText()).includes('Klart KAN:'), 'no counts before reveal');
  const titleSize = await pv.locator('.projector__title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(titleSize >= 60, `projector title is very large (${titleSize}px)`);
  await shot(fac.page, 'projector-hidden');
  await fac.page.keyboard.press('Space');
  await pv.locator('.chart').waitFor();
  assert.equal(
    await pv.locator('.chart__alt').innerText(),
    '3 svar. Klart SKAL: 1, Mest SKAL: 0, Gråzone: 0, Mest KAN: 1, Klart KAN: 1.',
  );
  // (The other image on the projector is the join corner's QR code.)
  assert.equal(await pv.locator('.chart svg[role="img"]').getAttribute('aria-label'), 'Fordeling af svar på «Bisiddere»');
  assert.equal(await pv.locator('.chart__bar').count(), 5);
  await pv.getByText('Gruppen er delt (3 stemmesedler)').waitFor();
  // Two of three say KAN on the checks, so the group's majority is KAN.
  await pv.locator('.verdict').getByText('KAN – en god frivilligopgave', { exact: true }).waitFor();
  await shot(fac.page, 'projector-revealed');
  await assertAccessible(fac.page, 'projector revealed');
  // Notes typed during the discussion; arrow keys inside the field do not move.
  const notes = pv.getByLabel('Noter fra drøftelsen');
  await notes.fill('Bisidder: kun med klar aftale om tavshedspligt');
  await notes.press('ArrowLeft');
  await pv.getByRole('heading', { name: 'Bisiddere' }).waitFor();
  await pv.locator('.projector__title').click();
  await fac.page.keyboard.press('ArrowRight');
  await pv.getByRole('heading', { name: 'Indkøbsture' }).waitFor();
  assert.equal(await fac.page.locator('.chart').count(), 0, 'next card starts hidden');
  await fac.page.keyboard.press('Space');
  await pv.locator('.chart').waitFor();
  assert.equal(await pv.locator('.chart__alt').innerText(), '3 svar. Klart SKAL: 0, Mest SKAL: 0, Gråzone: 0, Mest KAN: 1, Klart KAN: 2.');
  await pv.getByText('Gruppen er enig (3 stemmesedler)').waitFor();
  await fac.page.keyboard.press('Space');
  assert.equal(await fac.page.locator('.chart').count(), 0, 'space hides again');
  await fac.page.keyboard.press('ArrowLeft');
  await pv.getByRole('heading', { name: 'Bisiddere' }).waitFor();
  assert.equal(await pv.getByLabel('Noter fra drøftelsen').inputValue(), 'Bisidder: kun med klar aftale om tavshedspligt');

  // ---- A show of hands for Hjemmetræning.
  await fac.page.getByRole('link', { name: 'Tæl håndsoprækning' }).click();
  const tally = fac.page.locator('form.tally').filter({ has: fac.page.getByRole('heading', { name: 'Hjemmetræning' }) });
  await tally.getByLabel('Antal hænder: Klart SKAL').fill('4');
  await tally.getByLabel('Antal hænder: Gråzone').fill('2');
  await tally.getByLabel('Antal hænder: Klart KAN').fill('x');
  await tally.getByRole('button', { name: 'Gem optælling' }).click();
  await tally.getByText('Skriv et helt tal fra 0 til 999.').waitFor();
  await tally.getByLabel('Antal hænder: Klart KAN').fill('1');
  await tally.getByRole('button', { name: 'Gem optælling' }).click();
  await tally.getByText('Optællingen er gemt.').waitFor();
  await assertAccessible(fac.page, 'hands @ projector');

  // ---- Pass the tablet: Dora answers, then her answers are hidden.
  await fac.page.getByRole('link', { name: 'Send tabletten rundt' }).click();
  await fac.page.getByLabel('Dit kaldenavn').fill('Dora');
  await fac.page.getByRole('button', { name: 'Begynd at svare' }).click();
  await answerCard(fac.page, 'Gråzone');
  await fac.page.getByRole('button', { name: 'Færdig – giv tabletten videre' }).click();
  await fac.page.getByText('Tak, Dora. Dine svar er gemt. Giv tabletten til den næste.').waitFor();
  assert.equal(await fac.page.locator('.answer-card').count(), 0, 'answers hidden for the next person');
  await fac.page.getByText('7 kort · 4 deltagere · 7 svar').waitFor();

  // ---- Summary: print to PDF and CSV.
  await fac.page.getByRole('link', { name: 'Resumé' }).click();
  await fac.page.getByRole('heading', { level: 2, name: 'Resumé af workshoppen' }).waitFor();
  const cards = fac.page.locator('.summary-card');
  assert.equal(await cards.count(), 7);
  const bis = cards.filter({ has: fac.page.getByRole('heading', { name: 'Bisiddere' }) });
  assert.equal(await bis.locator('.chart__alt').innerText(), '4 svar. Klart SKAL: 1, Mest SKAL: 0, Gråzone: 1, Mest KAN: 1, Klart KAN: 1.');
  await bis.getByText('Bisidder: kun med klar aftale om tavshedspligt').waitFor();
  await bis.getByText('Tjekliste til samarbejdsaftalen').waitFor();
  const hjem = cards.filter({ has: fac.page.getByRole('heading', { name: 'Hjemmetræning' }) });
  await hjem.getByText('(7 hænder)').waitFor();
  // Every card judged KAN or Gråzone carries the checklist; no other card does.
  for (let i = 0; i < (await cards.count()); i++) {
    const c = cards.nth(i);
    const judged = (await c.locator('.verdict__name').count()) === 1;
    const verdict = judged ? await c.locator('.verdict__name').innerText() : '(ingen svar)';
    if (!judged) assert.equal(await c.locator('.summary-card__none').innerText(), 'Ingen svar endnu.');
    const hasList = (await c.locator('.agreement-checklist').count()) === 1;
    assert.equal(hasList, judged && /^(KAN|Gråzone)/.test(verdict), `card ${i}: ${verdict}`);
    if (hasList) assert.equal(await c.locator('.checklist li').count(), 9);
  }
  // Reflection questions of seed 000 as optional free text.
  await fac.page.getByRole('heading', { name: 'Er I klar til fremtidens frivillige?' }).waitFor();
  const refl = fac.page.getByLabel('Jeres svar: Erfaringer med samarbejde med kommunerne');
  await refl.fill('Vi samarbejder om vågetjeneste og spisevenner.');
  await refl.blur();
  await fac.page.getByText('Gemt.').first().waitFor();
  await assertAccessible(fac.page, 'summary @ projector');
  await shot(fac.page, 'summary');

  const csv = await downloadText(fac.page, () => fac.page.getByRole('button', { name: 'Hent resultater som CSV' }).click());
  assert.match(csv.name, /^skal-kan-workshop-i-hedensted-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(csv.text.startsWith('\ufeff'), 'UTF-8 BOM');
  const rows = csv.text.slice(1).split('\r\n');
  assert.equal(rows[0].split(';')[0], 'Kort');
  assert.ok(rows[0].includes(';Klart SKAL;Mest SKAL;Gråzone;Mest KAN;Klart KAN;'));
  const bisRow = rows.find((r) => r.startsWith('Bisiddere;'));
  assert.ok(bisRow.includes(';1;0;1;1;1;4;0;'), bisRow);

  // Print: the print stylesheet hides the controls; Chromium makes a PDF.
  await fac.page.emulateMedia({ media: 'print' });
  assert.equal(await fac.page.locator('.session__modes').isVisible(), false, 'view links hidden in print');
  assert.equal(await fac.page.getByRole('button', { name: 'Udskriv resumé' }).isVisible(), false);
  assert.equal(await fac.page.locator('.site-header').isVisible(), false);
  assert.ok(await bis.locator('.agreement-checklist').isVisible());
  assert.ok(await fac.page.getByText('Vi samarbejder om vågetjeneste og spisevenner.').last().isVisible());
  await shot(fac.page, 'summary-print');
  const pdf = await fac.page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 2 && pages <= 20, `${pages} PDF pages`);
  if (SHOTS) writeFileSync(join(SHOTS, 'summary.pdf'), pdf);
  await fac.page.emulateMedia({ media: 'screen' });

  assertClean(fac.problems, 'facilitator');
  await fac.context.close();
});

test('the session pages are accessible and fit a phone', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await open(page, env.server, '/skal-kan');
  await page.getByLabel('Workshoppens navn').fill('Telefonprøve');
  await page.getByRole('button', { name: 'Opret workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Telefonprøve' }).waitFor();
  for (const view of ['Til facilitatoren', 'Vis på projektor', 'Tæl håndsoprækning', 'Send tabletten rundt', 'Resumé', 'Svar på kortene']) {
    await page.getByRole('link', { name: view }).click();
    await page.locator('.session [aria-current="page"]').filter({ hasText: view }).waitFor();
    await assertAccessible(page, `${view} @ phone`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${view} scrolls sideways by ${overflow}px`);
  }
  // A deep link to a session that is not on this device.
  await open(page, env.server, '/skal-kan/00000000-0000-4000-8000-000000000000');
  await page.getByText('Workshoppen findes ikke (længere) på denne enhed.').waitFor();
  assertClean(problems);
  await context.close();
});
