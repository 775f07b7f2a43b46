// Cek KPJ checker page: "What your NIK says" (region names, birth date and sex that the
// NIK encodes) and the warnings about it. Used by checker.js through window.KpjNikInfo;
// kept apart so the NIK parts of the page change in one place.
(function () {
  "use strict";

  var el = window.KpjDom.el; // dom.js

  // [label key, value] pairs of a nik_info, in the order of the KTP's own address lines.
  function rows(info, t) {
    var named = function (name) { return name || t("form.nik_info.not_listed"); };
    return [
      ["form.nik_info.district", named(info.district)],
      ["form.nik_info.regency", named(info.regency)],
      ["form.nik_info.province", named(info.province)],
      ["form.nik_info.birth_date", info.birth_date],
      ["form.nik_info.sex", t("form.sex." + info.sex)],
    ];
  }

  var KpjNikInfo = {
    // The "What your NIK says" block of a result, or null without a well-formed NIK.
    block: function (result, t) {
      var info = result.nik_info;
      if (!info) return null;
      var list = el("dl", { class: "kpj-nik-info-list" });
      rows(info, t).forEach(function (row) {
        list.appendChild(el("dt", { text: t(row[0]) }));
        list.appendChild(el("dd", { text: row[1] }));
      });
      return el("section", { class: "kpj-nik-info", "data-nik-info": "" }, [
        el("h3", { text: t("form.nik_info.heading") }),
        list,
        el("p", { text: t("form.nik_info.note") }),
      ]);
    },

    // The warnings of a result, listed with links to their fields, or null if none.
    warnings: function (result, t) {
      if (!result.warnings || !result.warnings.length) return null;
      return el("div", { class: "kpj-warning-summary" }, [
        el("p", { text: t("form.warnings.heading") }),
        el("ul", {}, result.warnings.map(function (warning) {
          return el("li", { "data-warning": warning.code }, [
            el("a", { href: "#kpj-" + warning.field, text: warning.message }),
          ]);
        })),
      ]);
    },

    // Each warning next to its field: shown, but the field is not marked invalid.
    showWarnings: function (form, warnings) {
      (warnings || []).forEach(function (warning) {
        var slot = form.querySelector('[data-warning-for="' + warning.field + '"]');
        if (!slot) return;
        slot.textContent = slot.textContent ? slot.textContent + " " + warning.message : warning.message;
        slot.hidden = false;
      });
    },

    clearWarnings: function (form) {
      form.querySelectorAll("[data-warning-for]").forEach(function (node) {
        node.hidden = true;
        node.textContent = "";
      });
    },

    // Lines for the copied summary. The NIK's region is close to the NIK itself, so they
    // are included only when the person chose to include the NIK.
    summaryLines: function (result, t, includeNik) {
      if (!includeNik || !result.nik_info) return [];
      var lines = ["", t("form.nik_info.heading") + ":"];
      rows(result.nik_info, t).forEach(function (row) { lines.push("- " + t(row[0]) + ": " + row[1]); });
      (result.warnings || []).forEach(function (warning) { lines.push("! " + warning.message); });
      return lines;
    },

    // Ask the worker for the region names as soon as a NIK is being typed.
    prefetchOnTyping: function (form, worker) {
      var field = form.elements.nik;
      if (!field || !worker) return;
      var asked = false;
      field.addEventListener("input", function () {
        if (asked || !field.value.trim()) return;
        asked = true;
        worker.postMessage({ type: "regions" });
      });
    },
  };

  window.KpjNikInfo = KpjNikInfo;
})();
