// Cek KPJ: checks an employee list with kpj_checker.batch inside Pyodide, off the main thread.
// The chosen file arrives from the page, is written to Pyodide's in-memory file system,
// checked, and deleted. Nothing is logged, stored or sent anywhere: every file this worker
// loads comes from this site (the runtime, the .xlsx reader, a few more stdlib modules), and
// is checked against the build's record before it is used or kept for offline use
// (checked-files.js, shared with the checker's worker).

import { downloadAll, openCache, parseChecks, serveToPyodide, stopServing, withTimeout } from "./checked-files.js";

// The page gives up after 20 s without a word; this ends a step that hangs in the worker too.
const BOOT_MS = 60000;
let pyodide = null;
let loading = null; // { runtimeURL, files, cache, attempt }: where checked files come from
let checkPath = null;
let sizeError = null;
let config = null;
let xlsxLoaded = false;
const LIST_PATH = "/tmp/employee-list";
// Python: unpack kpj_checker.batch beside kpj_checker (the bundle's trace runs the same code).
const UNPACK_BATCH = `
import importlib, os, zipfile
import kpj_checker
with zipfile.ZipFile(ARCHIVE) as _archive:
    _archive.extractall(os.path.dirname(os.path.dirname(kpj_checker.__file__)))
importlib.invalidate_caches()
`;
// Python: put a second stdlib zip on sys.path (the same code runs in the bundle's tests).
const ADD_STDLIB_ZIP = `
import sys
sys.path.append(ZIP)
# Packages already loaded from the main stdlib zip (such as encodings) find their
# modules in this zip too.
for _name, _module in list(sys.modules.items()):
    _paths = list(getattr(_module, "__path__", None) or [])
    if "." not in _name and any(".zip" in p and p.startswith("/lib/") for p in _paths):
        _module.__path__.append(ZIP + "/" + _name)
`;

// "a b c" (a page attribute) -> ["a", "b", "c"]
function names(text) {
  return (text || "").split(" ").filter(Boolean);
}

async function boot(message) {
  config = message;
  const runtimeURL = new URL(message.runtimeURL).href;
  const url = (name) => new URL(name, runtimeURL).href;
  const files = parseChecks(message.checks);
  const cache = await openCache();
  loading = { runtimeURL, files, cache, attempt: message.attempt || 0 };
  // The checker's runtime (shared with the checker page, so often already kept) and the list
  // check's own files, all checked; nothing is used or kept offline unless it matches.
  const extra = [message.batchStdlib, message.batchArchive, message.regionsFile].filter(Boolean);
  const wanted = [...names(message.files), ...extra];
  const onProgress = (loaded, total) => self.postMessage({ type: "loading", loaded, total });
  const got = await downloadAll(wanted, { ...loading, onProgress });
  const checked = new Map(wanted.map((name, i) => [name, got[i]]));
  const bytesOf = async (name) => new Uint8Array(await checked.get(name).respond().arrayBuffer());
  for (const name of names(message.files)) serveToPyodide(url(name), checked.get(name).respond);
  self.postMessage({ type: "stage", stage: "booting" });
  const { loadPyodide } = await withTimeout(import(url("pyodide.mjs")), BOOT_MS);
  self.postMessage({ type: "stage", stage: "starting" }); // each step speaks: the page's watchdog
  pyodide = await withTimeout(
    loadPyodide({
      indexURL: runtimeURL,
      lockFileURL: url(message.lockFile),
      stdLibURL: url("python_stdlib.zip"),
      packages: message.packages,
      stdout: () => {},
      stderr: () => {},
    }),
    BOOT_MS,
  );
  stopServing();
  self.postMessage({ type: "stage", stage: "installing" });
  // The list check's extra standard-library modules (csv, zipfile, xml...), as a zip on sys.path.
  pyodide.FS.writeFile("/lib/batch_stdlib.zip", await bytesOf(message.batchStdlib));
  pyodide.runPython(ADD_STDLIB_ZIP.replaceAll("ZIP", JSON.stringify("/lib/batch_stdlib.zip")));
  // The list check itself (kpj_checker.batch): not in the checker's wheel, so the checker
  // page never downloads it. Unpacked beside the installed kpj_checker.
  pyodide.FS.writeFile("/tmp/kpj_checker_batch.zip", await bytesOf(message.batchArchive));
  pyodide.runPython(UNPACK_BATCH.replaceAll("ARCHIVE", JSON.stringify("/tmp/kpj_checker_batch.zip")));
  pyodide.FS.unlink("/tmp/kpj_checker_batch.zip");
  // Region names for the NIK's region warning (a list has NIKs, so the page loads them now).
  if (message.regionsFile) {
    const regions = pyodide.pyimport("kpj_checker.regions");
    regions.use_data(await checked.get(message.regionsFile).respond().text());
    regions.destroy();
  }
  const worker = pyodide.pyimport("kpj_checker.batch.worker");
  const json = pyodide.pyimport("json");
  checkPath = (path, lang, progress) => {
    const result = worker.check_path(path, lang, null, progress);
    try {
      return JSON.parse(json.dumps(result));
    } finally {
      result.destroy();
    }
  };
  sizeError = (size, lang) => {
    const result = worker.size_error(size, lang);
    if (result === undefined || result === null) return null;
    try {
      return JSON.parse(json.dumps(result));
    } finally {
      result.destroy();
    }
  };
}

function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function check({ file, lang, id }) {
  const tooLarge = sizeError(file.size, lang);
  if (tooLarge) return tooLarge;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes) && !xlsxLoaded) {
    self.postMessage({ type: "status", id, status: "xlsx" });
    // The .xlsx reader's wheels, checked like the runtime (and then kept for offline use).
    const wheels = names(config.xlsxFiles);
    const got = await downloadAll(wheels, { ...loading, onProgress: () => {} });
    wheels.forEach((name, i) => serveToPyodide(new URL(name, loading.runtimeURL).href, got[i].respond));
    try {
      await pyodide.loadPackage(config.xlsxPackages, { messageCallback: () => {}, errorCallback: () => {} });
    } finally {
      stopServing();
    }
    xlsxLoaded = true;
  }
  pyodide.FS.writeFile(LIST_PATH, bytes);
  const started = performance.now();
  try {
    const progress = (rows, fraction) => self.postMessage({ type: "progress", id, rows, fraction });
    const output = checkPath(LIST_PATH, lang, progress);
    output.ms = performance.now() - started;
    return output;
  } finally {
    pyodide.FS.unlink(LIST_PATH);
  }
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    try {
      await boot(message);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error && error.message ? error.message : error) });
    }
  } else if (message.type === "check") {
    try {
      const output = await check(message);
      self.postMessage({ type: "result", id: message.id, output });
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, error: String(error && error.message ? error.message : error) });
    }
  }
};
