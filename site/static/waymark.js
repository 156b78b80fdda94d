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

  // Leave at once for a blank page, replacing this one in the tab's history:
  // one tap on the exit, or Shift pressed three times.
  function leave(event) {
    if (event) event.preventDefault();
    document.title = '';
    body.hidden = true;
    location.replace('about:blank');
  }
  var exit = document.querySelector('[data-quick-exit]');
  if (exit) exit.addEventListener('click', leave);
  var shifts = 0, lastShift = 0;
  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift') { shifts = 0; return; }
    shifts = event.timeStamp - lastShift < 1000 ? shifts + 1 : 1;
    lastShift = event.timeStamp;
    if (shifts === 3) leave();
  });

  // The language menu closes with Esc and with a tap anywhere else.
  var menu = document.querySelector('details.langs');
  if (menu) {
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) { menu.open = false; menu.querySelector('summary').focus(); }
    });
    document.addEventListener('click', function (event) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  }

  // Share, listen, print: each shown only where this browser can do it.
  function tool(name, usable, action) {
    var button = document.querySelector('[data-' + name + ']');
    if (!button || !usable) return;
    button.hidden = button.parentNode.hidden = false;
    button.addEventListener('click', function () { action(button); });
  }
  var canonical = document.querySelector('link[rel=canonical]');
  var address = canonical ? canonical.href : /^https?:$/.test(location.protocol) && location.href;
  tool('share', address && (navigator.share || (navigator.clipboard && window.isSecureContext)), function (button) {
    if (navigator.share) {
      navigator.share({title: document.title, url: address}).catch(function () { /* dismissed */ });
    } else {
      navigator.clipboard.writeText(address).then(function () {
        button.textContent = button.getAttribute('data-copied');
      });
    }
  });
  tool('print', window.print, function () { window.print(); });
  var speech = window.speechSynthesis, article = document.querySelector('article');
  var listen = document.querySelector('[data-listen]');
  function voice() {
    var want = article.lang.toLowerCase().split('-')[0];
    return speech.getVoices().filter(function (v) {
      return v.lang.toLowerCase().split(/[-_]/)[0] === want;
    })[0];
  }
  function offerListen() {
    if (!listen || !listen.hidden || !voice()) return;
    var label = listen.textContent;
    tool('listen', true, function () {
      if (speech.speaking) { speech.cancel(); listen.textContent = label; return; }
      listen.textContent = listen.getAttribute('data-stop');
      var parts = article.querySelectorAll('h1, .lead, .prose > *'), said = voice();
      for (var i = 0; i < parts.length; i++) {
        var words = new SpeechSynthesisUtterance(parts[i].textContent);
        words.voice = said;
        words.lang = said.lang;
        if (i === parts.length - 1) words.onend = function () { listen.textContent = label; };
        speech.speak(words);
      }
    });
  }
  if (speech && article && listen) {
    offerListen();
    speech.addEventListener('voiceschanged', offerListen);
  }

  // Search results change at every key; say only their count, once typing pauses.
  var results = document.getElementById('results'), said = document.getElementById('results-said');
  if (results && said && window.MutationObserver) {
    var pause;
    new MutationObserver(function () {
      clearTimeout(pause);
      pause = setTimeout(function () {
        var count = results.querySelector('.count');
        said.textContent = count ? count.textContent : '';
      }, 1200);
    }).observe(results, {childList: true});
  }

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
