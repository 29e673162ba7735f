/* Served pages search with Pagefind's index in pieces; pages read from disk keep lunr.
 *
 * Material starts its search worker from the address in the page's settings
 * (the JSON in <script id="__config">, key "search"), which its bundle reads
 * once, as it starts. On a page served over http(s), this script, which runs
 * just before the bundle (theme/main.html; both deferred), puts the address
 * of assets/search-pagefind-worker.js there instead: that worker answers
 * Material's search box from the index the build writes in pieces (pagefind/),
 * fetching only what the words typed need. Search then no longer needs the
 * whole index, and the build writes search/search_index.json with the index's
 * settings alone (Material's bundle still reads them, for the highlighting on
 * a result's page). A page opened from disk (file://) is left as it is: there
 * Material's own worker reads the whole index from search/search_index.js,
 * and runs through assets/iframe-worker-local.js.
 *
 * Only the build writes pagefind/ (not `mkdocs serve`): the theme adds this
 * script to the pages of a build alone.
 */
(function () {
  "use strict";

  var WORKER = "assets/search-pagefind-worker.js";

  /* Material's settings with the search worker's address changed to ours (read against the page, as Material's). */
  function withPagefindWorker(config) {
    var changed = Object.assign({}, config);
    changed.search = (config.base || ".") + "/" + WORKER;
    return changed;
  }

  /* Whether a page at this protocol fetches the index in pieces (a browser fetches nothing from file://). */
  function searchesInPieces(protocol) {
    return protocol === "http:" || protocol === "https:";
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { withPagefindWorker: withPagefindWorker, searchesInPieces: searchesInPieces };
    return;
  }
  if (!searchesInPieces(location.protocol)) return;

  var settings = document.getElementById("__config");
  if (settings === null) return;
  settings.textContent = JSON.stringify(withPagefindWorker(JSON.parse(settings.textContent)));

  /* The worker loads Pagefind itself (its script, its WebAssembly and the
     index's list of pieces: 85 KB compressed, the same for every page, so
     cached after the first) once the page has loaded and the browser is idle,
     or as soon as the reader starts a search (the search box gets the focus: a
     tap, a click, or Material's "/", "s" and "f" keys), whichever comes first.
     A phone reader's first result then waits only for the words' pieces of
     the index and the pages found; the pieces come only with the words typed.
     A reader who asked their browser to save data loads nothing before a search.
     The worker is Material's to start and to talk to: a broadcast reaches it. */
  var warm = typeof BroadcastChannel === "function" ? new BroadcastChannel("dossier-search-warm") : null;
  if (warm === null) return;
  /* The worker may start listening after the word was given (Material starts
     it as the page starts, and it loads as the page does): it then says
     "listening", and is told again. */
  var started = false;
  function start() {
    started = true;
    warm.postMessage("start");
  }
  warm.addEventListener("message", function (event) {
    if (event.data === "listening" && started) warm.postMessage("start");
  });
  var savesData = Boolean(navigator.connection && navigator.connection.saveData);
  if (!savesData) {
    window.addEventListener("load", function () {
      var whenIdle = window.requestIdleCallback || function (then) { return setTimeout(then, 1); };
      whenIdle(start);
    });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(window.dossier.selectors.searchQuery)) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === window.dossier.selectors.searchToggle && event.target.checked) start();
  });
})();
