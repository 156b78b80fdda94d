// The single file's pages (waymark/single.py): one page at a time, chosen
// by the address's #fragment (#asylum/interview, #asylum/interview:where-to-go),
// the search page when the address asks ?q=..., the home otherwise. It runs
// before search.js, which finds the search index and (from here) the guides'
// text already in the file.
(function () {
  'use strict';
  var body = document.body, lang = body.getAttribute('data-lang');
  var home = document.getElementById('index'), search = document.getElementById('search');

  function pageOf(target) {
    while (target && !(target.classList && target.classList.contains('page'))) {
      target = target.parentNode;
    }
    return target;
  }

  function show(moved) {
    var id = '';
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { /* a bad % escape */ }
    var target = id && document.getElementById(id);
    var page = pageOf(target);
    if (id && target && !page) return;  // a link within the frame (skip to the guide)
    if (!page) page = new URLSearchParams(location.search).get('q') ? search : home;
    var pages = document.querySelectorAll('.page');
    for (var i = 0; i < pages.length; i++) {
      pages[i].classList.toggle('current', pages[i] === page);
    }
    document.title = page.getAttribute('data-title');
    if (target && target !== page) {
      target.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
    }
    if (moved) {
      // Readers of screen readers hear the new page, as after following a link.
      page.setAttribute('tabindex', '-1');
      page.focus({preventScroll: true});
    }
  }
  show(false);
  // Opened at a page's address, the browser scrolls to the page once loaded:
  // back to the top, with the bar and the search box in view.
  window.addEventListener('load', function () { show(false); });
  window.addEventListener('hashchange', function () { show(true); });

  // The search box above every page opens the search page with its words.
  var find = document.getElementById('find');
  find.addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('q');
    input.value = find.elements.q.value;
    find.elements.q.value = '';
    location.hash = 'search';
    input.dispatchEvent(new Event('input'));
  });

  // The guides' text for search snippets: it is in the file already.
  var texts = [];
  self.WaymarkIndex[lang].docs.forEach(function (doc) {
    var page = document.getElementById(doc[0].slice(1));
    var lead = page && page.querySelector('.lead');
    var prose = page && page.querySelector('.prose');
    texts.push([lead ? lead.textContent : '', prose ? prose.textContent : '']);
  });
  (self.WaymarkText = self.WaymarkText || {})[lang] = texts;

  // The copy says when it was made; after a while, that it may be out of date.
  var built = Date.parse(body.getAttribute('data-built'));
  var days = Number(body.getAttribute('data-stale-after'));
  if (Date.now() - built > days * 864e5) document.getElementById('copy-outdated').hidden = false;
}());
