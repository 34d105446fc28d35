// Drømmeløber-tavlen as people use it, each person in a browser profile of
// their own: the coordinator posts a dream (a CPR number is refused, a phone
// number warned about) and shares it with the runners without the private
// note; two runners import it, find it through "Hvornår har du tid?", take
// it at the same time and export; the coordinator merges both files and sees
// both claims and the dream flagged as overbooked; the coordinator sets a
// date and a runner adds it to the calendar. Every page is checked with
// axe-core at phone, tablet and projector size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, newPage, open, visit, assertClean, assertAccessible, downloadText, importFile, VIEWPORTS,
} from '../lib/harness.mjs';


const env = useBrowser();

/** A date `days` from today as YYYY-MM-DD (local time, like the app). */
function day(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const TITLE = 'Fisketur fra havnen';
const PRIVATE = 'Bor hos datteren Lise på Havnevej 12';

async function postDream(page) {
  await open(page, env.server, '/droemme');
  await page.getByRole('button', { name: 'Ny drøm', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Ny drøm' }).waitFor();
  await page.getByLabel('Titel', { exact: true }).fill(TITLE);
  await page.getByLabel('Historien', { exact: true }).fill('Erik vil gerne fiske igen. CPR 241245-1234');
  await page.getByLabel('Drømmerens fornavn', { exact: true }).fill('Erik');
  await page.getByLabel('Alder (valgfri)').fill('84');
  await page.getByLabel('Kommune', { exact: true }).fill('Svendborg');
  await page.getByLabel('Sted', { exact: true }).fill('Svendborg havn');
  await page.getByLabel('Fra dato', { exact: true }).fill(day(3));
  await page.getByLabel('Til dato', { exact: true }).fill(day(30));
  await page.getByLabel('Svar senest', { exact: true }).fill(day(10));
  await page.getByLabel('Formiddag').check();
  await page.getByLabel('Varighed i timer').fill('3');
  await page.getByLabel('Antal drømmeløbere').fill('1');
  await page.getByLabel('Kategori', { exact: true }).selectOption('natur');
  await page.getByLabel('Praktiske behov').fill('bil');
  await page.getByLabel('Koordinatorens navn').fill('Lone');
  await page.getByLabel('Koordinatorens telefon eller mail').fill('lone@example.dk');
  await page.getByLabel('Private noter om drømmeren').fill(PRIVATE);

  // A CPR number is refused with an explanation, and nothing is saved.
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  const alert = page.locator('.dream-form [role="alert"]');
  await alert.getByText('ligner et CPR-nummer').first().waitFor();
  assert.match(await alert.innerText(), /databeskyttelsesloven § 11/);
  assert.ok(page.url().endsWith('/droemme/ny'));
  assert.equal(await page.getByLabel('Historien', { exact: true }).getAttribute('aria-invalid'), 'true');

  // The dreamer's phone number gives a warning while typing.
  await page.getByLabel('Historien', { exact: true }).fill('Erik vil gerne fiske igen. Ring 22 33 44 55.');
  await page.getByText('ser ud til at indeholde et telefonnummer').waitFor();
  await page.getByLabel('Historien', { exact: true }).fill('Erik har ikke fisket, siden han flyttede på plejehjem.');
  assert.equal(await page.getByText('ser ud til at indeholde et telefonnummer').count(), 0);

  // Unconfirmed boundaries are warned about; confirm them all.
  await page.getByText('Tjek grænserne: ikke bekræftet').waitFor();
  for (const b of await page.locator('fieldset.boundaries input[type=checkbox]').all()) await b.check();
  assert.equal(await page.getByText('Tjek grænserne: ikke bekræftet').count(), 0);
  await assertAccessible(page, 'new dream form');

  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText('Status: Åben').waitFor();
  return page.url();
}

async function shareWithRunners(page) {
  await open(page, env.server, '/droemme');
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Del med drømmeløberne' }).click());
  const json = JSON.parse(file.text);
  assert.equal(json.format, 'tid-og-lyst');
  assert.equal(json.dreams.length, 1);
  assert.ok(!file.text.includes('private_note'), 'no private field in the runners\' file');
  assert.ok(!file.text.includes('Havnevej'), 'no private text in the runners\' file');
  assert.equal(json.dreams[0].coordinator.contact, 'lone@example.dk', 'the coordinator\'s own contact goes in');
  await page.getByText('Filen til drømmeløberne er gemt med 1 drømme').waitFor();
  return file.text;
}

/** Opens the coordinator's tools on a dream page, unfolded if folded. */
async function openTools(page) {
  const details = page.locator('details.dream-manage');
  await details.waitFor();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

async function merge(page, text, name) {
  await importFile(page, env.server, { name, text });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.locator('.result').getByText(/./).first().waitFor();
}

/** Unfolds a part of the board behind its button ("Hvornår har du tid?", "Mine drømme (n)", "Filtre (n)"). */
async function unfold(page, name) {
  const button = page.locator('.dreams-bar').getByRole('button', { name });
  if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
}

async function runnerTakes(page, runnersFile, name) {
  await merge(page, runnersFile, 'droemme.json');
  await open(page, env.server, '/droemme');
  // Wishes that do not fit: music only → nothing.
  await unfold(page, 'Hvornår har du tid?');
  await page.getByLabel('Musik').check();
  await page.getByRole('button', { name: 'Find drømme' }).click();
  await page.getByRole('status').filter({ hasText: 'passer til din tid' }).getByText('0 drømme passer til din tid').waitFor();
  // On the phone the form folds away so the (empty) board shows.
  assert.equal(await page.getByLabel('Jeg har tid fra').isVisible(), false);
  // Free in a week, mornings, four hours, nature or music.
  await unfold(page, 'Hvornår har du tid?');
  assert.equal(await page.getByLabel('Musik').isChecked(), true, 'the form keeps the answer');
  await page.getByLabel('Jeg har tid fra').fill(day(7));
  await page.getByLabel('til og med').fill(day(9));
  await page.getByLabel('Timer jeg har').fill('4');
  await page.getByLabel('Formiddag').check();
  await page.getByLabel('Natur').check();
  await page.getByRole('button', { name: 'Find drømme' }).click();
  await page.getByText('1 drøm passer til din tid').waitFor();
  assert.equal(await page.getByLabel('Passer til min tid').isChecked(), true);
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  assert.equal(await page.getByText(PRIVATE).count(), 0);
  await page.getByLabel('Dit navn').fill(name);
  await page.getByLabel('Din telefon eller mail').fill(`${name.toLowerCase()}@example.dk`);
  await page.getByRole('button', { name: 'Jeg tager den' }).click();
  await page.getByRole('button', { name: 'Slip igen' }).waitFor();
  await page.getByText('Status: Taget').waitFor();
  // "Mine drømme" on the board, one tap from the top; the answer to
  // "Hvornår har du tid?" is remembered.
  await open(page, env.server, '/droemme');
  // (Now taken, it no longer fits: the board says so rather than forgetting.)
  await page.getByText('0 drømme passer til din tid').waitFor();
  assert.equal(await page.getByLabel('Passer til min tid').isChecked(), true);
  await unfold(page, 'Mine drømme (1)');
  await page.locator('.dreams-mine').getByRole('link', { name: TITLE }).waitFor();
  await open(page, env.server, '/del');
  const out = await downloadText(page, () => page.getByRole('button', { name: 'Eksportér data' }).click());
  const dream = JSON.parse(out.text).dreams[0];
  assert.equal(dream.status, 'taken');
  assert.deepEqual(dream.claims.map((c) => c.name), [name]);
  return out.text;
}

test('coordinator → two runners at once → coordinator sees both claims, overbooked; date → calendar', async () => {
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  await coord.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  const dreamUrl = await postDream(coord.page);
  const runnersFile = await shareWithRunners(coord.page);

  // "Del som opslag": the Facebook text is copied to the clipboard.
  await visit(coord.page, dreamUrl);
  await coord.page.getByRole('button', { name: 'Kopiér teksten' }).click();
  await coord.page.getByText('Teksten er kopieret').waitFor();
  const clip = await coord.page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /Drøm søger drømmeløber: Fisketur fra havnen/);
  assert.match(clip, /Kontakt koordinatoren: Lone, lone@example\.dk/);
  assert.ok(!clip.includes('Havnevej'));

  const r1 = await newPage(env.browser, env.server, { size: 'phone' });
  const r2 = await newPage(env.browser, env.server, { size: 'phone' });
  const file1 = await runnerTakes(r1.page, runnersFile, 'Anna');
  const file2 = await runnerTakes(r2.page, runnersFile, 'Bent');

  await merge(coord.page, file1, 'anna.json');
  await merge(coord.page, file2, 'bent.json');
  await visit(coord.page, dreamUrl);
  await coord.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  const claims = coord.page.locator('.dream-claims');
  await claims.getByText('Anna').waitFor();
  await claims.getByText('Bent').waitFor();
  await coord.page.getByText('Overbooket: 2 har taget den, men den kræver kun 1.').waitFor();
  // The private note survived the runners' files.
  await openTools(coord.page);
  await coord.page.getByText(PRIVATE).waitFor();
  await assertAccessible(coord.page, 'overbooked dream @ tablet');

  // The coordinator removes Bent, sets a date, and shares again.
  await coord.page.getByRole('button', { name: 'Fjern Bent' }).click();
  await coord.page.getByText('Overbooket').first().waitFor({ state: 'detached' });
  // The tools stay unfolded while the page is drawn again for the change.
  assert.equal(await coord.page.locator('details.dream-manage').evaluate((d) => d.open), true);
  await coord.page.getByLabel('Aftalt dato').fill(day(8));
  await coord.page.getByLabel('Klokkeslæt (valgfrit)').fill('10:00');
  await coord.page.getByRole('button', { name: 'Sæt dato' }).click();
  await coord.page.getByText('Status: Planlagt').waitFor();
  await open(coord.page, env.server, '/droemme');
  await coord.page.locator('.dream-counts').getByText('Planlagt').waitFor();
  assert.equal(await coord.page.locator('.dream-counts div').filter({ hasText: 'Planlagt' }).locator('dd').innerText(), '1');
  const second = await shareWithRunners(coord.page);

  // Anna imports it and puts it in her calendar, with an alarm the day before.
  await merge(r1.page, second, 'droemme2.json');
  await open(r1.page, env.server, '/droemme');
  await unfold(r1.page, 'Mine drømme (1)');
  await r1.page.locator('.dreams-mine').getByRole('link', { name: TITLE }).click();
  await r1.page.getByText('Status: Planlagt').waitFor();
  const ics = await downloadText(r1.page, () => r1.page.getByRole('button', { name: 'Føj til kalender' }).click());
  assert.match(ics.name, /\.ics$/);
  assert.ok(ics.text.includes('\r\n') && !ics.text.replace(/\r\n/g, '').includes('\n'), 'CRLF line ends');
  const unfolded = ics.text.replace(/\r\n /g, '');
  assert.match(unfolded, new RegExp(`DTSTART;TZID=Europe/Copenhagen:${day(8).replace(/-/g, '')}T100000\r\n`));
  assert.match(unfolded, /BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:I morgen: Fisketur fra havnen\r\nTRIGGER:-P1D\r\nEND:VALARM/);

  // Bent's page shows it is no longer his; "Slip igen" is gone for him.
  await merge(r2.page, second, 'droemme2.json');
  await visit(r2.page, dreamUrl);
  await r2.page.getByText('Status: Planlagt').waitFor();
  assert.equal(await r2.page.getByRole('button', { name: 'Slip igen' }).count(), 0);

  for (const p of [coord, r1, r2]) {
    assertClean(p.problems);
    await p.context.close();
  }
});

test('"Slip igen" reopens the dream', async () => {
  const coord = await newPage(env.browser, env.server, { size: 'phone' });
  const url = await postDream(coord.page);
  await coord.page.getByLabel('Dit navn').fill('Lone');
  await coord.page.getByLabel('Din telefon eller mail').fill('lone@example.dk');
  await coord.page.getByRole('button', { name: 'Jeg tager den' }).click();
  await coord.page.getByText('Status: Taget').waitFor();
  await coord.page.getByRole('button', { name: 'Slip igen' }).click();
  await coord.page.getByText('Status: Åben').waitFor();
  await coord.page.getByRole('button', { name: 'Jeg tager den' }).waitFor();
  await coord.page.getByRole('heading', { name: 'Historik' }).waitFor();
  const history = await coord.page.locator('.dream-history li').allInnerTexts();
  assert.equal(history.length, 3);
  assert.match(history[0], /Lone slap drømmen/);
  assert.ok(url.includes('/droemme/'));
  assertClean(coord.problems);
  await coord.context.close();
});

test('two runners both called Anne: each phone knows its own claim, and "Slip igen" releases only that one', async () => {
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  const dreamUrl = await postDream(coord.page);
  const runnersFile = await shareWithRunners(coord.page);
  const a1 = await newPage(env.browser, env.server, { size: 'phone' });
  const a2 = await newPage(env.browser, env.server, { size: 'phone' });
  const file1 = await runnerTakes(a1.page, runnersFile, 'Anne');
  const file2 = await runnerTakes(a2.page, runnersFile, 'Anne');
  await merge(coord.page, file1, 'anne1.json');
  await merge(coord.page, file2, 'anne2.json');
  const both = await shareWithRunners(coord.page);

  // The second Anne gets the coordinator's list with both claims, and lets go.
  await merge(a2.page, both, 'droemme2.json');
  await visit(a2.page, dreamUrl);
  await a2.page.getByText('Overbooket', { exact: false }).first().waitFor();
  await a2.page.getByRole('button', { name: 'Slip igen' }).click();
  await a2.page.getByText('Du har sluppet drømmen').waitFor();
  // The other Anne's claim still stands, so the dream is still taken; this phone has no claim left.
  await a2.page.getByText('Status: Taget').waitFor();
  assert.equal(await a2.page.getByRole('button', { name: 'Slip igen' }).count(), 0);
  await open(a2.page, env.server, '/del');
  const out = await downloadText(a2.page, () => a2.page.getByRole('button', { name: 'Eksportér data' }).click());
  const claims = JSON.parse(out.text).dreams[0].claims;
  assert.equal(claims.length, 2);
  const mine = JSON.parse(file2).dreams[0].claims[0].id;
  for (const c of claims) assert.equal(c.deleted, c.id === mine, `only this phone's claim is released (${c.id})`);

  // The first Anne still has hers.
  await merge(a1.page, both, 'droemme2.json');
  await visit(a1.page, dreamUrl);
  await a1.page.getByRole('button', { name: 'Slip igen' }).waitFor();
  for (const p of [coord, a1, a2]) {
    assertClean(p.problems);
    await p.context.close();
  }
});

for (const size of Object.keys(VIEWPORTS)) {
  test(`the board and a dream are accessible at ${size} size; columns by status from tablet`, async () => {
    const p = await newPage(env.browser, env.server, { size });
    const url = await postDream(p.page);
    await assertAccessible(p.page, `dream @ ${size}`);
    let overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `dream page scrolls sideways at ${size}`);
    await open(p.page, env.server, '/droemme');
    await p.page.getByRole('link', { name: TITLE }).waitFor();
    await assertAccessible(p.page, `board @ ${size}`);
    overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `board scrolls sideways at ${size}`);
    const open_ = await p.page.getByRole('heading', { name: /^Åben \(/ }).boundingBox();
    const taken = await p.page.getByRole('heading', { name: /^Taget \(/ }).boundingBox();
    if (size === 'phone') {
      assert.ok(taken.y > open_.y + open_.height, 'stacked on the phone');
    } else {
      assert.ok(Math.abs(taken.y - open_.y) < 2 && taken.x > open_.x, `columns side by side at ${size}`);
    }
    // Filters: status "Taget" shows no dream; kommune Svendborg shows it.
    // They start folded on the phone, unfolded from tablet size.
    const filters = p.page.locator('.dreams-bar').getByRole('button', { name: /^Filtre/ });
    assert.equal(await filters.getAttribute('aria-expanded'), size === 'phone' ? 'false' : 'true');
    await unfold(p.page, /^Filtre/);
    await p.page.getByLabel('Status', { exact: true }).selectOption('taken');
    await p.page.getByText('0 drømme', { exact: true }).waitFor();
    await p.page.getByLabel('Status', { exact: true }).selectOption('');
    await p.page.getByLabel('Kommune', { exact: true }).selectOption('Svendborg');
    await p.page.getByText('1 drøm', { exact: true }).waitFor();
    await p.page.locator('.dreams-bar').getByRole('button', { name: 'Filtre (1)', exact: true }).waitFor();
    assert.ok(url);
    assertClean(p.problems);
    await p.context.close();
  });
}
