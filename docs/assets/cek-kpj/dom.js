// Cek KPJ: the DOM helpers the page scripts share (checker, NIK block, ready-made
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

  // The text and status methods the checker and the list check share, mixed into their
  // prototypes: t() looks a text up in this.texts and fills in its {placeholders};
  // setStatus() writes the status line (this.status) and its data-state.
  var pageMethods = {
    t: function (key, values) {
      var text = this.texts[key] || key;
      Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
      return text;
    },
    setStatus: function (state, text) {
      this.status.dataset.state = state;
      this.status.textContent = text;
    },
  };

  window.KpjDom = { el: el, pageMethods: pageMethods };
})();
