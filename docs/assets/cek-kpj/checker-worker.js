// Cek KPJ: runs kpj_checker inside Pyodide, off the page's main thread.
// Receives what the person typed, returns the diagnosis. Logs nothing, stores nothing
// personal, sends nothing anywhere: every file it loads comes from this site.
//
// Every runtime file is checked (size and SHA-256, recorded by the build) before it is
// used or kept (checked-files.js, shared with the employee-list page's worker). A boot that
// hangs fails within a minute instead of leaving the page waiting.
//
// The standard library arrives as small .py sources (cheap on mobile data). After the
// first boot the worker compiles it once and keeps the compiled copy in the runtime
// cache, so later visits boot faster. Only site code is cached.

import {
  RUNTIME_CACHE,
  downloadAll,
  download,
  hex,
  openCache,
  parseChecks,
  serveToPyodide,
  stopServing,
  withTimeout,
} from "./checked-files.js";

const SOURCE_HEADER = "X-Cek-Kpj-Source"; // on the compiled stdlib: the source stdlib's hash
const SOURCE_STDLIB = "python_stdlib.zip";
const COMPILED_STDLIB = "python_stdlib.compiled.zip";
// Pyodide's memory right after kpj_checker is imported (before anything is checked, so it
// holds nothing a person typed), gzip-compressed; made on a later visit, never downloaded.
const SNAPSHOT = "pyodide.snapshot.gz";
const COMPILED_HEADER = "X-Cek-Kpj-Compiled"; // the compiled stdlib's own hash (a snapshot needs that very file)
// A boot that errors fails at once (a wasm that will not compile included, which Pyodide itself
// would only log); this is the last resort for a boot that hangs silently. It is long because a
// cheap, busy phone may really take a while to start Python.
const BOOT_MS = 60000;

// Python: a copy of the mounted standard library zip with every module byte-compiled, plus
// the installed kpj_checker package (already compiled), so a later boot needs no install.
const COMPILE_STDLIB = `
def _compile_stdlib():
    import importlib.util, io, os, sys, zipfile
    from importlib._bootstrap_external import _code_to_hash_pyc
    import kpj_checker
    source = next(p for p in sys.path if p.endswith(".zip"))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".py"):
                code = compile(data, info.filename, "exec", dont_inherit=True)
                pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), False)
                dst.writestr(info.filename + "c", pyc)
            else:
                dst.writestr(info, data)
        package = os.path.dirname(kpj_checker.__file__)
        for folder, _, names in sorted(os.walk(package)):
            for name in sorted(names):
                if "__pycache__" not in folder:
                    path = os.path.join(folder, name)
                    dst.write(path, os.path.relpath(path, os.path.dirname(package)))
    return out.getvalue()
_compile_stdlib
`;

let pyodide = null;
let diagnoseJson = null;
let runtime = null; // { url, regionsFile, files } from the boot message

// The region names (a few tens of KB) are not in the checker's wheel: they are fetched
// only once a NIK is typed, then kept in the runtime cache for offline use. Every visitor
// fetches the same file, so the request says nothing about the NIK.
let regionsText = null; // a promise of the file's text
let regionsGiven = false;

function fetchRegions() {
  if (!regionsText && runtime && runtime.regionsFile) {
    const name = runtime.regionsFile;
    regionsText = (async () => {
      // Checked like every runtime file, and kept only when it matches.
      const options = { cache: await openCache(), attempt: 0, onBytes: () => {} };
      const got = await download(new URL(name, runtime.url).href, name, runtime.files[name], options);
      return got.respond().text();
    })();
    regionsText.catch(() => { regionsText = null; }); // try again next time
  }
  return regionsText;
}

async function giveRegionsIfNeeded(inputs) {
  if (regionsGiven || !runtime.regionsFile || !String(inputs.nik || "").trim()) return;
  const text = await fetchRegions();
  const regions = pyodide.pyimport("kpj_checker.regions");
  regions.use_data(text);
  regions.destroy();
  regionsGiven = true;
}

