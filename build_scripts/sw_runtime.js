// Cek KPJ service worker, the part Workbox does not write: imported by sw.js, written to
// site/sw-runtime.js by build_scripts/generate_sw.mjs, which puts the current runtime's
// folder and file checks in place of RUNTIME below.
//
// - Runtime files are served from the runtime cache only when they were checked (size and
//   SHA-256) against the build's record; anything else there is deleted, never served.
//   A download is kept only when it matches (a Wi-Fi sign-in page is never kept).
// - On activate (when no page of the previous version is open any more) every runtime
//   cache entry that is not the current runtime's, checked, is deleted.
// - A page that is not in the precache (an unknown address) gets the site's 404 page in
//   its language when the network cannot answer.
// It stores nothing a person types: only the site's own files.
/* global RUNTIME */
(function () {
  "use strict";
  var CACHE = "cek-kpj-runtime";
  var CHECK_HEADER = "X-Cek-Kpj-Sha256";
  var SOURCE_HEADER = "X-Cek-Kpj-Source";
  var COMPILED = "python_stdlib.compiled.zip";
  var SNAPSHOT = "pyodide.snapshot.gz"; // made on the device; the worker checks it belongs
  var SOURCE = "python_stdlib.zip";
  var scope = self.registration.scope;
  var base = RUNTIME ? new URL(RUNTIME.folder, scope).href : null;
  var MATCH = { ignoreVary: true, ignoreSearch: true };

  function fileName(url) {
    var plain = url.split("?")[0];
    return base && plain.indexOf(base) === 0 ? plain.slice(base.length) : null;
  }

  // Is this cached response the current runtime's file, checked when it was kept?
  function checked(url, response) {
    var name = fileName(url);
    if (!name) return false;
    if (name === SNAPSHOT) return Boolean(response.headers.get(SOURCE_HEADER));
    if (name === COMPILED) {
      var source = RUNTIME.files[SOURCE];
      return Boolean(source) && response.headers.get(SOURCE_HEADER) === source.sha256;
    }
    var check = RUNTIME.files[name];
    return Boolean(check) && response.headers.get(CHECK_HEADER) === check.sha256;
  }

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  // Keep a downloaded runtime file only when it is exactly the file the site built.
  function keepIfRight(cache, url, response, check) {
    return response.arrayBuffer().then(function (bytes) {
      if (bytes.byteLength !== check.size) return null;
      return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
        if (hex(digest) !== check.sha256) return null;
        var headers = new Headers(response.headers);
        headers.set(CHECK_HEADER, check.sha256);
        headers.delete("Content-Encoding");
        headers.delete("Content-Length");
        return cache.put(url, new Response(bytes, { status: 200, headers: headers }));
      });
    }).catch(function () { /* an offline copy is a bonus */ });
  }

  function runtime(options) {
    var request = options.request;
    var event = options.event;
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request, MATCH).then(function (hit) {
        if (hit && checked(request.url, hit)) return hit;
        if (hit) event.waitUntil(cache.delete(request, MATCH));
        return fetch(request).then(function (response) {
          var name = fileName(request.url);
          var check = name && RUNTIME.files[name];
          if (check && response.ok) event.waitUntil(keepIfRight(cache, request.url.split("?")[0], response.clone(), check));
          return response;
        });
      });
    });
  }

  // The precached 404 page of the address's language (its first folder), else the default.
  function notFoundPage(url) {
    var rest = url.slice(scope.length).split("/");
    var candidates = rest.length > 1 && rest[0] ? [rest[0] + "/404.html", "404.html"] : ["404.html"];
    return candidates.reduce(function (found, path) {
      return found.then(function (page) { return page || caches.match(new URL(path, scope).href, MATCH); });
    }, Promise.resolve(null));
  }

  function navigate(options) {
    return fetch(options.request).catch(function (error) {
      return notFoundPage(options.request.url.split("?")[0]).then(function (page) {
        if (!page) throw error;
        return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
      });
    });
  }

  // Runs when this version takes over: no page of the previous version is open any more.
  function cleanRuntimeCache() {
    return caches.open(CACHE).then(function (cache) {
      return cache.keys().then(function (requests) {
        return Promise.all(requests.map(function (request) {
          return cache.match(request, MATCH).then(function (hit) {
            if (!hit || !checked(request.url, hit)) return cache.delete(request, MATCH);
            return null;
          });
        }));
      });
    });
  }

  self.addEventListener("activate", function (event) { event.waitUntil(cleanRuntimeCache()); });
  self.cekKpj = { runtime: runtime, navigate: navigate };
})();
