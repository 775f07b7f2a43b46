// Cek KPJ search words: the ONE place that turns text into search terms.
//
// The same file runs in two places, so a page's words and a reader's query always go
// through exactly the same steps:
//   - at build time, under Node (build_scripts/search_words.mjs, called by the hook
//     build_scripts/hooks/search_words.py), to add hidden stem fields to the search index;
//   - in the browser (search-query.js), to turn each query into the same stems.
//
// Indonesian: a dictionary-checked confix stripper in the style of Nazief-Adriani /
// Sastrawi. A word is only reduced when the root it would be reduced to is in ROOTS_ID
// (a small list drawn from the site's own vocabulary and from how people ask), so an
// unknown word is left alone rather than mangled. English: a light suffix stripper.
// Both languages map everyday spellings ("gak", "nggak", "udah") to standard words first.
//
// The data beside this file, search-words.json, holds what is not code: the synonyms a
// query is expanded with ("switched jobs" -> transfer, "nomor cs" -> contact) and which
// stemmer each language uses (this hand-written one, or Snowball from the pinned npm
// package @orama/stemmers). Under Node it is read with require(); in the browser the
// build writes it as assets/cek-kpj/search-data.js (build_scripts/hooks/search_words.py),
// loaded before this file, and vendors the Snowball stemmers when one is chosen.
//
// Input is bounded: a query is cut to MAX_QUERY characters before anything else, a word
// longer than MAX_WORD is not stemmed, and no regular expression here backtracks more
// than linearly, so a 60,000-character query or link (?q=...) cannot freeze the page.
(function (root) {
  "use strict";

  var MAX_QUERY = 200; // characters of a query that are searched; the rest is ignored
  var MAX_WORD = 40; // longer "words" (pasted junk, hashes) are kept whole, not stemmed

  var isNode = typeof module === "object" && module.exports;
  // search-words.json: {"stemmers": {"id": ..., "en": ...}, "synonyms": {"id": {...}, "en": {...}}}
  var DATA = isNode ? require("./search-words.json") : root.CekKpjSearchData || {};
  if (isNode) {
    // search-examples.json (CEK_KPJ_EXAMPLES names another file, for a measurement).
    var examplesFile = process.env.CEK_KPJ_EXAMPLES || "./search-examples.json";
    var examples = require(examplesFile);
    DATA = Object.assign({}, DATA, { examples: { id: examples.id || [], en: examples.en || [] } });
  }
  var STEMMERS = Object.assign({}, DATA.stemmers || {});
  // CEK_KPJ_STEMMERS=id:snowball,en:hand-written overrides the choice for a measurement;
  // the build writes the same choice into search-data.js, so the browser follows.
  if (isNode && process.env.CEK_KPJ_STEMMERS) {
    process.env.CEK_KPJ_STEMMERS.split(",").forEach(function (pair) {
      var kv = pair.split(":");
      STEMMERS[kv[0]] = kv[1];
    });
  }
  var SNOWBALL_MODULE = { id: "@orama/stemmers/indonesian", en: "@orama/stemmers/english" };
  var SNOWBALL = Object.create(null);
  ["id", "en"].forEach(function (lang) {
    if (STEMMERS[lang] !== "snowball") return;
    SNOWBALL[lang] = isNode
      ? require(SNOWBALL_MODULE[lang]).stemmer
      : (root.CekKpjSnowball || {})[lang];
    if (typeof SNOWBALL[lang] !== "function") {
      throw new Error("search-words: the Snowball stemmer for " + lang + " is missing");
    }
  });
  var SYNONYMS = DATA.synonyms || {};
  // search-words.json "topics": per language, per page, the cues that say a query is about
  // that page ("ganti kerja" -> causes/membership-transfer/). See topicScores().
  var TOPICS = DATA.topics || {};
  // Examples of how people ask, per language: [{q, page}, ...] (search-examples.json).
  var EXAMPLES = DATA.examples || {};

  // Indonesian root words (kata dasar). Add a root here when a new page uses an affixed
  // word whose root is missing: tests/site/test_stemmer.py shows what a word stems to.
  var ROOTS_ID = (
    "ada adu agar ahli aju akhir aktivasi akibat akses aktif akun alam alamat alih aman ambil amat " +
    "anak angka anggap antar apa aplikasi arah arti asal atas atur awal baca badan bagai " +
    "bagi baik balas bantu banyak baru batal batas bawa bayar beda benar bentuk berapa " +
    "berat beri berita betul biasa biaya bicara bilang bingung bisa blokir buat buka bukti " +
    "bulan buruh butuh cabang cair cara cari catat cek cepat cetak cocok coba cukup " +
    "daftar dapat dasar data datang dekat denda dengar diam diri duga edit eja email " +
    "error gagal gaji ganggu ganti guna habis hadap hal hapus harap hari hasil henti " +
    "hidup hilang hitung hubung hukum identitas ikut ingat ingin input isi istilah " +
    "iur izin jadi ganda jalan jamin jatuh jawab jelas jenis kabar kali kantor karyawan kartu " +
    "kata kecil keliru keluar keluh kembali kena kenal kerja ketik kini kira kirim klaim kunjung " +
    "kode koneksi konfirmasi kontak koreksi kosong kurang laku lalu lama lambat lancar " +
    "lahir langkah langsung lanjut lapor layan lengkap lepas lewat lihat lindung login lunas lupa " +
    "main maju makan maksud mandiri masa masalah masuk mati milik minta mirip mohon mudah mundur " +
    "mula mulai muncul nama nilai nomor nonaktif olah operasi orang paham pakai pecat " +
    "panjang pasti pegawai pelihara peluk pendek penting perintah periksa perlu pesan " +
    "peserta pikir pilih pindah pinjam pulih punya potong proses putus rawat registrasi resign " +
    "ribet riwayat rusak sah saing salah salin saldo sama sambung sampai sandi sebab " +
    "sebut sedia selesai semua sesuai setor siap simpan singkat sistem soal status " +
    "sulit susah syarat tahu tambah tampil tanda tangan tanggung tangkap tanya tarik telat telepon temu " +
    "tentu tepat terang terap terima tetap tolak tugas tukar tulis tunda tunggak " +
    "tunggu tutup ubah ulang umum undur upah urus usaha usang valid verifikasi waktu wajib " +
    // roots the topic cues use (search-words.json "topics")
    "gabung asli palsu tipu resmi uang jasa calo dobel baru lama minggu kontrak satu dua " +
    "sejarah sumber artikel fakta kuis otomatis diagnosa antre antri slip tanpa sinkron " +
    "aktif blokir ketik cocok digit unggah waspada " +
    // words that look affixed but are roots, kept whole
    "akan atau bahwa bekas belum berkas bersama berita kapan karena kemarin kenapa " +
    "kepada ketika keluarga kemudian lain memang mengapa mereka pada padahal paling " +
    "pelanggan pemerintah penduduk perusahaan petugas sebagai sebelum sedang sekali " +
    "sekarang selalu selama semula sendiri seperti sering serta setelah setiap sudah " +
    "supaya tanggal tempat tempo tentang tersebut terus tetapi " +
    "kependudukan ketenagakerjaan"
  ).split(/\s+/);
  var ROOT_SET = Object.create(null);
  ROOTS_ID.forEach(function (w) { ROOT_SET[w] = true; });

  // Everyday spellings and chat abbreviations -> the word the pages use.
  var NORMAL = {
    id: {
      gak: "tidak", ga: "tidak", gk: "tidak", nggak: "tidak", ngga: "tidak", enggak: "tidak",
      engga: "tidak", tdk: "tidak", tak: "tidak", kagak: "tidak", ndak: "tidak",
      udah: "sudah", udh: "sudah", sdh: "sudah", blm: "belum", blum: "belum",
      gimana: "bagaimana", gmn: "bagaimana", knp: "kenapa", kok: "kenapa",
      bs: "bisa", bsa: "bisa", dgn: "dengan", yg: "yang", utk: "untuk", krn: "karena",
      hrs: "harus", no: "nomor", nmr: "nomor", telpon: "telepon", tlp: "telepon",
      kerjaan: "pekerjaan", bpjamsostek: "bpjs", ktr: "kantor", pt: "perusahaan",
      eror: "error", erorr: "error", lelet: "lemot", nunggak: "menunggak",
      tuker: "tukar", ketuker: "tertukar", nonaktif: "tidak aktif", non: "tidak",
      bikin: "buat", barusan: "baru saja", resgin: "resign", resain: "resign", risain: "resign",
      ngaku: "mengaku", dikasih: "diberi", kasih: "beri", pake: "pakai", nongol: "muncul",
      liat: "lihat", tetep: "tetap", tau: "tahu", gatau: "tidak tahu", gatahu: "tidak tahu",
      gabisa: "tidak bisa", gbs: "tidak bisa", brp: "berapa", stlh: "setelah", sy: "saya",
      dapet: "dapat", trs: "terus", sm: "sama", jd: "jadi", bikinin: "buatkan", keliatan: "kelihatan",
      temen: "teman", cairin: "cairkan"
    },
    en: {
      cant: "cannot", cannot: "cannot", wont: "not", dont: "not", doesnt: "not", didnt: "not",
      isnt: "not", aint: "not", inactive: "not active", ph: "phone", tel: "phone",
      telephone: "phone", pls: "", plz: "", num: "number", acct: "account", pw: "password",
      pt: "company", resgin: "resign", resinged: "resigned", resgined: "resigned",
      whats: "what is", im: "i am"
    }
  };

  // Words that carry no meaning for this site's search; dropped from queries.
  var STOP = {
    id: ("yang dan di ke dari ini untuk dengan saya aku kami kita anda apakah " +
      "bagaimana kenapa mengapa ada adalah atau juga saja sih dong deh kok ya nya pun " +
      "lah kah akan sudah masih lagi mau ingin cara terus lalu habis sama itu").split(" "),
    en: ("a an the and or of to in on at for from with my me i we you your is are was " +
      "were be been am do does did how why when where which who can could should " +
      "would will it its this that there their they after before about as by if so").split(" ")
  };
  var STOP_SET = { id: Object.create(null), en: Object.create(null) };
  ["id", "en"].forEach(function (lang) {
    STOP[lang].forEach(function (w) { STOP_SET[lang][w] = true; });
  });

  function isRoot(word) {
    return ROOT_SET[word] === true;
  }

  var VOWEL = /^[aiueo]/;

  // Every way to take one derivational prefix off `word`, with the sound changes of
  // me-/pe- (meny+a -> sa, mem+a -> pa, men+a -> ta, meng+a -> ka).
  function unprefix(word) {
    var out = [];
    var m;
    function add(rest) { if (rest.length >= 2) out.push(rest); }
    if ((m = /^(di|ke|se)(.+)$/.exec(word))) add(m[2]);
    if ((m = /^(ber|ter|per)(.+)$/.exec(word))) add(m[2]);
    if ((m = /^(be|te|pe)(.+)$/.exec(word))) add(m[2]); // bekerja, pekerja, belajar
    if ((m = /^(me|pe)nge(.+)$/.exec(word))) add(m[2]); // mengecek, pengecekan
    if ((m = /^(me|pe)ng(.+)$/.exec(word))) {
      add(m[2]);
      if (VOWEL.test(m[2])) add("k" + m[2]);
    }
    if ((m = /^(me|pe)ny(.+)$/.exec(word))) add("s" + m[2]);
    if ((m = /^(me|pe)m(.+)$/.exec(word))) {
      if (/^[bfpv]/.test(m[2])) add(m[2]);
      if (VOWEL.test(m[2])) add("p" + m[2]);
    }
    if ((m = /^(me|pe)n(.+)$/.exec(word))) {
      if (/^[cdjstz]/.test(m[2])) add(m[2]);
      if (VOWEL.test(m[2])) add("t" + m[2]);
    }
    if ((m = /^(me|pe)(.+)$/.exec(word))) add(m[2]); // melapor, meminta, merawat
    // Spoken prefixes: ngecek, ngurus, nyari, nyetor, nanya, nunggak.
    if ((m = /^nge(.+)$/.exec(word))) add(m[1]);
    if ((m = /^ng(.+)$/.exec(word))) {
      add(m[1]);
      if (VOWEL.test(m[1])) add("k" + m[1]);
    }
    if ((m = /^ny(.+)$/.exec(word))) { add("s" + m[1]); add("c" + m[1]); }
    if ((m = /^n([aiueo].+)$/.exec(word))) add("t" + m[1]);
    return out;
  }

  // The root reached by taking off up to three prefixes, or null.
  function prefixRoot(word, depth) {
    if (isRoot(word)) return word;
    if (depth === 3) return null;
    var options = unprefix(word);
    for (var i = 0; i < options.length; i++) {
      var found = prefixRoot(options[i], depth + 1);
      if (found) return found;
    }
    return null;
  }

  // The forms of `word` without its suffixes, most stripped first, then the word itself.
  function unsuffix(word) {
    var forms = [];
    var base = word;
    var particle = /^(.{3,}?)(lah|kah|tah|pun)$/.exec(base);
    if (particle) base = particle[1];
    var possessive = /^(.{3,}?)(ku|mu|nya)$/.exec(base);
    if (possessive) base = possessive[1];
    var derivational = /^(.{2,}?)(kan|an|in|i)$/.exec(base); // -in: spoken -kan/-i
    if (derivational) {
      forms.push(derivational[1]);
      if (derivational[2] === "kan") forms.push(derivational[1] + "k"); // masukan -> masuk
    }
    forms.push(base);
    // "-lah" may belong to the root (bermasalah, disalahkan): try the whole word first.
    if (particle) forms.unshift(word);
    else if (possessive) forms.push(word);
    return forms;
  }

  // The Indonesian stem of one lower-case word; an unknown word comes back unchanged.
  // "data-data" -> "data", "berhati-hati" -> "hati" (a reduplicated word counts once).
  function unreduplicate(word) {
    var parts = word.split("-");
    if (parts.length < 2 || !parts[0]) return word;
    var last = parts[parts.length - 1];
    return last && parts[0].slice(-last.length) === last ? last : parts[0];
  }

  function stemId(word) {
    word = unreduplicate(word);
    if (word.length <= 3 || isRoot(word)) return word;
    var forms = unsuffix(word);
    // Nazief-Adriani order: suffixes first, then prefixes on what is left.
    for (var i = 0; i < forms.length; i++) {
      if (isRoot(forms[i])) return forms[i];
    }
    for (var j = 0; j < forms.length; j++) {
      var found = prefixRoot(forms[j], 0);
      if (found) return found;
    }
    return word;
  }

  function endsWith(word, end) {
    return word.length >= end.length && word.slice(-end.length) === end;
  }

  // The English stem of one lower-case word: a light, predictable suffix stripper.
  var IRREGULAR_EN = {
    paid: "pay", left: "leave", lost: "lose", made: "make", sent: "send", got: "get",
    gotten: "get", gave: "give", given: "give", centre: "center", wrote: "write",
    complaint: "complain", complaints: "complain"
  };
  function stemEn(word) {
    word = unreduplicate(word);
    if (IRREGULAR_EN[word]) word = IRREGULAR_EN[word];
    if (word.length <= 3) return word;
    var w = word;
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
    else if (/ied$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
    else if (/(ss|us|is)$/.test(w)) { /* address, status, analysis */ }
    else if (/(sses|xes|zes|ches|shes)$/.test(w)) w = w.slice(0, -2);
    else if (/s$/.test(w)) w = w.slice(0, -1);
    // -ing/-ed/-ly/-ment when what is left has a vowel (string tests, no backtracking).
    var suffix = ["ing", "ed", "ly", "ment"].filter(function (end) { return endsWith(w, end); })[0];
    var rest = suffix ? w.slice(0, -suffix.length) : "";
    if (suffix && rest.length >= (suffix === "ly" ? 4 : 3) && /[aeiouy]/.test(rest)) {
      w = rest;
      if (/([bdgklmnprt])\1$/.test(w) && !/(ll|ss)$/.test(w)) w = w.slice(0, -1); // stopped
    }
    if (/e$/.test(w) && w.length > 3) w = w.slice(0, -1); // change, changed -> chang
    return w;
  }

  // The stem of one lower-case word with the language's chosen stemmer.
  function stem(word, lang) {
    if (word.length > MAX_WORD) return word;
    if (SNOWBALL[lang]) return SNOWBALL[lang](unreduplicate(word));
    return lang === "id" ? stemId(word) : stemEn(word);
  }

  // `list` of words with every synonym phrase (longest first, up to MAX_PHRASE words)
  // followed by the words it means (search-words.json). The typed words stay: a synonym
  // adds the pages' words, it does not hide what the reader typed ("dukcapil",
  // "website" still match the pages that use them). Used on queries only.
  var MAX_PHRASE = 4;
  function expand(list, lang) {
    var table = SYNONYMS[lang] || {};
    var out = [];
    var i = 0;
    while (i < list.length) {
      var found = 0;
      for (var n = Math.min(MAX_PHRASE, list.length - i); n >= 1 && !found; n--) {
        var phrase = list.slice(i, i + n).join(" ");
        if (Object.prototype.hasOwnProperty.call(table, phrase)) {
          list.slice(i, i + n).forEach(function (w) { out.push({ word: w, typed: false }); });
          words(table[phrase], lang).forEach(function (w) {
            out.push({ word: w, typed: false });
          });
          found = n;
        }
      }
      if (!found) out.push({ word: list[i], typed: true });
      i += found || 1;
    }
    return out;
  }

  function stripHtml(text) {
    return String(text)
      .replace(/<[^<>]*>/g, " ") // [^<>]: linear even on "<<<<..."
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, " ");
  }

  // Lower-case words of `text`, everyday spellings replaced.
  function words(text, lang) {
    var table = NORMAL[lang] || {};
    var out = [];
    stripHtml(text).toLowerCase().replace(/['\u2019]/g, "").split(/[^\p{L}\p{N}]+/u).forEach(function (word) {
      if (!word) return;
      var normal = Object.prototype.hasOwnProperty.call(table, word) ? table[word] : word;
      if (normal) out.push.apply(out, normal.split(" "));
    });
    return out;
  }

  // The stems of `text`, in order, without stop words: what the index holds for a field.
  function terms(text, lang) {
    var stop = STOP_SET[lang] || {};
    return words(text, lang)
      .filter(function (word) { return !stop[word]; })
      .map(function (word) { return stem(word, lang); });
  }

  // A reader's query as the stems the index holds, in lunr's query syntax: cut to
  // MAX_QUERY characters, everyday spellings and synonyms replaced, stop words dropped,
  // stemmed. Material adds a trailing `*` to every term without a boost, so the last
  // word, which may still be being typed, matches as a prefix; every other term (and a
  // last word that a synonym replaced, so it was complete) gets `^1` (lunr's default
  // boost) and matches whole stems only ("check" must not find "checker").
  function queryWords(query, lang) {
    var stop = STOP_SET[lang] || {};
    var all = expand(words(String(query).slice(0, MAX_QUERY), lang), lang);
    var kept = all.filter(function (item) { return !stop[item.word]; });
    if (!kept.length) kept = all;
    var last = kept.length && kept[kept.length - 1].typed ? kept[kept.length - 1] : null;
    var seen = Object.create(null);
    var out = [];
    kept.forEach(function (item) {
      var term = stem(item.word, lang);
      if (!term || seen[term]) return;
      seen[term] = true;
      out.push(last && stem(last.word, lang) === term ? term : term + "^1");
    });
    return out.join(" ");
  }

  // What search-query.js sends to Material's worker for a reader's query: its words
  // (queryWords) followed by the topic tokens of the pages it is about (topicTerms).
  function transformQuery(query, lang) {
    return [queryWords(query, lang)].concat(topicTerms(query, lang)).join(" ").trim();
  }

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
    var learned = exampleScores(query, lang);
    var pages = Object.keys(learned);
    if (!pages.length) return scores;
    var best = Math.max.apply(null, pages.map(function (page) { return learned[page]; }));
    pages.forEach(function (page) {
      // Only pages close to the best one: a word few examples share says little.
      var lead = EXAMPLE_BASE + EXAMPLE_WEIGHT * (learned[page] - best);
      if (lead > EXAMPLE_BASE / 2) scores[page] = Math.round(((scores[page] || 0) + lead) * 100) / 100;
    });
    return scores;
  }

  // ---- Examples: what the words of similar questions point to -------------------------
  //
  // A naive Bayes model over the examples: for each page, how often each stem (stop words
  // left out, typos read as cue words) occurs in the examples that page answers. A query's
  // stems that occur in any example give each page a log-likelihood (smoothed by
  // EXAMPLE_SMOOTHING; every page equally likely beforehand). topicScores() adds, to each
  // page's cue score, EXAMPLE_BASE less EXAMPLE_WEIGHT times how far the page is behind
  // the best one (pages more than one point behind get nothing), so a query no cue
  // matches still finds the page whose examples share its words, and the cues still
  // decide between close pages. The weights were chosen by cross-validation on the
  // examples; keeping the layer at all was decided on a fresh measured round (README).
  var EXAMPLE_WEIGHT = 0.5;
  var EXAMPLE_BASE = 1;
  var EXAMPLE_SMOOTHING = 0.5;
  var models = Object.create(null);

  function exampleFeatures(text, lang) {
    return unique(terms(String(text).slice(0, MAX_QUERY), lang).map(function (term) {
      return correctTypo(term, lang);
    }));
  }

  function exampleModel(lang) {
    if (models[lang]) return models[lang];
    var pages = Object.create(null);
    var vocabulary = Object.create(null);
    var size = 0;
    (EXAMPLES[lang] || []).forEach(function (example) {
      var page = pages[example.page] || (pages[example.page] = { total: 0, counts: Object.create(null) });
      exampleFeatures(example.q, lang).forEach(function (feature) {
        page.counts[feature] = (page.counts[feature] || 0) + 1;
        page.total += 1;
        if (!vocabulary[feature]) { vocabulary[feature] = true; size += 1; }
      });
    });
    models[lang] = { pages: pages, vocabulary: vocabulary, size: size };
    return models[lang];
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
        return sum + Math.log(((page.counts[feature] || 0) + EXAMPLE_SMOOTHING) / denominator);
      }, 0);
    });
    return out;
  }

  // The topic tokens to add to a query, in lunr's syntax ("topicx^20 topicy^8").
  function topicTerms(query, lang) {
    var scores = topicScores(query, lang);
    return Object.keys(scores)
      .sort(function (a, b) { return scores[b] - scores[a]; })
      .map(function (page) { return topicToken(page) + "^" + topicBoost(scores[page]); });
  }

  var api = {
    stemId: stemId, stemEn: stemEn, stem: stem, words: words, terms: terms, expand: expand,
    transformQuery: transformQuery, queryWords: queryWords, topicTerms: topicTerms,
    examples: DATA.examples,
    topicScores: topicScores, topicMatches: topicMatches, exampleScores: exampleScores,
    topicCues: topicCues, topicToken: topicToken, correctTypo: correctTypo,
    roots: ROOTS_ID, stemmers: STEMMERS,
    MAX_QUERY: MAX_QUERY, MAX_WORD: MAX_WORD
  };
  if (isNode) module.exports = api;
  else root.CekKpjSearchWords = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
