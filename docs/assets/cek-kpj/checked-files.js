// Cek KPJ: runtime files, checked before they are used or kept. Shared by the checker's
// worker (checker-worker.js) and the employee-list page's worker (employee-list-worker.js).
//
// Every runtime file is checked (size and SHA-256, recorded by the build in the page's
// data-checks) before it is used or kept: a Wi-Fi sign-in page answering for
// `pyodide.asm.wasm` is a failed download, never cached, and retried on the next try. Only
// checked files go into the runtime cache, marked with the hash they were checked against;
// the service worker (build_scripts/sw_runtime.js) serves only marked entries and deletes
// the others. A download that stalls fails within seconds instead of leaving the page waiting.

export const RUNTIME_CACHE = "cek-kpj-runtime";
export const CHECK_HEADER = "X-Cek-Kpj-Sha256"; // on a cached runtime file: the hash it was checked against
const STALL_MS = 10000; // no byte for this long: the download has stalled
const PROGRESS_MS = 250;
const TYPES = { wasm: "application/wasm", zip: "application/zip", whl: "application/zip", json: "application/json", js: "text/javascript", mjs: "text/javascript" };

// The network's fetch, before serveToPyodide() puts the checked copies in front of it.
const realFetch = self.fetch.bind(self);
const served = new Map(); // URL -> () => Response: checked files handed to Pyodide's fetch

export class RuntimeFileError extends Error {}

function typeOf(name) {
  return TYPES[name.split(".").pop()] || "application/octet-stream";
}

export function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function openCache() {
  try {
    return self.caches ? await caches.open(RUNTIME_CACHE) : null;
  } catch (error) {
    return null; // storage blocked: work without an offline copy
  }
}

// "name:size:sha256 ..." (the page's data-checks) -> {name: {size, sha256}}
export function parseChecks(text) {
  const files = {};
  for (const item of (text || "").split(" ").filter(Boolean)) {
    const [name, size, sha256] = item.split(":");
    files[name] = { size: Number(size), sha256 };
  }
  return files;
}

export function withTimeout(promise, ms, onTimeout) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      if (onTimeout) onTimeout();
      reject(new RuntimeFileError("timed out"));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The whole body, aborting when no byte arrives for STALL_MS.
async function readBody(response, controller, onBytes) {
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const step = await withTimeout(reader.read(), STALL_MS, () => controller.abort());
    if (step.done) break;
    chunks.push(step.value);
    size += step.value.length;
    onBytes(step.value.length);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

async function matches(bytes, check) {
  return bytes.length === check.size && hex(await crypto.subtle.digest("SHA-256", bytes)) === check.sha256;
}

// One runtime file, checked: from the runtime cache when it was checked before, else from
// the network (kept in the cache only when it matches). Returns { respond, cached }, where
// respond() makes a fresh Response of the checked bytes.
export async function download(url, name, check, { cache, attempt, onBytes }) {
  if (!check) throw new RuntimeFileError(`${name}: no check recorded`);
  if (cache) {
    const hit = await cache.match(url, { ignoreVary: true });
    if (hit && hit.headers.get(CHECK_HEADER) === check.sha256) return { respond: () => hit.clone(), cached: true };
    if (hit) await cache.delete(url, { ignoreVary: true }); // unchecked or wrong: never served again
  }
  for (let tries = 0; ; tries++) {
    const controller = new AbortController();
    const reload = attempt > 0 || tries > 0; // past the HTTP cache, which may hold a bad copy
    const response = await withTimeout(
      realFetch(url, { signal: controller.signal, cache: reload ? "reload" : "default" }),
      STALL_MS,
      () => controller.abort(),
    );
    if (!response.ok) throw new RuntimeFileError(`${name}: HTTP ${response.status}`);
    const bytes = await readBody(response, controller, onBytes);
    if (await matches(bytes, check)) {
      const headers = { "Content-Type": typeOf(name), [CHECK_HEADER]: check.sha256 };
      if (cache) cache.put(url, new Response(bytes, { headers })).catch(() => {}); // offline copy
      return { respond: () => new Response(bytes, { headers }), cached: false };
    }
    if (tries > 0) throw new RuntimeFileError(`${name}: not the file the site built`);
  }
}

// Several runtime files of one folder, checked, downloaded side by side. onProgress(loaded,
// total) is called at most every PROGRESS_MS while bytes arrive, and once at the end.
export async function downloadAll(names, { runtimeURL, files, cache, attempt, onProgress }) {
  const missing = names.filter((name) => !files[name]);
  if (missing.length) throw new RuntimeFileError(`${missing.join(", ")}: no check recorded`);
  const total = names.reduce((sum, name) => sum + files[name].size, 0);
  let loaded = 0;
  let reported = 0;
  const onBytes = (n) => {
    loaded += n;
    if (performance.now() - reported > PROGRESS_MS) {
      reported = performance.now();
      onProgress(loaded, total);
    }
  };
  const options = { cache, attempt, onBytes };
  const got = await Promise.all(names.map((name) => download(new URL(name, runtimeURL).href, name, files[name], options)));
  onProgress(total, total);
  return got;
}

// The bytes of one checked runtime file (a zip to unpack, a JSON file to read).
export async function checkedBytes(name, { runtimeURL, files, cache, attempt }) {
  const options = { cache, attempt, onBytes: () => {} };
  const got = await download(new URL(name, runtimeURL).href, name, files[name], options);
  return new Uint8Array(await got.respond().arrayBuffer());
}

// Pyodide fetches its files with the global fetch: from now on, a URL handed over here is
// answered (once) with its checked copy; anything else goes to the network.
let intercepting = false;
export function serveToPyodide(url, respond) {
  if (!intercepting) {
    intercepting = true;
    self.fetch = (input, init) => {
      const key = String(input && input.url ? input.url : input);
      const answer = served.get(key);
      if (!answer) return realFetch(input, init);
      served.delete(key);
      return Promise.resolve(answer());
    };
  }
  served.set(url, respond);
}

// Forget the checked copies not asked for (they hold the runtime's bytes in memory).
export function stopServing() {
  served.clear();
}
