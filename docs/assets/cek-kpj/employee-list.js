// Cek KPJ employee-list page: choose or drop a CSV/.xlsx file, check it in a Web Worker
// (kpj_checker.batch in Pyodide), show a summary and a table of problems by row, offer
// them as a CSV made in the page. The file never leaves the device and is never stored.
(function () {
  "use strict";

  var TABLE_LIMIT = 1000; // rows shown in the page; the CSV download has them all

  var el = window.KpjDom.el; // dom.js

  function csvCell(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text; // never a formula in a spreadsheet
    return /[",;\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function ListCheck(root) {
    this.root = root;
    this.form = root.querySelector("#kpj-list-form");
    this.input = root.querySelector("#kpj-list-file");
    this.drop = root.querySelector("[data-drop]");
    this.status = root.querySelector("#kpj-list-status");
    this.progress = root.querySelector("#kpj-list-progress");
    this.results = root.querySelector("#kpj-list-results");
    this.texts = JSON.parse(root.querySelector("#kpj-list-texts").textContent);
    this.lang = root.dataset.lang;
    this.ready = false;
    this.queued = null;
    this.nextId = 1;
    this.current = null;
    this.downloadURL = null;
    this.attempt = 0;
    this.failed = false;
    this.runtimeWatch = new window.KpjRuntimeWatch(this, this.t("batch.page.retry_help"), this.t("batch.page.retry"));
  }

  Object.assign(ListCheck.prototype, window.KpjDom.pageMethods); // t() and setStatus(), dom.js

  ListCheck.prototype.start = function () {
    var self = this;
    this.root.querySelector("[data-kpj-nojs]").hidden = true;
    this.form.hidden = false;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.input.addEventListener("change", function () {
      if (self.input.files && self.input.files[0]) self.choose(self.input.files[0]);
    });
    ["dragenter", "dragover"].forEach(function (type) {
      self.drop.addEventListener(type, function (event) {
        event.preventDefault();
        self.drop.dataset.over = "true";
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      self.drop.addEventListener(type, function () { delete self.drop.dataset.over; });
    });
    this.drop.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (files && files[0]) self.choose(files[0]);
    });
    this.runtimeStart();
  };

  // ---- The runtime: boot, watchdog, failure and retry -------------------------------------
  // The worker checks every runtime file against the build's record before it uses or keeps
  // it (checked-files.js). Every failure (a download that fails, stalls or is not the file
  // the site built; a boot that errors or hangs) ends in the "failed" state within seconds,
  // with a "try again" that starts a new worker and then checks the file already chosen.

  ListCheck.prototype.runtimeStart = function () {
    var self = this;
    var root = this.root;
    this.ready = false;
    this.failed = false;
    this.setStatus("loading", this.t("batch.page.status.loading"));
    try {
      this.worker = new Worker(new URL("assets/cek-kpj/employee-list-worker.js", new URL(root.dataset.siteRoot, location.href)), { type: "module" });
    } catch (error) {
      this.fail(this.t("batch.page.status.failed")); // no module workers in this browser
      return;
    }
    this.worker.onmessage = function (event) { self.onMessage(event.data); };
    this.worker.onerror = function () { self.fail(); };
    this.runtimeWatch.heard();
    var words = function (name) { return (root.dataset[name] || "").split(" ").filter(Boolean); };
    this.worker.postMessage({
      type: "boot",
      attempt: this.attempt,
      runtimeURL: new URL(root.dataset.runtime, location.href).href,
      lockFile: root.dataset.lock,
      checks: root.dataset.checks || "",
      files: root.dataset.files || "",
      xlsxFiles: root.dataset.xlsxFiles || "",
      packages: words("packages"),
      xlsxPackages: words("xlsxPackages"),
      batchStdlib: root.dataset.batchStdlib,
      batchArchive: root.dataset.batchArchive,
      regionsFile: words("lazyFiles")[0] || "",
    });
  };

  ListCheck.prototype.fail = function (text) {
    this.runtimeWatch.stop();
    if (this.worker && !this.failed) this.worker.terminate();
    this.failed = true;
    this.ready = false;
    // A file being checked is checked again after "try again".
    if (this.current && this.current.file && !this.queued) this.queued = this.current.file;
    this.current = null;
    this.progress.hidden = true;
    this.setStatus("failed", text || this.t("batch.page.status.load_failed"));
    this.runtimeWatch.showRetry(true);
  };

  ListCheck.prototype.retry = function () {
    if (this.worker) this.worker.terminate();
    this.attempt += 1; // the worker then downloads past the HTTP cache
    this.runtimeWatch.showRetry(false);
    this.runtimeStart();
  };

  ListCheck.prototype.choose = function (file) {
    this.queued = file;
    if (this.ready) this.run();
  };

  ListCheck.prototype.run = function () {
    var file = this.queued;
    this.queued = null;
    this.current = { id: this.nextId++, name: file.name, file: file };
    this.results.replaceChildren();
    this.progress.hidden = false;
    this.progress.removeAttribute("value");
    this.setStatus("working", this.t("batch.page.status.reading", { name: file.name }));
    this.worker.postMessage({ type: "check", id: this.current.id, file: file, lang: this.lang });
  };

  ListCheck.prototype.onMessage = function (message) {
    if (this.failed) return;
    if (message.type === "loading" || message.type === "stage") {
      this.runtimeWatch.heard(); // downloading, or the next step of starting Python
      return;
    }
    if (message.type === "ready") {
      this.runtimeWatch.stop();
      this.ready = true;
      this.setStatus("ready", this.t("batch.page.status.ready"));
      if (this.queued) this.run();
      return;
    }
    if (message.type === "failed") {
      this.fail();
      return;
    }
    if (!this.current || message.id !== this.current.id) return;
    var name = this.current.name;
    if (message.type === "status") {
      this.setStatus("working", this.t("batch.page.status.xlsx"));
    } else if (message.type === "progress") {
      if (typeof message.fraction === "number") this.progress.value = Math.min(1, message.fraction);
      this.setStatus("working", this.t("batch.page.status.progress", { name: name, rows: message.rows.toLocaleString(this.lang) }));
    } else if (message.type === "result") {
      this.progress.hidden = true;
      this.show(message.output, name);
      this.current = null;
    } else if (message.type === "error") {
      this.fail(); // a file the reader needs (the .xlsx reader) did not load: try again
    }
  };

  ListCheck.prototype.show = function (output, name) {
    this.root.dataset.lastMs = String(Math.round(output.ms || 0));
    if (output.error) {
      this.setStatus("error", output.error.message);
      this.results.replaceChildren(
        el("h2", { text: this.t("batch.page.error_heading") }),
        el("p", { class: "kpj-list-error", "data-code": output.error.code, text: output.error.message }),
      );
      this.results.focus();
      return;
    }
    var result = output.result;
    this.setStatus("done", this.t("batch.page.status.done", { name: name }));
    var parts = [el("h2", { id: "kpj-list-summary", text: this.t("batch.page.summary_heading") })];
    parts.push(this.summary(result));
    if (result.problems.length) {
      parts.push(this.actions(result));
      parts.push(this.table(result.problems, "batch.page.table_caption", "kpj-list-problems"));
    }
    if (result.warnings.length) {
      parts.push(this.table(result.warnings, "batch.page.warnings_caption", "kpj-list-warnings"));
    }
    this.results.replaceChildren.apply(this.results, parts);
    this.results.focus();
  };

  ListCheck.prototype.summary = function (result) {
    var self = this;
    var rowsWithProblems = {};
    var byKind = {};
    result.problems.forEach(function (p) {
      rowsWithProblems[p.row] = true;
      byKind[p.code] = (byKind[p.code] || 0) + 1;
    });
    var columns = Object.keys(result.columns).map(function (field) {
      return self.t("batch.report.field." + field) + " (" + result.columns[field] + ")";
    }).join(", ");
    var list = el("ul", { class: "kpj-list-summary" }, [
      el("li", { "data-summary": "rows", text: this.t("batch.page.summary.rows", { rows: result.rows }) }),
      el("li", { "data-summary": "problem_rows", text: this.t("batch.page.summary.problem_rows", { count: Object.keys(rowsWithProblems).length }) }),
      el("li", { text: this.t("batch.page.summary.columns", { columns: columns }) }),
    ]);
    if (!result.problems.length) {
      return el("div", {}, [list, el("p", { "data-summary": "clean", text: this.t("batch.page.summary.clean") })]);
    }
    var kinds = Object.keys(byKind).sort(function (a, b) { return byKind[b] - byKind[a]; });
    var kindList = el("ul", { class: "kpj-list-kinds" }, kinds.map(function (code) {
      return el("li", { "data-code": code, text: self.t("batch.code." + code) + ": " + byKind[code] });
    }));
    return el("div", {}, [list, el("h3", { text: this.t("batch.page.summary.by_kind") }), kindList]);
  };

  ListCheck.prototype.actions = function (result) {
    var self = this;
    if (this.downloadURL) URL.revokeObjectURL(this.downloadURL);
    var header = ["row", "field", "code", "message"].map(function (col) { return self.t("batch.page.col." + col); });
    var lines = [header.map(csvCell).join(",")];
    result.problems.concat(result.warnings).forEach(function (p) {
      lines.push([p.row, self.t("batch.report.field." + p.field), p.code, p.message].map(csvCell).join(","));
    });
    // A byte order mark so that Excel reads the CSV as UTF-8.
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    this.downloadURL = URL.createObjectURL(blob);
    var download = el("a", {
      class: "md-button md-button--primary",
      id: "kpj-list-download",
      href: this.downloadURL,
      download: this.t("batch.page.download_name"),
      text: this.t("batch.page.download"),
    });
    var print = el("button", { type: "button", class: "md-button", text: this.t("batch.page.print") });
    print.addEventListener("click", function () { window.print(); });
    return el("p", { class: "kpj-actions" }, [download, document.createTextNode(" "), print]);
  };

  ListCheck.prototype.table = function (entries, captionKey, id) {
    var self = this;
    var shown = entries.slice(0, TABLE_LIMIT);
    var caption = entries.length > shown.length
      ? this.t("batch.page.table_caption_cut", { shown: shown.length, count: entries.length })
      : this.t(captionKey, { count: entries.length });
    var head = el("tr", {}, ["row", "field", "message"].map(function (col) {
      return el("th", { scope: "col", text: self.t("batch.page.col." + col) });
    }));
    var body = el("tbody", {}, shown.map(function (p) {
      return el("tr", { "data-code": p.code, "data-field": p.field }, [
        el("th", { scope: "row", text: String(p.row) }),
        el("td", { text: self.t("batch.report.field." + p.field) }),
        el("td", { text: p.message }),
      ]);
    }));
    var table = el("table", { id: id, class: "kpj-list-table" }, [
      el("caption", { text: caption }), el("thead", {}, [head]), body,
    ]);
    return el("div", { class: "kpj-table-wrap", tabindex: "0", role: "region", "aria-label": caption }, [table]);
  };

  function init() {
    var root = document.querySelector(".kpj-list");
    if (!root || root.dataset.started) return;
    if (!(typeof WebAssembly === "object" && typeof Worker === "function" && root.dataset.runtime)) return;
    root.dataset.started = "true";
    new ListCheck(root).start();
  }

  // Material's document$ fires once the page is ready; this script runs before Material's bundle.
  function whenPageReady() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else init();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenPageReady);
  else whenPageReady();
})();
