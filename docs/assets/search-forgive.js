/* A search that forgives: when Material's search finds nothing, look for the
 * nearest of the site's own names (assets/search-names.js, generated from
 * the actors, topics and glossary: build_scripts/site_source/search_names.py)
 * and search for it instead, saying so.
 *
 * "Nearest": the same once case, accents, hyphens and spaces are left out
 * ("S400" -> "S-400", "newdelhi" -> "New Delhi"), or one letter off (two for
 * words of eight letters or more): one letter added, dropped, changed, or two
 * swapped ("Moddi" -> "Modi", "Putim" -> "Putin", "Tehren" -> "Tehran").
 * The whole query is tried first, then each of its words. A query that is
 * itself a name, or that finds something, is never changed.
 *
 * The names are loaded with a script element, which works from disk (file://)
 * as over HTTP, and only the first time a search finds nothing. */
(function () {
  "use strict";

  var here = document.currentScript && document.currentScript.src;
  var entries = null;   // [{key, text}], from the names and each of their words
  var known = null;     // key -> true

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function squash(text) {
    return fold(text).replace(/[^a-z0-9]/g, "");
  }

  /* Edit distance with swaps of neighbours (optimal string alignment); stops above max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, row = [], i, j;
    var previous = [];
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      row = [i];
      var smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row.push(value);
        if (value < smallest) smallest = value;
      }
      if (smallest > max) return max + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  function allowed(key) {
    return key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0;
  }

  function prepare(names) {
    entries = [];
    known = {};
    function add(text) {
      var key = squash(text);
      if (key.length < 2 || known[key]) return;
      known[key] = true;
      entries.push({ key: key, text: text });
    }
    names.forEach(function (name) {
      add(name);
      name.split(/\s+/).forEach(function (word) { add(word.replace(/^[("“]+|[)"”,.;:]+$/g, "")); });
    });
  }

  /* The nearest name to ``text`` that is not ``text`` itself, or null. */
  function nearest(text) {
    var key = squash(text), max = allowed(key), best = null, bestDistance = max + 1;
    if (key.length < 3) return null;
    entries.forEach(function (entry) {
      if (bestDistance === 0) return;
      var d = entry.key === key ? 0 : distance(key, entry.key, Math.min(max, bestDistance - 1));
      if (d < bestDistance && fold(entry.text) !== fold(text)) {
        best = entry;
        bestDistance = d;
      }
    });
    return best && bestDistance <= max ? best.text : null;
  }

  function suggest(query) {
    var whole = nearest(query);
    if (whole) return whole;
    var changed = false;
    var words = query.split(/\s+/).map(function (word) {
      if (known[squash(word)]) return word;
      var better = nearest(word);
      if (better) { changed = true; return better; }
      return word;
    });
    return changed ? words.join(" ") : null;
  }

  function withNames(then) {
    if (entries) return then();
    if (window.dossierSearchNames) { prepare(window.dossierSearchNames); return then(); }
    if (!here) return;
    var script = document.createElement("script");
    script.src = new URL("search-names.js", here).href;
    script.onload = function () {
      if (window.dossierSearchNames) { prepare(window.dossierSearchNames); then(); }
    };
    document.head.appendChild(script);
  }

  function setUp() {
    var input = document.querySelector("input.md-search__input");
    var result = document.querySelector(".md-search-result");
    if (!input || !result || input.dataset.forgiving) return;
    input.dataset.forgiving = "1";
    var list = result.querySelector(".md-search-result__list");
    var meta = result.querySelector(".md-search-result__meta");
    var note = document.createElement("p");
    note.className = "dossier-search-note";
    note.setAttribute("role", "status");
    note.hidden = true;
    (meta || result).insertAdjacentElement(meta ? "afterend" : "afterbegin", note);

    var typed = "", typedAt = 0, answeredAt = 0, timer = null;

    function check() {
      var query = input.value.trim();
      if (!query || query !== typed.trim()) return;
      /* Wait for the search to answer the last key; an answer that changes
         nothing on the page (no results, then none again) shows no change,
         so after a second and a half the empty list is taken as the answer. */
      if (answeredAt < typedAt && Date.now() - typedAt < 1500) { later(250); return; }
      if (list && list.children.length) return;
      withNames(function () {
        if (input.value.trim() !== query) return;
        var better = suggest(query);
        if (!better) return;
        input.value = better;
        note.textContent = "Nothing found for “" + query + "”; showing results for “" + better + "”.";
        note.hidden = false;
        /* Material searches again on keyup; this one is ours (not trusted), so it is not checked again. */
        input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      });
    }

    function later(delay) {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, delay);
    }

    input.addEventListener("keyup", function (event) {
      if (!event.isTrusted) return;
      if (input.value === typed) return;
      typed = input.value;
      typedAt = Date.now();
      note.hidden = true;
      later(400);
    });
    new MutationObserver(function () {
      answeredAt = Date.now();
      later(Math.max(0, 400 - (answeredAt - typedAt)));
    }).observe(result, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
