// Cek KPJ: checks an employee list with kpj_checker.batch inside Pyodide, off the main thread.
// The chosen file arrives from the page, is written to Pyodide's in-memory file system,
// checked, and deleted. Nothing is logged, stored or sent anywhere: every file this worker
// loads comes from this site (the runtime, the .xlsx reader, a few more stdlib modules).

let pyodide = null;
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

async function boot(message) {
  config = message;
  const runtime = new URL(message.runtimeURL);
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  pyodide = await loadPyodide({
    indexURL: runtime.href,
    lockFileURL: new URL(message.lockFile, runtime).href,
    stdLibURL: new URL("python_stdlib.zip", runtime).href,
    packages: message.packages,
    stdout: () => {},
    stderr: () => {},
  });
  // The list check's extra standard-library modules (csv, zipfile, xml...), as a zip on sys.path.
  const extra = await fetch(new URL(message.batchStdlib, runtime).href);
  if (!extra.ok) throw new Error("batch stdlib: " + extra.status);
  pyodide.FS.writeFile("/lib/batch_stdlib.zip", new Uint8Array(await extra.arrayBuffer()));
  pyodide.runPython(ADD_STDLIB_ZIP.replaceAll("ZIP", JSON.stringify("/lib/batch_stdlib.zip")));
  // The list check itself (kpj_checker.batch): not in the checker's wheel, so the checker
  // page never downloads it. Unpacked beside the installed kpj_checker.
  const archive = await fetch(new URL(message.batchArchive, runtime).href);
  if (!archive.ok) throw new Error("batch archive: " + archive.status);
  pyodide.FS.writeFile("/tmp/kpj_checker_batch.zip", new Uint8Array(await archive.arrayBuffer()));
  pyodide.runPython(UNPACK_BATCH.replaceAll("ARCHIVE", JSON.stringify("/tmp/kpj_checker_batch.zip")));
  pyodide.FS.unlink("/tmp/kpj_checker_batch.zip");
  // Region names for the NIK's region warning (a list has NIKs, so the page loads them now).
  if (message.regionsFile) {
    const regionsResponse = await fetch(new URL(message.regionsFile, runtime).href);
    if (!regionsResponse.ok) throw new Error("regions: " + regionsResponse.status);
    const regions = pyodide.pyimport("kpj_checker.regions");
    regions.use_data(await regionsResponse.text());
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
    await pyodide.loadPackage(config.xlsxPackages, { messageCallback: () => {}, errorCallback: () => {} });
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
