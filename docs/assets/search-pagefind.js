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
  /* The worker's channels, named as it names them (tests/js/search-pagefind.test.js compares them). */
  var WARM_CHANNEL = "dossier-search-warm";
  var MORE_CHANNEL = "dossier-search-more";

  /* Material's settings with the search worker's address changed to ours
     (read against the page, as Material's). ``page`` names this page's load
     to its worker, after "#" (so the script is cached as one file): their
     channel is theirs alone, not every open tab's of the site. */
  function withPagefindWorker(config, page) {
    var changed = Object.assign({}, config);
    changed.search = (config.base || ".") + "/" + WORKER + (page ? "#" + page : "");
    return changed;
  }

  /* Whether a page at this protocol fetches the index in pieces (a browser fetches nothing from file://). */
  function searchesInPieces(protocol) {
    return protocol === "http:" || protocol === "https:";
  }

  /* The "Show more" button's words, for ``left`` pages found and not yet listed. */
  function moreLabel(left) {
    return "Show more results (" + left + " more " + (left === 1 ? "page" : "pages") + " found)";
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { withPagefindWorker: withPagefindWorker, searchesInPieces: searchesInPieces,
                       moreLabel: moreLabel, WARM_CHANNEL: WARM_CHANNEL, MORE_CHANNEL: MORE_CHANNEL };
    return;
  }
  if (!searchesInPieces(location.protocol)) return;

  var settings = document.getElementById("__config");
  if (settings === null) return;
  var thisPage = Math.random().toString(36).slice(2);
  settings.textContent = JSON.stringify(withPagefindWorker(JSON.parse(settings.textContent), thisPage));

  /* The worker lists the first pages found, each fetched with its text, and
     says how many more it found: a button under the list asks for them, a
     few at a time, added after those shown (Material's own search lists every
     page found at once, from the whole index). The keyboard then goes on
     from the first page added. */
  if (typeof BroadcastChannel === "function") {
    var more = new BroadcastChannel(MORE_CHANNEL + "-" + thisPage);
    var button = null, query = null, shown = 0, asked = false;
    more.addEventListener("message", function (event) {
      var listing = event.data;
      if (!listing || listing.type !== "listed") return;
      var result = document.querySelector(window.dossier.selectors.searchResult);
      if (result === null) return;
      if (button === null) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "dossier-search-more";
        button.addEventListener("click", function () {
          button.disabled = true;
          asked = true;
          more.postMessage({ type: "more", query: query });
        });
        result.insertAdjacentElement("afterend", button);
      }
      var firstAdded = asked && listing.query === query && listing.shown > shown ? shown : -1;
      query = listing.query;
      button.dataset.query = query;   // which query the button asks more of (the list follows each key)
      shown = listing.shown;
      asked = false;
      button.disabled = false;
      button.hidden = listing.left === 0;
      button.textContent = moreLabel(listing.left);
      if (firstAdded >= 0) focusWhenListed(result, firstAdded);
    });
  }

  /* Material lists the results after its first ten only as the reader
     scrolls the list to its end, four at a time (each time its scroll
     handler sees the end come into view): once the answer is in, the list is
     taken to its end until the first page added is listed; then that page
     is put at the top of the list's frame and given the focus. */
  function focusWhenListed(result, index) {
    var list = result.querySelector(window.dossier.selectors.searchResultList);
    var scrolled = result.parentElement;
    var frames = 0;
    function scrollListTo(top) {   // as a reader's scrolling does: Material's handler reads it
      scrolled.scrollTop = top;
      scrolled.dispatchEvent(new Event("scroll"));
    }
    (function look() {
      var item = list && list.children[index];
      if (item) {   // at the top of the list's frame, the pages added below it
        scrollListTo(scrolled.scrollTop + item.getBoundingClientRect().top - scrolled.getBoundingClientRect().top);
        var link = item.querySelector("a");
        if (link) link.focus({ preventScroll: true });
        return;
      }
      scrollListTo(scrolled.scrollHeight - scrolled.clientHeight - 100);   // away from the end, then to it
      scrollListTo(scrolled.scrollHeight);
      if (++frames < 120) requestAnimationFrame(look);
    })();
  }

  /* The worker loads Pagefind itself (its script, its WebAssembly and the
     index's list of pieces: 85 KB compressed, the same for every page, so
     cached after the first) once the page has loaded and the browser is idle,
     or as soon as the reader starts a search (the search box gets the focus: a
     tap, a click, or Material's "/", "s" and "f" keys), whichever comes first.
     A phone reader's first result then waits only for the words' pieces of
     the index and the pages found; the pieces come only with the words typed.
     A reader who asked their browser to save data loads nothing before a search.
     The worker is Material's to start and to talk to: a broadcast reaches it. */
  var warm = typeof BroadcastChannel === "function" ? new BroadcastChannel(WARM_CHANNEL) : null;
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
    window.dossier.onLoaded(function () {
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
