"""Word clusters learned from unlabelled news at install: cheap distributional classes for the CRF.

Each frequent word is described by the words seen just before and just after it (counts over the
most frequent context words), weighted by positive pointwise mutual information, reduced by a
truncated SVD (scipy) and grouped by spherical k-means (numpy) twice: into a few coarse and many
fine clusters.  Names of cities fall together, as do given names, verbs of saying, and so on, so a
name never seen in the labelled corpora still shares a feature with names that were.  numpy and
scipy do the linear algebra (a hand-written SVD would be slower and less exact).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rasd.arabic.normalize import fold_str

FILENAME = "ner_clusters.json"
MAX_ARTICLES = 12000      # enough text (about 3M words) for stable clusters in well under a minute
VOCAB = 40000
MIN_COUNT = 5
CONTEXTS = 1000
DIMS = 48
COARSE, FINE = 48, 384
_TOKEN = re.compile(r"[0-9a-z\u0621-\u064a]+|[^\s0-9a-z\u0621-\u064a]")


def news_texts(news_dir: Path, limit: int = MAX_ARTICLES, skip=None, corpora: tuple[str, ...] = ("news",)) -> Iterator[str]:
    """About ``limit`` article texts of the SaudiNewsNet zips in ``news_dir`` (and of the other
    ``corpora`` beside it: "news2", Al Mayadeen), spread over the files (rasd.kb.news.articles);
    never one of the held-out reports ``skip`` (default: read here)."""
    from rasd.kb.news import articles

    return articles(news_dir.parent, corpora, limit=limit, skip=skip)


def tokens_of(text: str) -> list[str]:
    return _TOKEN.findall(fold_str(text))


def learn(texts: Iterator[str], *, vocab: int = VOCAB, seed: int = 7) -> dict[str, tuple[str, str]]:
    """folded word → (coarse cluster, fine cluster) for the frequent words of ``texts``."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    docs = [tokens_of(t) for t in texts]
    freq = Counter(w for d in docs for w in d)
    words = [w for w, c in freq.most_common(vocab) if c >= MIN_COUNT]
    if len(words) < FINE * 2:
        return {}
    wid = {w: i for i, w in enumerate(words)}
    cid = {w: i for i, w in enumerate(words[:CONTEXTS])}
    rows, cols = [], []
    for d in docs:
        ids = [wid.get(w, -1) for w in d]
        ctx = [cid.get(w, -1) for w in d]
        for i in range(1, len(d) - 1):
            if ids[i] < 0:
                continue
            if ctx[i - 1] >= 0:
                rows.append(ids[i])
                cols.append(ctx[i - 1])
            if ctx[i + 1] >= 0:
                rows.append(ids[i])
                cols.append(CONTEXTS + ctx[i + 1])
    m = coo_matrix((np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
                   shape=(len(words), 2 * CONTEXTS)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel() + 1e-9
    col = np.asarray(m.sum(axis=0)).ravel() + 1e-9
    m = m.tocoo()
    pmi = np.log(m.data * total / (row[m.row] * col[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    u, s, _ = svds(ppmi, k=DIMS, random_state=seed)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    # Rounded so that the last bits, which differ with the CPU's BLAS kernels (OpenBLAS picks them
    # by processor), do not reach the clusters: in float32 they moved words between clusters, and so
    # the CRF and the output, from one machine to another (tests/quality/test_snapshot.py).
    # Spherical k-means below is invariant to the sign and rotation of the SVD's columns.
    vec = np.round(vec, 6)
    rng = np.random.default_rng(seed)
    coarse = _kmeans(vec, COARSE, rng)
    fine = _kmeans(vec, FINE, rng)
    return {w: (str(coarse[i]), str(fine[i])) for i, w in enumerate(words)}


def _kmeans(x, k: int, rng, iters: int = 15):
    """Spherical k-means (cosine), initialised on k random words."""
    import numpy as np

    cent = x[rng.choice(len(x), k, replace=False)].copy()
    lab = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        lab = np.argmax(x @ cent.T, axis=1)
        for j in range(k):
            members = x[lab == j]
            if len(members):
                c = members.sum(axis=0)
                cent[j] = c / (np.linalg.norm(c) + 1e-9)
    return lab


def build(news_dir: Path, out: Path, corpora: tuple[str, ...] = ("news",)) -> dict:
    """Learn the clusters from ``news_dir`` (and ``corpora`` beside it) and save them (an empty
    table without news)."""
    table = learn(news_texts(news_dir, corpora=corpora))
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": 1, "coarse": COARSE, "fine": FINE, "words": table},
                              ensure_ascii=False), encoding="utf-8")
    tmp.replace(out)
    return {"clustered words": len(table)}


def load(path: Path) -> dict[str, tuple[str, str]]:
    try:
        return {w: tuple(c) for w, c in json.loads(path.read_text(encoding="utf-8"))["words"].items()}
    except FileNotFoundError:
        return {}
