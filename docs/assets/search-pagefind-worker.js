/* Material's search worker, answered by Pagefind on served pages.
 *
 * Material's search box talks to a worker with four messages (its
 * integrations/search/worker): SETUP (the index's settings), READY, QUERY (the
 * words in the box) and RESULT (the pages found, each a list: the page, then
 * its sections). Material's own worker builds a lunr index from the whole
 * search index, which the page downloads first (search/search_index.json,
 * 23.7 MB at 100 times today's dossier). This one answers the same messages
 * from the index the build writes in pieces with Pagefind (pagefind/,
 * build_scripts/renderers/search_pieces.py): Pagefind fetches only the part of
 * the index that holds the words typed, and the text of the pages it shows.
 * So Material's search box, its keys, its results and the highlighting on the
 * page a result opens stay as they are.
 *
 * assets/search-pagefind.js points Material at this worker on pages served
 * over http(s); pages opened from disk (file://) keep Material's worker and
 * the whole index (search/search_index.js), since a browser runs no module
 * and fetches nothing from a file:// page.
 *
 * Ranking: Pagefind's own (it favours pages where the words are frequent for
 * the page's length), times the page's weight in search (front matter
 * `search.boost`, which the theme writes into the page for Pagefind as the
 * "boost" meta): pages about one thing come before long lists, the pages for
 * contributors last. The first PAGES_SHOWN pages are fetched and shown (each
 * page shown costs its text); the page's "Show more" button under the list
 * (assets/search-pagefind.js) asks for the next PAGES_SHOWN, which are added
 * after them, until every page found is listed, as Material's own search lists
 * them all.
 *
 * Speed on a phone's line (benchmarks/search_phone.py): Pagefind loads once
 * the page is idle; the index's pieces that hold the words typed are fetched
 * from their third letter on, while Pagefind may still be loading.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;   // Material's SearchMessageType
  var PAGES_SHOWN = 6;
  var SECTIONS_PER_PAGE = 5;
  var EXCERPT_WORDS = 30;
  var QUIET_MS = 60;   // a query is searched when no key has followed it for this long
  /* A word's first letter or two start many words: their pieces of the index
     are large (three pieces, 108 KB for "i" at 100 times today's dossier),
     while the whole word needs one. So they are not fetched ahead, and
     searched only once the reader has paused. */
  var WHOLE_WORD = 3;
  var SHORT_QUIET_MS = 400;
  var WARM_CHANNEL = "dossier-search-warm";
  /* The page and this worker about the list (the channel's name ends with
     the page's own): {type: "listed", query, shown, left} from here after
     each answer, {type: "more", query} from the page. */
  var MORE_CHANNEL = "dossier-search-more";

  /* The words of a query as Material lists them for highlighting (the "h=" of a result's link). */
  function queryTerms(query) {
    var terms = {};
    String(query).toLowerCase().split(/[\s\-"*+~^:]+/).forEach(function (word) {
      if (word) terms[word] = true;
    });
    return terms;
  }

  /* A word as compared with a query's: lower case, without accents, hyphens or punctuation ("S-400" and "S400" alike). */
  function plainWord(word) {
    return String(word).normalize("NFD").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }

  /* Whether the page's matched words hold every word of the query at their
     start, as Material's search matches (each word a prefix). Pagefind, when
     a word starts no word of the site, searches a shorter start of it instead
     ("Putim" finds "puts"): such pages are not found, so that the forgiving
     search (assets/search-forgive.js) gets the "nothing found" it corrects. */
  function matchesEveryTerm(data, query) {
    var words = String(data.content || "").split(/\s+/);
    var matched = (data.locations || []).map(function (location) { return plainWord(words[location] || ""); });
    return String(query).split(/\s+/).map(plainWord).filter(Boolean).every(function (term) {
      return matched.some(function (word) { return word.indexOf(term) === 0; });
    });
  }

  function lastWordLength(query) {
    var words = String(query).trim().split(/\s+/);
    return plainWord(words[words.length - 1]).length;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* A Pagefind address ("/actors/iran.html#x", read against baseUrl "/") as Material's location ("actors/iran.html#x"). */
  function locationOf(url) {
    return String(url).replace(/^\/+/, "");
  }

  /* The page's weight in search, from the "boost" meta (1 when it has none). */
  function boostOf(data) {
    var boost = parseFloat(data.meta && data.meta.boost);
    return isFinite(boost) && boost > 0 ? boost : 1;
  }

  /* One page found, as Material's result group: the page first, then its best sections. */
  function resultGroup(data, score, terms) {
    var location = locationOf(data.url);
    var page = { location: location, title: escapeHtml(data.meta && data.meta.title || location),
                 text: data.excerpt || "", score: score, terms: terms };
    var sections = (data.sub_results || [])
      .filter(function (sub) { return locationOf(sub.url) !== location && sub.url.indexOf("#") !== -1; })
      .map(function (sub) {
        return { location: locationOf(sub.url), title: escapeHtml(sub.title), text: sub.excerpt || "",
                 weight: (sub.weighted_locations || sub.locations || []).length, terms: terms };
      })
      .sort(function (a, b) { return b.weight - a.weight; })
      .slice(0, SECTIONS_PER_PAGE);
    var best = sections.length ? sections[0].weight || 1 : 1;
    sections.forEach(function (section) {   // the best section shows with the page, the others under "more"
      section.score = score * section.weight / best;
      delete section.weight;
    });
    return [page].concat(sections);
  }

  /* How much more a page counts when the words are among its other names
     (the theme's hidden list of the page's tags, at Pagefind weight 10), in
     its title (the h1, at Pagefind's weight 7) or in a section's heading:
     Material's search weighs tags a thousand times a title (a page's or a
     section's), a title a thousand times the text, so that a name's own page
     (or glossary entry) comes first, whatever else mentions the name often. */
  var TAG_WEIGHT = 10, TITLE_WEIGHT = 7, HEADING_WEIGHT = 2;   // Pagefind's weights: h1 7, h2 6 ... h6 2, text 1
  function nameBonus(data) {
    var best = 0;
    (data.weighted_locations || []).forEach(function (found) { best = Math.max(best, found.weight); });
    return best >= TAG_WEIGHT ? 1000 : best >= TITLE_WEIGHT ? 30 : best >= HEADING_WEIGHT ? 10 : 1;
  }

  /* Pages found, weighted and sorted best first, as Material's result groups. */
  function rankedGroups(found, terms) {
    return found
      .map(function (entry) {
        return { data: entry.data, score: entry.score * boostOf(entry.data) * nameBonus(entry.data) };
      })
      .sort(function (a, b) { return b.score - a.score; })
      .map(function (entry) { return resultGroup(entry.data, entry.score, terms); });
  }

  /* The index's pieces listed in Pagefind's metadata (the .pf_meta file, once
     unzipped: "pagefind_dcd", then CBOR: [version, [[page, words]...],
     [[first word, last word, piece]...], ...]; pagefind_web/src/metadata.rs),
     as [{from, to, hash}]. Reads only what it needs: text, numbers, arrays. */
  var SIGNATURE = "pagefind_dcd";
  function indexPieces(bytes) {
    var at = SIGNATURE.length;
    for (var i = 0; i < at; i++) {
      if (bytes[i] !== SIGNATURE.charCodeAt(i)) throw new Error("not Pagefind's metadata");
    }
    function head(major) {   // the length or value of the next item, which must be of this CBOR major type
      var first = bytes[at++];
      if (first >> 5 !== major) throw new Error("unexpected CBOR item at byte " + (at - 1));
      var info = first & 31;
      if (info < 24) return info;
      var size = { 24: 1, 25: 2, 26: 4 }[info];
      if (size === undefined) throw new Error("unsupported CBOR length at byte " + (at - 1));
      var value = 0;
      for (var k = 0; k < size; k++) value = value * 256 + bytes[at++];
      return value;
    }
    function text() {
      var length = head(3);
      var value = new TextDecoder().decode(bytes.subarray(at, at + length));
      at += length;
      return value;
    }
    head(4);
    text();   // Pagefind's version
    for (var pages = head(4); pages > 0; pages--) { head(4); text(); head(0); }
    var pieces = [];
    for (var count = head(4); count > 0; count--) {
      head(4);
      pieces.push({ from: text(), to: text(), hash: text() });
    }
    return pieces;
  }

  /* The query as Pagefind reads it before choosing the pieces it needs
     (pagefind_web_js/lib/coupled_search.ts, search): punctuation dropped, lower case. */
  function pagefindTerm(query) {
    return Array.from(String(query)).filter(function (letter) {
      return !/^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u.test(letter);
    }).map(function (letter) { return letter.toLocaleLowerCase(); }).join("").replace(/\s{2,}/g, " ").trim();
  }

  /* The pieces Pagefind will fetch for a query: for each word, the first piece
     whose range holds it (pagefind_web/src/lib.rs, try_request_indexes; its
     wider second try, when no word has a piece, is left to Pagefind). */
  function piecesFor(query, pieces) {
    var hashes = [];
    pagefindTerm(query).split(" ").forEach(function (word) {
      if (!word) return;
      for (var i = 0; i < pieces.length; i++) {
        if (word >= pieces[i].from && word <= pieces[i].to) {
          if (hashes.indexOf(pieces[i].hash) === -1) hashes.push(pieces[i].hash);
          return;
        }
      }
    });
    return hashes.sort();
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { indexPieces: indexPieces, pagefindTerm: pagefindTerm, piecesFor: piecesFor,
                       queryTerms: queryTerms, plainWord: plainWord, lastWordLength: lastWordLength, matchesEveryTerm: matchesEveryTerm, escapeHtml: escapeHtml, locationOf: locationOf, boostOf: boostOf, nameBonus: nameBonus,
                       resultGroup: resultGroup, rankedGroups: rankedGroups, PAGES_SHOWN: PAGES_SHOWN,
                       WARM_CHANNEL: WARM_CHANNEL, MORE_CHANNEL: MORE_CHANNEL };
    return;
  }

  var FOLDER = new URL("../pagefind/", self.location.href).href;

  /* Pagefind fetches its pieces one after the other: pagefind.js, then its
     entry file, then its metadata and its WebAssembly, then the words', then
     the pages'. On a phone's line each step waits a round trip. So, as it
     loads Pagefind (assets/search-pagefind.js says when), this worker asks
     for the first pieces at once, side by side, and hands Pagefind those
     answers when it asks (each once).
     The fetch replaced is this worker's own: nothing else runs here. */
  var early = {};   // address without its query -> promise of the response
  var nativeFetch = self.fetch.bind(self);

  function fetchEarly(url) {   // once: an answer already handed to Pagefind is not fetched again
    if (!(url in early)) early[url] = nativeFetch(url);
    return early[url];
  }

  self.fetch = function (input, init) {
    var key = String(typeof input === "string" || input instanceof URL ? input : input.url).split("?")[0];
    var answer = early[key];
    if (answer === undefined || init !== undefined) return nativeFetch(input, init);
    early[key] = null;   // an answer's body is read once
    return answer || nativeFetch(input, init);
  };

  var knownEntry = null;   // Pagefind's entry file, when the build put it in the index's settings (SETUP)
  /* The index's pieces, read from the metadata as it arrives: the words'
     pieces are then fetched while Pagefind's WebAssembly still loads (Pagefind
     itself asks for them only once it has started). */
  var piecesKnown = null;

  function unzipped(response) {
    return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  }

  function fetchFirstPieces() {
    var entryFetched = fetchEarly(FOLDER + "pagefind-entry.json");
    (knownEntry ? Promise.resolve(knownEntry) : entryFetched.then(function (response) {
      return response.clone().json();
    })).then(function (entry) {
      Object.keys(entry.languages).forEach(function (name) {
        var language = entry.languages[name];
        var meta = fetchEarly(FOLDER + "pagefind." + language.hash + ".pf_meta");
        fetchEarly(FOLDER + "wasm." + language.wasm + ".pagefind");
        if (piecesKnown === null && typeof DecompressionStream === "function") {
          piecesKnown = meta.then(function (response) { return unzipped(response.clone()); })
            .then(function (bytes) { return indexPieces(new Uint8Array(bytes)); })
            .catch(function () { return []; });
        }
      });
    }).catch(function () { /* Pagefind asks again itself */ });
  }

  /* Fetch ahead the pieces of the index that hold the query's words. */
  function fetchWordPieces(query) {
    if (piecesKnown === null) return;
    piecesKnown.then(function (pieces) {
      piecesFor(query, pieces).forEach(function (hash) { fetchEarly(FOLDER + "index/" + hash + ".pf_index"); });
    });
  }

  var pagefind = null;   // a promise of Pagefind's module, made once the page is idle or a search starts

  function loadPagefind() {
    if (pagefind === null) {
      var folder = FOLDER;
      fetchFirstPieces();
      pagefind = import(folder + "pagefind.js").then(function (module) {
        return module.options({ basePath: folder, baseUrl: "/", excerptLength: EXCERPT_WORDS })
          .then(function () { return module.init(); })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  /* The pages of Pagefind's ``results`` from ``from`` on, PAGES_SHOWN of
     them, that match ``query``, as Material's result groups, best first; null
     once a newer query has overtaken it. */
  function groupsOf(results, from, query, overtaken) {
    return Promise.all(results.slice(from, from + PAGES_SHOWN).map(function (result) {
      return result.data().then(function (data) { return { data: data, score: result.score }; });
    })).then(function (found) {
      if (overtaken()) return null;
      found = found.filter(function (entry) { return matchesEveryTerm(entry.data, query); });
      return rankedGroups(found, queryTerms(query));
    });
  }

  /* What the list shows of the latest answer: {query, results (Pagefind's, all), next (the first not fetched), groups}. */
  var listed = null;
  /* The page that started this worker named its channel after "#" (assets/search-pagefind.js). */
  var more = typeof BroadcastChannel === "function" && self.location.hash
    ? new BroadcastChannel(MORE_CHANNEL + "-" + self.location.hash.slice(1)) : null;

  function answer(query, results, next, groups) {
    listed = { query: query, results: results, next: next, groups: groups };
    self.postMessage({ type: RESULT, data: { items: groups } });
    tellPage(listed);
  }

  /* What the list holds, for the page's button (which waits for this after a click). */
  function tellPage(shown) {
    if (more === null) return;
    more.postMessage({ type: "listed", query: shown.query, shown: shown.groups.length,
                       left: Math.max(0, shown.results.length - shown.next) });
  }

  /* The answer to ``query``, or null once a newer query has overtaken it
     (its pages' text is then not fetched: each costs bytes on a slow line).
     One answer a query: the forgiving search (assets/search-forgive.js)
     counts Material's answers against its queries. (Answering the first six
     pages a round trip before the other four made a first result 0.1 s
     sooner on a phone's line, and the forgiving search miss its turn in a
     third of the test runs.) */
  function search(query, overtaken) {
    if (!String(query).trim()) return Promise.resolve({ results: [], groups: [] });
    return loadPagefind().then(function (module) {
      return overtaken() ? null : module.search(query);
    }).then(function (found) {
      if (found === null || overtaken()) return null;
      var results = found && found.results ? found.results : [];
      return groupsOf(results, 0, query, overtaken).then(function (groups) {
        return groups === null ? null : { results: results, groups: groups };
      });
    }).catch(function (error) {
      console.warn("search: " + error);
      return { results: [], groups: [] };
    });
  }

  var latest = 0;   // the number of the last query; answers to older ones are dropped

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      knownEntry = message.data && message.data.config && message.data.config.pagefind_entry || null;
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var asked = ++latest;
      listed = null;
      var short = lastWordLength(message.data) < WHOLE_WORD;
      if (!short) {   // the word's pieces load while the next keys come
        fetchWordPieces(message.data);
        loadPagefind().then(function (module) { return module.preload(message.data); }).catch(function () {});
      }
      var overtaken = function () { return asked !== latest; };
      setTimeout(function () {   // keys typed in quick succession make one search
        if (overtaken()) return;
        search(message.data, overtaken).then(function (found) {
          if (found !== null && !overtaken()) answer(message.data, found.results, PAGES_SHOWN, found.groups);
        });
      }, short ? SHORT_QUIET_MS : QUIET_MS);
    }
  });

  /* "Show more": the next pages of the list on display, added after those
     shown (so that nothing the reader has seen moves), in a second answer to
     the same query. Asked again while those are fetched, it does nothing
     more: the button waits for the answer. */
  var adding = false;   // the next pages are being fetched
  if (more !== null) {
    more.addEventListener("message", function (event) {
      var asked = event.data;
      if (!asked || asked.type !== "more" || adding) return;
      var shown = listed;
      if (shown === null || shown.query !== asked.query || shown.next >= shown.results.length) return;
      var overtaken = function () { return listed !== shown; };
      adding = true;
      groupsOf(shown.results, shown.next, shown.query, overtaken).then(function (groups) {
        if (groups !== null && !overtaken()) {
          answer(shown.query, shown.results, shown.next + PAGES_SHOWN, shown.groups.concat(groups));
        }
      }).catch(function (error) {
        console.warn("search: " + error);
        if (!overtaken()) tellPage(shown);   // the list as it was: the button may be tried again
      }).then(function () {
        adding = false;
      });
    });
  }

  /* The page is idle, or the reader has started a search (assets/search-pagefind.js):
     Pagefind loads. Told "listening", the page repeats a word given before this worker listened. */
  if (typeof BroadcastChannel === "function") {
    var warm = new BroadcastChannel(WARM_CHANNEL);
    warm.addEventListener("message", function (event) {
      if (event.data === "start") loadPagefind();
    });
    warm.postMessage("listening");
  }
})();
