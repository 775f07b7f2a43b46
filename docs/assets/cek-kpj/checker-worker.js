// Cek KPJ: runs kpj_checker inside Pyodide, off the page's main thread.
// Receives what the person typed, returns the diagnosis. Logs nothing, stores nothing
// personal, sends nothing anywhere: every file it loads comes from this site.
//
// The standard library arrives as small .py sources (cheap on mobile data). After the
// first boot the worker compiles it once and keeps the compiled copy in the service
// worker's runtime cache, so later visits boot faster. Only site code is cached.

const RUNTIME_CACHE = "cek-kpj-runtime";
const SOURCE_STDLIB = "python_stdlib.zip";
const COMPILED_STDLIB = "python_stdlib.compiled.zip";

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
let runtime = null; // { url, regionsFile } from the boot message

// The region names (a few tens of KB) are not in the checker's wheel: they are fetched
// only once a NIK is typed, then kept in the runtime cache for offline use. Every visitor
// fetches the same file, so the request says nothing about the NIK.
let regionsText = null; // a promise of the file's text
let regionsGiven = false;

function fetchRegions() {
  if (!regionsText && runtime && runtime.regionsFile) {
    const url = new URL(runtime.regionsFile, runtime.url).href;
    regionsText = (async () => {
      const cache = self.caches ? await caches.open(RUNTIME_CACHE).catch(() => null) : null;
      const hit = cache ? await cache.match(url, { ignoreVary: true }) : null;
      if (hit) return hit.text();
      const response = await fetch(url);
      if (!response.ok) throw new Error(`region data: HTTP ${response.status}`);
      if (cache) await cache.put(url, response.clone()).catch(() => {});
      return response.text();
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

async function cachedCompiledStdlib(runtimeURL) {
  // The compiled copy from an earlier visit, when the service worker can serve it.
  const url = new URL(COMPILED_STDLIB, runtimeURL).href;
  try {
    const cache = await caches.open(RUNTIME_CACHE);
    if (!(await cache.match(url, { ignoreVary: true }))) return null;
    const response = await fetch(url);
    return response.ok ? url : null;
  } catch (error) {
    return null;
  }
}

async function keepCompiledStdlib(runtimeURL) {
  try {
    const bytes = pyodide.runPython(COMPILE_STDLIB)().toJs();
    const cache = await caches.open(RUNTIME_CACHE);
    await cache.put(
      new URL(COMPILED_STDLIB, runtimeURL).href,
      new Response(bytes, { headers: { "Content-Type": "application/zip" } }),
    );
  } catch (error) {
    /* a faster next boot is a bonus */
  }
}

async function boot({ runtimeURL, lockFile, packages, regionsFile }) {
  const start = performance.now();
  runtime = { url: runtimeURL, regionsFile: regionsFile || "" };
  const compiled = self.caches ? await cachedCompiledStdlib(runtimeURL) : null;
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeURL).href);
  const imported = performance.now();
  pyodide = await loadPyodide({
    indexURL: runtimeURL,
    lockFileURL: new URL(lockFile, runtimeURL).href,
    stdLibURL: compiled || new URL(SOURCE_STDLIB, runtimeURL).href,
    packages: compiled ? [] : packages, // the compiled copy already holds kpj_checker
    stdout: () => {},
    stderr: () => {},
  });
  const loaded = performance.now();
  diagnoseJson = pyodide.runPython(
    "import json\nfrom kpj_checker import diagnose\n" +
      "lambda text: json.dumps(diagnose(json.loads(text)), ensure_ascii=False)",
  );
  if (!compiled && self.caches) setTimeout(() => keepCompiledStdlib(runtimeURL), 1500);
  // How long each step took, for the benchmark (no personal data).
  return {
    stdlib: compiled ? "compiled" : "source",
    import: imported - start,
    load: loaded - imported,
    prepare: performance.now() - loaded,
  };
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    try {
      const timings = await boot(message);
      self.postMessage({ type: "ready", timings });
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error && error.message ? error.message : error) });
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
