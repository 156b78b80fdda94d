// Waymark's service worker. The build replaces BUILD below with this build's
// shared files ([path relative to this worker, revision]) and, for each
// language, the revision and total size of its own list, <lang>/offline.json,
// so that a first visitor downloads this worker and one language's list.
//
// One cache per site holds files keyed by path and revision: a new build
// fetches only the files whose revision changed, and a page is answered from
// the revisions of the build whose worker controls it, so no page mixes builds.
// Every body is checked against its revision before it is stored.
'use strict';
const BUILD = /*BUILD*/{"default": "en", "shared": [], "langs": {}}/*END*/;
const SCOPE = self.registration.scope;
// Caches belong to the origin, which several sites may share (project sites
// on one host): this site's cache is named by its scope, and it touches no other.
const CACHE = 'waymark ' + SCOPE;
const LEGACY = ['waymark-files', 'waymark-settings'];  // one cache for every site, before 0.4
const SETTINGS_KEY = new URL('__waymark/settings', SCOPE).href;
const PARALLEL = 4;

const at = (path) => new URL(path, SCOPE).href;
const known = (lang) => Object.prototype.hasOwnProperty.call(BUILD.langs, lang);
const shared = new Map(BUILD.shared.map(([path, rev]) => [at(path), rev]));
const keyFor = (href, rev) => href + '?rev=' + rev;
const listUrl = (lang) => at(lang + '/offline.json');

function pageUrl(href) {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return url.href;
}

// The language a URL belongs to: its first folder, when that is one of ours.
function langOf(href) {
  const rest = href.startsWith(SCOPE) ? href.slice(SCOPE.length).split('/') : [];
  return rest.length > 1 && known(rest[0]) ? rest[0] : null;
}

async function revision(response) {
  const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
  return Array.from(new Uint8Array(digest).slice(0, 6),
                    (b) => b.toString(16).padStart(2, '0')).join('');
}

// The network's copy of a file, only if it is the revision this build expects.
// A server or proxy may hand out another build's file: ask once more past any
// cache, then give up (the install or save fails and is tried again later).
async function fetchRevision(href, rev) {
  for (const url of [href, keyFor(href, rev)]) {
    const response = await fetch(url, {cache: url === href ? 'reload' : 'no-store'});
    if (response.ok && await revision(response.clone()) === rev) return response;
  }
  throw new Error(href + ' is not revision ' + rev + ' on the server');
}

// The file at its revision from the cache, else from the network into the cache.
async function get(href, rev) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(keyFor(href, rev));
  if (hit) return hit;
  const response = await fetchRevision(href, rev);
  await cache.put(keyFor(href, rev), response.clone());
  return response;
}

// A language's list ({text, files: Map href -> rev}): from the cache when the language is
// saved, else from the network (checked, not stored: see fill).
const lists = new Map();
function listOf(lang) {
  if (!lists.has(lang)) {
    const href = listUrl(lang), rev = BUILD.langs[lang][0];
    const list = caches.open(CACHE)
      .then((cache) => cache.match(keyFor(href, rev)))
      .then((hit) => hit || fetchRevision(href, rev))
      .then((response) => response.text())
      .then((text) => ({text, files: new Map(JSON.parse(text).files.map(([p, r]) => [at(p), r]))}));
    list.catch(() => lists.delete(lang));
    lists.set(lang, list);
  }
  return lists.get(lang);
}

// A language is saved by this build once its list is in the cache: fill
// stores the list last, after every file it names.
async function saved(lang) {
  const cache = await caches.open(CACHE);
  return !!await cache.match(keyFor(listUrl(lang), BUILD.langs[lang][0]));
}

async function savedLanguages() {
  const langs = Object.keys(BUILD.langs);
  const flags = await Promise.all(langs.map(saved));
  return langs.filter((lang, i) => flags[i]);
}

async function fill(langs) {
  const todo = [...shared];
  for (const lang of langs) todo.push(...(await listOf(lang)).files);
  async function worker() {
    while (todo.length) await get(...todo.pop());
  }
  await Promise.all(Array.from({length: PARALLEL}, worker));
  const cache = await caches.open(CACHE);
  for (const lang of langs) {
    const {text} = await listOf(lang);
    await cache.put(keyFor(listUrl(lang), BUILD.langs[lang][0]),
                    new Response(text, {headers: {'Content-Type': 'application/json'}}));
  }
}

// The languages the reader keeps, which every new build saves again.
async function keptLanguages() {
  const stored = await (await caches.open(CACHE)).match(SETTINGS_KEY) ||
                 await caches.match(SETTINGS_KEY, {cacheName: LEGACY[1]});
  return stored ? (await stored.json()).kept : [];
}

async function saveKept(langs) {
  const cache = await caches.open(CACHE);
  await cache.put(SETTINGS_KEY, new Response(JSON.stringify({kept: langs})));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const langs = new Set((await keptLanguages()).filter(known));
    const windows = await self.clients.matchAll({type: 'window', includeUncontrolled: true});
    for (const client of windows) {
      const lang = langOf(pageUrl(client.url));
      if (lang) langs.add(lang);
    }
    if (!langs.size) langs.add(BUILD.default);
    await fill([...langs]);
    await saveKept([...langs]);
    // The first worker takes over at once; later ones wait for the reader.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await prune(await savedLanguages());
    await forgetLegacy();
    await self.clients.claim();
  })());
});

