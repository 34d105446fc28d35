// The shared board's test server itself, with no browser: pouchdb-server
// answers as a CouchDB database does for what the app uses, a wrong name or
// password gets 401, only members read and write, a member reaches the
// database through the app's own origin (/tavle/ forwarded, long polls
// streamed), and "the server is down" can be switched on and off without
// losing what was written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCouch, startServer, startProxy, useCouch, basicAuth } from '../lib/harness.mjs';

const env = useCouch();
const ANNA = { name: 'anna', password: 'anna-har-et-langt-kodeord' };
const BO = { name: 'bo', password: 'bo-kodeord' };
const DB = 'tavle-assens';
// pouchdb-server gzips an answer when asked to (a browser always asks) and
// then holds a long poll's heartbeats back until the answer ends; asked
// for no encoding, it sends each one at once, which shows that nothing on
// the way (the forwarding) holds them back.
const UNZIPPED = { 'accept-encoding': 'identity' };

/** fetch with Basic auth; the body parsed as JSON when it is JSON. */
async function call(url, { as, method = 'GET', body, signal } = {}) {
  const headers = { accept: 'application/json' };
  if (as) headers.authorization = basicAuth(as);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await r.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a gateway's page
  }
  return { status: r.status, body: parsed };
}

/** The error code under a fetch failure (ECONNREFUSED, …), or null when it answered. */
async function failure(url) {
  try {
    const r = await fetch(url);
    await r.arrayBuffer();
    return null;
  } catch (e) {
    return e.cause?.code || e.message;
  }
}

let db;
test('the server answers as a CouchDB database: welcome, db_name and update_seq, 404 for a missing one', async () => {
  const { couch } = env;
  await couch.createUser(ANNA.name, ANNA.password);
  await couch.createUser(BO.name, BO.password);
  db = await couch.createDb(DB, { members: [ANNA.name] });
  const root = await call(couch.url + '/');
  assert.equal(root.status, 200);
  assert.equal(root.body['express-pouchdb'], 'Welcome!');
  const info = await call(db + '/', { as: ANNA });
  assert.equal(info.status, 200);
  assert.equal(info.body.db_name, DB);
  assert.equal(typeof info.body.update_seq, 'number');
  const missing = await call(couch.url + '/tavle-findes-ikke/', { as: ANNA });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error, 'not_found');
});

test('a wrong password gets 401; no name or no membership gets no data', async () => {
  const wrong = await call(db + '/', { as: { ...ANNA, password: 'forkert' } });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
  const unknown = await call(db + '/', { as: { name: 'ingen', password: 'x' } });
  assert.equal(unknown.status, 401);
  const anonymous = await call(db + '/_all_docs');
  assert.equal(anonymous.status, 401);
  // Apache CouchDB 3 answers 403 for a known user who is not a member.
  const outsider = await call(db + '/_all_docs', { as: BO });
  assert.ok([401, 403].includes(outsider.status), `outsider got ${outsider.status}`);
  assert.equal(env.couch.alive, true);
});

