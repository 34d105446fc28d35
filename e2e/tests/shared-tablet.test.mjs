// The shared tablet (issue 32, items 5 and 7). "Delt tablet" beside text
// size and projector mode; a visitor favourites an activity, takes a dream
// (name and contact remembered), answers an old workshop and the running
// one; "Færdig – ryd til næste", asked once more, leaves nothing of theirs
// in local storage, IndexedDB or session storage, while the dream, the
// imported activity list and the running workshop with its answers stay,
// and the forside opens with a new device id (another tab of the app goes
// there too, so it writes nothing back). Left idle, the tablet asks
// "Er du her stadig?" for a minute first ("Jeg er her stadig" keeps it), then
// clears the same way (the page's clock fast-forwarded). And a full store
// during an import of 5,219 rows says how many were kept, offers the rest as
// a file, and that file brings them in once there is room.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import {
  useBrowser, newPage, open, assertClean, assertAccessible, importFile, storageDump, idbDump, downloadText, openLists, dayFromToday,
} from '../lib/harness.mjs';
import { syntheticCatalogue, catalogueCsv } from '../../tools/catalogue.mjs';

const env = useBrowser();
const SHOTS = process.env.TABLET_SHOTS || '';

const DREAM = '00000000-0000-4000-8000-0000000000d1';
const ACTIVITY = '00000000-0000-4000-8000-0000000000e1';
const RUNNING = '00000000-0000-4000-8000-0000000000f1';
const OLD = '00000000-0000-4000-8000-0000000000f2';
const VISITOR = { name: 'Vibeke Gæst', contact: 'vibeke.gaest@example.dk' };

/** What the café's coordinator sent: a dream, the municipality's list (one activity), today's workshop and last month's. */
function cafeFile() {
  const rev = (at) => ({ at, n: 0, by: 'koordinator' });
  const card = { id: 'bisiddere', title: 'Bisiddere', question: 'Er det en kommunal opgave eller en frivillig opgave?', origin: 'seed' };
  const session = (id, title, date) => ({ id, rev: rev('2026-01-05T10:00:00.000Z'), deleted: false, title, date, tasks: [card] });
  return JSON.stringify({
    format: 'tid-og-lyst', version: 1,
    dreams: [{
      id: DREAM, rev: rev('2026-01-05T10:00:00.000Z'), deleted: false, title: 'Fisketur fra havnen',
      story: 'Inger vil gerne fiske fra havnen igen.', dreamer: 'Inger', municipality: 'Hedensted', place: 'Juelsminde Havn',
      window_from: dayFromToday(3), window_to: dayFromToday(40), duration_hours: 3, runners_needed: 2, category: 'natur',
      coordinator: { name: 'Lone', contact: 'lone@example.dk' },
      boundaries_ok: ['penge', 'medicin', 'noegler', 'pleje', 'myndighed'],
      log: [{ rev: rev('2026-01-05T10:00:00.000Z'), who: 'Lone', event: 'created' }],
    }],
    activities: [{
      id: ACTIVITY, rev: rev('2026-01-05T10:00:00.000Z'), deleted: false, title: 'Åbent Mødested i Juelsminde',
      organizer: 'Hedensted Kommune', category: 'cafe', municipality: 'Hedensted', town: 'Juelsminde',
    }],
    assessments: [session(RUNNING, 'Workshop i dag', dayFromToday(0)), session(OLD, 'Workshop i januar', '2026-01-05')],
  });
}

/** Turns "Delt tablet" on (under "Visning" on a phone). */
async function turnOn(page, size) {
  if (size === 'phone') await page.getByRole('button', { name: 'Visning', exact: true }).click();
  const setting = page.getByRole('button', { name: 'Delt tablet', exact: true });
  await setting.click();
  assert.equal(await setting.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByLabel('Ryd efter').inputValue(), '5');
  await shot(page, `setting-${size}`);
  if (size === 'phone') await page.getByRole('button', { name: 'Visning', exact: true }).click();
  await page.getByRole('button', { name: 'Færdig – ryd til næste' }).waitFor();
}

/** The café's file merged in and the setting on. */
async function setUp(page, size) {
  await importFile(page, env.server, { name: 'cafe.json', text: cafeFile() });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  await turnOn(page, size);
}

/** The visitor answers the first card of a workshop as `alias`. */
async function answer(page, session, alias, position) {
  await open(page, env.server, `/skal-kan/${session}?visning=svar`);
  await page.getByLabel('Dit kaldenavn').fill(alias);
  await page.getByRole('button', { name: 'Begynd at svare' }).click();
  await page.locator('.answer-card').getByLabel(position, { exact: true }).check();
}

/** The app's keys in this tab's session storage. */
function sessionKeys(page) {
  return page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('tidoglyst.')));
}

/** The top of the page as a picture, with `TABLET_SHOTS=dir`. */
async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const records = (dump, store) => JSON.parse(dump[`tidoglyst.idb.${store}`] || '[]').map((t) => JSON.parse(t));

