// Write the site's service worker with Workbox: a precache of the guide (every page in
// both languages, styles, scripts, search indexes) keyed by file revisions, so a new
// deploy replaces old files cleanly. The Pyodide runtime is cached when the checker
// page first uses it (its folder is named after its content hash, so URLs never go stale),
// and only when it matches the sizes and SHA-256 the build recorded in the runtime folder's
// runtime-files.json. That part, and the offline 404 page, live in build_scripts/sw_runtime.js,
// written to <site>/sw-runtime.js with the current runtime's checks and imported by sw.js.
//
//   node build_scripts/generate_sw.mjs <site-dir>
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { generateSW } from "workbox-build";

const siteDir = process.argv[2];

function currentRuntime() {
  const folder = `${siteDir}/assets/pyodide`;
  if (!existsSync(folder)) return null;
  const [hash, ...others] = readdirSync(folder);
  if (others.length) throw new Error(`one runtime folder expected in ${folder}, found ${[hash, ...others]}`);
  const checks = JSON.parse(readFileSync(`${folder}/${hash}/runtime-files.json`, "utf-8"));
  return { folder: `assets/pyodide/${hash}/`, files: checks.files };
}

const template = readFileSync(new URL("sw_runtime.js", import.meta.url), "utf-8");
writeFileSync(
  `${siteDir}/sw-runtime.js`,
  `const RUNTIME = ${JSON.stringify(currentRuntime())};\n${template}`,
);

const { count, size, warnings } = await generateSW({
  globDirectory: siteDir,
  globPatterns: ["**/*.{html,css,js,json,png,svg,webmanifest}"],
  globIgnores: ["assets/pyodide/**", "sw.js", "sw-runtime.js", "**/*.map", "assets/javascripts/lunr/**"],
  swDest: `${siteDir}/sw.js`,
  importScripts: ["sw-runtime.js"],
  mode: "production",
  sourcemap: false,
  inlineWorkboxRuntime: true,
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  directoryIndex: "index.html",
  // A static site: no query string changes a page (/checker/?x=1 is /checker/, offline too).
  ignoreURLParametersMatching: [/.*/],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  runtimeCaching: [
    {
      urlPattern: ({ url }) => url.pathname.includes("/assets/pyodide/"),
      handler: (options) => self.cekKpj.runtime(options),
    },
    {
      // Pages not in the precache: the network, else the site's 404 page in its language.
      urlPattern: ({ request }) => request.mode === "navigate",
      handler: (options) => self.cekKpj.navigate(options),
    },
  ],
});
for (const warning of warnings) console.error(`generate_sw: ${warning}`);
console.log(JSON.stringify({ precached: count, bytes: size }));
