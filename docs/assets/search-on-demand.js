/* The search index waits until the reader starts a search.
 *
 * Material requests search/search_index.json (hundreds of kilobytes) as soon as
 * a page loads, whether or not the reader ever searches; on a phone that
 * competes with the page itself. This script holds that one request back
 * until the reader starts a search: the search box gets the focus (a click, a
 * tap, or Material's "/", "s" and "f" keys), or the search toggle is switched
 * on. A page reached from a search result (its address carries "h=", the
 * words to highlight) needs the index at once, and gets it. Pages opened from
 * disk (file://) read search/search_index.js instead, and only once search
 * is opened (Material's own rule): nothing to hold back there.
 *
 * Why it touches XMLHttpRequest: Material 9.8.1's bundle (bundle.ts,
 * fetchSearchIndex) asks for the index with an XMLHttpRequest of its own,
 * made while the bundle runs, and hands the answer to its search worker;
 * no setting of Material's puts this off (tests/browser/test_search.py shows
 * the bundle asking at once when this script is kept out). So, between this
 * script and the bundle's request and no longer, XMLHttpRequest.prototype.open
 * is wrapped: the wrapper looks at each request's address, and when it is
 * the index's, puts the native `open` back at once and holds that one
 * request's `send` until the reader starts a search. Every other request
 * passes through untouched; at the page's `load` the native `open` is back
 * in any case. theme/main.html loads this script just before the bundle
 * (after assets/dossier-common.js), both deferred.
 */
(function () {
  "use strict";

  var INDEX_PATH = /\/search\/search_index\.json$/;

  /* Whether a request to ``url`` (relative to ``pageUrl``) asks for the index. */
  function isSearchIndex(url, pageUrl) {
    try {
      return INDEX_PATH.test(new URL(String(url), pageUrl).pathname);
    } catch (error) {
      return false;
    }
  }

  /* A page opened from a search result ("?h=words") highlights them with the index's settings. */
  function wantsIndexAtOnce(query) {
    return /[?&]h=/.test(query);
  }

  /* Calls held back until the gate opens; once open, calls go through at once. */
  function createGate() {
    var opened = false, held = [];
    return {
      hold: function (call) { if (opened) call(); else held.push(call); },
      open: function () {
        if (opened) return;
        opened = true;
        held.splice(0).forEach(function (call) { call(); });
      },
      isOpen: function () { return opened; }
    };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { isSearchIndex: isSearchIndex, wantsIndexAtOnce: wantsIndexAtOnce, createGate: createGate };
    return;
  }

  if (location.protocol === "file:" || wantsIndexAtOnce(location.search)) return;

  var selectors = window.dossier.selectors;
  var gate = createGate();
  var prototype = XMLHttpRequest.prototype;
  var nativeOpen = prototype.open;

  function restore() {
    if (prototype.open === openWatchingForTheIndex) prototype.open = nativeOpen;
  }

  function openWatchingForTheIndex(method, url) {
    if (isSearchIndex(url, location.href)) {
      restore();   // Material asks for the index once a page: nothing more to watch for
      var request = this, nativeSend = request.send;
      request.send = function () {
        var args = arguments;
        gate.hold(function () { nativeSend.apply(request, args); });
      };
    }
    return nativeOpen.apply(this, arguments);
  }

  prototype.open = openWatchingForTheIndex;
  window.addEventListener("load", restore);

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(selectors.searchQuery)) gate.open();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === selectors.searchToggle && event.target.checked) gate.open();
  });
})();
