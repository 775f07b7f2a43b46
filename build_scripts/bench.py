"""Print Cek KPJ's size and speed figures. It measures and prints; it asserts nothing.

    python3 build_scripts/dev.py bench            # builds first, then runs this
    .venv/bin/python build_scripts/bench.py [--runs N] [--no-lighthouse]

Figures (medians of several runs, over the built site served on 127.0.0.1 with
netlify.toml's headers and Brotli compression, as a CDN would serve it):
- bytes transferred for a guide page and for the checker page, first visit;
- the service worker's offline precache, downloaded after the first page;
- Pyodide's bare boot, the checker ready (cold, and warm: a later visit, with the
  stdlib compiled on the first one), one diagnosis round trip;
- Lighthouse scores (mobile) on home, a cause page and the checker, both languages;
- search hit rates per language, when the query set exists, and the held-out check of
  what the search learns from its examples (bench_search.py);
- the employee-list check: 10,000 and 100,000 rows from the CLI (time, peak memory)
  and on the list page once its runtime is ready (bench_batch.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))
sys.path.insert(0, str(ROOT / "tests"))

import bench_batch  # noqa: E402
import bench_search  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from static_server import SiteServer  # noqa: E402

READY = "#kpj-status[data-state=ready]"
WARM_VISITS = 4  # later visits per run: the first makes the memory snapshot, the rest use it
GUIDE_PAGES = ("/", "/causes/late-payment/", "/en/fixes/contact-cs/")
CHECKER_PAGES = ("/checker/", "/en/checker/")
BARE_BOOT_PAGE = "bench-bare-boot.html"
LIGHTHOUSE_PAGES = (
    "/",
    "/causes/late-payment/",
    "/checker/",
    "/en/",
    "/en/causes/late-payment/",
    "/en/checker/",
)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def kb(size: float) -> str:
    return f"{size / 1024:,.1f} KB"


def line(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<44} {value:>14}  {note}".rstrip())


def add_bare_boot_page(site: Path) -> None:
    """A bench-only page that boots Pyodide with nothing of ours, for the ratio."""
    runtime = next((site / "assets" / "pyodide").iterdir())
    folder = runtime.relative_to(site).as_posix()
    (site / "bench-bare-boot.js").write_text(
        f"""const base = new URL("{folder}/", location.href).href;
const compiled = base + "python_stdlib.compiled.zip";
const stdLibURL = (await fetch(compiled)).ok ? compiled : base + "python_stdlib.zip";
const t0 = performance.now();
const {{ loadPyodide }} = await import(base + "pyodide.mjs");
await loadPyodide({{ indexURL: base, stdLibURL,
  lockFileURL: base + "pyodide-lock.json", packages: [] }});
