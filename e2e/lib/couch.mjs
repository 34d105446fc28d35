// A CouchDB-compatible server for the shared-board tests: pouchdb-server
// (npm, in e2e/node_modules) on a free loopback port, set up as an
// association would set up CouchDB (a server admin, users in `_users`, one
// database per group whose `_security` names its members), plus a
// forwarding proxy that can be switched off and on ("the server is down").
// harness.mjs re-exports all of it; this file needs no cargo build.
//
// What pouchdb-server 4.2.0 does differently from Apache CouchDB 3 (found by
// experiment; the app must cope with both):
// - GET / says {"express-pouchdb":"Welcome!", …}, not {"couchdb":"Welcome"};
//   GET /db/ has `db_name` and `update_seq` as CouchDB does.
// - Sequences (`update_seq`, `seq`, `last_seq`) are numbers, CouchDB 3's are
//   opaque strings: send `since` back exactly as received (a number as its
//   digits, a string as it is, not JSON-quoted: `since="2"` counts as 0).
// - JSON comes as text/plain unless the request's Accept names
//   application/json (so does CouchDB 1; parse the body whatever the type).
// - A name or password that is wrong: 401 {"error":"unauthorized","reason":
//   "Name or password is incorrect."} as CouchDB; a right user who is not a
//   member: 401 "You are not authorized to access this db." (CouchDB 3 says
//   403 forbidden). No 401 carries WWW-Authenticate, so no browser prompt.
// - `_changes?feed=longpoll` ignores `timeout`: with nothing new it holds the
//   request open for ever, sending "\n" every `heartbeat` ms (6000 by
//   default). A client must end a long poll itself.
// - `_changes?filter=_selector` crashes the whole server (it looks for a
//   design document "_selector"), and so does a PUT /db by a non-admin:
//   tests must do neither. `filter=_doc_ids` (GET or POST) works.
// - In memory, everything is gone when the process ends; `persistent`
//   stores in a temporary folder (LevelDB), kept across `restart()`.
import { spawn } from 'node:child_process';
import { request as httpRequest, createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, after } from 'node:test';

const BIN = resolve(import.meta.dirname, '../node_modules/.bin/pouchdb-server');

