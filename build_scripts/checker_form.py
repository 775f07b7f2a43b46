"""The checker's HTML form, rendered at build time in the page's language.

One control per `kpj_checker` input, named exactly as its JSON field (a date is a fieldset
of day, month and year boxes named `<field>-day` ...), with labels, hints and option
labels from `kpj_checker`'s messages: the same source the checker itself speaks from.
The page scripts (`assets/cek-kpj/checker.js`, `checker-results.js`, `date-input.js`,
`next-steps.js`) add behaviour; without them, the form explains how to use the guide
instead.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from html import escape

from kpj_checker import content
from kpj_checker.inputs import CHOICES, FORM_FIELDS, UNKNOWN


@dataclass(frozen=True)
class Runtime:
    """Where the Pyodide bundle is in the site, and what it holds."""

    folder: str  # e.g. "assets/pyodide/3f2a…/", relative to the site root
    lock_file: str
    packages: tuple[str, ...]
    files: tuple[str, ...]
    download_bytes: int  # compressed size of what the first visit downloads
    # (name, size, SHA-256 hex) of each file: nothing is used or kept offline unless it matches
    checks: tuple[tuple[str, int, str], ...] = ()
    lazy_files: tuple[str, ...] = ()  # fetched by the worker only when needed (regions.json)
    optional_packages: tuple[str, ...] = ()  # loaded by the list page for .xlsx only
    optional_files: tuple[str, ...] = ()  # the wheels of optional_packages
    batch_stdlib: str = ""  # stdlib zip the list page adds (csv, zipfile, xml...)
    batch_archive: str = ""  # kpj_checker.batch, unpacked by the list page only


RUNTIME: dict[str, Runtime] = {}  # set by the checker_page hook before pages render


def runtime_attrs(page_dest: str, lang: str) -> tuple[str, str, Runtime | None]:
    """(site root, attributes, runtime) for a block that starts the runtime on the page
    written to `page_dest`: where the runtime is, its files and their checks (size and
    SHA-256: the page's worker uses or keeps a file only when it matches)."""
    root = posixpath.relpath(".", posixpath.dirname(page_dest)) + "/"
    runtime = RUNTIME.get("current")
    attrs = f'data-lang="{lang}" data-site-root="{root}"'
    if runtime:
        checks = " ".join(f"{name}:{size}:{sha}" for name, size, sha in runtime.checks)
        attrs += (
            f' data-runtime="{root}{runtime.folder}" data-lock="{runtime.lock_file}"'
            f' data-packages="{" ".join(runtime.packages)}"'
            f' data-files="{" ".join(runtime.files)}"'
            f' data-checks="{checks}"'
            f' data-lazy-files="{" ".join(runtime.lazy_files)}"'
        )
    return root, attrs, runtime


# Selects offer "unknown" first (the default), then the values the checker accepts.
SELECTS = {field: (UNKNOWN, *values) for field, values in CHOICES.items()}
# Dates are typed as separate parts (GOV.UK's date-input pattern), named `<field>-<part>`;
# the page script (`date-input.js`) checks the parts and joins them into an ISO date.
DATE_PARTS: dict[str, tuple[str, ...]] = {
    "birth_date": ("day", "month", "year"),
    "changed_employer_on": ("day", "month", "year"),
    "registered_on": ("day", "month", "year"),
    "last_paid_month": ("month", "year"),
}
PART_CHARS = {"day": 2, "month": 2, "year": 4}
# Browsers may offer a remembered birth date; the other dates are the person's own to type.
AUTOCOMPLETE = {"birth_date": "bday"}
# Ready-made messages to HR or a BPJS Ketenagakerjaan branch are sent in Indonesian, also
# from the English page (which shows an English translation beside them).
MESSAGE_LANG = "id"
# Guide pages a field's hint links to (relative to the language's home), with the link text key.
HINT_LINKS = {"kpj": ("find-kpj/", "form.kpj.hint_link")}


def control(field: str, lang: str) -> str:
    """One input or select, with its id, name and described-by links."""
    described = f"kpj-hint-{field} kpj-error-{field} kpj-warning-{field}"
    ids = f'id="kpj-{field}" name="{field}" aria-describedby="{described}"'
    if field in SELECTS:
        options = "".join(
            f'<option value="{v}">{escape(content.message(f"form.{field}.{v}", lang))}</option>'
            for v in SELECTS[field]
        )
        return f"<select {ids}>{options}</select>"
    return (
        f'<input type="text" {ids} inputmode="numeric" autocomplete="off" '
        'autocapitalize="off" spellcheck="false">'
    )


def date_part(field: str, part: str, lang: str) -> str:
    """One part of a date (day, month or year): a short numeric text box with its label."""
    part_id = f"kpj-{field}-{part}"
    kind = AUTOCOMPLETE.get(field)
    autocomplete = f"{kind}-{part}" if kind else "off"
    return (
        f'<div class="kpj-date-part">'
        f'<label for="{part_id}">{escape(content.message(f"form.date.{part}", lang))}</label>'
        f'<input type="text" id="{part_id}" name="{field}-{part}" data-part="{part}" '
        f'class="kpj-chars-{PART_CHARS[part]}" inputmode="numeric" '
        f'autocomplete="{autocomplete}" spellcheck="false">'
        "</div>"
    )


def date_block(field: str, lang: str) -> str:
    """A date as a fieldset of parts, with its legend, hint, example and error slot."""
    parts = DATE_PARTS[field]
    legend = escape(content.message(f"form.{field}.label", lang))
    example = "form.date.example" if "day" in parts else "form.date.example_month"
    hint = escape(
        content.message(f"form.{field}.hint", lang) + " " + content.message(example, lang)
    )
    return (
        f'<fieldset class="kpj-field kpj-date" id="kpj-{field}" data-field="{field}" '
        f'data-parts="{" ".join(parts)}" '
        f'aria-describedby="kpj-hint-{field} kpj-error-{field} kpj-warning-{field}">'
        f"<legend>{legend}</legend>"
        f'<p class="kpj-hint" id="kpj-hint-{field}">{hint}</p>'
        f'<p class="kpj-error" id="kpj-error-{field}" data-error-for="{field}" hidden></p>'
        f'<div class="kpj-date-parts">{"".join(date_part(field, p, lang) for p in parts)}</div>'
        f'<p class="kpj-warning" id="kpj-warning-{field}" data-warning-for="{field}" hidden></p>'
        "</fieldset>"
    )


def field_block(field: str, lang: str, lang_root: str = "") -> str:
    if field in DATE_PARTS:
        return date_block(field, lang)
    label = escape(content.message(f"form.{field}.label", lang))
    hint = escape(content.message(f"form.{field}.hint", lang))
    if field in HINT_LINKS:
        target, text_key = HINT_LINKS[field]
        hint += f' <a href="{lang_root}{target}">{escape(content.message(text_key, lang))}</a>'
    return (
        f'<div class="kpj-field" data-field="{field}">'
        f'<label for="kpj-{field}">{label}</label>'
        f'<p class="kpj-hint" id="kpj-hint-{field}">{hint}</p>'
        f"{control(field, lang)}"
        f'<p class="kpj-error" id="kpj-error-{field}" data-error-for="{field}" hidden></p>'
        f'<p class="kpj-warning" id="kpj-warning-{field}" data-warning-for="{field}" hidden></p>'
        "</div>"
    )


def page_texts(lang: str) -> str:
    """Texts the page script needs at run time, as inert JSON (no inline script runs)."""
    texts = content.messages(lang, prefix="form.")
    texts |= content.messages(lang, prefix="likelihood.")
    texts |= content.messages(lang, prefix="month.")  # month names typed into a date's month
    texts |= content.messages(lang, prefix="next.")
    if lang != MESSAGE_LANG:  # messages to HR or a branch are sent in Indonesian
        texts |= {
            f"{MESSAGE_LANG}:{key}": text
            for key, text in content.messages(MESSAGE_LANG, prefix="next.").items()
            if key.endswith(".text")
        }
    texts |= content.messages(lang, prefix="runtime.")
    texts |= {f"cause.{cause.id}": cause.title for cause in content.causes(lang)}
    return json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")


def human_size(size: int, lang: str) -> str:
    megabytes = f"{size / 1_000_000:.1f}"
    return (megabytes.replace(".", ",") if lang == "id" else megabytes) + " MB"


def render_form(lang: str, page_dest: str) -> str:
    """The checker block for the page written to `page_dest` (e.g. `en/checker/index.html`)."""
    root, attrs, runtime = runtime_attrs(page_dest, lang)
    if runtime:
        attrs += f' data-size="{human_size(runtime.download_bytes, lang)}"'
    lang_root = root + ("" if lang == content.LANGUAGES[0] else f"{lang}/")
    fields = "".join(field_block(f, lang, lang_root) for f in FORM_FIELDS)
    m = lambda key: escape(content.message(key, lang))  # noqa: E731
    return f"""<div class="kpj-checker" {attrs}>
<p class="kpj-privacy"><strong>{m("form.privacy")}</strong></p>
<p class="kpj-nojs" data-kpj-nojs>{m("form.nojs")}</p>
<form id="kpj-checker" novalidate autocomplete="off" hidden>
{fields}
<div class="kpj-actions">
<button type="submit" class="md-button md-button--primary">{m("form.submit")}</button>
<button type="reset" class="md-button">{m("form.reset")}</button>
</div>
<p class="kpj-status" id="kpj-status" role="status"></p>
</form>
<section id="checker-results" class="kpj-results" aria-live="polite" tabindex="-1"></section>
<script type="application/json" id="kpj-checker-texts">{page_texts(lang)}</script>
<script src="{root}assets/cek-kpj/dom.js"></script>
<script src="{root}assets/cek-kpj/date-input.js"></script>
<script src="{root}assets/cek-kpj/next-steps.js"></script>
<script src="{root}assets/cek-kpj/nik-info.js"></script>
<script src="{root}assets/cek-kpj/runtime-watch.js"></script>
<script src="{root}assets/cek-kpj/checker-results.js"></script>
<script src="{root}assets/cek-kpj/checker.js"></script>
</div>"""
