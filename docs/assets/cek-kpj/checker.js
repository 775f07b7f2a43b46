// Cek KPJ checker page: the form and the Pyodide worker that diagnoses (what a result
// shows is checker-results.js).
// Nothing typed leaves the device: no request carries it, nothing is stored or logged.
(function () {
  "use strict";

  var FIELDS = [
    "kpj", "kpj_count", "nik", "birth_date", "sex", "identity_changed", "membership",
    "employment_status", "changed_employer_on", "registered_on", "last_paid_month",
  ];

  var el = window.KpjDom.el; // dom.js

  function localToday() {
    var now = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function Checker(root) {
    this.root = root;
    this.form = root.querySelector("#kpj-checker");
    this.status = root.querySelector("#kpj-status");
    this.results = root.querySelector("#checker-results");
    this.texts = JSON.parse(root.querySelector("#kpj-checker-texts").textContent);
    this.lang = root.dataset.lang;
    this.siteRoot = new URL(root.dataset.siteRoot, location.href);
    this.langRoot = new URL(this.lang === "id" ? "./" : this.lang + "/", this.siteRoot);
    this.ready = false;
    this.pending = null;
    this.lastResult = null;
    this.nextId = 1;
    this.runtimeWatch = new window.KpjRuntimeWatch(this, this.t("runtime.failed_help"), this.t("runtime.retry"));
  }

  // The form's fields in order: errors are listed, and the summary names what was typed, in it.
  Checker.prototype.fields = FIELDS;

  // What the page shows for a result (checker-results.js, loaded just before this file).
  if (!window.KpjCheckerResults) throw new Error("checker.js: checker-results.js is missing");
  Object.assign(Checker.prototype, window.KpjCheckerResults);

  Object.assign(Checker.prototype, window.KpjDom.pageMethods); // t() and setStatus(), dom.js

  Checker.prototype.start = function () {
    var self = this;
    this.root.querySelector("[data-kpj-nojs]").hidden = true;
    // Listen before showing the form: a native submission would put the typed values in the URL.
    this.form.addEventListener("submit", function (event) { event.preventDefault(); self.submit(); });
    this.form.addEventListener("reset", function () {
      self.clearErrors();
      self.results.replaceChildren();
      document.body.classList.remove("kpj-has-results");
    });
    this.form.hidden = false;
    this.runtimeStart();
  };

  // ---- The runtime: boot, watchdog, failure and retry -------------------------------------
  // Every failure (a download that fails, stalls or is not the file the site built; a boot
  // that errors or hangs) ends in the "failed" state within seconds, with the guide's text
  // shown and a "try again" that starts a new worker.

  function runtimeAttempt(root) { return Number(root.dataset.runtimeAttempt || 0); }

  Checker.prototype.runtimeStart = function () {
    var self = this;
    this.ready = false;
    this.failed = false;
    this.setStatus("loading", this.t("form.status.loading", { size: this.root.dataset.size || "" }));
    this.mentionSizeOnlyIfDownloading();
    var early = bootWorker(this.root);
    if (!early) {
      this.fail();
      return;
    }
    this.worker = early.worker;
    this.worker.onmessage = function (event) { self.onWorkerMessage(event.data); };
    this.worker.onerror = function () { self.fail(); };
    this.runtimeWatch.heard();
    early.received.forEach(function (message) { self.onWorkerMessage(message); });
    if (early.failed) this.fail();
    if (window.KpjNikInfo) window.KpjNikInfo.prefetchOnTyping(this.form, this.worker);
  };

  Checker.prototype.retry = function () {
    if (this.worker) this.worker.terminate();
    this.root.kpjEarly = null;
    this.root.dataset.runtimeAttempt = String(runtimeAttempt(this.root) + 1);
    this.root.querySelector("[data-kpj-nojs]").hidden = true;
    this.runtimeWatch.showRetry(false);
    this.runtimeStart();
  };

  // Start the runtime as soon as this script runs, before Material's bundle, so it boots
  // while the page finishes loading. Messages that arrive before the form is wired wait.
  function bootWorker(root) {
    if (root.kpjEarly) return root.kpjEarly;
    var early = { worker: null, received: [], failed: false };
    try {
      early.worker = new Worker(new URL("assets/cek-kpj/checker-worker.js", new URL(root.dataset.siteRoot, location.href)), { type: "module" });
    } catch (error) {
      return null;
    }
    early.worker.onmessage = function (event) { early.received.push(event.data); };
    early.worker.onerror = function () { early.failed = true; };
    early.worker.postMessage({
      type: "boot",
      runtimeURL: new URL(root.dataset.runtime, location.href).href,
      lockFile: root.dataset.lock,
      packages: (root.dataset.packages || "").split(" ").filter(Boolean),
      checks: root.dataset.checks || "",
      eager: (root.dataset.files || "").split(" ").filter(Boolean),
      attempt: runtimeAttempt(root),
      regionsFile: (root.dataset.lazyFiles || "").split(" ").filter(Boolean)[0] || "",
    });
    root.kpjEarly = early;
    return early;
  }

  // Show the form while the page is still being parsed (this script runs right after it), so
  // it does not push the page down once painted (layout shift). A native submission would put
  // the typed values in the URL, so it is blocked first; start() adds the real handler.
  function revealFormEarly(root) {
    var form = root.querySelector("#kpj-checker");
    if (!form) return;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector("[data-kpj-nojs]").hidden = true;
    form.hidden = false;
  }

  function supported(root) {
    return typeof WebAssembly === "object" && typeof Worker === "function" && Boolean(root.dataset.runtime);
  }

  // The download size matters only the first time: once the runtime is cached, just say it starts.
  Checker.prototype.mentionSizeOnlyIfDownloading = function () {
    var self = this;
    if (!window.caches) return;
    var wasm = new URL("pyodide.asm.wasm", new URL(this.root.dataset.runtime, location.href)).href;
    caches.open("cek-kpj-runtime").then(function (cache) { return cache.match(wasm, { ignoreVary: true }); }).then(function (hit) {
      if (hit && self.status.dataset.state === "loading") self.setStatus("loading", self.t("form.status.starting"));
    }).catch(function () { /* keep the size */ });
  };

  Checker.prototype.fail = function (text) {
    this.runtimeWatch.stop();
    if (this.worker && !this.failed) this.worker.terminate();
    this.failed = true;
    this.ready = false;
    this.pending = null;
    this.setStatus("failed", text || this.t("form.status.failed"));
    this.runtimeWatch.showRetry(true);
    this.root.querySelector("[data-kpj-nojs]").hidden = false;
  };

  Checker.prototype.onWorkerMessage = function (message) {
    if (message.type === "progress") {
      this.runtimeWatch.heard();
    } else if (message.type === "stage") {
      this.runtimeWatch.heard();
    } else if (message.type === "ready") {
      this.runtimeWatch.stop();
      performance.mark("kpj-checker-ready", { detail: message.timings });
      this.ready = true;
      this.setStatus("ready", this.t("form.status.ready"));
      if (this.pending) this.send(this.pending);
    } else if (message.type === "failed") {
      // A compiled copy that would not boot was dropped: one immediate retry from the source.
      if (message.retryNow && !this.retriedNow) {
        this.retriedNow = true;
        this.retry();
      } else {
        this.fail();
      }
    } else if (message.type === "result") {
      this.render(message.result);
    } else if (message.type === "error") {
      this.fail();
    }
  };

  // ---- end of the runtime part ----------------------------------------------------------

  // The checker's inputs from the form. Dates typed in parts (date-input.js) become ISO
  // dates; a part that is missing or impossible leaves its date out and is kept, with its
  // error, in this.dateErrors (shown with the checker's own errors in render()).
  Checker.prototype.inputs = function () {
    var self = this;
    var form = this.form;
    var inputs = { today: localToday(), lang: this.lang };
    this.dateErrors = [];
    FIELDS.forEach(function (name) {
      if (!window.KpjDates.isDate(form, name)) {
        inputs[name] = form.elements[name].value;
        return;
      }
      var date = window.KpjDates.read(form, name, self.texts);
      inputs[name] = date.value;
      if (date.error) self.dateErrors.push(date.error);
    });
    return inputs;
  };

  Checker.prototype.submit = function () {
    var inputs = this.inputs();
    if (this.failed) {
      // Nothing can be checked now; say so and keep every typed value where it is.
      this.setStatus("failed", this.t("runtime.unavailable"));
      return;
    }
    if (!this.ready) {
      this.pending = inputs;
      this.setStatus("loading", this.t("form.status.working"));
      return;
    }
    this.send(inputs);
  };

  Checker.prototype.send = function (inputs) {
    performance.mark("kpj-diagnosis-start");
    this.pending = null;
    this.lastInputs = inputs;
    this.worker.postMessage({ type: "diagnose", id: this.nextId++, inputs: inputs });
  };

  Checker.prototype.clearErrors = function () {
    this.form.querySelectorAll("[data-error-for]").forEach(function (node) {
      node.hidden = true;
      node.textContent = "";
    });
    this.form.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    if (window.KpjNikInfo) window.KpjNikInfo.clearWarnings(this.form);
  };

  // The page's date-part errors and the checker's errors, in the form's order.
  Checker.prototype.allErrors = function (result) {
    var errors = (this.dateErrors || []).concat(result.input_errors);
    return errors.sort(function (a, b) { return FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field); });
  };

  // The id of the control an error is about (a date's wrong part, or its first part).
  Checker.prototype.errorTarget = function (error) {
    if (!window.KpjDates.isDate(this.form, error.field)) return "kpj-" + error.field;
    return error.part ? "kpj-" + error.field + "-" + error.part : window.KpjDates.firstBoxId(this.form, error.field);
  };

  // Marks each field in error; returns the first of them in the form's order (focus goes there).
  Checker.prototype.showErrors = function (errors) {
    var form = this.form;
    errors.forEach(function (error) {
      var slot = form.querySelector('[data-error-for="' + error.field + '"]');
      if (!slot) return;
      if (window.KpjDates.isDate(form, error.field)) window.KpjDates.mark(form, error);
      else if (form.elements[error.field]) form.elements[error.field].setAttribute("aria-invalid", "true");
      else return;
      slot.textContent = slot.textContent ? slot.textContent + " " + error.message : error.message;
      slot.hidden = false;
    });
    return form.querySelector('[aria-invalid="true"]');
  };

  function start() {
    var root = document.querySelector(".kpj-checker");
    if (!root || root.dataset.started) return; // not this page, or already running
    root.dataset.started = "true";
    var checker = new Checker(root);
    if (!supported(root)) return;
    checker.start();
  }

  var early = document.querySelector(".kpj-checker");
  if (early && supported(early)) {
    bootWorker(early);
    revealFormEarly(early);
  }

  // Wire the form on Material's document$ signal (it also fires after instant navigation);
  // this script runs before Material's bundle, so wait for the document to be parsed first.
  function whenPageReady() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
    else start();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenPageReady);
  else whenPageReady();
})();
