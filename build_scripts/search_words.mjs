// Search terms for the build: reads {"<lang>": ["text", ...], ...} as JSON on stdin and
// writes {"<lang>": ["stem stem ...", ...], ...} to stdout, using the same
// docs/assets/cek-kpj/search-words.js the browser uses for queries, so a page's words and
// a reader's query are reduced the same way. Called by build_scripts/hooks/search_words.py.
//
// With `--data` it writes instead what the browser needs to do the same: the stemmer
// chosen for each language (after any CEK_KPJ_STEMMERS override), the synonyms, the topic
// cues, what the search learns from the examples (search-examples.json, or the file
// CEK_KPJ_EXAMPLES names): each page's stem counts, not the examples themselves, and the
// source of each chosen Snowball stemmer from node_modules (@orama/stemmers, CommonJS).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const words = require("../docs/assets/cek-kpj/search-words.js");
const SNOWBALL = { id: "@orama/stemmers/indonesian", en: "@orama/stemmers/english" };

if (process.argv.includes("--data")) {
  const data = require("../docs/assets/cek-kpj/search-words.json");
  const snowball = {};
  for (const [lang, name] of Object.entries(words.stemmers)) {
    if (name === "snowball") snowball[lang] = readFileSync(require.resolve(SNOWBALL[lang]), "utf-8");
  }
  process.stdout.write(
    JSON.stringify({
      stemmers: words.stemmers,
      synonyms: data.synonyms,
      topics: data.topics || {},
      exampleModels: words.exampleModels(),
      snowball,
    }),
  );
} else {
  const input = JSON.parse(readFileSync(0, "utf-8"));
  const output = {};
  for (const [lang, texts] of Object.entries(input)) {
    output[lang] = texts.map((text) => words.terms(text, lang).join(" "));
  }
  process.stdout.write(JSON.stringify(output));
}
