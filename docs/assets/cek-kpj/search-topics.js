// Cek KPJ search topics: which page a query is about (search-words.json "topics", and the
// examples in search-examples.json). Split from search-words.js, which does the words
// (normalizing, stemming, synonyms) and calls makeTopics() with them; search-query.js
// loads this file before search-words.js in the browser, and Node require()s it.
(function (root) {
  "use strict";

  // w: the word functions of search-words.js; data: {topics, examples} as it read them.
  function makeTopics(w, data) {
    var words = w.words;
    var stem = w.stem;
    var terms = w.terms;
    var STOP = w.stop;
    var MAX_QUERY = w.MAX_QUERY;
    var MAX_WORD = w.MAX_WORD;
    var TOPICS = data.topics || {};
    var EXAMPLES = data.examples || {};

    // ---- Topics: which page a query is about -------------------------------------------
    //
    // Each page in search-words.json "topics" has cues: short phrases of how people ask
    // about it, each with a weight ("kpj baru^5"; 1 when none is written). A cue matches a
    // query when every one of its stems is among the stems of the words the reader typed
    // (stop words too: "aktif lagi" is not "aktif"), side by side in any order with only
    // stop words between (cueMatches), so "ganti kerja" also matches "kerja saya ganti" and
    // "berganti pekerjaan". A cue names only the words that must be there ("created new
    // kpj", not "created a new kpj"). Synonyms are not applied: the cues are this layer's
    // own vocabulary. A page scores the weights of its matching cues, heaviest first, each
    // counted only if it shares no stem with a cue already counted (the same words are one
    // piece of evidence, not two). Each page that scores is added to the query as its topic
    // token (topicToken(), the hidden `topic` field the build gives the page), boosted by
    // topicBoost(score), so lunr still ranks by the page's words, with the reader's meaning
    // on top.
    var TOPIC_BOOST = 10;
    var TOPIC_BASE = 2;

    // lunr's boost for a page's topic token: it doubles with each point of score, so the page
    // the cues favour most stays ahead of a runner-up that shares more of the query's words
    // (Material multiplies a result's score by how many of the query's terms it matches).
    // lunr's query parser takes whole numbers only.
    function topicBoost(score) {
      return Math.max(1, Math.round(TOPIC_BOOST * Math.pow(TOPIC_BASE, score)));
    }
    var compiledTopics = Object.create(null);

    // The hidden token that stands for a page in the index: "causes/late-payment/" ->
    // "topiccauseslatepayment", the home page "" -> "topichome". The build writes the same
    // (build_scripts/hooks/search_words.py, checked by tests/site/test_search_topics.py).
    function topicToken(page) {
      return "topic" + (String(page).toLowerCase().replace(/[^a-z0-9]/g, "") || "home");
    }

    var STOP_STEMS = Object.create(null);
    function toSet(list) {
      var set = Object.create(null);
      list.forEach(function (item) { set[item] = true; });
      return set;
    }

    // The stems of every word of `text`, stop words included.
    function allStems(text, lang) {
      return words(text, lang).map(function (word) { return stem(word, lang); });
    }

    function unique(list) {
      return list.filter(function (item, i) { return item && list.indexOf(item) === i; });
    }

    // [{page, stems, weight}] for one language, heaviest first, compiled once.
    function topicCues(lang) {
      if (compiledTopics[lang]) return compiledTopics[lang];
      var cues = [];
      var pages = TOPICS[lang] || {};
      Object.keys(pages).forEach(function (page) {
        pages[page].forEach(function (cue) {
          var parts = /^([^\^]*)(?:\^(\d+(?:\.\d+)?))?$/.exec(String(cue));
          var stems = parts ? unique(allStems(parts[1], lang)) : [];
          if (!stems.length) return;
          cues.push({ page: page, stems: stems, weight: parts[2] ? Number(parts[2]) : 1 });
        });
      });
      cues.sort(function (a, b) { return b.weight - a.weight || b.stems.length - a.stems.length; });
      compiledTopics[lang] = cues;
      return cues;
    }

    // Whether every stem of `cue` is in `seq` (the query's stems, in order) side by side,
    // in any order, with only stop words between them: "kpj baru" matches "kpj yang baru"
    // and "baru kpj" but not "hrd baru daftarin kemarin kpj", where the two words are about
    // different things.
    function cueMatches(cue, seq, stop) {
      var need = cue.stems.length;
      var words = seq.filter(function (term) {
        return !stop[term] || cue.stems.indexOf(term) >= 0;
      });
      for (var i = 0; i + need <= words.length; i++) {
        var run = words.slice(i, i + need);
        if (cue.stems.every(function (term) { return run.indexOf(term) >= 0; })) return true;
      }
      return false;
    }

    // A typed stem that no cue uses, read as the one cue word it is a typo of: same first
    // letter, at least TYPO_MIN letters, one letter added, dropped, changed or two
    // neighbours swapped ("resgin" -> "resign", "tunggakn" -> "tunggak"). When two cue
    // words are that close, or none is, the stem is kept as typed.
    var TYPO_MIN = 5;
    var cueWords = Object.create(null);

    function cueVocabulary(lang) {
      if (cueWords[lang]) return cueWords[lang];
      var set = Object.create(null);
      topicCues(lang).forEach(function (cue) {
        cue.stems.forEach(function (term) { set[term] = true; });
      });
      cueWords[lang] = { set: set, list: Object.keys(set).filter(function (w) { return w.length >= TYPO_MIN - 1; }) };
      return cueWords[lang];
    }

    // Whether a and b differ by one edit (insert, delete, substitute, swap of neighbours).
    function oneEditApart(a, b) {
      if (a === b || Math.abs(a.length - b.length) > 1) return false;
      var i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      if (a.length === b.length) {
        if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
        return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
      }
      var longer = a.length > b.length ? a : b;
      var shorter = a.length > b.length ? b : a;
      return longer.slice(i + 1) === shorter.slice(i); // one letter added or dropped
    }

    function correctTypo(term, lang) {
      var vocabulary = cueVocabulary(lang);
      if (term.length < TYPO_MIN || term.length > MAX_WORD || vocabulary.set[term]) return term;
      var found = vocabulary.list.filter(function (word) {
        return word[0] === term[0] && oneEditApart(term, word);
      });
      return found.length === 1 ? found[0] : term;
    }

    // The cues a query matches that count ([{page, stems, weight}], heaviest first).
    function topicMatches(query, lang) {
      var seq = allStems(String(query).slice(0, MAX_QUERY), lang).map(function (term) {
        return correctTypo(term, lang);
      });
      var stop = STOP_STEMS[lang] || (STOP_STEMS[lang] = toSet(allStems(STOP[lang].join(" "), lang)));
      var used = Object.create(null); // page -> stems already counted for it
      return topicCues(lang).filter(function (cue) {
        if (!cueMatches(cue, seq, stop)) return false;
        var seen = used[cue.page] || (used[cue.page] = Object.create(null));
        if (cue.stems.some(function (term) { return seen[term]; })) return false;
        cue.stems.forEach(function (term) { seen[term] = true; });
        return true;
      });
    }

    // {page: score} for a query: the pages its cues point to (only pages that score).
    function topicScores(query, lang) {
      var scores = Object.create(null);
      topicMatches(query, lang).forEach(function (cue) {
        scores[cue.page] = (scores[cue.page] || 0) + cue.weight;
      });
      var learned = examplePosteriors(query, lang);
      Object.keys(learned).forEach(function (page) {
        // A page the examples make unlikely gets nothing: a word few examples share says little.
        if (learned[page] <= EXAMPLE_MIN) return;
        scores[page] = Math.round(((scores[page] || 0) + EXAMPLE_WEIGHT * learned[page]) * 100) / 100;
      });
      return scores;
    }

    // ---- Examples: what the words of similar questions point to -------------------------
    //
    // A naive Bayes model over the examples: for each page, how often each feature (a stem
    // or a pair of neighbouring stems) occurs in the examples that page answers. A query's
    // features that occur in any example give each page a log-likelihood (smoothed by
    // EXAMPLE_SMOOTHING; every page equally likely beforehand), and from those each page's
    // probability (examplePosteriors). topicScores() adds EXAMPLE_WEIGHT times that
    // probability to each page's cue score (pages under EXAMPLE_MIN get nothing), so when
    // the examples are sure they decide, and when they are split the cues do; a query no
    // cue matches still finds the page whose examples share its words. The three numbers
    // were chosen on tuning sets the model had not learned from (README, "The query set").
    var EXAMPLE_WEIGHT = 12;
    var EXAMPLE_MIN = 0.05;
    var EXAMPLE_SMOOTHING = 0.1;
    var models = Object.create(null);

    // A text's features: its stems (stop words left out, typos read as cue words) and each
    // pair of neighbouring stems ("ganti kerja"), which says more than either word alone.
    function exampleFeatures(text, lang) {
      var stems = terms(String(text).slice(0, MAX_QUERY), lang).map(function (term) {
        return correctTypo(term, lang);
      });
      var pairs = stems.slice(1).map(function (term, i) { return stems[i] + " " + term; });
      return unique(stems.concat(pairs));
    }

    // The model of one language: {pages, vocabulary, size}, where pages is {page: {total,
    // counts: {feature: n}}} and size is how many different features the examples have.
    // The counts are made from the examples (Node, and the build, which writes them into
    // search-data.js with exampleModels()) or read as the build wrote them (the browser,
    // which so gets the counts and not the examples); the rest is derived from them.
    function exampleModel(lang) {
      if (models[lang]) return models[lang];
      var pages = (data.exampleModels || {})[lang] || countExamples(EXAMPLES[lang] || [], lang);
      var vocabulary = Object.create(null);
      var size = 0;
      Object.keys(pages).forEach(function (name) {
        Object.keys(pages[name].counts).forEach(function (feature) {
          if (!vocabulary[feature]) { vocabulary[feature] = true; size += 1; }
        });
      });
      models[lang] = { pages: pages, vocabulary: vocabulary, size: size };
      return models[lang];
    }

    // {page: {total, counts: {feature: n}}} over the examples.
    function countExamples(examples, lang) {
      var pages = Object.create(null);
      examples.forEach(function (example) {
        var page = pages[example.page] || (pages[example.page] = { total: 0, counts: Object.create(null) });
        exampleFeatures(example.q, lang).forEach(function (feature) {
          page.counts[feature] = (page.counts[feature] || 0) + 1;
          page.total += 1;
        });
      });
      return pages;
    }

    // What the build writes into search-data.js: each language's counts.
    function exampleModels() {
      var out = {};
      Object.keys(EXAMPLES).forEach(function (lang) { out[lang] = countExamples(EXAMPLES[lang], lang); });
      return out;
    }

    // {page: log-likelihood} of a query under each page's examples; {} when no stem of the
    // query occurs in any example.
    function exampleScores(query, lang) {
      var model = exampleModel(lang);
      var features = exampleFeatures(query, lang).filter(function (f) { return model.vocabulary[f]; });
      var out = Object.create(null);
      if (!features.length) return out;
      Object.keys(model.pages).forEach(function (name) {
        var page = model.pages[name];
        var denominator = page.total + EXAMPLE_SMOOTHING * model.size;
        out[name] = features.reduce(function (sum, feature) {
          var seen = Object.prototype.hasOwnProperty.call(page.counts, feature) ? page.counts[feature] : 0;
          return sum + Math.log((seen + EXAMPLE_SMOOTHING) / denominator);
        }, 0);
      });
      return out;
    }

    // {page: probability} of a query's page given the examples (they sum to 1); {} when
    // no stem of the query occurs in any example.
    function examplePosteriors(query, lang) {
      var learned = exampleScores(query, lang);
      var pages = Object.keys(learned);
      if (!pages.length) return learned;
      var best = Math.max.apply(null, pages.map(function (page) { return learned[page]; }));
      var total = 0;
      pages.forEach(function (page) { total += Math.exp(learned[page] - best); });
      var out = Object.create(null);
      pages.forEach(function (page) { out[page] = Math.exp(learned[page] - best) / total; });
      return out;
    }

    // The topic tokens to add to a query, in lunr's syntax ("topicx^20 topicy^8").
    function topicTerms(query, lang) {
      var scores = topicScores(query, lang);
      return Object.keys(scores)
        .sort(function (a, b) { return scores[b] - scores[a]; })
        .map(function (page) { return topicToken(page) + "^" + topicBoost(scores[page]); });
    }

    return {
      topicTerms: topicTerms, topicScores: topicScores, topicMatches: topicMatches,
      topicCues: topicCues, topicToken: topicToken, correctTypo: correctTypo,
      exampleScores: exampleScores, examplePosteriors: examplePosteriors, exampleModels: exampleModels
    };
  }

  if (typeof module === "object" && module.exports) module.exports = makeTopics;
  else root.CekKpjSearchTopics = makeTopics;
})(typeof globalThis !== "undefined" ? globalThis : this);
