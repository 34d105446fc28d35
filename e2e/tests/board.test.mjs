// Fælles tavle: a coordinator's tablet and two runners' phones share one
// board through a real CouchDB-compatible server (pouchdb-server, started
// here), forwarded under the app's own origin at /tavle/ as docs/SYNC.md
// recommends. A dream posted on the tablet appears on both phones; claims
// made on the phones, offline for the last place, reach the tablet with no
// file or link, and all three agree (overbooked, flagged as with files); a
// deletion travels; the board holds no private detail of the dreamer; a
// wrong password is told in Danish and kept nowhere; a server stopped in the
// middle of a sync loses and doubles nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, startServer, startCouch, postBoardDream, dayFromToday, newPage, open, assertClean, assertAccessible, importFile, storageDump,
} from '../lib/harness.mjs';

const DB = 'tavle-assens';
const PEOPLE = { lone: 'lone-hemmelig', anna: 'anna-hemmelig', bent: 'bent-hemmelig' };
const TITLE = 'Tur til Vesterhavet';
const PRIVATE = 'Bor på Strandvejen 4, nøglen hos naboen';

const env = { couch: null, server: null, browser: null };

before(async () => {
  env.couch = await startCouch({ persistent: true });
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

/**
 * The page's problems but the browser's own lines about requests that
 * failed on purpose here (offline, a stopped server, a wrong password).
 */
function apartFromNetwork(problems) {
  return { ...problems, errors: problems.errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e)) };
}

/** Every document of the board, read directly from the server as its admin. */
async function boardDocs() {
  const r = await env.couch.request(`/${DB}/_all_docs?include_docs=true`);
  assert.equal(r.status, 200);
  return r.body.rows.map((row) => row.doc);
}

/** Connects the profile of `page` to the board on /del, as `name`. */
async function connect(page, name, password = PEOPLE[name]) {
  await open(page, env.server, '/del');
  const card = page.locator('.board-card');
  await card.getByLabel('Tavlens adresse').fill(`/tavle/${DB}`);
  await card.getByLabel('Navn', { exact: true }).fill(name);
  await card.getByLabel('Adgangskode').fill(password);
  await card.getByRole('button', { name: 'Forbind' }).click();
}

async function connected(page, name) {
  await connect(page, name);
  const host = new URL(env.server.origin).host;
  await page.locator('.board-card').getByText(`Forbundet til fælles tavle på ${host}.`).waitFor();
  await page.locator('.board-card .board-status').getByText(/Synkroniseret kl\. \d\d\.\d\d/).waitFor();
  // The footer tells what is sent, and where.
  await page.locator('.site-footer').getByText(`deles med fælles tavle på ${host}`).waitFor();
}

async function claim(page, name) {
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByLabel('Dit navn').fill(name);
  await page.getByLabel('Din telefon eller mail').fill(`${name.toLowerCase()}@example.dk`);
  await page.getByRole('button', { name: 'Jeg tager den' }).click();
  await page.getByRole('button', { name: 'Slip igen' }).waitFor();
}