// The compiled stdlib from an earlier visit, if it was made from this very source stdlib.
async function compiledStdlib(cache, source) {
  if (!cache || !source) return null;
  const url = new URL(COMPILED_STDLIB, self.runtimeURL).href;
  const hit = await cache.match(url, { ignoreVary: true });
  if (hit && hit.headers.get(SOURCE_HEADER) === source.sha256) return hit;
  if (hit) await cache.delete(url, { ignoreVary: true });
  return null;
}

async function keepCompiledStdlib(runtimeURL, source) {
  try {
    const bytes = pyodide.runPython(COMPILE_STDLIB)().toJs();
    const own = hex(await crypto.subtle.digest("SHA-256", bytes));
    const cache = await caches.open(RUNTIME_CACHE);
    const headers = { "Content-Type": "application/zip", [SOURCE_HEADER]: source.sha256, [COMPILED_HEADER]: own };
    await cache.put(new URL(COMPILED_STDLIB, runtimeURL).href, new Response(bytes, { headers }));
  } catch (error) {
    /* a faster next boot is a bonus */
  }
}

// The memory snapshot made with this compiled stdlib, if any: a promise of its bytes, so
// that unpacking it overlaps loading Pyodide's scripts (loadPyodide awaits it when needed).
async function cachedSnapshot(cache, compiled, runtimeURL) {
  const tag = compiled && compiled.headers.get(COMPILED_HEADER);
  if (!cache || !tag || !self.DecompressionStream) return null;
  const url = new URL(SNAPSHOT, runtimeURL).href;
  const hit = await cache.match(url, { ignoreVary: true });
  if (hit && hit.headers.get(SOURCE_HEADER) === tag) {
    const unpacked = new Response(hit.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    return unpacked.then((bytes) => {
      snapshotMs = performance.now() - snapshotStart;
      return new Uint8Array(bytes);
    });
  }
  if (hit) await cache.delete(url, { ignoreVary: true });
  return null;
}
let snapshotStart = 0;
let snapshotMs = 0;

async function keepSnapshot(bytes, tag, runtimeURL) {
  try {
    const body = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
    const cache = await caches.open(RUNTIME_CACHE);
    const headers = { "Content-Type": "application/gzip", [SOURCE_HEADER]: tag };
    await cache.put(new URL(SNAPSHOT, runtimeURL).href, new Response(body, { headers }));
  } catch (error) {
    /* a faster next boot is a bonus */
  }
}

// Pyodide only logs a wasm that fails to compile and then waits forever: fail the boot
// instead. Also times the compile and instantiation, for the benchmark.
let wasmMs = 0;
let failBoot = () => {};
const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const t0 = performance.now();
  try {
    return await instantiateStreaming(source, imports);
  } catch (error) {
    failBoot(error);
    throw error;
  } finally {
    wasmMs += performance.now() - t0;
  }
};

