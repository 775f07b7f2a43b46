// Cek KPJ: the one DOM helper the page scripts share (checker, NIK block, ready-made
// messages, employee list). Loaded before them; it touches no data.
(function () {
  "use strict";

  // An element with attributes ("text" sets its text, never HTML) and children (falsy ones skipped).
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  window.KpjDom = { el: el };
})();
