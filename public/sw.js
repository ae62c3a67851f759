// Handoff's service worker: keeps the app's own files so that, after one visit, it opens and
// runs with the network off. scripts/build.sh writes this build's version (a hash of every
// file of the bundle, this one included) and the list of those files into the copy in dist/.
// A new build is a new cache: the browser installs it beside the old one, and the page shows
// "A new version of Handoff is ready" with a Reload button (public/boot.js) that activates it.
// Only GET requests to this origin are answered; requests to other hosts are never touched.
const VERSION = "__HANDOFF_VERSION__";
const FILES = ["__HANDOFF_FILES__"];

// Caches of this app at this scope (another copy of Handoff on the same host keeps its own).
const PREFIX = `handoff ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // Checked with the server (If-Modified-Since), never taken from the browser's HTTP cache
      // unchecked: the files must be this build's, and those the page just loaded are not sent
      // twice (the server answers "304 Not Modified").
      cache.addAll(["./", ...FILES].map((file) => new Request(file, { cache: "no-cache" }))),
    ),
  );
  // No skipWaiting here: a page running the old version keeps its files until the user
  // chooses Reload (the first install has no old version and activates at once).
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      // The first visit's page is served from this cache from now on, without a reload.
      await self.clients.claim();
    })(),
  );
});

// The page's Reload button: the waiting version takes over (boot.js reloads on the change).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(cacheFirst(event, request));
});

async function cacheFirst(event, request) {
  const cache = await caches.open(CACHE);
  // A navigation with a query string is still the app's page.
  const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === "basic" && !request.headers.has("range")) {
      event.waitUntil(cache.put(request, response.clone()));
    }
    return response;
  } catch (err) {
    // Offline, at an address of the app that was never fetched: the app's page.
    const shell = request.mode === "navigate" ? await cache.match("./") : undefined;
    if (shell) return shell;
    throw err;
  }
}
