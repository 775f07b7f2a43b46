// Register the service worker that keeps the guide (and, once used, the checker) working
// offline. It caches site files only; nothing a person types is ever stored.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.__md_scope) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", window.__md_scope)).catch(function () {
      /* offline use is a bonus: the site works without it */
    });
  });
})();
