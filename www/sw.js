// Marginalia's service worker: precaches one release's files so the app opens and works with no network.
//
// scripts/postbuild.mjs rewrites the three constants below in dist/sw.js: VERSION is a hash of the
// release's files' names and contents, PRECACHE lists the files a first visit needs (relative to
// this file), LAZY the second module (HTML and Markdown readers, the class view): fetched once the
// worker is active, after the first visit's page is shown, and cached when the app first loads it
// if that failed; it is not part of what a first visit needs, and works offline from then on. Unprocessed
// (`trunk serve`), VERSION is 'dev' and the worker caches nothing and answers no request.
'use strict';

const VERSION = 'dev';
const PRECACHE = [];
const LAZY = [];

const PREFIX = 'marginalia-';
const CACHE = PREFIX + VERSION;
const ENABLED = VERSION !== 'dev' && PRECACHE.length > 0;

// Install: fetch every file of this release into a new cache, bypassing the HTTP cache. If one
// file fails, the install fails and the previous release stays in charge, whole.
self.addEventListener('install', (event) => {
  if (!ENABLED) { event.waitUntil(self.skipWaiting()); return; }
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })))));
});

// Activate: drop the caches of older releases, serve the pages already open, then keep the
// second module (HTML and Markdown readers, the class view) too, so it works offline from the
// first visit. Best effort: if it cannot be fetched now, the app fetches it when first needed.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim())
    .then(() => ENABLED && caches.open(CACHE).then((cache) => Promise.all(LAZY.map((url) => cache.match(url)
      .then((hit) => hit || fetch(new Request(url, { cache: 'reload' }))
        .then((response) => response.ok ? cache.put(url, response) : undefined))))))
    .catch(() => undefined));
});

// The page asks the waiting release to take over when the user chooses "Reload".
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Fetch: this release's files come from the cache; a navigation to the app's folder gets
// index.html; the class view's module is fetched once and kept in this release's cache. Anything
// else goes to the network untouched (the app asks for nothing else).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!ENABLED || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  const key = request.mode === 'navigate' && url.pathname === scope.pathname ? new URL('index.html', scope).href : url.href;
  const lazy = LAZY.some((name) => new URL(name, self.location).href === url.href);
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: request.mode === 'navigate' })
    .then((hit) => hit || fetch(request).then((response) => {
      if (lazy && response.ok) return cache.put(key, response.clone()).then(() => response);
      return response;
    }))));
});
