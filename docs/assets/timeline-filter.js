/* The timeline's filter by topic and by actor (pages/kinds/timeline.md.j2).
 *
 * Without JavaScript the form is hidden (the theme's noscript rule for
 * .dossier-needs-script) and the timeline stays whole. With it, each choice hides the events without that topic or actor
 * (their data-topics / data-actors), the month headings left empty, and the
 * "Events by topic" lines of hidden events; a live region says how many are
 * shown. The choice is kept in the address (?topic=…&actor=…), so a filtered
 * view can be shared and survives a reload, from a server or from disk. */
(function () {
  "use strict";

  function setUp() {
    var form = document.getElementById("dossier-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var status = document.getElementById("dossier-filter-status");
    var selects = { topic: form.elements.topic, actor: form.elements.actor };
    var events = Array.prototype.slice.call(document.querySelectorAll(".dossier-event[data-topics]"));
    var article = form.closest("article") || document.body;

    function has(list, value) {
      return !value || (" " + list + " ").indexOf(" " + value + " ") !== -1;
    }

    function labelOf(select) {
      var option = select.options[select.selectedIndex];
      return option ? option.text.replace(/ \(\d+\)$/, "") : "";
    }

    /* A heading is hidden when every event (or event line) of its section is. */
    function hideEmptySections() {
      var headings = article.querySelectorAll("h2, h3");
      Array.prototype.forEach.call(headings, function (heading) {
        var level = Number(heading.tagName[1]);
        var items = [];
        for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
          if (/^H[1-3]$/.test(node.tagName) && Number(node.tagName[1]) <= level) break;
          if (node.matches(".dossier-event[data-topics]")) items.push(node);
          Array.prototype.push.apply(items, node.querySelectorAll("li[data-dossier-event]"));
        }
        heading.hidden = items.length > 0 && items.every(function (item) { return item.hidden; });
      });
    }

    function apply(keepAddress) {
      var topic = selects.topic.value, actor = selects.actor.value, shown = 0;
      events.forEach(function (event) {
        var show = has(event.dataset.topics, topic) && has(event.dataset.actors, actor);
        event.hidden = !show;
        if (show) shown += 1;
      });
      /* The "Events by topic" lines follow the events they link to. */
      Array.prototype.forEach.call(article.querySelectorAll("li > a[href^='#event-']"), function (link) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        var item = link.parentElement;
        item.setAttribute("data-dossier-event", "");
        item.hidden = !!(target && target.hidden);
      });
      hideEmptySections();
      var what = [];
      if (topic) what.push("topic: " + labelOf(selects.topic));
      if (actor) what.push("actor: " + labelOf(selects.actor));
      status.textContent = what.length
        ? "Showing " + shown + " of " + events.length + " events (" + what.join("; ") + ")."
        : "Showing all " + events.length + " events.";
      if (!keepAddress) remember(topic, actor);
    }

    function remember(topic, actor) {
      var url = new URL(window.location.href);
      ["topic", "actor"].forEach(function (name) { url.searchParams.delete(name); });
      if (topic) url.searchParams.set("topic", topic);
      if (actor) url.searchParams.set("actor", actor);
      try {
        window.history.replaceState(window.history.state, "", url.href);
      } catch (error) {
        /* Some browsers refuse to change a file:// address; the filter still works. */
      }
    }

    /* The choice in the address, if it names something on this page. */
    var params = new URLSearchParams(window.location.search);
    Object.keys(selects).forEach(function (name) {
      var wanted = params.get(name);
      if (wanted && Array.prototype.some.call(selects[name].options, function (o) { return o.value === wanted; })) {
        selects[name].value = wanted;
      }
    });

    form.addEventListener("change", function () { apply(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(false); }, 0); });
    apply(true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  /* Material's instant navigation, if it is ever turned on, swaps pages without a load. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
})();