document.body.dataset.bootMs = String(performance.now() - t0);
""",
        encoding="utf-8",
    )
    (site / BARE_BOOT_PAGE).write_text(
        '<!doctype html><html lang="en"><title>bare boot</title>'
        '<script type="module" src="bench-bare-boot.js"></script></html>',
        encoding="utf-8",
    )


def transferred(server: SiteServer, browser: Browser, path: str, *, workers: bool) -> int:
    """Bytes the server sent for one cold first visit (service worker blocked or allowed)."""
    context = browser.new_context(service_workers="allow" if workers else "block")
    page = context.new_page()
    server.traffic.reset()
    page.goto(server.url + path, wait_until="networkidle")
    if path.endswith("checker/"):
        page.locator(READY).wait_for(timeout=120_000)
        page.wait_for_load_state("networkidle")
    if workers:
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        page.wait_for_load_state("networkidle")
        time.sleep(1)
    size = server.traffic.bytes_sent
    context.close()
    return size


def transferred_with_nik(server: SiteServer, browser: Browser, path: str) -> int:
    """Bytes for a first visit to the checker page plus one check with a NIK typed.

    The region names (``regions.json``) are fetched only then, so this is the page's
    weight with the region data in it.
    """
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    server.traffic.reset()
    page.goto(server.url + path, wait_until="networkidle")
    page.locator(READY).wait_for(timeout=120_000)
    page.locator("#kpj-nik").fill("3271011708900001")
    page.locator("#kpj-checker button[type=submit]").click()
    page.locator("#checker-results [data-nik-info]").wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")
    size = server.traffic.bytes_sent
    context.close()
    return size


def measure_marks(page: Page, name: str) -> float:
    return page.evaluate(
        "name => { const e = performance.getEntriesByName(name); return e.length ? "
        "(e[e.length - 1].duration || e[e.length - 1].startTime) : NaN }",
        name,
    )


def wait_for_compiled_stdlib(
    page: Page, seconds: float = 90, name: str = "python_stdlib.compiled.zip"
) -> None:
    """Wait until the worker has kept `name` (made after the boot) in the runtime cache."""
    deadline = time.monotonic() + seconds
    script = (
        "() => caches.open('cek-kpj-runtime').then(c => c.keys())"
        f".then(k => k.some(r => r.url.endsWith('{name}')))"
    )
    while time.monotonic() < deadline and not page.evaluate(script):
        time.sleep(0.5)


STEPS = (  # the worker's timings (checker-worker.js), in boot order
    ("snapshotRead", "read + gunzip the memory snapshot (overlaps next)"),
    ("fetch", "runtime files: download + check, or cache lookup"),
    ("import", "import pyodide.mjs (+ pyodide.asm.js)"),
    ("wasm", "  wasm compile + instantiate (inside loadPyodide)"),
    ("load", "loadPyodide: wasm, stdlib mount, Python start"),
    ("install", "install the kpj_checker wheel"),
    ("prepare", "import kpj_checker and its data"),
    ("worker", "worker boot, total"),
    ("before", "navigation -> worker boot starts"),
    ("ready", "checker ready, from navigation"),
)


def boot_steps(page: Page) -> dict[str, float]:
    """The worker's own timings for this visit, plus what came before it on the page."""
    detail = page.evaluate("() => performance.getEntriesByName('kpj-checker-ready')[0].detail")
    ready = measure_marks(page, "kpj-checker-ready")
    steps = {name: float(detail.get(name, 0.0)) for name, _ in STEPS[:7]}
    steps["snapshot"] = detail.get("snapshot", "none")  # type: ignore[assignment]
    steps["worker"] = sum(steps[k] for k in ("fetch", "import", "load", "install", "prepare"))
    steps["ready"] = ready
    steps["before"] = ready - steps["worker"]
    return steps


def first_diagnosis(page: Page, kpj: str) -> float:
    page.fill("[name=kpj]", kpj)
    page.click("#kpj-checker button[type=submit]")
    page.locator("#checker-results [data-cause]").first.wait_for()
    return measure_marks(page, "kpj-diagnosis")


def ready_times(server: SiteServer, browser: Browser, runs: int) -> dict[str, list]:
    """Per run: the cold visit's steps, later visits' steps, diagnoses, a bare Pyodide boot."""
    figures: dict[str, list] = {
        "cold": [],
        "warm": [],
        "first_diagnosis": [],
        "diagnosis": [],
        "bare": [],
    }
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url + "/checker/")
        page.locator(READY).wait_for(timeout=120_000)
        figures["cold"].append(boot_steps(page))
        figures["first_diagnosis"].append(first_diagnosis(page, "1234567890"))
        wait_for_compiled_stdlib(page)  # a later visit boots from the compiled copy
        for _ in range(WARM_VISITS):
            page.reload()
            page.locator(READY).wait_for(timeout=120_000)
            figures["warm"].append(boot_steps(page))
            if figures["warm"][-1]["snapshot"] == "made":  # kept a moment after "ready"
                wait_for_compiled_stdlib(page, name="pyodide.snapshot.gz")
        for kpj in ("1234567890", "12345678901", "1234 5678 901"):
            figures["diagnosis"].append(first_diagnosis(page, kpj))
        page.goto(server.url + "/" + BARE_BOOT_PAGE)
        page.wait_for_function("() => document.body.dataset.bootMs", timeout=120_000)
        figures["bare"].append(float(page.evaluate("document.body.dataset.bootMs")))
        context.close()
    return figures


def spread(values: list[float]) -> str:
    """Median and range, e.g. `812 (790-905)`."""
    if not values:
        return "-"
    return f"{median(values):,.0f} ({min(values):,.0f}-{max(values):,.0f})"


def later_visits(figures: dict[str, list], snapshot: str) -> list[dict]:
    return [run for run in figures["warm"] if run["snapshot"] == snapshot]


