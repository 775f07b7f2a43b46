// Cek KPJ: runs kpj_checker inside Pyodide, off the page's main thread.
// Receives what the person typed, returns the diagnosis. Logs nothing, stores nothing,
// sends nothing anywhere: every file it loads comes from this site.

let diagnoseJson = null;

async function boot({ runtimeURL, lockFile, packages }) {
  const start = performance.now();
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeURL).href);
  const imported = performance.now();
  const pyodide = await loadPyodide({
    indexURL: runtimeURL,
    lockFileURL: new URL(lockFile, runtimeURL).href,
    stdLibURL: new URL("python_stdlib.zip", runtimeURL).href,
    packages,
    stdout: () => {},
    stderr: () => {},
  });
  const loaded = performance.now();
  diagnoseJson = pyodide.runPython(
    "import json\nfrom kpj_checker import diagnose\n" +
      "lambda text: json.dumps(diagnose(json.loads(text)), ensure_ascii=False)",
  );
  // How long each step took, for the benchmark (no personal data).
  return { import: imported - start, load: loaded - imported, prepare: performance.now() - loaded };
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
  } else if (message.type === "diagnose") {
    try {
      const result = JSON.parse(diagnoseJson(JSON.stringify(message.inputs)));
      self.postMessage({ type: "result", id: message.id, result });
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, error: String(error) });
    }
  }
};
