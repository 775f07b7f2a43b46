// Search terms for the build: reads {"<lang>": ["text", ...], ...} as JSON on stdin and
// writes {"<lang>": ["stem stem ...", ...], ...} to stdout, using the same
// docs/assets/cek-kpj/search-words.js the browser uses for queries, so a page's words and
// a reader's query are reduced the same way. Called by build_scripts/hooks/search_words.py.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { terms } = require("../docs/assets/cek-kpj/search-words.js");

const input = JSON.parse(readFileSync(0, "utf-8"));
const output = {};
for (const [lang, texts] of Object.entries(input)) {
  output[lang] = texts.map((text) => terms(text, lang).join(" "));
}
process.stdout.write(JSON.stringify(output));
