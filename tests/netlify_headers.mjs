// Print the headers and redirects Netlify resolves from netlify.toml, as JSON.
// Uses Netlify's own parser (@netlify/config), which works offline.
import { resolveConfig } from "@netlify/config";

const { config } = await resolveConfig({ offline: true, cwd: process.argv[2] ?? process.cwd() });
console.log(JSON.stringify({ headers: config.headers ?? [], redirects: config.redirects ?? [], build: config.build }));
