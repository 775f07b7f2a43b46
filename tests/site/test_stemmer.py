"""search-words.js under Node: the stemmer, the query rewriting, and the built index.

The same file reduces the pages' words at build time and the reader's query in the
browser; these tests run it exactly as the build does (node + require).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORDS_JS = ROOT / "docs" / "assets" / "cek-kpj" / "search-words.js"
BUILD_SCRIPT = ROOT / "build_scripts" / "search_words.mjs"


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is needed to run docs/assets/cek-kpj/search-words.js")
    return found


@cache
def run(calls: tuple[tuple[str, str, str], ...]) -> tuple:
    """Call search-words.js functions: ((function, argument, lang), ...) -> results."""
    script = (
        f"const w = require({json.dumps(str(WORDS_JS))});"
        "const calls = JSON.parse(require('fs').readFileSync(0, 'utf-8'));"
        "process.stdout.write(JSON.stringify(calls.map(([f, a, l]) => w[f](a, l))));"
    )
    out = subprocess.run(
        [node(), "-e", script], input=json.dumps(calls), capture_output=True, text=True, check=True
    )
    return tuple(json.loads(out.stdout))


def stem(words: list[str], lang: str) -> list[str]:
    return list(run(tuple(("stem", word, lang) for word in words)))


INDONESIAN = {
    "lambat": ["terlambat", "keterlambatan", "lambat"],
    "bayar": ["bayar", "membayar", "dibayar", "pembayaran", "bayarnya", "bayarin"],
    "daftar": ["daftar", "mendaftar", "terdaftar", "didaftarkan", "pendaftaran", "mendaftarkan"],
    "peserta": ["peserta", "kepesertaan"],
    "kerja": ["kerja", "bekerja", "pekerja", "pekerjaan"],
    "tunggak": ["menunggak", "tunggakan", "tertunggak", "nunggak"],
    "temu": ["ditemukan", "menemukan"],
    "baik": ["memperbaiki", "perbaikan", "diperbaiki"],
    "hubung": ["hubungi", "menghubungi", "terhubung"],
    "periksa": ["periksa", "memeriksa", "diperiksa", "pemeriksaan"],
    "pindah": ["pindah", "perpindahan", "dipindahkan"],
    "alih": ["beralih", "dialihkan", "pengalihan", "peralihan"],
    "aktif": ["aktif", "mengaktifkan", "aktifkan"],
    "iur": ["iuran", "iurannya"],
    "setor": ["menyetor", "setoran", "nyetor"],
    "cek": ["cek", "dicek", "mengecek", "ngecek", "pengecekan"],
    "ketik": ["ketik", "mengetik"],
    "salah": ["salah", "kesalahan"],
    "data": ["data", "data-data", "datanya"],
    "masalah": ["masalah", "masalahnya", "bermasalah"],
}


@pytest.mark.parametrize(("root", "forms"), INDONESIAN.items())
def test_indonesian_affixes_reduce_to_the_root(root: str, forms: list[str]) -> None:
    assert stem(forms, "id") == [root] * len(forms)


def test_unknown_and_root_like_words_are_left_alone() -> None:
    words = [
        "jmo",
        "kpj",
        "bpjs",
        "perusahaan",
        "pegawai",
        "karyawan",
        "setelah",
        "sesuai",
        "kenapa",
        "mandiri",
        "hati",
        "lemot",
        "maintenance",
        "ketenagakerjaan",
        "tanya",
    ]
    assert stem(words, "id") == words


def test_english_forms_share_a_stem() -> None:
    groups = [
        ["change", "changed", "changes", "changing"],
        ["job", "jobs"],
        ["resign", "resigned", "resigning"],
        ["pay", "paid", "payment", "payments", "pays"],
        ["register", "registered", "registering"],
        ["contribution", "contributions"],
        ["complain", "complaint", "complaints"],
    ]
    for group in groups:
        assert len(set(stem(group, "en"))) == 1, (group, stem(group, "en"))


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("Keterlambatan pembayaran iuran", "id", "lambat^1 bayar^1 iur"),
        ("gak bisa daftar JMO", "id", "tidak^1 bisa^1 daftar^1 jmo"),
        ("nggak bisa mendaftar", "id", "tidak^1 bisa^1 daftar"),
        ("BPJS nonaktif", "id", "bpjs^1 tidak^1 aktif"),
        ("bagaimana cara cek", "id", "cek"),
        ("I changed jobs", "en", "chang^1 job"),
        ("can't register", "en", "cannot^1 register"),
        ("the", "en", "the"),  # only stop words: kept, so the search is not empty
        ("", "id", ""),
    ],
)
def test_queries_become_index_stems(query: str, lang: str, expected: str) -> None:
    """The words of a query (topic tokens, which come after them, are in test_search_topics)."""
    assert run((("queryWords", query, lang),)) == (expected,)


def test_build_script_uses_the_same_rules() -> None:
    texts = {"id": ["<p>Keterlambatan <b>pembayaran</b> iuran</p>"], "en": ["Changed jobs"]}
    out = subprocess.run(
        [node(), str(BUILD_SCRIPT)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == {"id": ["lambat bayar iur"], "en": ["chang job"]}


@pytest.mark.parametrize(("lang", "prefix"), [("id", ""), ("en", "en/")])
def test_built_index_has_hidden_stem_and_keyword_fields(site: Path, lang: str, prefix: str) -> None:
    index = json.loads((site / prefix / "search" / "search_index.json").read_text("utf-8"))
    assert {"title_stems", "text_stems", "keywords"} <= set(index["config"]["fields"])
    assert index["config"]["pipeline"] == ["trimmer"]
    docs = {doc["location"]: doc for doc in index["docs"]}
    late = docs["causes/late-payment/"]
    assert ("lambat" if lang == "id" else "lat") in late["title_stems"].split()
    assert late["keywords"]
    assert all("keywords" not in doc for loc, doc in docs.items() if "#" in loc)


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("switched jobs", "en", {"transfer", "employer"}),
        ("quit my job", "en", {"resign"}),
        ("hotline", "en", {"contact", "call"}),
        ("ID card", "en", {"nik"}),
        ("double kpj", "en", {"duplicat", "number"}),
        ("ganti kantor", "id", {"pindah", "alih"}),
        ("nomor cs", "id", {"hubung", "layan"}),
        ("kena phk", "id", {"henti", "aktif"}),
        ("e-KTP", "id", {"nik"}),
        ("official website", "en", {"official", "channel"}),
        ("double check kpj", "en", {"check", "again", "verify"}),
        ("website resmi", "id", {"resmi", "saluran"}),
    ],
)
def test_synonyms_map_everyday_phrasings_to_the_pages_words(
    query: str, lang: str, expected: set[str]
) -> None:
    (out,) = run((("transformQuery", query, lang),))
    terms = {term.removesuffix("^1") for term in out.split()}
    assert expected <= terms, (query, out)


@pytest.mark.parametrize(
    ("query", "lang", "typed"),
    [
        ("nik tidak sesuai dukcapil", "id", {"dukcapil", "nik"}),
        ("official website", "en", {"websit"}),
        ("kena phk", "id", {"kena", "phk"}),
    ],
)
def test_synonyms_keep_the_typed_words(query: str, lang: str, typed: set[str]) -> None:
    """A synonym adds the pages' words; what the reader typed still counts (issue 12)."""
    (out,) = run((("transformQuery", query, lang),))
    assert typed <= {term.removesuffix("^1") for term in out.split()}, (query, out)


