/* A claim made from a selection, in the preview only (`make serve`; the
 * session adds this script and its data under `mkdocs serve`, never to a
 * built site). On a source's page, selecting a passage of its text offers
 * the skeleton of a claim quoting it, in YAML, with a copy button: the quote
 * as the text has it (found the way `check` finds a quote), the source's id,
 * the actors named in the passage (its name links), a date it gives (as a
 * commented hint), today's day. See claim_from_selection.py beside it.
 * The pure parts are exported for Node (tests/js/claim-from-selection.test.js).
 */
(function () {
  "use strict";

  // -- Text as check reads it (build_scripts/content/source_text.py) --------

  /* Python's str.isspace: what str.split() splits on, and normalise collapses. */
  var PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var PY_SPACES = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  /* The quote marks matching forgives (source_text._EQUIVALENT). */
  var EQUIVALENT = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'
  };
  var INDEX_KEY = 6;  // source_text._INDEX_KEY

  /* The matching form of ``text`` and, for each of its characters, the
     index of the character of ``text`` it comes from (_normalise_with_offsets). */
  function normaliseWithOffsets(text) {
    var out = [], offsets = [], previousSpace = true;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (PY_SPACE.test(c)) {
        if (!previousSpace) { out.push(" "); offsets.push(i); }
        previousSpace = true;
        continue;
      }
      out.push(EQUIVALENT[c] || c);
      offsets.push(i);
      previousSpace = false;
    }
    if (out.length && out[out.length - 1] === " ") { out.pop(); offsets.pop(); }
    return { normal: out.join(""), offsets: offsets };
  }

  function normalise(text) { return normaliseWithOffsets(text).normal; }

  /* " ".join(text.split()): white space collapsed, nothing else changed. */
  function collapseSpaces(text) {
    return text.split(PY_SPACES).filter(function (w) { return w !== ""; }).join(" ");
  }

  /* Where ``needle`` starts in ``normal``, as SourceText.find counts places:
     every place when the needle has a space that starts an indexed key,
     places that do not overlap otherwise. */
  function occurrences(normal, needle) {
    var starts = [];
    if (!needle) return starts;
    var keyed = needle.slice(0, Math.max(0, needle.length - INDEX_KEY)).indexOf(" ") !== -1;
    var at = normal.indexOf(needle);
    while (at !== -1) {
      starts.push(at);
      at = normal.indexOf(needle, keyed ? at + 1 : at + needle.length);
    }
    return starts;
  }

  var WORD = /[\p{L}\p{N}]/u;

  /* [start, end) of ``normal`` widened so that no word is cut, and without
     spaces at either end. */
  function widenToWords(normal, start, end) {
    while (start > 0 && start < normal.length && WORD.test(normal[start - 1]) && WORD.test(normal[start])) start--;
    while (end < normal.length && end > 0 && WORD.test(normal[end - 1]) && WORD.test(normal[end])) end++;
    while (start < end && normal[start] === " ") start++;
    while (end > start && normal[end - 1] === " ") end--;
    return [start, end];
  }

  /* The index in ``offsets`` of the first character at or after raw index ``raw``. */
  function firstAtOrAfter(offsets, raw) {
    var lo = 0, hi = offsets.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (offsets[mid] < raw) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* The quote a selection makes. ``pageText`` is the text shown on the page
     (its blocks joined by a space), ``start``/``end`` the selection in it;
     ``sourceText`` the source's whole text as check reads it. Returns
     {quote, occurrence, count} (occurrence 0 when the quote is unique), or
     {problem} saying why there is none. */
  function quoteFromSelection(sourceText, pageText, start, end) {
    var page = normaliseWithOffsets(pageText);
    var span = widenToWords(page.normal, firstAtOrAfter(page.offsets, start), firstAtOrAfter(page.offsets, end));
    var needle = page.normal.slice(span[0], span[1]);
    if (!needle) return { problem: "Select some words of the text." };
    var source = normaliseWithOffsets(sourceText);
    var places = occurrences(source.normal, needle);
    if (!places.length) {
      return { problem: "These words are not in the source's text as `check` reads it: select words of the text only." };
    }
    var at;
    var pageAt = source.normal.indexOf(page.normal);  // where the text shown here stands in the whole
    if (pageAt !== -1 && places.indexOf(pageAt + span[0]) !== -1) {
      at = pageAt + span[0];
    } else if (places.length === 1) {
      at = places[0];
    } else {
      return { problem: "These words occur " + places.length + " times in the text: select a few more words." };
    }
    var first = source.offsets[at], last = source.offsets[at + needle.length - 1];
    return {
      quote: collapseSpaces(sourceText.slice(first, last + 1)),
      occurrence: places.length > 1 ? places.indexOf(at) + 1 : 0,
      count: places.length
    };
  }

  // -- A date the passage gives ---------------------------------------------

  var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"];
  var MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|" +
              "Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
  var DATE_PATTERNS = [
    // October 5, 2018 · Oct. 5 · October 2018 · October
    { re: new RegExp("\\b" + MONTH + "(?: (\\d{1,2})(?!\\d)(?:st|nd|rd|th)?)?(?:,? (\\d{4}))?(?![\\p{L}])", "u"), basis: "stated",
      value: function (m) {
        var month = MONTHS.findIndex(function (name) { return name.slice(0, 3) === m[1].slice(0, 3).toLowerCase(); }) + 1;
        var mm = (month < 10 ? "0" : "") + month;
        if (m[3] && m[2]) return m[3] + "-" + mm + "-" + (m[2].length < 2 ? "0" : "") + m[2];
        if (m[3]) return m[3] + "-" + mm;
        return "YYYY-" + mm + (m[2] ? "-" + (m[2].length < 2 ? "0" : "") + m[2] : "");
      } },
    // 5 October 2018
    { re: new RegExp("\\b(\\d{1,2}) " + MONTH + "(?: (\\d{4}))?(?![\\p{L}])", "u"), basis: "stated",
      value: function (m) {
        var month = MONTHS.findIndex(function (name) { return name.slice(0, 3) === m[2].slice(0, 3).toLowerCase(); }) + 1;
        var day = (m[1].length < 2 ? "0" : "") + m[1];
        return (m[3] || "YYYY") + "-" + (month < 10 ? "0" : "") + month + "-" + day;
      } },
    { re: /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/, basis: "relative" },
    { re: /\b(?:last|next|this|earlier this|later this) (?:week|month|year|summer|winter|spring|autumn|fall|weekend)\b/i,
      basis: "relative" },
    { re: /\b(?:yesterday|today|tomorrow)\b/i, basis: "relative" },
    { re: /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?|months?|years?) ago\b/i,
      basis: "relative" },
    { re: /\b(1[89]\d\d|20\d\d)\b/, basis: "stated", value: function (m) { return m[1]; } }
  ];

  /* The first words of ``quote`` that give a date: {said_as, basis, value}, or null. */
  function dateIn(quote) {
    var best = null;
    DATE_PATTERNS.forEach(function (pattern) {
      var m = pattern.re.exec(quote);
      if (m && (best === null || m.index < best.index)) {
        best = { index: m.index, said_as: m[0], basis: pattern.basis,
                 value: pattern.value ? pattern.value(m) : "YYYY-MM-DD" };
      }
    });
    if (best) delete best.index;
    return best;
  }

  /* The skeleton's lines about the date: a commented example from the words
     that give it (the curator says what they mean), or where to read about it. */
  function dateLines(date) {
    if (!date) return ["# If the quote dates what it says, add its date (CONTRIBUTING: 'date')."];
    return [
      "# The quote gives a date (" + JSON.stringify(date.said_as) + "): say when what it says happened,",
      "# and how that is known (CONTRIBUTING: 'date'), e.g.",
      "#   date:",
      "#     value: " + date.value,
      "#     basis: " + date.basis,
      "#     said_as: " + JSON.stringify(date.said_as)
    ];
  }

  // -- The skeleton ----------------------------------------------------------

  /* ``template`` with each @@name@@ replaced by values[name]: a marker alone
     on its line becomes the value's lines (an array), indented as the marker
     was, or nothing when there are none; a marker within a line, the value. */
  function fillSkeleton(template, values) {
    return template.split("\n").reduce(function (lines, line) {
      var alone = /^(\s*)@@(\w+)@@$/.exec(line);
      if (alone) {
        (values[alone[2]] || []).forEach(function (value) { lines.push(alone[1] + value); });
      } else {
        lines.push(line.replace(/@@(\w+)@@/g, function (marker, name) { return values[name]; }));
      }
      return lines;
    }, []).join("\n");
  }

  /* The actor ids of mention links' addresses ("../actors/india.html" -> "india"), once each, in order. */
  function actorIds(hrefs) {
    var ids = [];
    hrefs.forEach(function (href) {
      var m = /(?:^|\/)actors\/([^\/?#]+)\.html(?:[?#]|$)/.exec(href);
      if (m && ids.indexOf(m[1]) === -1) ids.push(m[1]);
    });
    return ids;
  }

  /* The day, YYYY-MM-DD, of a Date, in the contributor's own time zone (as `new claim` writes it). */
  function day(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  /* The claim's skeleton for a quote found by quoteFromSelection. */
  function skeletonFor(template, found, actors, today) {
    var quoteLines = ["quote: " + JSON.stringify(found.quote)];
    if (found.occurrence) {
      quoteLines.push("# The quote occurs more than once in the text; this is occurrence " + found.occurrence + ".",
                      "occurrence: " + found.occurrence);
    }
    return fillSkeleton(template, {
      quote: quoteLines, actors: actors.join(", "), added: today, date: dateLines(dateIn(found.quote))
    });
  }

  var pure = {
    normalise: normalise, normaliseWithOffsets: normaliseWithOffsets, collapseSpaces: collapseSpaces,
    occurrences: occurrences, widenToWords: widenToWords, quoteFromSelection: quoteFromSelection,
    dateIn: dateIn, dateLines: dateLines, fillSkeleton: fillSkeleton, actorIds: actorIds, day: day,
    skeletonFor: skeletonFor
  };
  if (typeof module === "object" && module.exports) {
    module.exports = pure;
    return;
  }

  // -- In the page -----------------------------------------------------------

  var scriptUrl = document.currentScript && document.currentScript.src;
  var BLOCK = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, th, dd, dt";
  var SKIP = "details.dossier-notes";  // the side notes: claims, not the text

  /* The text nodes of the source's text shown on the page, without the side notes. */
  function textNodes(container) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  /* The page's text (blocks joined by a space) and where ``range`` stands in it, or null. */
  function selectedText(container, range) {
    var text = "", start = -1, end = -1, block = null;
    textNodes(container).forEach(function (node) {
      var nodeBlock = node.parentElement.closest(BLOCK);
      if (nodeBlock !== block) { text += " "; block = nodeBlock; }
      if (range.intersectsNode(node)) {
        var lo = node === range.startContainer ? range.startOffset : 0;
        var hi = node === range.endContainer ? range.endOffset : node.length;
        if (lo < hi) {
          if (start === -1) start = text.length + lo;
          end = text.length + hi;
        }
      }
      text += node.data;
    });
    return start === -1 ? null : { text: text, start: start, end: end };
  }

  function mentionedActors(container, range) {
    var hrefs = [];
    container.querySelectorAll("a.dossier-mention").forEach(function (link) {
      if (!link.closest(SKIP) && range.intersectsNode(link)) hrefs.push(link.getAttribute("href"));
    });
    return actorIds(hrefs);
  }

  var STYLE = [
    ".dossier-claim-from-selection{position:fixed;right:1rem;bottom:1rem;z-index:10;width:min(42rem,calc(100vw - 2rem));",
    "max-height:70vh;display:flex;flex-direction:column;gap:.4rem;padding:.8rem;background:#fff;color:#000;",
    "border:2px solid #3f51b5;border-radius:.3rem;box-shadow:0 .2rem .6rem rgba(0,0,0,.3);font-size:.7rem}",
    ".dossier-claim-from-selection[hidden]{display:none}",
    ".dossier-claim-from-selection p{margin:0}",
    ".dossier-claim-from-selection pre{margin:0;overflow:auto;min-height:4rem;background:#f5f5f5;color:#000;",
    "padding:.4rem;font-size:.65rem;white-space:pre}",
    ".dossier-claim-from-selection pre:focus{outline:2px solid #3f51b5}",
    ".dossier-claim-from-selection .dossier-cfs-buttons{display:flex;gap:.5rem}",
    ".dossier-claim-from-selection button{font:inherit;padding:.2rem .8rem;border:1px solid #3f51b5;",
    "border-radius:.2rem;background:#fff;color:#283593;cursor:pointer}",
    ".dossier-claim-from-selection button:focus{outline:2px solid #283593;outline-offset:2px}"
  ].join("");

  function makePanel(container) {
    var style = document.createElement("style");
    style.textContent = STYLE;
    document.head.appendChild(style);
    var panel = document.createElement("section");
    panel.className = "dossier-claim-from-selection";
    panel.setAttribute("aria-label", "Claim from the selection (preview only)");
    panel.hidden = true;
    panel.innerHTML =
      "<p><strong>Claim from the selection</strong> (preview only): copy it under <code>claims:</code> in a " +
      "file of <code>content/claims/</code>, fill in its id and statement, then run <code>make check</code>.</p>" +
      "<pre tabindex=\"0\" aria-label=\"The claim, in YAML\"></pre>" +
      "<div class=\"dossier-cfs-buttons\"><button type=\"button\" data-action=\"copy\">Copy the claim</button>" +
      "<button type=\"button\" data-action=\"close\">Close</button></div>" +
      "<p class=\"dossier-cfs-status\" role=\"status\"></p>";
    // After the text: the buttons come next in the keyboard's order; fixed, the panel stays in view.
    container.parentNode.insertBefore(panel, container.nextSibling);
    return panel;
  }

  function copyText(text, pre) {
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(pre);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      return Promise.resolve(done);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, fallback);
    }
    return fallback();
  }

  function setUp() {
    var container = document.querySelector(".dossier-source-text");
    var record = document.querySelector(".dossier-page-source a[href*='content/sources/']");
    var id = record && /content\/sources\/([^\/?#]+)\.yaml/.exec(record.getAttribute("href"));
    if (!container || !id || !scriptUrl) return;
    var data = null;
    var panel = null;
    var showing = "";  // the skeleton shown, so that the copy button copies it even once the selection is gone

    fetch(new URL("claim-from-selection/" + encodeURIComponent(id[1]) + ".json", scriptUrl).href)
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (loaded) { data = loaded; update(); })
      .catch(function () { data = null; });

    function status(text) { panel.querySelector(".dossier-cfs-status").textContent = text; }

    function update() {
      var selection = window.getSelection();
      if (!data || !selection || selection.isCollapsed || !selection.rangeCount) return;
      var range = selection.getRangeAt(0);
      if (panel && panel.contains(range.commonAncestorContainer)) return;  // the skeleton being copied
      var selected = selectedText(container, range);
      if (!selected) return;
      if (!panel) {
        panel = makePanel(container);
        panel.addEventListener("click", function (event) {
          var action = event.target.closest("button") && event.target.closest("button").dataset.action;
          if (action === "close") { panel.hidden = true; }
          if (action === "copy" && showing) {
            copyText(showing, panel.querySelector("pre")).then(function (done) {
              status(done ? "Copied: paste it into a claims file." : "Could not copy: select the claim and copy it.");
            });
          }
        });
      }
      var found = quoteFromSelection(data.text, selected.text, selected.start, selected.end);
      panel.hidden = false;
      if (found.problem) {
        showing = "";
        panel.querySelector("pre").textContent = "";
        status(found.problem);
        return;
      }
      showing = skeletonFor(data.skeleton, found, mentionedActors(container, range), day(new Date()));
      panel.querySelector("pre").textContent = showing;
      status("The quote is in the text of " + data.source +
             (found.occurrence ? " (occurrence " + found.occurrence + " of " + found.count + ")" : "") + ".");
    }

    var pending = 0;
    document.addEventListener("selectionchange", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(update, 150);  // once the selection stops moving
    });
  }

  window.dossier.onReady(setUp);
})();
