/* A search that forgives: when Material's search finds nothing, look for the
 * nearest of the site's own names (assets/search-names.js, generated from
 * the actors, topics and glossary: build_scripts/site_source/search_names.py)
 * and search for it instead, saying so.
 *
 * "Nearest": the same once case, accents, hyphens and spaces are left out
 * ("S400" -> "S-400", "newdelhi" -> "New Delhi"), or one letter off (two for
 * words of eight letters or more): one letter added, dropped, changed, or two
 * swapped ("Moddi" -> "Modi", "Putim" -> "Putin", "Tehren" -> "Tehran");
 * before that, a common transliteration of a name: the same phonetic key
 * ("Poutine" -> "Putin", "Jawad" -> "Javad", "Zareef" -> "Zarif", "Irak" ->
 * "Iraq"). The names' keys and the rules that make them come with the names
 * (made at build time: build_scripts/site_source/sound_rules.json); the
 * query's key is made here with the same rules.
 * The whole query is tried first, then each of its words. A query that is
 * itself a name, or that finds something, is never changed.
 *
 * When has the search answered the query in the box? Material writes its
 * answer's count into the result meta line ("No matching documents") each
 * time its worker answers, even when the text stays the same, and it asks
 * its worker once for each new value of the box it sees on keyup, focus or
 * blur, in order; before the index is ready it asks only once, for the
 * latest value. createAnswerTracker follows the same rule, so the answer
 * shown is known to be the box's only when no other answer is still due.
 *
 * The query is corrected once the reader has stopped typing (TYPING_PAUSE_MS).
 *
 * The names are loaded with a script element, which works from disk (file://)
 * as over HTTP, and only the first time a search finds nothing. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function squash(text) {
    return fold(text).replace(/[^a-z0-9]/g, "");
  }

  /* The rules of the phonetic key, [[find, put]], ready to apply. */
  function compileRules(rules) {
    return rules.map(function (rule) { return [new RegExp(rule[0], "g"), rule[1]]; });
  }

  /* The phonetic key of ``text``: each word's letters and digits through the
     rules, joined (search_names.sound_key in Python, with the same rules). */
  function soundKey(text, compiled) {
    return fold(text).trim().split(/\s+/).map(function (word) {
      word = word.replace(/[^a-z0-9]/g, "");
      compiled.forEach(function (rule) { word = word.replace(rule[0], rule[1]); });
      return word;
    }).join("");
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

  /* How many letters off a word of this key may be. */
  function allowed(key) {
    return key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0;
  }

  /* The names, and each of their words, ready to compare: {entries: [{key, text}],
     known: {key: text}, rules, sounds: {phonetic key: text}}; ``sounds`` is
     window.dossierSearchSounds ({rules, keys}), made at build time. */
  function prepareNames(names, sounds) {
    var entries = [], known = Object.create(null);
    function add(text) {
      var key = squash(text);
      if (key.length < 2 || known[key]) return;
      known[key] = text;
      entries.push({ key: key, text: text });
    }
    names.forEach(function (name) {
      add(name);
      name.split(/\s+/).forEach(function (word) { add(word.replace(/^[("“]+|[)"”,.;:]+$/g, "")); });
    });
    var bySound = Object.create(null);
    Object.keys(sounds ? sounds.keys : {}).forEach(function (key) { bySound[key] = sounds.keys[key]; });
    return { entries: entries, known: known, rules: compileRules(sounds ? sounds.rules : []), sounds: bySound };
  }

  /* The nearest name to ``text`` that is not ``text`` itself, or null: the
     same letters, else the same sound, else the fewest letters off. */
  function nearest(prepared, text) {
    var key = squash(text), max = allowed(key), best = null, bestDistance = max + 1;
    if (key.length < 3) return null;
    function other(name) { return name && fold(name) !== fold(text) ? name : null; }
    var sound = soundKey(text, prepared.rules);
    var same = other(prepared.known[key]) || (sound.length >= 3 ? other(prepared.sounds[sound]) : null);
    if (same) return same;
    prepared.entries.forEach(function (entry) {
      if (bestDistance === 1 || entry.key === key) return;
      var d = distance(key, entry.key, Math.min(max, bestDistance - 1));
      if (d < bestDistance && fold(entry.text) !== fold(text)) {
        best = entry;
        bestDistance = d;
      }
    });
    return best && bestDistance <= max ? best.text : null;
  }

  /* The query to search instead of ``query``, or null when there is none. */
  function suggest(prepared, query) {
    var whole = nearest(prepared, query);
    if (whole) return whole;
    var changed = false;
    var words = query.split(/\s+/).map(function (word) {
      if (prepared.known[squash(word)]) return word;
      var better = nearest(prepared, word);
      if (better) { changed = true; return better; }
      return word;
    });
    return changed ? words.join(" ") : null;
  }

  /* Which query the answer on display is for, following Material's rule
     (above). seen(value, byReader): the box's value at a keyup, focus or
     blur. answered(): Material wrote an answer; returns {value, byReader}
     when that answer is for the latest value the worker was asked, or null
     when another answer is still due. settle(): take the answer on display
     as the last one, whatever was counted (see setUp). */
  function createAnswerTracker(initialValue) {
    var latest = initialValue, beforeReady = { value: initialValue, byReader: false };
    var ready = false, due = [];
    return {
      seen: function (value, byReader) {
        if (value === latest) return;
        latest = value;
        var query = { value: value, byReader: byReader };
        if (ready) due.push(query);
        else beforeReady = query;   // asked once the index is ready, for the latest value only
      },
      answered: function () {
        var query;
        if (!ready) {
          ready = true;
          query = beforeReady;
        } else {
          query = due.shift() || null;
        }
        return due.length === 0 ? query : null;
      },
      settle: function () {
        ready = true;
        due = [];
      }
    };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      fold: fold, squash: squash, distance: distance, allowed: allowed,
      compileRules: compileRules, soundKey: soundKey, prepareNames: prepareNames, nearest: nearest, suggest: suggest,
      createAnswerTracker: createAnswerTracker
    };
    return;
  }

  /* How long the reader has typed nothing before a query that found nothing is corrected. */
  var TYPING_PAUSE_MS = 700;
  var selectors = window.dossier.selectors;
  var here = document.currentScript && document.currentScript.src;
  var prepared = null;

  function withNames(then) {
    if (prepared) return then();
    if (window.dossierSearchNames) { prepared = prepareNames(window.dossierSearchNames, window.dossierSearchSounds); return then(); }
    if (!here) return;
    var script = document.createElement("script");
    script.src = new URL("search-names.js", here).href;
    script.onload = function () {
      if (window.dossierSearchNames) { prepared = prepareNames(window.dossierSearchNames, window.dossierSearchSounds); then(); }
    };
    document.head.appendChild(script);
  }

  function setUp() {
    var input = document.querySelector(selectors.searchQuery);
    var result = document.querySelector(selectors.searchResult);
    var meta = result && result.querySelector(selectors.searchResultMeta);
    var list = result && result.querySelector(selectors.searchResultList);
    if (!input || !meta || !list || input.dataset.forgiving) return;
    input.dataset.forgiving = "1";
    var note = document.createElement("p");
    note.className = "dossier-search-note";
    note.setAttribute("role", "status");
    note.hidden = true;
    meta.insertAdjacentElement("afterend", note);

    var tracker = createAnswerTracker(input.value), lastValue = input.value, lastByReader = false;
    function seen(event) {
      if (event.isTrusted && input.value !== lastValue) note.hidden = true;   // the reader's own query now
      if (input.value !== lastValue) lastByReader = event.isTrusted;
      lastValue = input.value;
      tracker.seen(input.value, event.isTrusted);
    }
    ["keyup", "focus", "blur"].forEach(function (type) { input.addEventListener(type, seen); });

    function forgive(query) {
      withNames(function () {
        if (input.value !== query) return;
        var better = suggest(prepared, query.trim());
        if (!better) return;
        input.value = better;
        note.textContent = "Nothing found for “" + query.trim() + "”; showing results for “" + better + "”.";
        note.hidden = false;
        /* Material searches again on keyup; this one is ours (not trusted), so it is not forgiven again. */
        input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      });
    }

    /* A person types a key every 100 to 300 ms, and a query finds nothing
       while it is being typed ("newdelh"): corrected at once, the next key
       would land after the correction ("New Delhii"). So a query is
       corrected once the reader has stopped typing, and a key cancels it. */
    var pending = null;
    function cancel(event) { if (event.isTrusted) clearTimeout(pending); }
    ["keydown", "input"].forEach(function (type) { input.addEventListener(type, cancel); });

    function check(query) {
      if (!query || !query.byReader || query.value !== input.value) return;
      if (query.value.trim() && list.children.length === 0) {
        clearTimeout(pending);
        pending = setTimeout(function () { forgive(query.value); }, TYPING_PAUSE_MS);
      }
    }

    /* Material sets the meta line's text once per answer: one record each.
       Where the tracker still counts an answer as due and none comes (were
       Material ever to answer fewer queries than its rule says), the answer
       on display would never be read: after a second and a half with no
       other answer, it is taken as the answer to the value in the box. */
    var settling = null;
    new MutationObserver(function (records) {
      records.forEach(function () {
        clearTimeout(settling);
        var query = tracker.answered();
        if (query) return check(query);
        settling = setTimeout(function () {
          tracker.settle();
          check({ value: input.value, byReader: lastByReader });
        }, 1500);
      });
    }).observe(meta, { childList: true });
  }

  window.dossier.onReady(setUp);
})();
