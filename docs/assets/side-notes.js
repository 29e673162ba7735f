/* The annotated source's side notes (.dossier-notes, a <details> beside each
 * block of the text): open in the margin on a wide screen, closed under the
 * text on a narrow one, and open when a link leads to a claim inside them.
 * Without this script every note still opens with a click. */
(function () {
  "use strict";

  /* The element id an address's fragment names ("#q-c1" -> "q-c1"), or "". */
  function targetId(hash) {
    try {
      return decodeURIComponent(hash.replace(/^#/, ""));
    } catch (error) {
      return "";   // a broken %-escape names nothing
    }
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { targetId: targetId };
    return;
  }

  var wide = window.matchMedia(window.dossier.selectors.wideScreen);
  function notes() { return document.querySelectorAll("details.dossier-notes"); }
  function fit() {
    notes().forEach(function (note) { note.open = wide.matches; });
    openTarget();
  }
  function openTarget() {
    var id = targetId(window.location.hash);
    var target = id && document.getElementById(id);
    var note = target && target.closest("details.dossier-notes");
    if (note && !note.open) {
      note.open = true;
      target.scrollIntoView();
    }
  }
  if (wide.addEventListener) wide.addEventListener("change", fit);
  window.addEventListener("hashchange", openTarget);
  window.dossier.onReady(fit);
})();
