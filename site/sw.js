// Waymark's service worker. The build replaces BUILD below with this build's
// precache list: for the shared files ("") and for each language, every file
// as [path relative to this worker, revision, size in bytes].
//
// One cache holds files keyed by path and revision, so a new build fetches
// only the files whose revision changed, and a page is always answered from
// the revisions of the build whose worker controls it: no page mixes builds.
'use strict';
const BUILD = /*BUILD*/{"version": "dev", "default": "en", "files": {"": []}}/*END*/;
const FILES = 'waymark-files';
const SETTINGS = 'waymark-settings';
const SETTINGS_KEY = new URL('__waymark/settings', self.registration.scope).href;
const PARALLEL = 4;

const entries = new Map();  // absolute URL -> {rev, lang}
for (const [lang, files] of Object.entries(BUILD.files)) {
  for (const [path, rev] of files) {
    entries.set(new URL(path, self.registration.scope).href, {rev, lang});
  }
}

function keyFor(href, rev) {
  return href + '?rev=' + rev;
}

function pageUrl(href) {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return url.href;
}

function langOf(href) {
  const entry = entries.get(pageUrl(href));
  return entry && entry.lang ? entry.lang : null;
}

async function keptLanguages() {
  const settings = await caches.open(SETTINGS);
  const stored = await settings.match(SETTINGS_KEY);
  return stored ? (await stored.json()).kept : [];
}

async function saveKept(langs) {
  const settings = await caches.open(SETTINGS);
  await settings.put(SETTINGS_KEY, new Response(JSON.stringify({kept: langs})));
}

// Puts every file of the given groups into the cache, fetching only
// revisions that are not there yet.
async function fill(groups) {
  const cache = await caches.open(FILES);
  const todo = [];
  for (const group of groups) {
    for (const [path, rev] of BUILD.files[group] || []) {
      todo.push([new URL(path, self.registration.scope).href, rev]);
    }
  }
  async function worker() {
    while (todo.length) {
      const [href, rev] = todo.pop();
      if (await cache.match(keyFor(href, rev))) continue;
      const response = await fetch(href, {cache: 'reload'});
      if (!response.ok) throw new Error(href + ': ' + response.status);
      await cache.put(keyFor(href, rev), response);
    }
  }
  await Promise.all(Array.from({length: PARALLEL}, worker));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const langs = new Set((await keptLanguages()).filter((l) => l in BUILD.files));
    const windows = await self.clients.matchAll({type: 'window', includeUncontrolled: true});
    for (const client of windows) {
      const lang = langOf(client.url);
      if (lang) langs.add(lang);
    }
    if (!langs.size) langs.add(BUILD.default);
    await fill(['', ...langs]);
    await saveKept([...langs]);
    // The first worker takes over at once; later ones wait for the reader.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const wanted = new Set();
    for (const [href, {rev}] of entries) wanted.add(keyFor(href, rev));
    const cache = await caches.open(FILES);
    for (const request of await cache.keys()) {
      if (!wanted.has(request.url)) await cache.delete(request);
    }
    for (const name of await caches.keys()) {
      if (name !== FILES && name !== SETTINGS) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Pages loaded from the network because they were not cached, and whose
// content turned out to be from a newer build: their files come from the
// network too, so that they do not mix with this build's cached files.
const newerClients = new Set();

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const href = pageUrl(request.url);
  const entry = entries.get(href);
  if (!entry || newerClients.has(event.clientId)) return;
  if (request.mode === 'navigate' && entry.lang) {
    // Opening a page in a language makes it one of the reader's languages.
    event.waitUntil(adopt(entry.lang));
  }
  event.respondWith((async () => {
    const cache = await caches.open(FILES);
    const hit = await cache.match(keyFor(href, entry.rev));
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && await revision(response.clone()) === entry.rev) {
      await cache.put(keyFor(href, entry.rev), response.clone());
    } else if (response.ok && event.resultingClientId) {
      newerClients.add(event.resultingClientId);
      self.registration.update();
    }
    return response;
  })());
});

async function revision(response) {
  const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
  return Array.from(new Uint8Array(digest).slice(0, 6),
                    (b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('message', (event) => {
  const reply = (data) => event.ports[0] && event.ports[0].postMessage(data);
  const message = event.data || {};
  if (message.type === 'skip-waiting') {
    self.skipWaiting();
  } else if (message.type === 'status') {
    keptLanguages().then((kept) => reply({ok: true, kept, sizes: BUILD.sizes}));
  } else if (message.type === 'keep') {
    const langs = (message.langs || []).filter((l) => l && l in BUILD.files);
    event.waitUntil(keep(langs).then(() => reply({ok: true}),
                                     (error) => reply({ok: false, error: String(error)})));
  }
});

async function adopt(lang) {
  const kept = await keptLanguages();
  if (kept.includes(lang)) return;
  await fill(['', lang]);
  const now = await keptLanguages();  // the reader may have changed it meanwhile
  if (!now.includes(lang)) await saveKept([...now, lang]);
}

// Keeps exactly the chosen languages: fetches what is missing, then frees
// the space of languages the reader no longer wants.
async function keep(langs) {
  await fill(['', ...langs]);
  await saveKept(langs);
  const cache = await caches.open(FILES);
  for (const request of await cache.keys()) {
    const lang = langOf(request.url);
    if (lang && !langs.includes(lang)) await cache.delete(request);
  }
}