// The child ends itself when its standard input closes, that is when the
// test process ends however it ends (a test killed on a time-out too).
const WATCHDOG = "process.stdin.on('end',()=>process.exit(0));process.stdin.on('error',()=>process.exit(0));process.stdin.resume();require(process.argv[1]);";

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A loopback port that was free a moment ago. */
export async function freePort() {
  const probe = createNetServer();
  await new Promise((ok, fail) => probe.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** `Authorization` header value for HTTP Basic auth. */
export function basicAuth({ name, password }) {
  return 'Basic ' + Buffer.from(`${name}:${password}`, 'utf8').toString('base64');
}

/**
 * Starts pouchdb-server on a free loopback port and waits until it answers.
 * Options: `persistent` (store in a temporary folder, so `restart()` keeps
 * the data; default in memory), `cors` ('*' = any origin, an origin or a
 * list of them, false = off; credentials and Authorization are allowed),
 * `admin` ({ name, password } of the server admin, set in the config file
 * before the first request, so there is no "admin party").
 * Returns { url, port, admin, dir, request, createUser, createDb, alive,
 * stderr, halt, resume, restart, stop }.
 */
export async function startCouch({ persistent = false, cors = '*', admin = { name: 'admin', password: 'admin-pw' } } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'tol-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const origins = cors === false ? '' : Array.isArray(cors) ? cors.join(', ') : cors;
  await writeFile(join(dir, 'config.json'), JSON.stringify({
    admins: { [admin.name]: admin.password },
    httpd: { enable_cors: cors !== false },
    cors: { origins, credentials: true },
    log: { file: join(dir, 'log.txt'), level: 'info' },
  }, null, 2));
  const args = ['-p', String(port), '-o', '127.0.0.1', '-c', join(dir, 'config.json'), '-n', '--no-color'];
  args.push(...(persistent ? ['-d', join(dir, 'data') + '/'] : ['--in-memory']));

  let child = null;
  let exited = null;
  let errText = '';

  async function resume() {
    if (child) return;
    errText = '';
    child = spawn(process.execPath, ['-e', WATCHDOG, '--', BIN, ...args], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
    running.add(child);
    const me = child;
    exited = new Promise((ok) => me.once('exit', ok)).then(() => {
      running.delete(me);
      if (child === me) child = null;
    });
    me.stderr.setEncoding('utf8').on('data', (s) => (errText = (errText + s).slice(-20000)));
    const until = Date.now() + 20000;
    for (;;) {
      if (child !== me) throw new Error(`pouchdb-server ended while starting:\n${errText}`);
      try {
        const r = await fetch(url + '/', { signal: AbortSignal.timeout(1000) });
        await r.arrayBuffer();
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`pouchdb-server did not answer on ${url} in 20 s:\n${errText}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  /** Ends the process (by default at once, SIGKILL: as a server that falls over). */
  async function halt({ signal = 'SIGKILL' } = {}) {
    if (!child) return;
    const done = exited;
    child.kill(signal);
    await done;
  }

  /**
   * Sends one request; `as` is { name, password } (default the admin) or
   * null for none; `body` is sent as JSON unless it is a string. Returns
   * { status, headers, body } with the body parsed as JSON when it is JSON.
   */
  async function request(path, { method = 'GET', body, as = admin, headers = {} } = {}) {
    const h = { accept: 'application/json', ...headers };
    if (as) h.authorization = basicAuth(as);
    if (body !== undefined && typeof body !== 'string') h['content-type'] = 'application/json';
    const r = await fetch(url + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await r.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: r.status, headers: r.headers, body: parsed };
  }

  async function must(path, options) {
    const r = await request(path, options);
    if (r.status >= 300) throw new Error(`${options?.method || 'GET'} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  await resume();
  return {
    url,
    port,
    admin,
    dir,
    request,
    /** A user in `_users` (made by the admin), as an association's board admin does. */
    createUser: (name, password, roles = []) =>
      must(`/_users/${encodeURIComponent('org.couchdb.user:' + name)}`, { method: 'PUT', body: { _id: 'org.couchdb.user:' + name, name, password, roles, type: 'user' } }),
    /**
     * A database whose `_security` lets only `members` (user names) and
     * users with one of `roles` read and write; returns its URL.
     */
    async createDb(name, { members = [], roles = [] } = {}) {
      await must(`/${encodeURIComponent(name)}`, { method: 'PUT' });
      await must(`/${encodeURIComponent(name)}/_security`, { method: 'PUT', body: { admins: { names: [], roles: [] }, members: { names: members, roles } } });
      return `${url}/${encodeURIComponent(name)}`;
    },
    /** Whether the process is running. */
    get alive() {
      return child !== null;
    },
    /** What the process wrote to stderr (a crash's stack), the last 20 kB. */
    stderr: () => errText,
    halt,
    /** Starts the process again on the same port, with the same config and folder. */
    resume,
    /** halt() then resume(); only with `persistent` (in memory, all would be gone). */
    async restart(options) {
      if (!persistent) throw new Error('restart() keeps data only with startCouch({ persistent: true })');
      await halt(options);
      await resume();
    },
    /** Ends the process and removes its folder. */
    async stop() {
      await halt({ signal: 'SIGTERM' });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers before/after hooks for a test file: a CouchDB started before the
 * file's tests (options as for `startCouch`) and stopped after them. Returns
 * an object whose `couch` is set once the tests run.
 */
export function useCouch(options = {}) {
  const env = { couch: null };
  before(async () => {
    env.couch = await startCouch(options);
  });
  after(async () => {
    await env.couch?.stop();
  });
  return env;
}

const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

/**
 * A forwarder to `target` (http://host:port, optionally with a path): as
 * nginx's `proxy_pass` with `proxy_buffering off`, it sends on method,
 * headers (Host set to the target) and body, and streams the answer back as
 * it comes (a long poll's heartbeats too), with no time-out of its own. An
 * unreachable target gets 502; a target that goes away in the middle of an
 * answer ends the answer's connection. `down()` makes it act as if the
 * target were unreachable (and cuts the requests under way), `up()` undoes
 * that. Use: `forwarder.forward(req, res, pathAndQuery)`.
 */
export function createForwarder(target) {
  const base = new URL(target);
  const basePath = base.pathname.replace(/\/$/, '');
  const open = new Set();
  let isDown = false;
  const badGateway = (res) => {
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('502 Bad Gateway');
  };
  return {
    forward(req, res, path) {
      if (isDown) {
        req.resume();
        badGateway(res);
        return;
      }
      const headers = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k)) headers[k] = v;
      headers.host = base.host;
      const up = httpRequest({ host: base.hostname, port: base.port || 80, method: req.method, path: basePath + path, headers, agent: false });
      open.add(up);
      up.on('response', (answer) => {
        const out = {};
        for (const [k, v] of Object.entries(answer.headers)) if (!HOP.has(k)) out[k] = v;
        res.writeHead(answer.statusCode, out);
        res.flushHeaders();
        answer.on('data', (chunk) => res.write(chunk));
        answer.on('end', () => res.end());
        answer.on('error', () => res.destroy());
        answer.on('aborted', () => res.destroy());
      });
      up.on('error', () => badGateway(res));
      up.on('close', () => open.delete(up));
      res.on('close', () => {
        if (!res.writableFinished) up.destroy();
      });
      req.pipe(up);
    },
    down() {
      isDown = true;
      for (const up of open) up.destroy(new Error('proxy down'));
    },
    up() {
      isDown = false;
    },
    get isDown() {
      return isDown;
    },
    /** Cuts every request under way (for closing the server in front). */
    closeAll() {
      for (const up of open) up.destroy(new Error('closing'));
    },
  };
}

/**
 * A proxy on its own loopback port in front of `target` (for a board on
 * another origin). `down()` stops listening and cuts every connection, so
 * the browser gets a connection error as from a server that is off; `up()`
 * listens again on the same port. Returns { url, down, up, close }.
 */
export async function startProxy(target) {
  const fwd = createForwarder(target);
  const server = createServer((req, res) => fwd.forward(req, res, req.url));
  const port = await freePort();
  const listen = () => new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => (server.off('error', fail), ok())));
  const unlisten = () => {
    if (!server.listening) return Promise.resolve();
    const closed = new Promise((ok) => server.close(ok));
    fwd.closeAll();
    server.closeAllConnections();
    return closed;
  };
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    down: unlisten,
    up: async () => {
      if (!server.listening) await listen();
    },
    close: unlisten,
  };
}