test('a dream posted on the tablet reaches both phones; claims made offline reach the tablet; all agree', async () => {
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  const anna = await newPage(env.browser, env.server, { size: 'phone' });
  const bent = await newPage(env.browser, env.server, { size: 'phone' });
  await connected(coord.page, 'lone');
  await assertAccessible(coord.page, '/del connected @ tablet');
  await connected(anna.page, 'anna');
  await connected(bent.page, 'bent');
  await open(anna.page, env.server, '/droemme');
  await open(bent.page, env.server, '/droemme');

  const dreamUrl = await postBoardDream(coord.page, env.server, { title: TITLE, note: PRIVATE });
  // On both phones, with no file, no link and no reload.
  await anna.page.getByRole('link', { name: TITLE }).waitFor({ timeout: 15000 });
  await bent.page.getByRole('link', { name: TITLE }).waitFor({ timeout: 15000 });

  // Both phones lose the network, and both take the one place.
  await anna.context.setOffline(true);
  await bent.context.setOffline(true);
  await claim(anna.page, 'Anna');
  await claim(bent.page, 'Bent');
  await anna.page.locator('.site-footer .board-status').getByText('Offline – prøver igen om lidt').waitFor({ timeout: 15000 });

  // The coordinator watches the dream; Anna comes back online first.
  await open(coord.page, env.server, new URL(dreamUrl).pathname);
  await anna.context.setOffline(false);
  const claims = coord.page.locator('.dream-claims');
  await claims.getByText('Anna').waitFor({ timeout: 15000 });
  await bent.context.setOffline(false);
  await claims.getByText('Bent').waitFor({ timeout: 15000 });
  await coord.page.getByText('Overbooket: 2 har taget den, men den kræver kun 1.').waitFor();
  // Both phones see both claims too.
  for (const p of [anna.page, bent.page]) {
    await p.locator('.dream-claims').getByText('Anna').waitFor({ timeout: 15000 });
    await p.locator('.dream-claims').getByText('Bent').waitFor({ timeout: 15000 });
  }
  // The private note stayed on the coordinator's tablet: it is still there…
  const details = coord.page.locator('details.dream-manage');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await coord.page.getByText(PRIVATE).waitFor();
  // …and nowhere on the board, nor on the phones.
  const docs = await boardDocs();
  const dream = docs.find((d) => d.kind === 'dream');
  assert.ok(dream, 'the dream is a document of its own');
  assert.equal(dream._id, `dream:${dream.id}`);
  assert.equal(dream.format, 'tid-og-lyst-record');
  assert.deepEqual(Object.values(dream.claims).map((c) => c.name).sort(), ['Anna', 'Bent']);
  const everything = JSON.stringify(docs);
  assert.ok(!everything.includes('Strandvejen'), 'no private detail of the dreamer on the board');
  assert.ok(!everything.includes('private_note'));
  assert.equal(await anna.page.getByText(PRIVATE).count(), 0);
  // No password anywhere but the device's own connection key.
  const stored = JSON.stringify(await storageDump(anna.page));
  assert.equal(stored.split(PEOPLE.anna).length - 1, 1, 'the password is kept once, in the connection');
  await assertAccessible(anna.page, 'dream with claims @ phone, connected');
  for (const p of [coord, anna, bent]) {
    assertClean(apartFromNetwork(p.problems), 'shared board');
    await p.context.close();
  }
});

test('a workshop reaches the participants, and their answers reach the facilitator as they come', async () => {
  const fac = await newPage(env.browser, env.server, { size: 'projector' });
  const phones = [await newPage(env.browser, env.server, { size: 'phone' }), await newPage(env.browser, env.server, { size: 'phone' })];
  await connected(fac.page, 'lone');
  for (const [i, p] of phones.entries()) await connected(p.page, i ? 'bent' : 'anna');
  await open(fac.page, env.server, '/skal-kan');
  await fac.page.getByRole('button', { name: 'Opret workshop' }).click();
  await fac.page.getByLabel('Workshoppens navn').fill('Workshop i Assens');
  await fac.page.getByLabel('Dato').fill(dayFromToday(2));
  await fac.page.getByRole('button', { name: 'Opret workshop' }).click();
  await fac.page.getByRole('heading', { level: 1, name: 'Workshop i Assens' }).waitFor();
  await fac.page.getByText('6 kort · 0 deltagere · 0 svar').waitFor();
  for (const [i, p] of phones.entries()) {
    await open(p.page, env.server, '/skal-kan');
    await p.page.getByRole('link', { name: 'Workshop i Assens' }).click({ timeout: 15000 });
    await p.page.getByRole('link', { name: 'Svar på kortene' }).click();
    await p.page.getByLabel('Dit kaldenavn').fill(i ? 'Bent' : 'Anna');
    await p.page.getByRole('button', { name: 'Begynd at svare' }).click();
    await p.page.getByRole('heading', { level: 2, name: 'Bisiddere' }).waitFor();
    await p.page.locator('.answer-card').getByLabel('Mest KAN', { exact: true }).check();
    // The facilitator's overview counts it without a file.
    await fac.page.getByText(i ? '6 kort · 2 deltagere · 2 svar' : '6 kort · 1 deltager · 1 svar').waitFor({ timeout: 15000 });
  }
  await assertAccessible(fac.page, 'workshop overview @ projector, connected');
  for (const p of [fac, ...phones]) {
    assertClean(apartFromNetwork(p.problems), 'workshop');
    await p.context.close();
  }
});