def test_synonyms_are_data_beside_the_stemmer() -> None:
    data = json.loads((WORDS_JS.parent / "search-words.json").read_text("utf-8"))
    assert set(data["stemmers"]) == {"id", "en"}
    for lang in ("id", "en"):
        for phrase, words in data["synonyms"][lang].items():
            assert phrase == phrase.lower().strip() and words.strip(), (lang, phrase)
            assert len(phrase.split()) <= 4, f"{phrase!r}: phrases match up to 4 words"


def test_long_input_is_bounded_and_fast() -> None:
    """A 60,000-character query or word is cut and stemmed in linear time (issue 14)."""
    script = (
        f"const w = require({json.dumps(str(WORDS_JS))});"
        "const started = Date.now();"
        "const long = 'a'.repeat(60000), out = [];"
        "for (const lang of ['id', 'en']) {"
        "  out.push(w.transformQuery(long, lang), w.transformQuery('ab '.repeat(20000), lang));"
        "  w.terms('x'.repeat(60000) + 'ing', lang); w.stemEn('e'.repeat(60000) + 'ment');"
        "  w.terms('<'.repeat(60000), lang);"
        "}"
        "process.stdout.write(JSON.stringify({ms: Date.now() - started, out, max: w.MAX_QUERY}));"
    )
    result = json.loads(
        subprocess.run([node(), "-e", script], capture_output=True, text=True, check=True).stdout
    )
    assert all(len(query) <= result["max"] + 10 for query in result["out"])
    assert result["ms"] < 2_000, f"stemming 60,000 characters took {result['ms']} ms"


def test_snowball_stemmers_are_vendored_and_usable_when_chosen() -> None:
    """CEK_KPJ_STEMMERS switches both sides to Snowball (@orama/stemmers) for a measurement.

    The build's --data output carries each chosen stemmer's source; the generated browser
    script, run as the browser would (no require), gives the same stems as Node.
    """
    env = {**os.environ, "CEK_KPJ_STEMMERS": "id:snowball,en:snowball"}
    data = json.loads(
        subprocess.run(
            [node(), str(BUILD_SCRIPT), "--data"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
    )
    assert data["stemmers"] == {"id": "snowball", "en": "snowball"}
    sys.path.insert(0, str(ROOT / "build_scripts" / "hooks"))
    from search_words import browser_scripts

    scripts = browser_scripts(data)
    browser = "".join(scripts.values()) + (
        "const out = {id: CekKpjSnowball.id('pembayaran'), en: CekKpjSnowball.en('switched'),"
        " data: CekKpjSearchData.stemmers};"
        "process.stdout.write(JSON.stringify(out));"
    )
    out = json.loads(
        subprocess.run(
            [node(), "-"],  # the script on stdin: it is too long for the command line
            input=browser,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    node_side = json.loads(
        subprocess.run(
            [
                node(),
                "-e",
                f"const w = require({json.dumps(str(WORDS_JS))});"
                "const out = [w.stem('pembayaran', 'id'), w.stem('switched', 'en')];"
                "process.stdout.write(JSON.stringify(out))",
            ],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
    )
    assert [out["id"], out["en"]] == node_side == ["bayar", "switch"]
    assert out["data"] == {"id": "snowball", "en": "snowball"}
