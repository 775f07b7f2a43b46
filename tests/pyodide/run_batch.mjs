// Run the list check on sample files inside Pyodide, booted the way the list page's worker
// boots it, and print the results as JSON.
//
//   node tests/pyodide/run_batch.mjs <bundle-dir> <samples.json>
//
// samples.json: {"name": "<base64 bytes>"}. The checker boots with the trimmed stdlib and
// only the checker package, then adds batch_stdlib.zip to sys.path and loads the .xlsx
// reader's packages, as employee-list-worker.js does.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const [bundleArg, samplesArg, optionalArg] = process.argv.slice(2);
const bundle = resolve(bundleArg);
const log = (...args) => console.error(...args);
console.log = log;

async function main() {
  const samples = JSON.parse(readFileSync(samplesArg, "utf8"));
  const optional = JSON.parse(optionalArg);
  const lock = JSON.parse(readFileSync(join(bundle, "pyodide-lock.json"), "utf8"));
  const { loadPyodide } = await import(pathToFileURL(join(bundle, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: bundle + "/",
    lockFileURL: join(bundle, "pyodide-lock.json"),
    stdLibURL: join(bundle, "python_stdlib.zip"),
    packages: Object.keys(lock.packages).filter((name) => !optional.includes(name)),
    stdout: log,
    stderr: log,
  });
  pyodide.FS.writeFile("/lib/batch_stdlib.zip", readFileSync(join(bundle, "batch_stdlib.zip")));
  const worker = readFileSync(join(here, "..", "..", "docs", "assets", "cek-kpj", "employee-list-worker.js"), "utf8");
  const addZip = worker.split("const ADD_STDLIB_ZIP = `")[1].split("`;")[0];
  pyodide.runPython(addZip.replaceAll("ZIP", JSON.stringify("/lib/batch_stdlib.zip")));
  const unpack = worker.split("const UNPACK_BATCH = `")[1].split("`;")[0];
  pyodide.FS.writeFile("/tmp/batch.zip", readFileSync(join(bundle, "kpj_checker_batch.zip")));
  pyodide.runPython(unpack.replaceAll("ARCHIVE", JSON.stringify("/tmp/batch.zip")));
  await pyodide.loadPackage(optional, { messageCallback: () => {} });
  // Region names, handed over the way the page's worker does.
  const regions = pyodide.pyimport("kpj_checker.regions");
  regions.use_data(readFileSync(join(bundle, "regions.json"), "utf8"));
  regions.destroy();
  const check = pyodide.runPython(`
import json
from kpj_checker.batch.worker import check_path
lambda path, lang: json.dumps(check_path(path, lang), ensure_ascii=False, sort_keys=True)
`);
  const results = {};
  let ms = 0;
  for (const [name, b64] of Object.entries(samples)) {
    const path = "/tmp/" + name;
    pyodide.FS.writeFile(path, Buffer.from(b64, "base64"));
    for (const lang of ["id", "en"]) {
      const t = performance.now();
      results[`${name}/${lang}`] = JSON.parse(check(path, lang));
      ms += performance.now() - t;
    }
    pyodide.FS.unlink(path);
  }
  return { results, ms: Math.round(ms) };
}

main().then(
  (out) => process.stdout.write(JSON.stringify(out) + "\n"),
  (e) => {
    console.error(`run_batch.mjs: ${e?.message ?? e}`.slice(0, 5000));
    process.exit(1);
  },
);
