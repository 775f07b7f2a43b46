// Cek KPJ: dates typed as day, month and year boxes (GOV.UK's date-input pattern).
// Each date is a <fieldset data-parts="day month year"> whose boxes are named
// `<field>-day`, `<field>-month`, `<field>-year`. This file checks the parts and joins them
// into the ISO date the checker takes; error texts come from the page's texts (messages).
(function () {
  "use strict";

  var LIMITS = { day: 31, month: 12 };

  function fieldset(form, field) {
    return form.querySelector('fieldset[data-field="' + field + '"][data-parts]');
  }

  function partsOf(set) {
    return set.dataset.parts.split(" ");
  }

  function box(form, field, part) {
    return form.elements[field + "-" + part];
  }

  function daysIn(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  function pad(number, width) {
    return String(number).padStart(width, "0");
  }

  // A month typed as a number, a name or its first three letters ("Agu", "agustus", "8").
  function monthNumber(text, texts) {
    if (/^\d{1,2}$/.test(text)) return Number(text);
    var typed = text.toLowerCase().replace(/\.$/, "");
    for (var month = 1; month <= 12; month++) {
      var name = (texts["month." + month] || "").toLowerCase();
      if (typed === name || (typed.length >= 3 && name.indexOf(typed) === 0)) return month;
    }
    return NaN;
  }

  // The first wrong part and why, or null: a part that is not a number in range, a year
  // without 4 digits, then a day the month does not have.
  function wrongPart(values, texts) {
    var numbers = {};
    var order = Object.keys(values);
    for (var i = 0; i < order.length; i++) {
      var part = order[i];
      var text = values[part];
      if (part === "year") {
        if (!/^\d{4}$/.test(text)) return { part: part, code: /^\d+$/.test(text) ? "year_digits" : "not_real" };
        numbers.year = Number(text);
      } else {
        var number = part === "month" ? monthNumber(text, texts) : (/^\d{1,2}$/.test(text) ? Number(text) : NaN);
        if (!(number >= 1 && number <= LIMITS[part])) return { part: part, code: "not_real" };
        numbers[part] = number;
      }
    }
    if (numbers.day && numbers.day > daysIn(numbers.year, numbers.month)) return { part: "day", code: "not_real", numbers: numbers };
    return { part: null, numbers: numbers };
  }

  // What the person typed for one date: { value: ISO text or "", error: null or
  // { field, part, code, message } }. Empty parts all round mean "not known" ("").
  function read(form, field, texts) {
    var set = fieldset(form, field);
    var parts = partsOf(set);
    var values = {};
    parts.forEach(function (part) { values[part] = box(form, field, part).value.trim(); });
    var missing = parts.filter(function (part) { return !values[part]; });
    if (missing.length === parts.length) return { value: "", error: null };
    var label = set.querySelector("legend").textContent;
    var error = function (part, code) {
      var key = "form.date." + code;
      return { value: "", error: { field: field, part: part, code: code, message: (texts[key] || key).split("{label}").join(label) } };
    };
    if (missing.length) return error(missing[0], "missing_" + missing.join("_"));
    var found = wrongPart(values, texts);
    if (found.part) return error(found.part, found.code === "not_real" && parts.length === 2 ? "not_real_month" : found.code);
    var n = found.numbers;
    var iso = pad(n.year, 4) + "-" + pad(n.month, 2) + (n.day ? "-" + pad(n.day, 2) : "");
    return { value: iso, error: null };
  }

  // Mark the part in error (or every part, for an error about the whole date);
  // returns the id of the box the error summary should link to.
  function mark(form, error) {
    var set = fieldset(form, error.field);
    var parts = error.part ? [error.part] : partsOf(set);
    parts.forEach(function (part) { box(form, error.field, part).setAttribute("aria-invalid", "true"); });
    return box(form, error.field, parts[0]).id;
  }

  window.KpjDates = {
    isDate: function (form, field) { return Boolean(fieldset(form, field)); },
    read: read,
    mark: mark,
    firstBoxId: function (form, field) { return box(form, field, partsOf(fieldset(form, field))[0]).id; },
  };
})();
