// Tid og Lyst service worker: keeps the app shell and the example catalogue
// in a versioned cache so the app opens and works without a network.
// The version and the file list are filled in by tools/postbuild.mjs.
const VERSION = '__VERSION__';
const CACHE = `tidoglyst-${VERSION}`;
const FILES = __FILES__;
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
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Every route is the same app shell.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(new URL('index.html', SCOPE).href).then((hit) => hit || fetch(req)),
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
