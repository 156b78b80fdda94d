// Waymark's one script. The site works without it; with it, the reader's
// language is suggested, the site saves itself for offline use where the
// browser allows (https or localhost, never file:// or a plain-http hotspot),
// and the reader is told when an update is ready.
(function () {
  'use strict';
  var body = document.body;
  var root = body.getAttribute('data-root') || './';
  var lang = body.getAttribute('data-lang');
  var store = null, removed = false;
  try {
    store = window.localStorage;
    // The reader removed the site in this tab: it keeps nothing more of it.
    removed = !!window.sessionStorage.getItem('waymark-removed');
  } catch (e) { /* storage blocked */ }

  function remember(code) {
    try { if (store) store.setItem('waymark-lang', code); } catch (e) { /* full or blocked */ }
  }

  // On the language chooser: put the reader's language first.
  var choices = document.querySelector('.choices');
  if (choices) {
    var wanted = [];
    try { if (store && store.getItem('waymark-lang')) wanted.push(store.getItem('waymark-lang')); } catch (e) { /* blocked */ }
    wanted = wanted.concat(navigator.languages || [navigator.language || '']);
    var links = choices.querySelectorAll('a[data-lang]');
    outer: for (var i = 0; i < wanted.length; i++) {
      var want = String(wanted[i]).toLowerCase();
      for (var j = 0; j < links.length; j++) {
        var code = links[j].getAttribute('data-lang').toLowerCase();
        if (want === code || want.split('-')[0] === code) {
          var item = links[j].parentNode;
          item.className = 'suggested';
          choices.insertBefore(item, choices.firstChild);
          break outer;
        }
      }
    }
  } else if (lang && !removed) {
    remember(lang);
  }

  // Over plain http on a network (a hotspot: serve --lan, a Raspberry Pi) no
  // page can be saved: offer the language's one-file copy instead.
  var lanFile = document.getElementById('lan-file');
  if (lanFile && location.protocol === 'http:' && !window.isSecureContext) {
    lanFile.querySelector('a').href = lanFile.getAttribute('data-href');
    lanFile.hidden = false;
  }

  if (!('serviceWorker' in navigator) || !window.isSecureContext || removed ||
      !/^https?:$/.test(location.protocol)) {
    return;
  }
  var sw = navigator.serviceWorker;
  // Whether this page's build was on the phone already. If it was, a new
  // worker taking over means a new build: reload, so that no page shows two
  // builds at once. If not, the first worker just saved the site.
  var onPhone = !!sw.controller;
  var reloading = false;

  sw.addEventListener('controllerchange', function () {
    if (onPhone) {
      if (!reloading) { reloading = true; location.reload(); }
      return;
    }
    onPhone = true;
    protect();
    showStatus();
  });

  // Ask the browser not to clear the saved copy when space runs low; the
  // Offline page (keep.js) shows the answer.
  function protect() {
    if (!navigator.storage || !navigator.storage.persist) return;
    navigator.storage.persist().then(function () {
      document.dispatchEvent(new Event('waymark-protect'));
    });
  }

  function offerUpdate(reg) {
    var banner = document.getElementById('update');
    if (!banner) return;
    banner.hidden = false;
    document.getElementById('update-now').onclick = function () {
      // The newest waiting build; every tab reloads when it takes over.
      if (reg.waiting) reg.waiting.postMessage({type: 'skip-waiting'});
    };
  }

  function watch(reg, worker) {
    worker.addEventListener('statechange', function () {
      if (worker.state === 'installed' && sw.controller) offerUpdate(reg);
    });
  }

  var registration = sw.register(root + 'sw.js').then(function (reg) {
    if (reg.active) onPhone = true;
    // A new build may be waiting, still installing, or found later.
    if (reg.waiting && sw.controller) offerUpdate(reg);
    if (reg.installing) watch(reg, reg.installing);
    reg.addEventListener('updatefound', function () { watch(reg, reg.installing); });
    if (sw.controller) showStatus();
    return reg;
  });
  registration.catch(function () { /* the site still works as plain pages */ });

  // A question to the worker that serves this page (the first one, before it
  // does); keep.js has the same.
  function ask(message) {
    return registration.then(function (reg) {
      var worker = sw.controller || reg.active;
      return new Promise(function (resolve, reject) {
        if (!worker) { reject(); return; }
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.ok) resolve(event.data); else reject(event.data);
        };
        worker.postMessage(message, [channel.port2]);
      });
    });
  }

  function showStatus() {
    ask({type: 'status'}).then(function (state) {
      markSaved(state.saved);
    }, function () { /* nothing saved yet */ });
  }

  // Mark the languages saved on this phone in the language menus; on the
  // "not saved" page, list them.
  function markSaved(saved) {
    var list = document.getElementById('saved-langs');
    var links = document.querySelectorAll('a[hreflang]');
    for (var i = 0; i < links.length; i++) {
      var item = links[i].parentNode;
      if (saved.indexOf(links[i].getAttribute('hreflang')) < 0) continue;
      if (list && list.contains(item)) {
        item.hidden = list.hidden = false;
      } else if (!item.querySelector('.saved')) {
        var mark = document.createElement('small');
        mark.className = 'saved';
        mark.textContent = body.getAttribute('data-saved');
        item.appendChild(mark);
      }
    }
  }
}());
