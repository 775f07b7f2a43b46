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
  // DATA.topics and DATA.examples (in the browser DATA.exampleModels, the counts the build
  // made from them) are read by search-topics.js (makeTopics, below).

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

  var makeTopics = isNode ? require("./search-topics.js") : root.CekKpjSearchTopics;
  if (typeof makeTopics !== "function") throw new Error("search-words: search-topics.js is missing");
  var wordFunctions = {
    words: words, stem: stem, terms: terms, stop: STOP, MAX_QUERY: MAX_QUERY, MAX_WORD: MAX_WORD
  };
  var topics = makeTopics(wordFunctions, DATA);

  // The topic functions as they would be had the search learned from `examples` ({lang:
  // [{q, page}]}) instead: for a held-out measurement (build_scripts/search_holdout.mjs).
  function withExamples(examples) {
    return makeTopics(wordFunctions, { topics: DATA.topics, examples: examples });
  }
  var topicTerms = topics.topicTerms;

  var api = Object.assign({
    stemId: stemId, stemEn: stemEn, stem: stem, words: words, terms: terms, expand: expand,
    transformQuery: transformQuery, queryWords: queryWords, examples: DATA.examples,
    withExamples: withExamples,
    roots: ROOTS_ID, stemmers: STEMMERS, MAX_QUERY: MAX_QUERY, MAX_WORD: MAX_WORD
  }, topics);
  if (isNode) module.exports = api;
  else root.CekKpjSearchWords = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