test('a deleted activity disappears from the other devices', async () => {
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  const phone = await newPage(env.browser, env.server, { size: 'phone' });
  await connected(coord.page, 'lone');
  await connected(phone.page, 'anna');
  const title = 'Stolegymnastik i Glamsbjerg';
  await open(coord.page, env.server, '/aktiviteter/ny');
  await coord.page.getByLabel('Titel', { exact: true }).fill(title);
  await coord.page.getByLabel('Arrangør (forening)').fill('Ældre Sagen Assens');
  await coord.page.getByLabel('Kategori', { exact: true }).selectOption('motion');
  await coord.page.getByLabel('Kommune', { exact: true }).selectOption('Assens');
  await coord.page.getByLabel('tirsdag').check();
  await coord.page.getByRole('button', { name: 'Gem' }).click();
  await coord.page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 5000 }).catch(async (e) => {
    await coord.page.screenshot({ path: '/tmp/act.png', fullPage: true });
    throw e;
  });

  await open(phone.page, env.server, '/aktiviteter');
  await phone.page.getByLabel('Søg i aktiviteter').fill('glamsbjerg stolegymnastik');
  await phone.page.getByRole('link', { name: title }).waitFor({ timeout: 15000 });

  await coord.page.getByRole('button', { name: 'Slet', exact: true }).click();
  await coord.page.locator('.confirm').getByRole('button', { name: 'Slet', exact: true }).click();
  await coord.page.getByText('Aktiviteten er slettet.').waitFor();
  await phone.page.getByRole('link', { name: title }).waitFor({ state: 'detached', timeout: 15000 });
  const doc = (await boardDocs()).find((d) => d.title === title);
  assert.equal(doc.deleted, true, 'a deletion travels as the record\'s tombstone');
  // "Ryd mine data" on a shared tablet takes the connection with it.
  await open(phone.page, env.server, '/del');
  await phone.page.getByRole('button', { name: 'Ryd mine data' }).click();
  await phone.page.getByRole('alertdialog').getByRole('button', { name: /Ja/ }).click();
  await phone.page.locator('.board-card').getByRole('button', { name: 'Forbind' }).waitFor();
  await phone.page.locator('.site-footer').getByText('Intet sendes til en server.').waitFor();
  assert.ok(!JSON.stringify(await storageDump(phone.page)).includes(PEOPLE.anna), 'no password left after "Ryd mine data"');
  for (const p of [coord, phone]) {
    assertClean(apartFromNetwork(p.problems), 'deletion');
    await p.context.close();
  }
});

