"""The list check's figures for ``dev.py bench``: speed from the CLI and in the browser,
memory for a large list, and the list page's weight. It measures; it asserts nothing.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import batch_samples
from playwright.sync_api import Browser

LIST_PAGE = "/employee-list/"
READY = "#kpj-list-status[data-state=ready]"
DONE = "#kpj-list-status[data-state=done]"
SIZES = (10_000, 100_000)


def cli_figures(folder: Path) -> dict[str, tuple[float, float, float]]:
    """{label: (seconds, CPU seconds, peak MB)} of ``kpj_checker batch`` on made-up lists."""
    figures = {}
    for rows in SIZES:
        path = folder / f"list-{rows}.csv"
        path.write_bytes(batch_samples.big_csv(rows))
        figures[f"{rows:,} rows CSV ({path.stat().st_size / 2**20:.1f} MB)"] = _run_cli(path)
    xlsx = folder / "list-10000.xlsx"
    lines = [line.split(";") for line in batch_samples.big_csv(10_000).decode().splitlines()]
    xlsx.write_bytes(batch_samples.xlsx_bytes(lines))
    figures[f"10,000 rows .xlsx ({xlsx.stat().st_size / 2**20:.1f} MB)"] = _run_cli(xlsx)
    return figures


def _run_cli(path: Path) -> tuple[float, float, float]:
    """Wall time, CPU time and peak memory of one CLI run in a child process."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run([sys.executable, '-m', 'kpj_checker', 'batch', sys.argv[1], '--json'],"
        " stdout=subprocess.DEVNULL, check=True)\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    seconds, cpu, peak_kb = out.stdout.split()
    return float(seconds), float(cpu), int(peak_kb) / 1024


def browser_figures(base_url: str, browser: Browser, folder: Path) -> dict[str, float]:
    """ms to check generated lists on the list page once the runtime is ready."""
    figures: dict[str, float] = {}
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + LIST_PAGE)
    page.locator(READY).wait_for(timeout=180_000)
    files = [folder / f"list-{rows}.csv" for rows in SIZES] + [folder / "list-10000.xlsx"]
    for path in files:
        started = time.perf_counter()
        page.set_input_files("#kpj-list-file", str(path))
        page.locator(DONE).wait_for(timeout=600_000)
        round_trip = (time.perf_counter() - started) * 1000
        worker_ms = float(page.locator(".kpj-list").get_attribute("data-last-ms") or "nan")
        figures[f"{path.name}: check in the worker"] = worker_ms
        figures[f"{path.name}: choose to table shown"] = round_trip
        page.evaluate("document.querySelector('#kpj-list-status').dataset.state = 'ready'")
    context.close()
    return figures


def report(
    line: Callable[..., None],
    kb: Callable[[float], str],
    base_url: str,
    browser: Browser,
    transferred: Callable[[str], int],
) -> None:
    """Print the list check's section of the bench."""
    print("\nEmployee list check:")
    size = transferred(LIST_PAGE)
    line(f"list page {LIST_PAGE}, first visit (CSV ready)", kb(size))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, (seconds, cpu, peak) in cli_figures(folder).items():
            note = f"CPU {cpu:.2f} s, peak {peak:.0f} MB"
            line(f"CLI {label}", f"{seconds:.2f} s", note + " (budget 2 s for 10,000)")
        for label, ms in browser_figures(base_url, browser, folder).items():
            line(
                label,
                f"{ms:,.0f} ms",
                "(budget 1 s for 10,000 rows)" if "10000.csv" in label else "",
            )