async function boot({ runtimeURL, lockFile, packages, checks, attempt, regionsFile, eager }) {
  const start = performance.now();
  self.runtimeURL = runtimeURL;
  const files = parseChecks(checks);
  runtime = { url: runtimeURL, regionsFile: regionsFile || "", files };
  const url = (name) => new URL(name, runtimeURL).href;
  const cache = await openCache();
  const compiled = await compiledStdlib(cache, files[SOURCE_STDLIB]);
  snapshotStart = performance.now();
  const snapshot = await cachedSnapshot(cache, compiled, runtimeURL).catch(() => null);
  // With the compiled copy, kpj_checker is already in the stdlib: no wheel to install.
  // Only the checker's own files (the page's data-files): the region names come later, once
  // a NIK is typed (fetchRegions); the employee-list page's extra files never.
  const wanted = new Set(eager && eager.length ? eager : Object.keys(files));
  const names = Object.keys(files).filter(
    (name) =>
      wanted.has(name) &&
      name !== runtime.regionsFile &&
      !(compiled && (name === SOURCE_STDLIB || name.endsWith(".whl"))),
  );
  const onProgress = (loaded, total) => self.postMessage({ type: "progress", loaded, total });
  const got = await downloadAll(names, { runtimeURL, files, cache, attempt, onProgress });
  names.forEach((name, i) => serveToPyodide(url(name), got[i].respond));
  if (compiled) serveToPyodide(url(COMPILED_STDLIB), () => compiled);
  self.postMessage({ type: "stage", stage: "booting" });
  const fetched = performance.now();
  const bootFailed = new Promise((_, reject) => {
    failBoot = reject;
  });
  bootFailed.catch(() => {}); // settles the race below, or never matters
  const { loadPyodide } = await withTimeout(import(url("pyodide.mjs")), BOOT_MS);
  const imported = performance.now();
  self.postMessage({ type: "stage", stage: "starting" });
  const makeSnapshot = Boolean(compiled && !snapshot && self.CompressionStream);
  const options = {
    indexURL: runtimeURL,
    lockFileURL: url(lockFile),
    stdLibURL: url(compiled ? COMPILED_STDLIB : SOURCE_STDLIB),
    stdout: () => {},
    stderr: () => {},
    ...(snapshot ? { _loadSnapshot: snapshot } : {}),
    ...(makeSnapshot ? { _makeSnapshot: true } : {}),
  };
  pyodide = await withTimeout(Promise.race([bootFailed, loadPyodide(options)]), BOOT_MS);
  const booted = performance.now();
  self.postMessage({ type: "stage", stage: "installing" });
  if (!compiled) await withTimeout(pyodide.loadPackage(packages, { messageCallback: () => {} }), BOOT_MS);
  const installed = performance.now();
  self.postMessage({ type: "stage", stage: "importing" });
  pyodide.runPython("import json\nfrom kpj_checker import diagnose");
  // The snapshot is taken now, before any diagnosis: it can hold nothing a person typed.
  const snapshotBytes = makeSnapshot ? pyodide.makeMemorySnapshot() : null;
  diagnoseJson = pyodide.runPython(
    "lambda text: json.dumps(diagnose(json.loads(text)), ensure_ascii=False)",
  );
  stopServing();
  if (!compiled && cache) setTimeout(() => keepCompiledStdlib(runtimeURL, files[SOURCE_STDLIB]), 1500);
  if (snapshotBytes) setTimeout(() => keepSnapshot(snapshotBytes, compiled.headers.get(COMPILED_HEADER), runtimeURL), 1500);
  // How long each step took, for the benchmark (no personal data).
  return {
    stdlib: compiled ? "compiled" : "source",
    snapshot: snapshot ? "restored" : makeSnapshot ? "made" : "none",
    snapshotRead: snapshotMs, // overlaps the steps below
    downloaded: got.filter((item) => !item.cached).length,
    fetch: fetched - start,
    import: imported - fetched,
    wasm: wasmMs,
    load: booted - imported,
    install: installed - booted,
    prepare: performance.now() - installed,
  };
}

// A failed boot with the compiled stdlib or a snapshot: drop them, so the next try uses the source.
async function forgetCompiledStdlib(runtimeURL) {
  const cache = await openCache();
  if (!cache) return false;
  const snapshot = await cache.delete(new URL(SNAPSHOT, runtimeURL).href, { ignoreVary: true });
  const compiled = await cache.delete(new URL(COMPILED_STDLIB, runtimeURL).href, { ignoreVary: true });
  return snapshot || compiled;
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    try {
      const timings = await boot(message);
      self.postMessage({ type: "ready", timings });
    } catch (error) {
      const forgot = await forgetCompiledStdlib(message.runtimeURL).catch(() => false);
      self.postMessage({ type: "failed", retryNow: forgot, error: String(error && error.message ? error.message : error) });
    }
  } else if (message.type === "regions") {
    const pending = fetchRegions(); // a NIK is being typed: fetch while the person types
    if (pending) pending.catch(() => {});
  } else if (message.type === "diagnose") {
    try {
      await giveRegionsIfNeeded(message.inputs);
      const result = JSON.parse(diagnoseJson(JSON.stringify(message.inputs)));
      self.postMessage({ type: "result", id: message.id, result });
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, error: String(error) });
    }
  }
};