test('a wrong password, no board and a blocked address are told in Danish, and nothing is kept', async () => {
  const { context, page, problems } = await newPage(env.browser, env.server, { size: 'phone' });
  await connect(page, 'anna', 'forkert');
  const card = page.locator('.board-card');
  await card.getByRole('alert').getByText('Forkert navn eller adgangskode.').waitFor();
  await assertAccessible(page, '/del wrong password @ phone');
  await card.getByLabel('Tavlens adresse').fill('/tavle/findes-ikke');
  await card.getByLabel('Adgangskode').fill(PEOPLE.anna);
  await card.getByRole('button', { name: 'Forbind' }).click();
  await card.getByRole('alert').getByText('Der er ingen tavle på den adresse. Tjek adressen.').waitFor();
  // Another origin is not in the page's security policy: refused before any request.
  await card.getByLabel('Tavlens adresse').fill('https://tavle.example.org/tavle');
  await card.getByRole('button', { name: 'Forbind' }).click();
  await card.getByRole('alert').getByText(/Appens sikkerhedsregler tillader ikke forbindelse til https:\/\/tavle\.example\.org/).waitFor();
  await card.getByLabel('Tavlens adresse').fill('http://tavle.example.org/tavle');
  await card.getByRole('button', { name: 'Forbind' }).click();
  await card.getByRole('alert').getByText(/kun sendes over en sikker forbindelse/).waitFor();
  const stored = JSON.stringify(await storageDump(page));
  assert.ok(!stored.includes(PEOPLE.anna) && !stored.includes('forkert'), 'no password kept after a failed connection');
  await page.reload();
  await page.locator('.board-card').getByRole('button', { name: 'Forbind' }).waitFor();
  assert.equal(await page.locator('.site-footer').getByText('Intet sendes til en server.').count(), 1);
  assertClean(apartFromNetwork(problems), 'wrong password');
  await context.close();
});

test('the server stopped in the middle of a sync and started again: nothing lost, nothing doubled', async () => {
  const N = 2000;
  const coord = await newPage(env.browser, env.server, { size: 'tablet' });
  await connected(coord.page, 'lone');
  const rev = { at: new Date().toISOString(), n: 0, by: 'importer01' };
  const activities = Array.from({ length: N }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    rev, title: `Fælles aktivitet nr. ${i}`, organizer: 'Frivilligcenter Assens', municipality: 'Assens',
  }));
  const file = JSON.stringify({ format: 'tid-og-lyst', version: 1, exported_at: rev.at, dreams: [], activities, assessments: [] });
  await importFile(coord.page, env.server, { name: 'aktiviteter.json', text: file });
  // The server falls over just after the first slice of records is sent to it.
  let halted = null;
  await coord.page.route('**/tavle/**/_bulk_docs', async (route) => {
    halted ??= new Promise((ok) => setTimeout(ok, 30)).then(() => env.couch.halt());
    await route.continue().catch(() => {});
  });
  await coord.page.getByRole('button', { name: 'Flet ind' }).click();
  while (!halted) await new Promise((ok) => setTimeout(ok, 20));
  await halted;
  await coord.page.locator('.board-card .board-status').getByText(/Offline – prøver igen om lidt|Tavlen svarer ikke/).waitFor({ timeout: 20000 });
  await env.couch.resume();
  const partial = (await boardDocs()).filter((d) => d.kind === 'activity' && d.title.startsWith('Fælles aktivitet')).length;
  assert.ok(partial < N, `the server stopped in the middle (it held ${partial} of ${N})`);
  await coord.page.locator('.board-card').getByRole('button', { name: 'Synkronisér nu' }).click();
  await coord.page.locator('.board-card .board-status').getByText(/Synkroniseret kl\./).waitFor({ timeout: 30000 });
  const shared = (await boardDocs()).filter((d) => d.kind === 'activity' && d.title.startsWith('Fælles aktivitet'));
  assert.equal(shared.length, N, 'every record on the board, once');
  assert.equal(new Set(shared.map((d) => d._id)).size, N);

  // A new phone gets all of them, once.
  const phone = await newPage(env.browser, env.server, { size: 'phone' });
  await connected(phone.page, 'bent');
  await open(phone.page, env.server, '/aktiviteter');
  await phone.page.getByLabel('Søg i aktiviteter').fill('fælles aktivitet nr');
  await phone.page.locator('.result-count').getByText(/2\.?000 aktiviteter/).waitFor({ timeout: 30000 });
  for (const p of [coord, phone]) {
    assertClean(apartFromNetwork(p.problems), 'server stopped');
    await p.context.close();
  }
});