for (const size of ['phone', 'tablet']) {
  test(`"Færdig – ryd til næste" leaves nothing of the visitor, keeps the list and the running workshop (${size})`, async () => {
    const { context, page, problems } = await newPage(env.browser, env.server, { size });
    await setUp(page, size);

    // The visitor: a favourite, a dream taken (the name is remembered), two workshops answered.
    await open(page, env.server, `/aktiviteter/${ACTIVITY}`);
    await page.getByRole('button', { name: 'Gem i Mine aktiviteter' }).click();
    await open(page, env.server, `/droemme/${DREAM}`);
    await page.getByLabel('Dit navn').fill(VISITOR.name);
    await page.getByLabel('Din telefon eller mail').fill(VISITOR.contact);
    await page.getByRole('button', { name: 'Jeg tager den', exact: true }).click();
    await page.getByRole('button', { name: 'Slip igen' }).waitFor();
    await answer(page, OLD, 'Ugle', 'Klart KAN');
    await answer(page, RUNNING, 'Ræv', 'Mest KAN');
    await page.getByRole('button', { name: 'Færdig – ryd til næste' }).waitFor();

    const before = await storageDump(page);
    assert.ok(before['tidoglyst.v1.activityfavourites'].includes(ACTIVITY));
    assert.ok(before['tidoglyst.v1.dreamprefs'].includes(VISITOR.contact));
    assert.ok(before['tidoglyst.idb.dreams'].includes(VISITOR.contact));
    assert.deepEqual(records(before, 'assessments').map((s) => s.responses.map((r) => r.participant)).sort(), [['Ræv'], ['Ugle']]);
    const device = JSON.parse(before['tidoglyst.v1.clock']).device;

    await shot(page, `done-button-${size}`);
    await assertAccessible(page, `the shared tablet's button @ ${size}`);
    await page.getByRole('button', { name: 'Færdig – ryd til næste' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ryd tabletten til den næste?' });
    await dialog.waitFor();
    await shot(page, `done-confirm-${size}`);
    await assertAccessible(page, `the question after "Færdig" @ ${size}`);
    // "Annullér" keeps everything.
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.match(await storageDump(page).then((d) => d['tidoglyst.idb.dreams']), /vibeke\.gaest/);

    // A second tab still shows the taken dream (the claim in its memory).
    const other = await context.newPage();
    await other.goto(env.server.url(`/droemme/${DREAM}`));
    await other.getByRole('button', { name: 'Slip igen' }).waitFor();

    await page.getByRole('button', { name: 'Færdig – ryd til næste' }).click();
    await dialog.getByRole('button', { name: 'Ja, ryd tabletten' }).click();
    await page.getByText('Tabletten er ryddet og klar til den næste.').waitFor({ timeout: 30000 });
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await shot(page, `cleared-${size}`);
    // The other tab went to the forside too, writing nothing of the visit back.
    await other.waitForURL(env.server.url('/'));
    await other.close();

    const after = await storageDump(page);
    const local = Object.keys(after).filter((k) => !k.startsWith('tidoglyst.idb.')).sort();
    assert.deepEqual(local, ['tidoglyst.schema', 'tidoglyst.v1.clock', 'tidoglyst.v1.settings'], 'nothing personal in local storage');
    assert.notEqual(JSON.parse(after['tidoglyst.v1.clock']).device, device, 'a new device id: nothing made before is "mine"');
    assert.deepEqual(JSON.parse(after['tidoglyst.v1.settings']).shared_tablet, { idle_minutes: 5 }, 'the setting stays');
    assert.deepEqual(await sessionKeys(page), [], 'nothing in session storage');
    const all = JSON.stringify(after);
    for (const trace of [VISITOR.name, VISITOR.contact, 'Ugle']) {
      assert.ok(!all.includes(trace), `${trace} is still in ${Object.keys(after).filter((k) => after[k].includes(trace))}: ${all}`);
    }
    // The dream, the list and the running workshop (with its answer) stay.
    const [dream] = records(after, 'dreams');
    assert.equal(dream.title, 'Fisketur fra havnen');
    assert.deepEqual(dream.claims, []);
    assert.deepEqual(records(after, 'activities'), records(before, 'activities'));
    const sessions = Object.fromEntries(records(after, 'assessments').map((s) => [s.id, s.responses.map((r) => r.participant)]));
    assert.deepEqual(sessions, { [RUNNING]: ['Ræv'], [OLD]: [] });

    // The next person finds the dream free, no name filled in, no favourite.
    await open(page, env.server, `/droemme/${DREAM}`);
    await page.getByRole('button', { name: 'Jeg tager den', exact: true }).waitFor();
    assert.equal(await page.getByLabel('Dit navn').inputValue(), '');
    await open(page, env.server, `/aktiviteter/${ACTIVITY}`);
    await page.getByRole('button', { name: 'Gem i Mine aktiviteter' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Gem i Mine aktiviteter' }).getAttribute('aria-pressed'), 'false');
    assertClean(problems);
    await context.close();
  });

  test(`an idle tablet asks "Er du her stadig?" for a minute, then clears (${size})`, async () => {
    const { context, page, problems } = await newPage(env.browser, env.server, { size });
    await context.clock.install();
    await setUp(page, size);
    await open(page, env.server, `/aktiviteter/${ACTIVITY}`);
    await page.getByRole('button', { name: 'Gem i Mine aktiviteter' }).click();
    const warning = page.getByRole('dialog', { name: 'Er du her stadig?' });

    await page.clock.fastForward('04:50');
    await page.waitForTimeout(300);
    assert.equal(await warning.isVisible(), false, 'not before five minutes');
    await page.clock.fastForward('00:15');
    await warning.waitFor();
    assert.equal(await warning.locator('p').innerText(), 'Tabletten ryddes om 60 sekunder.');
    await shot(page, `idle-warning-${size}`);
    await assertAccessible(page, `the idle warning @ ${size}`);
    const stay = warning.getByRole('button', { name: 'Jeg er her stadig' });
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Jeg er her stadig', 'the answer has the focus');
    await stay.click();
    await warning.waitFor({ state: 'hidden' });
    assert.ok((await storageDump(page))['tidoglyst.v1.activityfavourites'].includes(ACTIVITY), 'staying keeps everything');
    assert.equal(new URL(page.url()).pathname, `/aktiviteter/${ACTIVITY}`);

    // Idle again; the warning counts down; nobody answers.
    await page.clock.fastForward('05:05');
    await warning.waitFor();
    await page.clock.fastForward('00:30');
    await warning.getByText('Tabletten ryddes om 30 sekunder.').waitFor();
    await page.clock.fastForward('00:31');
    await page.getByText('Tabletten er ryddet og klar til den næste.').waitFor({ timeout: 30000 });
    assert.equal(new URL(page.url()).pathname, '/');
    const after = await storageDump(page);
    assert.equal(after['tidoglyst.v1.activityfavourites'], undefined);
    assert.equal(records(after, 'activities').length, 1, 'the list stays');
    assertClean(problems);
    await context.close();
  });
}

test('a full store during an import of 5,219 rows says how many were kept, and the rest comes back from its file', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  const n = 5219;
  const list = syntheticCatalogue(n, 3);
  await open(page, env.server, '/aktiviteter');
  await openLists(page);
  // Room for some of the rows, not for all.
  const cdp = await context.newCDPSession(page);
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: env.server.origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.server.origin, quotaSize: Math.floor(usage) + 1_000_000 });
  await page.getByLabel('Importér CSV').setInputFiles({ name: 'socialkompas.csv', mimeType: 'text/csv', buffer: Buffer.from(catalogueCsv(list), 'utf8') });
  await page.locator('.act-csv-preview').waitFor({ timeout: 120000 });
  await page.getByRole('button', { name: 'Importér de gode rækker' }).click();
  const notice = page.locator('.notice--error').filter({ hasText: /af 5\.219 aktiviteter er gemt/ });
  await notice.waitFor({ timeout: 120000 });
  const text = await notice.locator('p').innerText();
  const m = text.match(/^([\d.]+) af 5\.219 aktiviteter er gemt\. Browserens lager er fuldt\. Resten er ikke tabt/);
  assert.ok(m, text);
  const kept = Number(m[1].replace(/\./g, ''));
  assert.ok(kept < n, `${kept} kept`);
  console.log(`# ${kept} of ${n} rows kept`);
  // In place of the import's own message, not beside it.
  assert.equal(await page.getByText(`${n} aktiviteter er importeret.`).count(), 0);
  assert.equal(await page.getByText(/Browserens lager er fuldt/).count(), 1);
  assert.equal((await idbDump(page)).activities.length, kept, 'the count is what is stored');
  await shot(page, 'full-store-phone');
  await assertAccessible(page, 'the full store notice @ phone');
  const file = await downloadText(page, () => notice.getByRole('button', { name: 'Hent det, der ikke er gemt' }).click());
  assert.match(file.name, /^tid-og-lyst-ikke-gemt-\d{4}-\d{2}-\d{2}\.json$/);
  const rest = JSON.parse(file.text).activities;
  assert.equal(rest.length, n - kept);

  // With room again, the file brings the rest in: nothing typed was lost.
  // (Leaving asks first, as what is not stored is in memory only; the
  // harness says yes.)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.server.origin });
  await page.goto(env.server.url('/del'));
  await importFile(page, env.server, { name: file.name, text: file.text });
  await page.getByRole('button', { name: 'Flet ind' }).click();
  await page.getByText('Importen er gennemført.').waitFor();
  const stored = async () => (await idbDump(page)).activities.length;
  for (let i = 0; i < 100 && (await stored()) < n; i++) await page.waitForTimeout(200);
  assert.equal(await stored(), n);
  assertClean(problems);
  await context.close();
});
