// Phối hợp's service worker: after the first visit the app opens with no network at all.
//
// This file is a template: scripts/post-build.mjs (a Trunk post_build hook) writes the list of
// every file the build produced (hashed names) and a version hash of their contents into the
// copy at dist/sw.js. A new deploy therefore means a new sw.js, which the browser installs next
// to the running one; the page offers to reload (src/web/service_worker.rs), and this worker
// takes over only when the page asks ('skip-waiting'), then deletes the previous caches.
'use strict';

const VERSION = '__PHOIHOP_VERSION__';
/** Paths relative to this worker's scope: index.html, the hashed JS, wasm and CSS, icons… */
const PRECACHE = ['__PHOIHOP_PRECACHE__'];

const SCOPE = self.registration.scope; // ends with '/'
// Caches are per origin, not per scope: name ours by scope, so two copies hosted on one origin
// (say /phoihop/ and /phoihop-thu/) never delete each other's.
const PREFIX = `phoihop:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
const PRECACHED = new Set(PRECACHE.map((path) => new URL(path, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload': straight from the server, never from the browser's HTTP cache (a stale copy
    // there would be stored under this version for good). All or nothing: one failure and this
    // version does not install; the running one stays.
    await cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: 'reload' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    // The first install controls the open page at once (so it works offline from now on).
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

async function cached(url) {
  const cache = await caches.open(CACHE);
  return cache.match(url, { ignoreVary: true });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  const bare = url.origin + url.pathname; // no query: '?x' on a file is still that file
  if (!bare.startsWith(SCOPE)) return; // other origins and paths: not ours, the network's

  if (PRECACHED.has(bare)) {
    // Hashed names never change content; the rest (index.html, icons, manifest) belongs to this
    // version. Cache first; the network only if the cache was cleared behind our back.
    event.respondWith(cached(bare).then((hit) => hit ?? fetch(request)));
    return;
  }
  if (request.mode !== 'navigate') return;

  if (bare === SCOPE) {
    // The app itself. Routes live in the fragment (#/agreements/<id>), which never reaches
    // here, so every deep link is a navigation to this one page.
    event.respondWith(cached(INDEX).then((hit) => hit ?? fetch(request)));
    return;
  }
  // Any other path under the scope is no page of this app (a mistyped or old link): what the
  // server says if it answers with a page, else the app's start. The redirect keeps the
  // fragment, so '<scope>x/y#/settings' still opens the settings.
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok) return response;
    } catch {
      // offline: fall through
    }
    return Response.redirect(SCOPE + url.search, 302);
  })());
});
