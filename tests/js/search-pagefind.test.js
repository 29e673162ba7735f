// The pure parts of docs/assets/search-pagefind.js and docs/assets/search-pagefind-worker.js.
// The pages below are invented for these tests, not the dossier's.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const switcher = require("../../docs/assets/search-pagefind.js");
const worker = require("../../docs/assets/search-pagefind-worker.js");

test("served pages search in pieces; pages read from disk do not", () => {
  assert.equal(switcher.searchesInPieces("https:"), true);
  assert.equal(switcher.searchesInPieces("http:"), true);
  assert.equal(switcher.searchesInPieces("file:"), false);
});

test("Material's settings point at the Pagefind worker, read against the page", () => {
  const settings = { base: "..", search: "../assets/javascripts/workers/search.x.min.js", features: [] };
  const changed = switcher.withPagefindWorker(settings);
  assert.equal(changed.search, "../assets/search-pagefind-worker.js");
  assert.deepEqual(changed.features, []);
  assert.equal(settings.search, "../assets/javascripts/workers/search.x.min.js", "the original is left as it is");
  assert.equal(switcher.withPagefindWorker(settings, "k3x9").search, "../assets/search-pagefind-worker.js#k3x9",
               "the page's name for its worker's channel, after # (one cached file)");
});

test("a query's words are listed for highlighting, lower case", () => {
  assert.deepEqual(worker.queryTerms("Orla  Vantrel-Pike"), { orla: true, vantrel: true, pike: true });
  assert.deepEqual(worker.queryTerms("  "), {});
});

test("Pagefind's addresses become Material's locations", () => {
  assert.equal(worker.locationOf("/people/orla.html#later"), "people/orla.html#later");
});

function page(content, locations, extra) {
  return Object.assign({ url: "/people/orla.html", content, locations, meta: { title: "Orla" },
                         weighted_locations: locations.map(location => ({ weight: 1, location })) }, extra);
}

test("a page is found only when every word of the query starts a word it matched", () => {
  const data = page("Orla Vantrel met the QX-450 crew, puts", [0, 1, 4, 6]);
  assert.equal(worker.matchesEveryTerm(data, "orla"), true);
  assert.equal(worker.matchesEveryTerm(data, "Vant"), true, "a word's start");
  assert.equal(worker.matchesEveryTerm(data, "QX450"), true, "without the hyphen");
  assert.equal(worker.matchesEveryTerm(data, "Orla Vantrel"), true);
  assert.equal(worker.matchesEveryTerm(data, "Putim"), false, "Pagefind's shorter start (puts) is no match");
  assert.equal(worker.matchesEveryTerm(data, "Orla Zamir"), false);
});

test("a page's weight is its boost meta, 1 without one", () => {
  assert.equal(worker.boostOf({ meta: { boost: "3" } }), 3);
  assert.equal(worker.boostOf({ meta: { boost: "0.0001" } }), 0.0001);
  assert.equal(worker.boostOf({ meta: {} }), 1);
  assert.equal(worker.boostOf({ meta: { boost: "none" } }), 1);
});

test("a name's own page outranks pages that mention it often", () => {
  const mention = page("x", [0], { url: "/lists/all.html" });
  const own = page("Orla", [0], { url: "/people/orla.html", weighted_locations: [{ weight: 10, location: 0 }] });
  const groups = worker.rankedGroups([{ data: mention, score: 20 }, { data: own, score: 1 }], { orla: true });
  assert.deepEqual(groups.map(group => group[0].location), ["people/orla.html", "lists/all.html"]);
});

test("pages for contributors come after the pages about one thing", () => {
  const guide = page("x", [0], { url: "/guide.html", meta: { title: "Guide", boost: "0.0001" } });
  const person = page("x", [0], { url: "/people/orla.html", meta: { title: "Orla", boost: "3" } });
  const groups = worker.rankedGroups([{ data: guide, score: 50 }, { data: person, score: 1 }], {});
  assert.deepEqual(groups.map(group => group[0].location), ["people/orla.html", "guide.html"]);
});

