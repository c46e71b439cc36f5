"""Geoparse benchmark: gazetteer cold build and warm load, throughput, peak memory.

Reports numbers; asserts nothing (targets: >= 1 MB/s of text per core warm, warm load
<= 1 s, peak RSS <= 500 MB). Each stage runs in a fresh process so memory is its own. Times
are CPU seconds of that process (the machine may be shared), wall seconds beside them.
``--cache DIR`` reuses the index in DIR (no cold build); memory per worker process is
``bench_worker_memory.py``'s.

    python benchmarks/bench_geoparse.py [--mb 2] [--cache DIR]
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
t0, c0 = time.perf_counter(), time.process_time()
from geo.places.gazetteer import load_gazetteer
gaz = load_gazetteer()
load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
from geo.places.gazetteer_build import sources
from geo.places.gazetteer_cache import index_key, index_path
index_mb = index_path(index_key(sources())).stat().st_size / 1e6
out = {{"load_s": load_s, "load_cpu": load_cpu, "places": len(gaz), "index_mb": index_mb}}
if {parse}:
    from geo.toponyms.geoparse import geoparse
    docs = json.load(open({docs!r}, encoding="utf-8"))
    for d in docs[:50]:
        geoparse(d, gazetteer=gaz)  # warm caches
    t, c = time.perf_counter(), time.process_time()
    n = sum(len(geoparse(d, gazetteer=gaz)) for d in docs)
    el, cpu = time.perf_counter() - t, time.process_time() - c
    size = sum(len(d.encode("utf-8")) for d in docs)
    out.update(docs=len(docs), toponyms=n, seconds=el, cpu=cpu, mb=size / 1e6,
               docs_per_cpu_s=len(docs) / cpu, mb_per_cpu_s=size / 1e6 / cpu)
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
    ap.add_argument("--cache", type=Path, help="reuse the index in this folder (no cold build)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = str(args.cache or tmp)
        env = {**os.environ, "GEO_CACHE": cache}
        cold = None if args.cache else _run(env, parse=False)
        warm = _run(env, parse=False)
        docs_file = Path(tmp) / "docs.json"
        docs_file.write_text(json.dumps(_corpus(args.mb)), encoding="utf-8")
        run = _run(env, parse=True, docs=str(docs_file))
    print(f"gazetteer: {warm['places']:,} places; index on disk {warm['index_mb']:.1f} MB")
    if cold:
        print(
            f"cold build + load : {cold['load_cpu']:6.2f} CPU-s ({cold['load_s']:.2f} s wall)"
            f"   peak RSS {cold['peak_rss_mb']:5.0f} MB"
        )
    print(
        f"warm load         : {warm['load_cpu']:6.2f} CPU-s ({warm['load_s']:.2f} s wall)"
        f"   peak RSS {warm['peak_rss_mb']:5.0f} MB"
    )
    print(
        f"geoparse (warm)   : {run['docs']} docs, {run['mb']:.2f} MB, {run['toponyms']:,} "
        f"toponyms in {run['cpu']:.2f} CPU-s ({run['seconds']:.2f} s wall)"
    )
    print(
        f"throughput        : {run['docs_per_cpu_s']:,.0f} docs/CPU-s, "
        f"{run['mb_per_cpu_s']:.2f} MB/CPU-s (one core)"
    )
    print(f"peak RSS parsing  : {run['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
