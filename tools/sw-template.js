// Tid og Lyst service worker: keeps the app shell and the example catalogue
// in a versioned cache so the app opens and works without a network.
// The version, the file list and the route pages are filled in by
// tools/postbuild.mjs. It is registered after the page has loaded, so its
// precaching never competes with the first paint and the first load.
const VERSION = '__VERSION__';
const CACHE = `tidoglyst-${VERSION}`;
const FILES = __FILES__;
// Path below the scope → the page with that route's static first paint.
const ROUTES = __ROUTES__;
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new URL(f, SCOPE).href))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tidoglyst-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks the waiting worker to take over when the user says so.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  // A shared board's answers (they carry a password) are never cached.
  if (req.headers.has('Authorization')) return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Every route is the same app; each has its own static first paint, and
    // deep links get the neutral one of 404.html.
    const rel = url.pathname.startsWith(SCOPE.pathname) ? url.pathname.slice(SCOPE.pathname.length) : '';
    const page = ROUTES[rel.replace(/\/$/, '')] || '404.html';
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(new URL(page, SCOPE).href).then((hit) => hit || fetch(req)),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(req, { ignoreSearch: true }).then((hit) => {
        if (hit) return hit;
        return fetch(req).then((res) => {
          if (res.ok && url.pathname.startsWith(SCOPE.pathname)) cache.put(req, res.clone());
          return res;
        });
      }),
    ),
  );
});
