"""What the search learns from its examples carries over to tuning sets it has not seen.

build_scripts/search_holdout.mjs leaves each tagged tuning set of the examples out in
turn, lets the topic layer learn from the rest and ranks the left-out queries (no lunr).
This is where the examples layer's weights were chosen (README, "The query set"); the
floor keeps a change to the cues, weights or features from quietly making the search
learn less well. The figure is printed by `dev.py bench` too.
"""

from __future__ import annotations

import json
import subprocess

from test_stemmer import ROOT, node

SCRIPT = ROOT / "build_scripts" / "search_holdout.mjs"
MIN_TOP1 = 0.93  # 95.4% (id) and 94.9% (en) when the weights were chosen


def test_examples_generalize_to_held_out_tuning_sets() -> None:
    out = subprocess.run(
        [node(), str(SCRIPT), "--json"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    result = json.loads(out.stdout)
    for lang in ("id", "en"):
        held = result[lang]
        assert held["queries"] >= 3000 and len(held["sets"]) >= 17, (lang, held["queries"])
        assert held["top1"] >= MIN_TOP1, (lang, held["top1"], held["sets"])
