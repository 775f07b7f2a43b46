// Cek KPJ checker page: what the page shows for a result (the causes, the errors, the
// NIK block, copy and print, the ready-made messages). checker.js mixes these methods into
// its Checker; they use its t(), form, texts, lang, langRoot, lastResult and lastInputs.
// Loaded just before checker.js. Nothing typed leaves the device.
(function () {
  "use strict";

  var el = window.KpjDom.el; // dom.js
  var methods = {};

  // What was typed, safe to paste into a chat: invisible format characters (which the
  // checker ignores in numbers) are dropped, other characters that cannot be seen
  // become their code point, as in the checker's own messages ("U+202E").
  function visibleText(value) {
    return value.replace(/\p{Cf}/gu, "").replace(/[\p{Cc}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, function (ch) {
      return "<U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") + ">";
    });
  }

  methods.causeTitle = function (id) {
    return this.t("cause." + id);
  };

  methods.causeBlock = function (cause) {
    var self = this;
    var list = function (tag, items) {
      return el(tag, {}, items.map(function (item) { return el("li", { text: item }); }));
    };
    return el("article", { class: "kpj-cause", "data-cause": cause.id, "data-likelihood": cause.likelihood }, [
      el("h3", {}, [
        el("span", { class: "kpj-likelihood", text: this.t("likelihood." + cause.likelihood) }),
        document.createTextNode(" " + this.causeTitle(cause.id)),
      ]),
      el("p", { text: cause.summary }),
      cause.evidence.length ? el("h4", { text: this.t("form.results.evidence") }) : null,
      cause.evidence.length ? list("ul", cause.evidence) : null,
      el("h4", { text: this.t("form.results.steps") }),
      list("ol", cause.steps),
      el("p", {}, [el("a", { href: new URL(cause.page, self.langRoot).href, text: this.t("form.results.read_more") + ": " + this.causeTitle(cause.id) })]),
    ]);
  };

  methods.render = function (result) {
    var self = this;
    this.lastResult = result;
    this.clearErrors();
    var errors = this.allErrors(result);
    var firstError = this.showErrors(errors);
    var nikInfo = window.KpjNikInfo;
    var t = function (key, values) { return self.t(key, values); };
    if (nikInfo) nikInfo.showWarnings(this.form, result.warnings);
    this.setStatus("ready", this.t("form.status.ready"));
    var parts = [
      el("h2", { text: this.t("form.results.heading") }),
      el("p", { class: "kpj-checked", text: this.t("form.summary.checked", { date: this.longDate(result.today) }) }),
    ];
    if (errors.length) {
      parts.push(el("div", { class: "kpj-error-summary", role: "alert" }, [
        el("p", { text: this.t("form.errors.heading") }),
        el("ul", {}, errors.map(function (error) {
          return el("li", {}, [el("a", { href: "#" + self.errorTarget(error), text: error.message })]);
        })),
      ]));
    }
    if (nikInfo) parts.push(nikInfo.warnings(result, t), nikInfo.block(result, t));
    if (!result.causes.length) parts.push(el("p", { text: this.t("form.results.none") }));
    result.causes.forEach(function (cause) { parts.push(self.causeBlock(cause)); });
    if (result.ruled_out.length) {
      parts.push(el("h3", { text: this.t("form.results.ruled_out") }));
      parts.push(el("ul", { class: "kpj-ruled-out" }, result.ruled_out.map(function (item) {
        return el("li", { "data-ruled-out": item.id, text: self.causeTitle(item.id) + ": " + item.reason });
      })));
    }
    parts.push(this.actions());
    parts.push(this.nextSteps(result));
    this.results.replaceChildren.apply(this.results, parts.filter(Boolean));
    document.body.classList.add("kpj-has-results"); // print the result alone (site.css)
    performance.measure("kpj-diagnosis", "kpj-diagnosis-start");
    (firstError || this.results).focus();
  };

  // Ready-made messages for the result (next-steps.js), or null when it calls for none.
  methods.nextSteps = function (result) {
    if (!window.KpjNextSteps) return null;
    return window.KpjNextSteps.section({
      result: result, inputs: this.lastInputs || {}, lang: this.lang, texts: this.texts,
      t: this.t.bind(this), includeBox: this.includeBox,
    });
  };

  methods.actions = function () {
    var self = this;
    var include = el("input", { type: "checkbox", id: "kpj-include-nik" });
    this.includeBox = include;
    var copy = el("button", { type: "button", class: "md-button", "data-action": "copy", text: this.t("form.copy") });
    var print = el("button", { type: "button", class: "md-button", "data-action": "print", text: this.t("form.print") });
    var note = el("p", { class: "kpj-copy-note", role: "status" });
    copy.addEventListener("click", function () {
      var text = self.summary(include.checked);
      var done = function () { note.textContent = self.t("form.copied"); };
      var failed = function () { note.textContent = self.t("form.copy_failed"); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, failed);
      else failed();
    });
    print.addEventListener("click", function () {
      document.body.classList.remove("kpj-print-message"); // the whole result, not one message
      window.print();
    });
    return el("div", { class: "kpj-result-actions" }, [
      el("p", {}, [include, el("label", { for: "kpj-include-nik", text: " " + this.t("form.include_nik") })]),
      el("p", {}, [copy, document.createTextNode(" "), print]),
      note,
    ]);
  };

  methods.longDate = function (isoDate) {
    return new Date(isoDate + "T12:00:00").toLocaleDateString(this.lang === "id" ? "id-ID" : "en-GB", {
      day: "numeric", month: "long", year: "numeric",
    });
  };

  // A plain-text summary to paste into a message to HRD or the call centre.
  methods.summary = function (includeNik) {
    var self = this;
    var result = this.lastResult;
    var inputs = this.lastInputs || {};
    var lines = [this.t("form.summary.title"), this.t("form.summary.checked", { date: this.longDate(result.today) }), ""];
    lines.push(this.t("form.results.heading") + ":");
    result.causes.forEach(function (cause) {
      lines.push("- [" + self.t("likelihood." + cause.likelihood) + "] " + self.causeTitle(cause.id));
      cause.evidence.forEach(function (line) { lines.push("  " + line); });
    });
    if (result.ruled_out.length) {
      lines.push("", self.t("form.results.ruled_out") + ":");
      result.ruled_out.forEach(function (item) { lines.push("- " + self.causeTitle(item.id)); });
    }
    if (window.KpjNikInfo) {
      lines = lines.concat(window.KpjNikInfo.summaryLines(result, function (key) { return self.t(key); }, includeNik));
    }
    var entered = this.fields.filter(function (name) {
      return inputs[name] && inputs[name] !== "unknown" && (name !== "nik" || includeNik);
    });
    if (entered.length) {
      lines.push("");
      entered.forEach(function (name) {
        var control = self.form.elements[name];
        var value = control && control.tagName === "SELECT" ? control.options[control.selectedIndex].text : visibleText(inputs[name]);
        lines.push(self.t("form." + name + ".label") + ": " + value);
      });
    }
    return lines.join("\n");
  };

  window.KpjCheckerResults = methods;
})();
