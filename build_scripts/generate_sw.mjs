// Write the site's service worker with Workbox: a precache of the guide (every page in
// both languages, styles, scripts, search indexes) keyed by file revisions, so a new
// deploy replaces old files cleanly. The Pyodide runtime is cached when the checker
// page first uses it (its folder is named after its content hash, so URLs never go stale).
//
//   node build_scripts/generate_sw.mjs <site-dir>
import { generateSW } from "workbox-build";

const siteDir = process.argv[2];
const { count, size, warnings } = await generateSW({
  globDirectory: siteDir,
  globPatterns: ["**/*.{html,css,js,json,png,svg,webmanifest}"],
  globIgnores: ["assets/pyodide/**", "sw.js", "**/*.map", "assets/javascripts/lunr/**"],
  swDest: `${siteDir}/sw.js`,
  mode: "production",
  sourcemap: false,
  inlineWorkboxRuntime: true,
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/^h$/, /^utm_/],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  runtimeCaching: [
    {
      urlPattern: ({ url }) => url.pathname.includes("/assets/pyodide/"),
      handler: "CacheFirst",
      options: { cacheName: "cek-kpj-runtime", matchOptions: { ignoreVary: true } },
    },
  ],
});
for (const warning of warnings) console.error(`generate_sw: ${warning}`);
console.log(JSON.stringify({ precached: count, bytes: size }));
