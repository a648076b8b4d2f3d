// ParamLab's service worker: after one visit the app works with the network off (it is a static
// site; nothing here talks to any other origin).
//
// - The page (any ?query: every lab is the same index.html): network first, so a new version is
//   picked up at once; the cached copy when the network is down.
// - Everything else of this origin (the WebAssembly, its loader, the CSS; Trunk puts a hash of
//   the content in each name, so a name never changes meaning): cache first.
// The page itself puts the files it loaded before this worker took over into the cache
// (static/offline.js), so the first visit is enough.
const CACHE = 'paramlab';
const PAGE = './';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add(PAGE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  } catch (offline) {
    const cached = await cache.match(PAGE);
    if (cached) return cached;
    throw offline;
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: false });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
