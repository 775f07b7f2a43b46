// Run every checker test case in Pyodide, from a built bundle, and print the results as JSON.
//
//   node tests/pyodide/run_cases.mjs <bundle-dir> [cases.json]
//
// The bundle dir is what build_scripts/pyodide_bundle.py writes: pyodide.mjs, the runtime,
// pyodide-lock.json (only the checker wheel), the trimmed python_stdlib.zip and regions.json
// (the region names, outside the wheel: handed over the way the page's worker does). The Python
// side is case_runner.py (shared with the CPython half of the test). Only the result JSON
// goes to stdout; Pyodide's own messages go to stderr.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [bundleArg, casesArg] = process.argv.slice(2);
if (!bundleArg) {
  console.error("usage: node run_cases.mjs <bundle-dir> [cases.json]");
  process.exit(2);
}
const bundle = resolve(bundleArg);
const casesPath = resolve(casesArg ?? join(here, "..", "checker", "cases.json"));
const log = (...args) => console.error(...args);
console.log = log; // keep stdout for the result only

async function main() {
  const lock = JSON.parse(readFileSync(join(bundle, "pyodide-lock.json"), "utf8"));
  const { loadPyodide } = await import(pathToFileURL(join(bundle, "pyodide.mjs")).href);
  const t0 = performance.now();
  const pyodide = await loadPyodide({
    indexURL: bundle + "/",
    lockFileURL: join(bundle, "pyodide-lock.json"),
    stdLibURL: join(bundle, "python_stdlib.zip"),
    packages: Object.keys(lock.packages),
    stdout: log,
    stderr: log,
  });
  const bootMs = performance.now() - t0;
  const regions = join(bundle, "regions.json");
  if (existsSync(regions)) {
    const module = pyodide.pyimport("kpj_checker.regions");
    module.use_data(readFileSync(regions, "utf8"));
    module.destroy();
  }

  pyodide.runPython(readFileSync(join(here, "case_runner.py"), "utf8"));
  const runAll = pyodide.globals.get("run_all");
  const t1 = performance.now();
  const out = JSON.parse(runAll(readFileSync(casesPath, "utf8")));
  const runMs = performance.now() - t1;
  runAll.destroy();
  out.pyodide = pyodide.version;
  out.python = pyodide.runPython("import sys; '.'.join(map(str, sys.version_info[:3]))");
  out.boot_ms = Math.round(bootMs);
  out.run_ms = Math.round(runMs);
  return out;
}

main().then(
  (out) => process.stdout.write(JSON.stringify(out) + "\n"),
  (e) => {
    // Pyodide's errors carry the Python traceback in .message; the stack is minified noise.
    console.error(`run_cases.mjs: ${e?.message ?? e}`.slice(0, 5000));
    process.exit(1);
  },
);