// Deletes every file of this site's cache that this build does not use.
async function prune(langs) {
  const wanted = new Set([SETTINGS_KEY]);
  for (const [href, rev] of shared) wanted.add(keyFor(href, rev));
  for (const lang of langs) {
    wanted.add(keyFor(listUrl(lang), BUILD.langs[lang][0]));
    for (const [href, rev] of (await listOf(lang)).files) wanted.add(keyFor(href, rev));
  }
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url)) await cache.delete(request);
  }
}

// Earlier workers kept every site of the origin in two shared caches: take
// out this site's entries only, and the caches once they are empty.
async function forgetLegacy() {
  for (const name of LEGACY) {
    if (!await caches.has(name)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (request.url.startsWith(SCOPE)) await cache.delete(request);
    }
    if (!(await cache.keys()).length) await caches.delete(name);
  }
}

// Pages loaded from the network because they were not cached, and whose
// content turned out to be from a newer build: their files come from the
// network too, so that they do not mix with this build's cached files.
const newerClients = new Set();

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const navigate = request.mode === 'navigate';
  // (A navigation's clientId is the page it leaves, which may be a newer one.)
  if (request.method !== 'GET' || (!navigate && newerClients.has(event.clientId))) return;
  const href = pageUrl(request.url);
  if (!href.startsWith(SCOPE)) return;
  const lang = langOf(href);
  if (navigate && lang) {
    // Opening a page in a language makes it one of the reader's languages.
    event.waitUntil(adopt(lang).catch(() => {}));
  }
  event.respondWith(answer(event, href, lang));
});

async function answer(event, href, lang) {
  const request = event.request;
  let rev = shared.get(href), network = null;
  if (!rev && lang && !await saved(lang)) {
    // Not on the phone: ask for the page while the language's list comes.
    network = fetch(request);
    network.catch(() => {});
  }
  if (!rev) rev = await listed(href, lang);
  const cache = await caches.open(CACHE);
  const hit = rev && await cache.match(keyFor(href, rev));
  if (hit) return hit;
  let response;
  try {
    response = await (network || fetch(request));
  } catch (error) {
    // Offline in a language this phone has not saved: say so, in that language.
    if (request.mode === 'navigate' && lang && !await saved(lang)) {
      return Response.redirect(at(lang + '/not-saved.html'), 302);
    }
    throw error;
  }
  if (rev && response.ok && await revision(response.clone()) === rev) {
    await cache.put(keyFor(href, rev), response.clone());
  } else if (response.ok && (rev || lang)) {
    // Another build is on the server: keep its page away from this build's
    // files, and fetch its worker, which offers the update.
    if (event.resultingClientId) newerClients.add(event.resultingClientId);
    self.registration.update().catch(() => {});
  }
  return response;
}

// The revision a language's list gives `href`: its own language's list, or
// for a file outside the language folders (the search's stemmer), a saved one's.
async function listed(href, lang) {
  for (const each of lang ? [lang] : await savedLanguages()) {
    const list = await listOf(each).catch(() => null);
    if (list && list.files.has(href)) return list.files.get(href);
  }
  return undefined;
}

const adopting = new Map();  // lang -> its save under way: one at a time
function adopt(lang) {
  if (!adopting.has(lang)) {
    adopting.set(lang, (async () => {
      if (await saved(lang)) return;
      await fill([lang]);
      const now = await keptLanguages();  // the reader may have changed it meanwhile
      if (!now.includes(lang)) await saveKept([...now, lang]);
    })().finally(() => adopting.delete(lang)));
  }
  return adopting.get(lang);
}

// Keeps exactly the chosen languages: fetches what is missing, then frees
// the space of languages the reader no longer wants.
async function keep(langs) {
  await fill(langs);
  await saveKept(langs);
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    const href = request.url.split('?')[0];
    const lang = langOf(href);
    if (lang && !langs.includes(lang) && !shared.has(href)) await cache.delete(request);
  }
}

// "Remove this site from this phone": nothing of it stays but what the page clears.
async function forget() {
  await self.registration.unregister();
  await caches.delete(CACHE);
  await forgetLegacy();
}

self.addEventListener('message', (event) => {
  const reply = (data) => event.ports[0] && event.ports[0].postMessage(data);
  const done = (promise) => event.waitUntil(promise.then(
    (data) => reply({ok: true, ...data}), (error) => reply({ok: false, error: String(error)})));
  const message = event.data || {};
  if (message.type === 'skip-waiting') {
    self.skipWaiting();
  } else if (message.type === 'status') {
    const sizes = {};
    for (const [lang, [, size]] of Object.entries(BUILD.langs)) sizes[lang] = size;
    done(savedLanguages().then((langs) => ({saved: langs, sizes})));
  } else if (message.type === 'keep') {
    done(keep((message.langs || []).filter(known)));
  } else if (message.type === 'forget') {
    done(forget());
  }
});
