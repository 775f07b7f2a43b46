"""The employee-list page's file chooser, rendered at build time in the page's language.

The page script (``assets/cek-kpj/employee-list.js``) reads the chosen file in a
Web Worker (``employee-list-worker.js``) that runs ``kpj_checker.batch`` in
Pyodide; the file never leaves the device. Without the script, the page says so.
"""

from __future__ import annotations

import json
from html import escape

from checker_form import runtime_attrs
from kpj_checker import content
from kpj_checker.batch import MAX_BYTES


def list_texts(lang: str) -> str:
    """The page script's strings (``batch.page.*`` and field labels), as JSON."""
    texts = content.messages(lang, "batch.page.")
    texts |= content.messages(lang, "batch.report.field.")
    texts |= content.messages(lang, "batch.code.")
    return json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")


def render_list_form(lang: str, page_dest: str) -> str:
    """The list-check block for the page written to ``page_dest``."""
    root, attrs, runtime = runtime_attrs(page_dest, lang)
    if runtime:
        # Every file the worker loads is checked against data-checks before it is used or
        # kept offline: data-files (and the batch files, the region names) when the page
        # opens, data-xlsx-files for the first .xlsx.
        attrs += (
            f' data-xlsx-packages="{" ".join(runtime.optional_packages)}"'
            f' data-xlsx-files="{" ".join(runtime.optional_files)}"'
            f' data-batch-stdlib="{runtime.batch_stdlib}"'
            f' data-batch-archive="{runtime.batch_archive}"'
        )

    def m(key: str) -> str:
        return escape(content.message(f"batch.page.{key}", lang, max_mb=MAX_BYTES // 2**20))

    return f"""<div class="kpj-list" {attrs}>
<p class="kpj-privacy"><strong>{m("privacy")}</strong></p>
<p class="kpj-nojs" data-kpj-nojs>{m("nojs")}</p>
<form id="kpj-list-form" class="kpj-list-form" hidden>
<div class="kpj-drop" data-drop>
<label for="kpj-list-file">{m("choose")}</label>
<p class="kpj-hint" id="kpj-list-file-hint">{m("choose_hint")}</p>
<input type="file" id="kpj-list-file" name="file" aria-describedby="kpj-list-file-hint"
 accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
</div>
<p class="kpj-status" id="kpj-list-status" role="status"></p>
<progress id="kpj-list-progress" max="1" hidden></progress>
</form>
<section id="kpj-list-results" class="kpj-results" aria-live="polite" tabindex="-1"></section>
<script type="application/json" id="kpj-list-texts">{list_texts(lang)}</script>
<script src="{root}assets/cek-kpj/runtime-watch.js"></script>
<script src="{root}assets/cek-kpj/dom.js"></script>
<script src="{root}assets/cek-kpj/employee-list.js"></script>
</div>"""
