// The "Offline and sharing" page: which languages stay on this phone,
// whether the browser protects them from clean-up, and removing the site.
// Only this page loads it. Like the worker part of waymark.js, it needs a
// service worker (https or localhost, never file://).
(function () {
  'use strict';
  var sw = navigator.serviceWorker;
  var section = document.getElementById('keep');
  if (!section || !sw || !window.isSecureContext || !/^https?:$/.test(location.protocol)) return;
  try {
    if (window.sessionStorage.getItem('waymark-removed')) return;  // as waymark.js
  } catch (e) { /* storage blocked */ }
  var form = document.getElementById('keep-form');
  var status = document.getElementById('keep-status');

  // A question to the worker that serves this page; waymark.js has the same.
  function ask(message) {
    return sw.ready.then(function (reg) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.ok) resolve(event.data); else reject(event.data);
        };
        (sw.controller || reg.active).postMessage(message, [channel.port2]);
      });
    });
  }

  function showProtection() {
    var line = document.getElementById('keep-protected');
    if (!navigator.storage || !navigator.storage.persisted) return;
    navigator.storage.persisted().then(function (yes) {
      line.textContent = line.getAttribute(yes ? 'data-yes' : 'data-no');
    });
  }
  // waymark.js asks for protection after the first save.
  document.addEventListener('waymark-protect', showProtection);

  ask({type: 'status'}).then(function (state) {
    var boxes = form.querySelectorAll('input[name=lang]');
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].checked = state.saved.indexOf(boxes[i].value) >= 0;
      var size = form.querySelector('[data-size="' + boxes[i].value + '"]');
      if (size && state.sizes[boxes[i].value]) {
        size.textContent = form.getAttribute('data-size-text').replace(
          '{size}', Math.max(1, Math.round(state.sizes[boxes[i].value] / 1024))
            .toLocaleString(document.documentElement.lang + '-u-nu-' + form.getAttribute('data-digits')));
      }
    }
    showProtection();
    section.hidden = false;
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = [];
    var checked = form.querySelectorAll('input[name=lang]:checked');
    for (var i = 0; i < checked.length; i++) chosen.push(checked[i].value);
    status.textContent = form.getAttribute('data-saving');
    ask({type: 'keep', langs: chosen}).then(function () {
      status.textContent = form.getAttribute('data-saved');
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().then(showProtection);
      }
    }, function () {
      status.textContent = form.getAttribute('data-failed');
    });
  });

  // Removing the site takes two steps in the page (no dialog), so that a
  // reader can still back out.
  var forget = document.getElementById('forget');
  var confirm = document.getElementById('forget-confirm');
  var start = document.getElementById('forget-start');
  var result = document.getElementById('forget-status');
  start.onclick = function () { confirm.hidden = false; start.hidden = true; };
  document.getElementById('forget-no').onclick = function () {
    confirm.hidden = true; start.hidden = false; start.focus();
  };
  document.getElementById('forget-yes').onclick = function () {
    ask({type: 'forget'}).then(function () {
      try {
        window.localStorage.removeItem('waymark-lang');  // the language waymark.js remembers
        // Not saved again while this tab stays open (waymark.js reads this).
        window.sessionStorage.setItem('waymark-removed', '1');
      } catch (e) { /* storage blocked */ }
      form.hidden = confirm.hidden = true;
      document.getElementById('keep-protected').hidden = true;
      result.textContent = forget.getAttribute('data-done');
    }, function () {
      result.textContent = forget.getAttribute('data-failed');
    });
  };
}());
