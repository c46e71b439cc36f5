"""Ingest on several processes or a dask cluster stores exactly what one process stores."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.pipeline import ingest
from geo.store.sqlite import Store

ROOT = Path(__file__).resolve().parent.parent

_SENTENCES = [
    "Shelling hit {a} on Monday and damaged {n} homes, officials in {b} said.",
    "About {n} people were evacuated from {a} to {b} over the weekend.",
    "A drone struck an energy facility in {a} overnight.",
    "Volunteers in {b} met families who had left {a} by train.",
    "Talks on prisoner exchanges resumed in Istanbul, with no word on {a}.",
]
_PLACES = ["Kharkiv", "Pokrovsk", "Sumy", "Odesa", "Kherson", "Dnipro", "Sudzha", "Izium"]


def _corpus(folder: Path, n: int = 12) -> list[Path]:
    """Small articles naming real places, plus a duplicate and a file that cannot be read."""
    rng = random.Random(5)
    folder.mkdir()
    for i in range(n):
        text = " ".join(
            rng.choice(_SENTENCES).format(a=a, b=b, n=rng.randint(2, 900))
            for a, b in (rng.sample(_PLACES, 2) for _ in range(6))
        )
        (folder / f"a{i:02d}.md").write_text(
            f"---\ntitle: Report {i}\npublished: 2024-0{1 + i % 9}-15\n---\n{text}\n",
            encoding="utf-8",
        )
    (folder / "copy.md").write_text((folder / "a03.md").read_text(), encoding="utf-8")
    (folder / "empty.txt").write_text("  ", encoding="utf-8")
    return sorted(folder.iterdir())


def _rows(store: Store) -> tuple:
    return store.articles(), store.mentions(), store.events()


def _summary(report) -> list[tuple]:
    return [(r.source, r.article_id, r.status, r.message, r.places, r.events) for r in report]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    _corpus(folder)
    return folder


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory, gazetteer):
    with Store(tmp_path_factory.mktemp("serial")) as store:
        report = ingest([corpus], store=store, gazetteer=gazetteer, jobs=1)
        return _summary(report), _rows(store)


def test_two_jobs_give_the_same_report_and_rows_as_one(corpus, serial, tmp_path, gazetteer):
    with Store(tmp_path / "store") as store:
        report = ingest([corpus], store=store, gazetteer=gazetteer, jobs=2)
        assert report.added == 12 and report.present == 1 and report.refused == 1
        assert (_summary(report), _rows(store)) == serial


def test_a_second_parallel_ingest_finds_everything_present(corpus, tmp_path, gazetteer):
    with Store(tmp_path / "store") as store:
        ingest([corpus], store=store, gazetteer=gazetteer, jobs=2)
        rev = store.revision()
        again = ingest([corpus], store=store, gazetteer=gazetteer, jobs=2)
        assert again.added == 0 and again.present == 13 and store.revision() == rev


def test_parallel_progress_counts_every_item_in_order(corpus, tmp_path, gazetteer):
    seen = []
    with Store(tmp_path / "store") as store:
        ingest(
            [corpus],
            store=store,
            gazetteer=gazetteer,
            jobs=2,
            progress=lambda done, total, src: seen.append((done, total, Path(src).name)),
        )
    names = sorted(p.name for p in corpus.iterdir())
    assert seen == [(i, len(names), name) for i, name in enumerate(names, 1)]


def test_jobs_below_one_is_refused(tmp_path, gazetteer):
    with Store(tmp_path / "store") as store, pytest.raises(ValueError, match="jobs must be"):
        ingest([], store=store, gazetteer=gazetteer, jobs=0)


_KILLED_INGEST = """
import os, sys
sys.path.insert(0, {root!r})
import geo.pipeline
from geo.pipeline import ingest
from geo.store.sqlite import Store

# Commits of three articles: progress hears of 4, 5 and 6 once all three are in the store.
geo.pipeline.WRITE_BATCH, geo.pipeline.WRITE_BATCH_S = 3, 1e9

def progress(done, total, source):
    if done == 5:
        os._exit(1)  # killed between two commits, with workers busy on later articles

with Store({store!r}) as store:
    ingest([{corpus!r}], store=store, jobs=2, progress=progress)
"""


def test_a_killed_parallel_ingest_leaves_whole_articles_and_no_workers(corpus, serial, tmp_path):
    root = tmp_path / "store"
    code = _KILLED_INGEST.format(root=str(ROOT), store=str(root), corpus=str(corpus))
    # The workers die with their parent: were one left, it would hold the pipes open and
    # this run would time out.
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr.decode()
    _, mentions, events = serial[1]
    with Store(root) as store:
        kept = {a.article_id for a in store.articles()}
        assert len(kept) == 6  # every article progress counted, and the rest of its batch
        assert store.mentions() == [m for m in mentions if m[0] in kept]
        assert store.events() == [e for e in events if e.article_id in kept]
        ingest([corpus], store=store, jobs=2)
        assert _rows(store) == serial[1]


def test_a_worker_that_dies_leaves_whole_articles_and_the_ingest_says_so(
    corpus, serial, tmp_path, gazetteer, monkeypatch
):
    from concurrent.futures.process import BrokenProcessPool

    import geo.pipeline

    parent, process = os.getpid(), geo.pipeline.process

    def dying(article, **kw):
        if os.getpid() != parent and article.title == "Report 7":
            # The first chunk's worker races this one, a whole chunk against three articles:
            # with fast analysis it could lose under load, and then nothing is in yet. A
            # pause lets its articles come back and be committed first.
            time.sleep(1.0)
            os._exit(1)  # the worker is killed mid-analysis, its rows never sent
        return process(article, **kw)

    # Forked workers see the patch; commits of two articles, so some are in before the death.
    monkeypatch.setattr(geo.pipeline, "process", dying)
    monkeypatch.setattr(geo.pipeline, "WRITE_BATCH", 2)
    monkeypatch.setattr(geo.pipeline, "WRITE_BATCH_S", 1e9)
    with Store(tmp_path / "store") as store:
        with pytest.raises(BrokenProcessPool):
            ingest([corpus], store=store, gazetteer=gazetteer, jobs=2)
        kept = {a.article_id for a in store.articles()}
        _, mentions, events = serial[1]
        assert 0 < len(kept) < len(serial[1][0])
        assert store.mentions() == [m for m in mentions if m[0] in kept]
        assert store.events() == [e for e in events if e.article_id in kept]
        monkeypatch.setattr(geo.pipeline, "process", process)
        ingest([corpus], store=store, gazetteer=gazetteer, jobs=2)
        assert _rows(store) == serial[1]


def test_workers_send_rows_not_records(corpus, tmp_path, gazetteer):
    from geo.pipeline import _analyse, _Context
    from geo.store.codec import EncodedArticle

    article = sorted(corpus.glob("a*.md"))[0]
    ctx = _Context(None, gazetteer, (), frozenset(), Store.encode)
    out = _analyse(article, ctx)
    assert out.article is None and isinstance(out.rows, EncodedArticle)
    assert out.rows.events  # the sample names places and counts evacuees
    plain = (str, int, float, bool, type(None))
    for row in (out.rows.article, *out.rows.mentions, *out.rows.events):
        assert all(isinstance(v, plain) for v in row), row


@pytest.mark.slow
def test_a_dask_local_cluster_stores_the_same_rows_as_one_process(corpus, serial, tmp_path):
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
        Store(tmp_path / "store") as store,
    ):
        report = ingest([corpus], store=store, dask=client)
        assert (_summary(report), _rows(store)) == serial
