"""Geoparse benchmark: gazetteer cold build and warm load, throughput, peak memory.

Reports numbers; asserts nothing (targets: >= 1 MB/s of text per core warm, warm load
<= 1 s, peak RSS <= 500 MB). Each stage runs in a fresh process so memory is its own.

    python benchmarks/bench_geoparse.py [--mb 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
t0 = time.perf_counter()
from geo.places.gazetteer import load_gazetteer
gaz = load_gazetteer()
load_s = time.perf_counter() - t0
out = {{"load_s": load_s, "places": len(gaz)}}
if {parse}:
    from geo.toponyms.geoparse import geoparse
    docs = json.load(open({docs!r}, encoding="utf-8"))
    for d in docs[:50]:
        geoparse(d, gazetteer=gaz)  # warm caches
    t = time.perf_counter()
    n = sum(len(geoparse(d, gazetteer=gaz)) for d in docs)
    el = time.perf_counter() - t
    size = sum(len(d.encode("utf-8")) for d in docs)
    out.update(docs=len(docs), toponyms=n, seconds=el, mb=size / 1e6,
               docs_per_s=len(docs) / el, mb_per_s=size / 1e6 / el)
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def _corpus(target_mb: float) -> list[str]:
    """News-sized documents from our own gold and sample texts (and the seed if present)."""
    texts = [
        json.loads(line)["text"]
        for line in (ROOT / "tests" / "data" / "geoparse_gold.jsonl").read_text().splitlines()
    ]
    texts += [
        json.loads(line)["text"]
        for line in (ROOT / "tests" / "data" / "events_gold.jsonl").read_text().splitlines()
    ]
    texts += [p.read_text() for p in sorted((ROOT / "data" / "samples").glob("*.md"))]
    seed = ROOT.parent / "shared" / "seed" / "article.txt"
    if seed.is_file():
        texts.append(seed.read_text())
    # Articles of a few paragraphs each, like the news the product reads.
    docs = ["\n\n".join(texts[i : i + 4]) for i in range(0, len(texts), 4)]
    out, size = [], 0
    while size < target_mb * 1e6:
        for d in docs:
            out.append(d)
            size += len(d.encode("utf-8"))
    return out


def _run(env: dict, *, parse: bool, docs: str = "") -> dict:
    code = _CHILD.format(root=str(ROOT), parse=parse, docs=docs)
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="MB of text to geoparse")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "GEO_CACHE": cache}
        cold = _run(env, parse=False)
        warm = _run(env, parse=False)
        docs_file = Path(cache) / "docs.json"
        docs_file.write_text(json.dumps(_corpus(args.mb)), encoding="utf-8")
        run = _run(env, parse=True, docs=str(docs_file))
    print(f"gazetteer: {cold['places']:,} places")
    print(f"cold build + load : {cold['load_s']:6.2f} s   peak RSS {cold['peak_rss_mb']:5.0f} MB")
    print(f"warm load         : {warm['load_s']:6.2f} s   peak RSS {warm['peak_rss_mb']:5.0f} MB")
    print(
        f"geoparse (warm)   : {run['docs']} docs, {run['mb']:.2f} MB, {run['toponyms']:,} "
        f"toponyms in {run['seconds']:.2f} s"
    )
    print(
        f"throughput        : {run['docs_per_s']:,.0f} docs/s, {run['mb_per_s']:.2f} MB/s "
        f"(one core)"
    )
    print(f"peak RSS parsing  : {run['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