test("a result group is the page, then its best sections, titles escaped", () => {
  const data = page("x", [0], {
    meta: { title: "Orla <b>" }, excerpt: "<mark>Orla</mark> met",
    sub_results: [
      { url: "/people/orla.html", title: "Orla <b>", excerpt: "top", locations: [0] },
      { url: "/people/orla.html#later", title: "Later", excerpt: "b", locations: [3, 4] },
      { url: "/people/orla.html#early", title: "Early", excerpt: "a", locations: [1] },
    ],
  });
  const [first, ...sections] = worker.resultGroup(data, 6, { orla: true });
  assert.equal(first.location, "people/orla.html");
  assert.equal(first.title, "Orla &lt;b&gt;");
  assert.equal(first.text, "<mark>Orla</mark> met");
  assert.deepEqual(sections.map(s => [s.location, s.score]), [["people/orla.html#later", 6], ["people/orla.html#early", 3]]);
  assert.deepEqual(first.terms, { orla: true });
});

test("the last word's length decides whether its pieces are fetched ahead", () => {
  assert.equal(worker.lastWordLength("Orla Va"), 2);
  assert.equal(worker.lastWordLength("QX-450 "), 5);
  assert.equal(worker.lastWordLength(""), 0);
});

/* CBOR as Pagefind writes its metadata: arrays, text and unsigned numbers. */
function cbor(value) {
  const headOf = (major, n) => n < 24 ? [major << 5 | n]
    : n < 256 ? [major << 5 | 24, n]
    : n < 65536 ? [major << 5 | 25, n >> 8, n & 255]
    : [major << 5 | 26, n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  if (typeof value === "number") return headOf(0, value);
  if (typeof value === "string") {
    const bytes = [...new TextEncoder().encode(value)];
    return headOf(3, bytes.length).concat(bytes);
  }
  return headOf(4, value.length).concat(...value.map(cbor));
}

function metadata(pages, pieces) {
  return Uint8Array.from([...new TextEncoder().encode("pagefind_dcd"), ...cbor(["1.5.2", pages, pieces, [], []])]);
}

test("the index's pieces are read from Pagefind's metadata", () => {
  const pages = Array.from({ length: 300 }, (_, i) => ["en_" + i, 70000 + i]);   // long lists and large numbers
  const pieces = worker.indexPieces(metadata(pages, [["0", "deal", "en_a1"], ["deal”", "vantrel", "en_b2"], ["vantrelé", "…", "en_c3"]]));
  assert.deepEqual(pieces, [
    { from: "0", to: "deal", hash: "en_a1" },
    { from: "deal”", to: "vantrel", hash: "en_b2" },
    { from: "vantrelé", to: "…", hash: "en_c3" },
  ]);
  assert.throws(() => worker.indexPieces(Uint8Array.from([1, 2, 3])), /not Pagefind's metadata/);
});

test("a query's words are looked up in the pieces Pagefind will fetch for them", () => {
  const pieces = [{ from: "0", to: "deal", hash: "en_a1" }, { from: "deals", to: "orla", hash: "en_b2" },
                  { from: "orlan", to: "…", hash: "en_c3" }];
  assert.deepEqual(worker.piecesFor("Orla", pieces), ["en_b2"]);
  assert.deepEqual(worker.piecesFor("Vantrel-Pike  orla", pieces), ["en_b2", "en_c3"], "each piece once, punctuation dropped");
  assert.deepEqual(worker.piecesFor("10 deal", pieces), ["en_a1"]);
  assert.deepEqual(worker.piecesFor("  ", pieces), []);
  assert.equal(worker.pagefindTerm("S-400 (Triumf),  Orla!"), "s400 triumf orla");
});

test("the button under a served search's results says how many pages are left to list", () => {
  assert.equal(switcher.moreLabel(12), "Show more results (12 more pages found)");
  assert.equal(switcher.moreLabel(1), "Show more results (1 more page found)");
});

test("the page and the worker name their channels alike", () => {
  assert.equal(switcher.WARM_CHANNEL, worker.WARM_CHANNEL);
  assert.equal(switcher.MORE_CHANNEL, worker.MORE_CHANNEL);
});
