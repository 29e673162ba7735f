/* The annotated source's side notes (.dossier-notes, a <details> beside each
 * block of the text): open when a link leads to a claim inside them, closed
 * under the text on a narrow screen, and on a wide one a margin: each claim
 * in a line or two (its details on a click or on focus), level with its
 * quote, the text column continuous beside them. The claim pointed at,
 * focused or linked to marks its quote in the text.
 * Without this script every note still opens with a click, in full. */
(function () {
  "use strict";

  var GAP = 4;   // px between two claims in the margin
  var SCROLL_MARGIN = 96;   // px above a claim scrolled to: Material's header, and a line of air

  /* The element id an address's fragment names ("#q-c1" -> "q-c1"), or "". */
  function targetId(hash) {
    try {
      return decodeURIComponent(hash.replace(/^#/, ""));
    } catch (error) {
      return "";   // a broken %-escape names nothing
    }
  }

  /* Where each note goes in the margin: as high as its quote (wanted[i]),
   * but below the note before it; notes taken in the order of their quotes.
   * Returns the tops, in the order given. */
  function stack(wanted, heights, gap) {
    var order = wanted.map(function (_, i) { return i; });
    order.sort(function (a, b) { return wanted[a] - wanted[b] || a - b; });
    var tops = new Array(wanted.length), floor = -Infinity;
    order.forEach(function (i) {
      tops[i] = Math.max(wanted[i], floor);
      floor = tops[i] + heights[i] + gap;
    });
    return tops;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { targetId: targetId, stack: stack };
    return;
  }

  var wide = window.matchMedia(window.dossier.selectors.wideScreen);
  function texts() { return document.querySelectorAll(".dossier-source-text"); }
  function notes() { return document.querySelectorAll("details.dossier-notes"); }
  function claimsOf(text) { return text.querySelectorAll("details.dossier-notes .dossier-claim"); }
  /* The marks of a claim's quote: every <mark> that names it. */
  function marksOf(claim) {
    var id = claim.id.replace(/^claim-/, "");
    return document.querySelectorAll('.dossier-source-text mark[data-claims~="' + id + '"]');
  }
  function light(claim, on) {
    marksOf(claim).forEach(function (mark) { mark.classList.toggle("dossier-lit", on); });
  }

  /* The claims of each text, placed level with their quotes in the margin. */
  function place() {
    texts().forEach(function (text) {
      var claims = Array.prototype.slice.call(claimsOf(text));
      text.style.minHeight = "";
      claims.forEach(function (claim) { claim.style.scrollMarginTop = ""; });
      if (!text.classList.contains("dossier-margin")) return;
      var origin = text.getBoundingClientRect().top;
      var wanted = claims.map(function (claim) {
        var quote = document.getElementById(claim.id.replace(/^claim-/, "q-"));
        var box = quote ? quote.getBoundingClientRect() : claim.closest(".dossier-paragraph").getBoundingClientRect();
        return box.top - origin;
      });
      var heights = claims.map(function (claim) { return claim.offsetHeight; });
      var tops = stack(wanted, heights, GAP), bottom = 0;
      claims.forEach(function (claim, i) {
        claim.style.top = Math.round(tops[i]) + "px";
        // Scrolled to (a link to the claim), the claim stands low enough to show its quote above
        // it too; where quotes crowd so that it stands far below, in the upper half of the screen.
        var below = Math.min(tops[i] - wanted[i], window.innerHeight / 2);
        claim.style.scrollMarginTop = Math.round(below) + SCROLL_MARGIN + "px";
        bottom = Math.max(bottom, tops[i] + heights[i]);
      });
      text.style.minHeight = Math.ceil(bottom) + "px";
    });
  }

  function fit() {
    notes().forEach(function (note) { note.open = wide.matches; });
    texts().forEach(function (text) { text.classList.toggle("dossier-margin", wide.matches); });
    place();
    showTarget(false);
  }

  var lit = null;   // the claim linked to, whose quote stays marked
  /* The claim or quote the address names: its note opened, its quote marked;
   * once the notes are placed (scroll), the claim scrolled to again, now with
   * its quote in view beside it. */
  function showTarget(scroll) {
    var id = targetId(window.location.hash);
    var target = id && document.getElementById(id);
    if (lit) light(lit, false);
    lit = target && target.matches(".dossier-notes .dossier-claim") ? target : null;
    if (lit) light(lit, true);
    var note = target && target.closest("details.dossier-notes");
    if (note && !note.open) {
      note.open = true;
      target.scrollIntoView();
    } else if (lit && scroll && wide.matches) {
      lit.scrollIntoView();
    }
  }

  /* A claim pointed at or focused marks its quote; a click on its statement opens its details. */
  function watch() {
    notes().forEach(function (note) {
      note.querySelectorAll(".dossier-claim").forEach(function (claim) {
        claim.addEventListener("mouseenter", function () { light(claim, true); });
        claim.addEventListener("mouseleave", function () { if (claim !== lit) light(claim, false); });
        claim.addEventListener("focusin", function () { light(claim, true); });
        claim.addEventListener("focusout", function () { if (claim !== lit) light(claim, false); });
        claim.addEventListener("click", function (event) {
          if (event.target.closest("a, button")) return;   // a link, or a term's meaning
          claim.classList.toggle("dossier-open");
        });
      });
    });
  }

  if (wide.addEventListener) wide.addEventListener("change", fit);
  window.addEventListener("hashchange", function () { showTarget(false); });
  window.addEventListener("resize", place);
  window.dossier.onLoaded(function () { place(); showTarget(true); });
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(place);
  window.dossier.onReady(function () { watch(); fit(); });
})();
