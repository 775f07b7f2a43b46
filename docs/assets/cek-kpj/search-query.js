// Cek KPJ search queries: each query typed into Material's search box is reduced to the
// same stems the index holds (search-words.js, which the build runs on every page), so
// "keterlambatan" finds "terlambat" and "gak bisa daftar" finds "tidak bisa mendaftar".
//
// Material 9.8 has no query-transform hook, so this wraps Worker.prototype.postMessage and
// rewrites search messages ({type: 2, data: query}) on their way to Material's search
// worker. Setup and other messages pass unchanged. The page's language (<html lang>)
// picks the rules; the index it searches is that language's own (overrides/main.html).
(function () {
  "use strict";
  var words = window.CekKpjSearchWords;
  if (!words || typeof Worker === "undefined") return;
  var lang = document.documentElement.lang === "id" ? "id" : "en";
  var SEARCH_QUERY = 2; // Material's SearchMessageType.QUERY
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
      var query = words.transformQuery(message.data, lang);
      var args = Array.prototype.slice.call(arguments);
      args[0] = { type: message.type, data: query };
      return post.apply(this, args);
    }
    return post.apply(this, arguments);
  };
})();
