/* What the site's own scripts share: window.dossier = {selectors, onReady, onLoaded}.
 *
 * theme/main.html (and theme-zensical/main.html) loads this file before
 * every other script of the site's, as a classic script: module scripts are
 * refused on pages opened from disk (file://). Each script keeps its pure
 * parts (no window, no document) apart and exports them for Node, so that
 * `node --test tests/js/` tests them without a browser (`make test-js`).
 */
(function () {
  "use strict";

  /* Material for MkDocs' markup (9.8.1) that the scripts read or change, in
     one table: when Material renames a part, this is the one place to mend.
     The browser tests (tests/browser/) show whether they still match. */
  var selectors = {
    searchForm: "form[name=search]",
    searchQuery: "[data-md-component=search-query]",     // input.md-search__input
    searchToggle: "__search",                             // id of the checkbox that opens search
    searchResult: "[data-md-component=search-result]",   // .md-search-result
    searchResultMeta: ".md-search-result__meta",          // "No matching documents", "3 matching documents"
    searchResultList: ".md-search-result__list",
    button: "md-button",                                  // class of Material's buttons
    // Material's widest layout, where the table of contents shows beside the text.
    wideScreen: "(min-width: 76.25em)"
  };

  /* Runs setUp once the page is parsed: at once when it already is (the
     scripts start after the first paint, docs/assets/after-paint.js,
     and Zensical's run at the end of the body). */
  function onReady(setUp, doc) {
    doc = doc || document;
    if (doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", function () { setUp(); });
    } else {
      setUp();
    }
  }

  /* Runs then once the page and what it loads have loaded: at once when they
     have (the scripts start after the first paint, docs/assets/after-paint.js,
     often after the load event). */
  function onLoaded(then, win) {
    win = win || window;
    if (win.document.readyState === "complete") {
      then();
    } else {
      win.addEventListener("load", function () { then(); });
    }
  }

  var dossier = { selectors: selectors, onReady: onReady, onLoaded: onLoaded };

  if (typeof module === "object" && module.exports) {
    module.exports = dossier;
  } else {
    window.dossier = dossier;
  }
})();
