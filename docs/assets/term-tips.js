/* Glossary terms by touch and keyboard: each term on a page (an <abbr> whose
 * title is its meaning, from the glossary's Markdown abbreviations) becomes a
 * button that shows its meaning in place, with a link to its glossary entry:
 * a toggletip, as in Heydon Pickering's "Tooltips & Toggletips". A tap, a
 * click, Enter or keyboard focus opens it; Escape, a tap elsewhere or focus
 * leaving it closes it; its text is put into a live region (role="status")
 * beside the button, so that screen readers announce it. The entries'
 * addresses are in assets/glossary-entries.js (generated), loaded when a
 * reader first opens a term. Without this script the term keeps its hover
 * title. A term inside a link, a heading or a control stays as it is: a
 * button may not sit in a link.
 *
 * The button is a span with the role of a button (focusable, opened by Enter
 * and Space as a button is), not a <button>: a <button> is laid out as one
 * block, so a term of several words could not break across lines, and
 * turning the terms into buttons after the first paint moved the text
 * (a layout shift on Quotations), or left a quotation mark alone on a line.
 */
(function () {
  "use strict";

  var NOT_INSIDE = "a, button, [role=button], summary, label, h1, h2, h3, h4, h5, h6";

  /* The address of the term's glossary entry (from the site's root), or null:
     of the entries written like the term, the one with this meaning, else the first. */
  function entryFor(entries, term, meaning) {
    var found = entries && Object.prototype.hasOwnProperty.call(entries, term) ? entries[term] : null;
    if (!found || !found.length) return null;
    for (var i = 0; i < found.length; i++) {
      if (found[i][0] === meaning) return found[i][1];
    }
    return found[0][1];
  }

  /* Where the bubble's left edge goes, in the viewport: under the term, moved
     left as far as needed to stay on the screen, never past its left margin. */
  function bubbleLeft(termLeft, bubbleWidth, viewportWidth, margin) {
    var left = Math.min(termLeft, viewportWidth - margin - bubbleWidth);
    return Math.max(margin, left);
  }

  /* Whether a key opens or closes the term, as it would press a button. */
  function presses(key) {
    return key === "Enter" || key === " ";
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { entryFor: entryFor, bubbleLeft: bubbleLeft, presses: presses };
    return;
  }

  var here = document.currentScript && document.currentScript.src;
  var open = null;            // the term whose bubble shows: {container, button, region}
  var quietFocus = false;     // focus given back by Escape must not reopen the bubble
  var entriesWaiting = null;  // callbacks while assets/glossary-entries.js loads

  function withEntries(use) {
    if (window.dossierGlossaryEntries || !here) { use(window.dossierGlossaryEntries || null); return; }
    if (entriesWaiting) { entriesWaiting.push(use); return; }
    entriesWaiting = [use];
    var script = document.createElement("script");
    script.src = new URL("glossary-entries.js", here).href;
    script.onload = script.onerror = function () {
      var waiting = entriesWaiting;
      entriesWaiting = null;
      waiting.forEach(function (call) { call(window.dossierGlossaryEntries || null); });
    };
    document.head.appendChild(script);
  }

  function close() {
    if (!open) return;
    open.button.setAttribute("aria-expanded", "false");
    open.region.textContent = "";
    open = null;
  }

  function show(tip) {
    if (open === tip) return;
    close();
    open = tip;
    tip.button.setAttribute("aria-expanded", "true");
    var term = tip.button.textContent;
    var meaning = tip.button.getAttribute("data-meaning");
    withEntries(function (entries) {
      if (open !== tip) return;
      var bubble = document.createElement("span");
      bubble.className = "dossier-term-bubble";
      bubble.appendChild(document.createTextNode(meaning));
      var address = entryFor(entries, term, meaning);
      if (address) {
        var link = document.createElement("a");
        link.href = new URL(address, new URL("../", here)).href;
        link.textContent = term + " in the glossary";
        bubble.appendChild(document.createTextNode(" "));
        bubble.appendChild(link);
      }
      tip.region.textContent = "";
      // Filled a moment after it is emptied, so that screen readers announce it each time.
      window.setTimeout(function () {
        if (open !== tip) return;
        tip.region.appendChild(bubble);
        place(tip.button, bubble);
      }, 50);
    });
  }

  /* The bubble is positioned against its containing block, which lies outside
     any table's scrolling frame (nothing between is positioned), so no frame
     clips it. */
  function place(button, bubble) {
    // A term broken across two lines: under its last line.
    var lines = button.getClientRects();
    var term = lines.length ? lines[lines.length - 1] : button.getBoundingClientRect();
    var viewport = document.documentElement.clientWidth;
    var left = bubbleLeft(term.left, bubble.getBoundingClientRect().width, viewport, 8);
    var holder = bubble.offsetParent;
    var origin = { left: -window.scrollX, top: -window.scrollY };
    if (holder && !(holder === document.body && getComputedStyle(holder).position === "static")) {
      var box = holder.getBoundingClientRect();
      origin = { left: box.left + holder.clientLeft - holder.scrollLeft, top: box.top + holder.clientTop - holder.scrollTop };
    }
    bubble.style.left = (left - origin.left) + "px";
    bubble.style.top = (term.bottom + 4 - origin.top) + "px";
  }

  function upgrade(abbr) {
    var meaning = abbr.getAttribute("title");
    var container = document.createElement("span");
    container.className = "dossier-term";
    var button = document.createElement("span");
    button.setAttribute("role", "button");
    button.tabIndex = 0;
    button.className = "dossier-term-button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("data-meaning", meaning);
    var region = document.createElement("span");
    region.className = "dossier-term-tip";
    region.setAttribute("role", "status");
    abbr.parentNode.replaceChild(container, abbr);
    abbr.removeAttribute("title");   // the toggletip shows it: no second, hover-only box
    button.appendChild(abbr);
    container.appendChild(button);
    container.appendChild(region);
    var tip = { container: container, button: button, region: region };
    function toggle() {
      if (open === tip) close(); else show(tip);
    }
    button.addEventListener("click", toggle);
    button.addEventListener("keydown", function (event) {
      if (!presses(event.key) || event.target !== button) return;
      event.preventDefault();   // Space would scroll the page
      toggle();
    });
    button.addEventListener("focus", function () {
      if (quietFocus) { quietFocus = false; return; }
      if (button.matches(":focus-visible")) show(tip);
    });
    container.addEventListener("focusout", function (event) {
      if (open === tip && !(event.relatedTarget && container.contains(event.relatedTarget))) close();
    });
  }

  window.dossier.onReady(function () {
    document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
      if (!abbr.closest(NOT_INSIDE) && abbr.getAttribute("title")) upgrade(abbr);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !open) return;
      var back = open.container.contains(document.activeElement) ? open.button : null;
      close();
      if (back && document.activeElement !== back) { quietFocus = true; back.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (open && !open.container.contains(event.target)) close();
    });
  });
})();