def print_steps(figures: dict[str, list]) -> None:
    """First visit; the later visit that makes the memory snapshot; later visits restoring it."""
    columns = {
        "first visit": figures["cold"],
        "2nd (makes snapshot)": later_visits(figures, "made"),
        "later (snapshot)": later_visits(figures, "restored"),
    }
    print(f"  {'step (ms: median (min-max))':<52}" + "".join(f" {c:>20}" for c in columns))
    for name, label in STEPS:
        cells = [spread([run[name] for run in runs]) for runs in columns.values()]
        print(f"  {label:<52}" + "".join(f" {c:>20}" for c in cells))
    first = figures["first_diagnosis"]
    print(f"  {'first diagnosis round trip':<52} {spread(first):>20}")
    bare = spread(figures["bare"])
    print(f"  {'Pyodide bare boot (same stdlib, no checker)':<52} {'':>20} {bare:>20}")


def lighthouse(server: SiteServer) -> dict[str, dict[str, int]]:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    scores: dict[str, dict[str, int]] = {}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    for path in LIGHTHOUSE_PAGES:
        out = subprocess.run(
            [
                str(binary),
                server.url + path,
                "--output=json",
                "--quiet",
                f"--chrome-flags={flags}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--max-wait-for-load=60000",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        if out.returncode != 0:
            print(f"  lighthouse {path}: {out.stderr.strip()[-300:]}", file=sys.stderr)
            continue
        report = json.loads(out.stdout)
        scores[path] = {
            name: round((category["score"] or 0) * 100)
            for name, category in report["categories"].items()
        }
    return scores


def timed(label: str, step: Callable[[], object]) -> object:
    started = time.perf_counter()
    result = step()
    print(f"  ({label}: {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(ROOT / "site", site)
        add_bare_boot_page(site)
        with SiteServer(site) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            runtime = next((site / "assets" / "pyodide").iterdir())
            wasm = (runtime / "pyodide.asm.wasm").read_bytes()
            import brotli

            wasm_br = len(brotli.compress(wasm, quality=5))
            print("Cek KPJ benchmark (medians; Brotli as served on 127.0.0.1)")
            print("\nWeight, first visit:")
            for path in GUIDE_PAGES:
                sizes = [transferred(server, browser, path, workers=False) for _ in range(3)]
                line(f"guide page {path}", kb(median(sizes)), "(budget 150 KB)")
            with_sw = [transferred(server, browser, "/", workers=True) for _ in range(2)]
            line("guide page / with offline precache", kb(median(with_sw)), "(after load)")
            for path in CHECKER_PAGES:
                sizes = [transferred(server, browser, path, workers=False) for _ in range(3)]
                ratio = median(sizes) / wasm_br
                line(
                    f"checker page {path}", kb(median(sizes)), f"= {ratio:.2f} x wasm (budget 1.3)"
                )
            for path in CHECKER_PAGES[:1]:
                sizes = [transferred_with_nik(server, browser, path) for _ in range(3)]
                ratio = median(sizes) / wasm_br
                line(
                    f"checker page {path} + region data (NIK typed)",
                    kb(median(sizes)),
                    f"= {ratio:.2f} x wasm",
                )
            line("pyodide.asm.wasm alone", kb(wasm_br))

            print("\nSpeed (headless Chromium, this machine):")
            print(f"  load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
            figures = timed("speed", lambda: ready_times(server, browser, args.runs))
            print_steps(figures)  # type: ignore[arg-type]
            bare = median(figures["bare"])  # type: ignore[index]
            cold = median([run["ready"] for run in figures["cold"]])  # type: ignore[index]
            later = later_visits(figures, "restored") or figures["warm"]  # type: ignore[arg-type]
            warm = median([run["ready"] for run in later])
            worker = median([run["worker"] for run in later])
            line("checker ready, first visit", f"{cold:,.0f} ms", "(budget 4 s)")
            line(
                "checker ready, later visit (since navigation)", f"{warm:,.0f} ms", "(budget 1.0 s)"
            )
            line("checker boot / bare Pyodide boot", f"{worker / bare:.2f} x", "(budget 1.05)")
            line(
                "diagnosis round trip", f"{median(figures['diagnosis']):,.1f} ms", "(budget 100 ms)"
            )  # type: ignore[index]
            print(f"  load average at end: {os.getloadavg()[0]:.2f}")

            bench_batch.report(
                line,
                kb,
                server.url,
                browser,
                lambda path: transferred(server, browser, path, workers=False),
            )

            bench_search.report(server.url, browser, site, line)

            if not args.no_lighthouse:
                print("\nLighthouse 12.2 (mobile preset): perf / a11y / best practices / SEO")
                for path, score in timed("lighthouse", lambda: lighthouse(server)).items():  # type: ignore[union-attr]
                    if score:
                        line(path, " / ".join(str(v) for v in score.values()))
            browser.close()


if __name__ == "__main__":
    main()
