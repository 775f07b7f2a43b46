// Cek KPJ: ready-made messages for the next step (to HR, a previous employer, a branch),
// filled in on the device from what was typed. Copy, share (the phone's own share sheet)
// or print: this site sends nothing. The NIK goes in only when its box is ticked.
(function () {
  "use strict";

  // Which message a result calls for: one of its causes is confirmed or likely. A message
  // to an employer is not offered to a self-paid member, nor one to a current employer to
  // someone who has left work. (A rule of the checker's own making; see docs/checker.md.)
  var STEPS = [
    { id: "hrd", causes: ["late-payment", "inactive-membership", "membership-transfer"], employer: true, current: true },
    { id: "previous_employer", causes: ["membership-transfer"], employer: true },
    { id: "branch", causes: ["multiple-kpj"] },
  ];
  var STRONG = ["confirmed", "likely"];
  var SEND_LANG = "id"; // HR staff and branch offices read Indonesian
  var LOCALES = { id: "id-ID", en: "en-GB" };

  function applies(step, result, inputs) {
    if (step.employer && inputs.membership === "self") return false;
    if (step.current && inputs.employment_status === "resigned") return false;
    return result.causes.some(function (cause) {
      return step.causes.indexOf(cause.id) >= 0 && STRONG.indexOf(cause.likelihood) >= 0;
    });
  }

  var el = window.KpjDom.el; // dom.js

  function longDate(iso, lang) {
    if (!iso) return "";
    return new Date(iso + "T12:00:00").toLocaleDateString(LOCALES[lang], { day: "numeric", month: "long", year: "numeric" });
  }

  // A template with {placeholders}: a line whose value is unknown is left out.
  function fill(template, values) {
    return template.split("\n").filter(function (line) {
      return !Object.keys(values).some(function (name) { return !values[name] && line.indexOf("{" + name + "}") >= 0; });
    }).map(function (line) {
      Object.keys(values).forEach(function (name) { line = line.split("{" + name + "}").join(values[name]); });
      return line;
    }).join("\n");
  }

  // What the messages may say: only fields the checker accepted, the NIK only when ticked.
  function values(ctx, lang) {
    var inputs = ctx.inputs;
    var wrong = ctx.result.input_errors.map(function (error) { return error.field; });
    var ok = function (name) { return wrong.indexOf(name) < 0 ? (inputs[name] || "").trim() : ""; };
    return {
      kpj: ok("kpj"),
      nik: ctx.includeBox.checked ? ok("nik") : "",
      birth_date: longDate(ok("birth_date"), lang),
      left_on: longDate(ok("changed_employer_on"), lang),
    };
  }

  function button(action, text, headingId, id) {
    return el("button", { type: "button", class: "md-button", id: id, "data-action": action, "aria-labelledby": id + " " + headingId, text: text });
  }

  // One message: its heading, why, text (and an English translation on the English page),
  // and its Copy / Share / Print buttons with a status line.
  function block(step, ctx) {
    var t = ctx.t;
    var key = "next." + step.id;
    var headingId = "kpj-next-" + step.id;
    var message = el("div", { class: "kpj-message", lang: SEND_LANG, "data-message": step.id });
    var translation = ctx.lang === SEND_LANG ? null : el("div", { class: "kpj-message", lang: ctx.lang, "data-translation": step.id });
    var note = el("p", { class: "kpj-message-note", role: "status" });
    var update = function () {
      message.textContent = fill(ctx.texts[ctx.lang === SEND_LANG ? key + ".text" : SEND_LANG + ":" + key + ".text"], values(ctx, SEND_LANG));
      if (translation) translation.textContent = fill(t(key + ".text"), values(ctx, ctx.lang));
    };
    update();
    ctx.includeBox.addEventListener("change", update);

    var copy = button("copy-message", t("next.copy"), headingId, headingId + "-copy");
    copy.addEventListener("click", function () {
      var done = function () { note.textContent = t("next.copied"); };
      var failed = function () { note.textContent = t("next.copy_failed"); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(message.textContent).then(done, failed);
      else failed();
    });
    var share = null;
    if (typeof navigator.share === "function") {
      share = button("share-message", t("next.share"), headingId, headingId + "-share");
      share.addEventListener("click", function () {
        note.textContent = "";
        navigator.share({ text: message.textContent }).catch(function (error) {
          if (!error || error.name !== "AbortError") note.textContent = t("next.share_failed");
        });
      });
    }
    var print = button("print-message", t("next.print"), headingId, headingId + "-print");
    var section = el("section", { class: "kpj-next-step", "data-step": step.id, "aria-labelledby": headingId }, [
      el("h4", { id: headingId, text: t(key + ".title") }),
      el("p", { text: t(key + ".why") }),
      message,
      translation ? el("details", {}, [el("summary", { text: t("next.translation") }), translation]) : null,
      el("p", { class: "kpj-message-actions" }, [copy, share, print]),
      note,
    ]);
    print.addEventListener("click", function () {
      // Paper gets this message alone (site.css), until the print dialog closes.
      document.body.classList.add("kpj-print-message");
      section.dataset.printing = "true";
      window.addEventListener("afterprint", function () {
        document.body.classList.remove("kpj-print-message");
        delete section.dataset.printing;
      }, { once: true });
      window.print();
    });
    return section;
  }

  // The "Ready-made messages" part of a result, or null when the result calls for none.
  // ctx: { result, inputs, lang, texts, t, includeBox }.
  function section(ctx) {
    var steps = STEPS.filter(function (step) { return applies(step, ctx.result, ctx.inputs); });
    if (!steps.length) return null;
    return el("section", { class: "kpj-next-steps", "aria-labelledby": "kpj-next-heading" }, [
      el("h3", { id: "kpj-next-heading", text: ctx.t("next.heading") }),
      el("p", { text: ctx.t("next.intro") }),
      ctx.lang === SEND_LANG ? null : el("p", { text: ctx.t("next.in_indonesian") }),
    ].concat(steps.map(function (step) { return block(step, ctx); })));
  }

  window.KpjNextSteps = { section: section, STEPS: STEPS };
})();
