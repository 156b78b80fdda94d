// Waymark's one script. The site works without it; with it, the reader's
// language is suggested, the site saves itself for offline use where the
// browser allows (https or localhost, never file:// or a plain-http hotspot),
// and the reader is told when an update is ready.
(function () {
  'use strict';
  var body = document.body;
  var root = body.getAttribute('data-root') || './';
  var lang = body.getAttribute('data-lang');
  var store = null;
  try { store = window.localStorage; } catch (e) { /* storage blocked */ }

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
  } else if (lang) {
    remember(lang);
  }

  if (!('serviceWorker' in navigator) || !window.isSecureContext ||
      !/^https?:$/.test(location.protocol)) {
    return;
  }
  var sw = navigator.serviceWorker;
  var hadController = !!sw.controller;
  var reloading = false;

  sw.addEventListener('controllerchange', function () {
    // A new build took over: reload so no page shows two builds at once.
    if (hadController && !reloading) { reloading = true; location.reload(); }
  });

  function offerUpdate(worker) {
    var banner = document.getElementById('update');
    if (!banner) return;
    banner.hidden = false;
    document.getElementById('update-now').onclick = function () {
      worker.postMessage({type: 'skip-waiting'});
    };
  }

  function watch(worker) {
    worker.addEventListener('statechange', function () {
      if (worker.state === 'installed' && sw.controller) offerUpdate(worker);
    });
  }

  sw.register(root + 'sw.js').then(function (reg) {
    // A new build may be waiting, still installing, or found later.
    if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
    if (reg.installing) watch(reg.installing);
    reg.addEventListener('updatefound', function () { watch(reg.installing); });
    setUpKeepForm();
  }).catch(function () { /* the site still works as plain pages */ });

  function ask(message) {
    return sw.ready.then(function (reg) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.ok) resolve(event.data); else reject(event.data);
        };
        reg.active.postMessage(message, [channel.port2]);
      });
    });
  }

  // The "Offline and sharing" page: choose which languages stay on the device.
  function setUpKeepForm() {
    var form = document.getElementById('keep-form');
    if (!form) return;
    var status = document.getElementById('keep-status');
    ask({type: 'status'}).then(function (state) {
      var boxes = form.querySelectorAll('input[name=lang]');
      for (var i = 0; i < boxes.length; i++) {
        boxes[i].checked = state.kept.indexOf(boxes[i].value) >= 0;
        var size = form.querySelector('[data-size="' + boxes[i].value + '"]');
        if (size && state.sizes[boxes[i].value]) {
          size.textContent = Math.max(1, Math.round(state.sizes[boxes[i].value] / 1024)) + ' KB';
        }
      }
      document.getElementById('keep').hidden = false;
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = [];
      var boxes = form.querySelectorAll('input[name=lang]:checked');
      for (var i = 0; i < boxes.length; i++) chosen.push(boxes[i].value);
      status.textContent = form.getAttribute('data-saving');
      ask({type: 'keep', langs: chosen}).then(function () {
        status.textContent = form.getAttribute('data-saved');
      }, function () {
        status.textContent = form.getAttribute('data-failed');
      });
    });
  }
}());
