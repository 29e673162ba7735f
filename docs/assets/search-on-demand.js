/* The search index waits until the reader starts a search.
 *
 * Material requests search/search_index.json (hundreds of kilobytes) as soon as
 * a page loads, whether or not the reader ever searches; on a phone that
 * competes with the page itself. This script runs before Material's bundle
 * (theme/main.html loads it first; it is not in mkdocs.yml's extra_javascript, whose scripts come after the bundle) and holds that one request back until the
 * reader starts a search: the search box gets the focus (a click, a tap, or
 * Material's "/", "s" and "f" keys), or the search toggle is switched on. A page
 * reached from a search result (its address carries "h=", the words to
 * highlight) needs the index at once, and gets it.
 *
 * Material reads the index with XMLHttpRequest; only a request for the index
 * is held, and it is sent as it was opened. Pages opened from disk (file://)
 * read search/search_index.js instead, from the disk: nothing to hold back.
 */
(function () {
  "use strict";
  if (location.protocol === "file:") return;

  var INDEX = /\/search\/search_index\.json$/;
  var started = /[?&]h=/.test(location.search);
  var held = [];

  function start() {
    if (started) return;
    started = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.dossierIsSearchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.dossierIsSearchIndex || started) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) start();
  });
})();
