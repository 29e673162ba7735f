/* A Web Worker stand-in for pages opened from disk (file://).
 *
 * Browsers refuse `new Worker(url)` on a file:// page, and Material runs its
 * search in a worker, so search would vanish from a site opened from disk. Material's
 * offline plugin answers with a shim loaded from a CDN; this is the project's
 * own, so that the offline site loads nothing from outside. It is listed under
 * `extra.polyfills` in mkdocs.yml; its file name contains
 * "iframe-worker" because the plugin adds its CDN shim only when no listed
 * polyfill has that name.
 *
 * How: the worker script runs in a hidden iframe without a src (about:blank),
 * which shares the page's origin, so the page can reach into it. Messages go
 * both ways as asynchronous `message` events, as with a real Worker; the worker
 * side gets `postMessage` and an `importScripts` that returns a promise (the
 * search worker awaits it). Material's worker checks for `IFrameWorker` on its
 * parent to find its language files, hence that global.
 */
(function () {
  "use strict";

  /* The addresses importScripts(...) asks for, read against the worker's own. */
  function scriptUrls(urls, workerUrl) {
    return urls.map(function (url) { return new URL(url, workerUrl).href; });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { scriptUrls: scriptUrls };
    return;
  }
  if (location.protocol !== "file:") return;

  function loadScript(document, url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + url)); };
      document.head.appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.pending = [];   // messages sent before the worker script has run
      this.ready = false;

      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.tabIndex = -1;
      this.frame.title = "search worker";
      this.frame.setAttribute("aria-hidden", "true");
      (document.body || document.documentElement).appendChild(this.frame);

      var scope = this.frame.contentWindow;
      var worker = this;
      scope.postMessage = function (data) { worker.deliver("message", data); };
      scope.importScripts = function () {
        return scriptUrls(Array.prototype.slice.call(arguments), url).reduce(function (done, next) {
          return done.then(function () { return loadScript(scope.document, next); });
        }, Promise.resolve());
      };
      scope.addEventListener("error", function (event) { worker.deliver("error", event.message); });

      url = new URL(url, location.href).href;
      loadScript(scope.document, url).then(function () {
        worker.ready = true;
        worker.pending.splice(0).forEach(function (data) { worker.postMessage(data); });
      }, function (error) { worker.deliver("error", error.message); });
    }

    postMessage(data) {
      if (!this.ready) { this.pending.push(data); return; }
      var scope = this.frame.contentWindow;
      var copy = structuredClone(data);
      setTimeout(function () { scope.dispatchEvent(new scope.MessageEvent("message", { data: copy })); });
    }

    deliver(type, data) {
      var worker = this;
      var copy = type === "message" ? structuredClone(data) : data;
      setTimeout(function () {
        var event = type === "message"
          ? new MessageEvent("message", { data: copy })
          : new ErrorEvent("error", { message: String(copy) });
        worker.dispatchEvent(event);
        var handler = type === "message" ? worker.onmessage : worker.onerror;
        if (typeof handler === "function") handler.call(worker, event);
      });
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
