// The annotated source's side notes (.dossier-notes, a <details> beside each
// block of the text): open in the margin on a wide screen, closed under the
// text on a narrow one, and open when a link leads to a claim inside them.
// Without this script every note still opens with a click.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 76.25em)");
  function notes() { return document.querySelectorAll("details.dossier-notes"); }
  function fit() {
    notes().forEach(function (note) { note.open = wide.matches; });
    openTarget();
  }
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var note = target && target.closest("details.dossier-notes");
    if (note && !note.open) {
      note.open = true;
      target.scrollIntoView();
    }
  }
  if (wide.addEventListener) wide.addEventListener("change", fit);
  window.addEventListener("hashchange", openTarget);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fit);
  else fit();
})();