test('a member writes and reads through the same origin (/tavle/ forwarded), long polls stream', async (t) => {
  const server = await startServer({ proxy: { '/tavle/': env.couch.url } });
  t.after(() => server.close());
  const board = `${server.origin}/tavle/${DB}`;
  const doc = { _id: 'dream:0b9f6c1e-2f4d-4a57-9d0e-5a1c2b3d4e5f', kind: 'dream', format: 'tid-og-lyst-record', version: 1, title: 'Se havet' };
  const put = await call(board + '/_bulk_docs', { as: ANNA, method: 'POST', body: { docs: [doc] } });
  assert.equal(put.status, 201);
  assert.equal(put.body[0].ok, true);
  const rev = put.body[0].rev;
  // The same document again without its _rev: a conflict for that document.
  const again = await call(board + '/_bulk_docs', { as: ANNA, method: 'POST', body: { docs: [{ ...doc, title: 'Andet' }] } });
  assert.equal(again.body[0].error, 'conflict');
  const read = await call(board + '/_all_docs?include_docs=true', { as: ANNA, method: 'POST', body: { keys: [doc._id, 'dream:none'] } });
  assert.equal(read.body.rows[0].doc.title, 'Se havet');
  assert.equal(read.body.rows[0].doc._rev, rev);
  assert.equal(read.body.rows[1].error, 'not_found');
  const changes = await call(board + '/_changes?since=0&include_docs=true&limit=10', { as: ANNA });
  assert.deepEqual(changes.body.results.map((r) => r.id), [doc._id]);
  const since = changes.body.last_seq;
  // A long poll: its heartbeat arrives before anything changed (nothing is
  // held back on the way), then a write by another member ends it.
  const poll = await fetch(`${board}/_changes?feed=longpoll&since=${since}&heartbeat=200&include_docs=true`, { headers: { authorization: basicAuth(ANNA), ...UNZIPPED } });
  assert.equal(poll.status, 200);
  const reader = poll.body.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  assert.match(first, /^\{"results":\[/);
  const second = { _id: 'activity:5e0c9a7b-1d2e-4f3a-8b4c-6d7e8f9a0b1c', kind: 'activity', format: 'tid-og-lyst-record', version: 1 };
  await call(board + '/_bulk_docs', { as: ANNA, method: 'POST', body: { docs: [second] } });
  let text = first;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  const answer = JSON.parse(text);
  assert.deepEqual(answer.results.map((r) => r.id), [second._id]);
  assert.equal(answer.results[0].doc.kind, 'activity');
  // Only the changes of the named documents.
  const one = await call(board + '/_changes?filter=_doc_ids&since=0', { as: ANNA, method: 'POST', body: { doc_ids: [second._id] } });
  assert.deepEqual(one.body.results.map((r) => r.id), [second._id]);
  // A wrong password is 401 through the forwarding too.
  assert.ok([401, 403].includes((await call(board + '/', { as: BO })).status));
  assert.equal((await call(board + '/', { as: { ...ANNA, password: 'nej' } })).status, 401);
});

test('the forwarded board goes down (502, long poll cut) and comes back', async (t) => {
  const server = await startServer({ proxy: { '/tavle/': env.couch.url } });
  t.after(() => server.close());
  const board = `${server.origin}/tavle/${DB}`;
  const poll = await fetch(`${board}/_changes?feed=longpoll&since=now&heartbeat=200`, { headers: { authorization: basicAuth(ANNA), ...UNZIPPED } });
  const reader = poll.body.getReader();
  await reader.read();
  server.proxy.down();
  await assert.rejects(async () => {
    for (;;) if ((await reader.read()).done) break;
  }, 'the long poll under way is cut');
  const gone = await call(board + '/', { as: ANNA });
  assert.equal(gone.status, 502);
  assert.equal(gone.body, '502 Bad Gateway');
  server.proxy.up();
  const info = await call(board + '/', { as: ANNA });
  assert.equal(info.status, 200);
  assert.equal(info.body.db_name, DB);
});

test('a proxy on its own port refuses connections while down, then forwards again', async (t) => {
  const proxy = await startProxy(env.couch.url);
  t.after(() => proxy.close());
  assert.equal((await call(`${proxy.url}/${DB}/`, { as: ANNA })).status, 200);
  await proxy.down();
  assert.equal(await failure(`${proxy.url}/`), 'ECONNREFUSED');
  await proxy.up();
  assert.equal((await call(`${proxy.url}/${DB}/`, { as: ANNA })).status, 200);
});

test('a persistent server killed and started again keeps every document, user and member list', async (t) => {
  const couch = await startCouch({ persistent: true });
  t.after(() => couch.stop());
  await couch.createUser(ANNA.name, ANNA.password);
  const url = await couch.createDb(DB, { members: [ANNA.name] });
  const docs = Array.from({ length: 20 }, (_, i) => ({ _id: `assessment:${String(i).padStart(4, '0')}`, kind: 'assessment', n: i }));
  assert.equal((await call(url + '/_bulk_docs', { as: ANNA, method: 'POST', body: { docs } })).status, 201);
  await couch.halt();
  assert.equal(couch.alive, false);
  assert.equal(await failure(couch.url + '/'), 'ECONNREFUSED');
  await couch.resume();
  const all = await call(url + '/_all_docs', { as: ANNA });
  assert.deepEqual(all.body.rows.map((r) => r.id), docs.map((d) => d._id));
  assert.equal((await call(url + '/', { as: { name: 'bo', password: 'x' } })).status, 401);
  await couch.restart({ signal: 'SIGTERM' });
  assert.equal((await call(url + '/', { as: ANNA })).body.doc_count, 20);
  // In memory a restart would lose everything, so it is refused.
  await assert.rejects(() => env.couch.restart(), /persistent/);
});
