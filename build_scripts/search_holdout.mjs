// Held-out check of what the search learns from its examples (issue 12, README "The query
// set"). Each tuning set tagged in docs/assets/cek-kpj/search-examples.json (`"set":
// "7A"`, ...) is left out in turn; the topic layer (search-topics.js, with the cues)
// learns from all the other examples and ranks the left-out queries. A query counts when
// its page alone scores highest. lunr is not involved, so this runs in a second and
// agrees with the search box to within about a point; it is how the examples layer's
// weights were chosen, never on the measured part. Prints one line per language, or with
// --json {lang: {queries, top1, sets: {set: top1}}}. CEK_KPJ_STEMMERS is honoured.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const words = require("../docs/assets/cek-kpj/search-words.js");

function topPage(scores) {
  const pages = Object.keys(scores).sort((a, b) => scores[b] - scores[a]);
  if (!pages.length || (pages.length > 1 && scores[pages[1]] === scores[pages[0]])) return null;
  return pages[0];
}

const result = {};
for (const lang of ["id", "en"]) {
  const examples = words.examples[lang];
  const sets = [...new Set(examples.map((example) => example.set).filter(Boolean))].sort();
  let hits = 0;
  let total = 0;
  const perSet = {};
  for (const set of sets) {
    const learned = words.withExamples({ [lang]: examples.filter((example) => example.set !== set) });
    const held = examples.filter((example) => example.set === set);
    const found = held.filter((example) => topPage(learned.topicScores(example.q, lang)) === example.page);
    perSet[set] = found.length / held.length;
    hits += found.length;
    total += held.length;
  }
  result[lang] = { queries: total, top1: total ? hits / total : 0, sets: perSet };
}

if (process.argv.includes("--json")) {
  process.stdout.write(JSON.stringify(result));
} else {
  for (const [lang, { queries, top1, sets }] of Object.entries(result)) {
    const range = Object.values(sets);
    console.log(
      `held-out ${lang}: top-1 ${(top1 * 100).toFixed(1)}% of ${queries} queries, ` +
        `${range.length} sets (${(Math.min(...range) * 100).toFixed(0)}-${(Math.max(...range) * 100).toFixed(0)}%)`,
    );
  }
}
