"""The trained CRF as arrays, and its decoding: Viterbi tags and label marginals of many token
windows at once.

crfsuite trains the model (:mod:`rasd.ner.train`) and stays the reference; tagging with it was most
of the NER stage's cost, and not for the arithmetic (seven labels): for every item crfsuite takes
the item's attribute strings across the binding and looks each one up in its string database.
Here the model's weights are read once from the file crfsuite wrote, a word's weight vectors are
summed once (the tagger caches them), and a document's windows are decoded together with numpy.
Tags are crfsuite's and marginals agree to rounding (the tests compare both with pycrfsuite).

The file (crfsuite 0.12's ``crf1d`` model, ``lCRF``/``FOMC`` version 100) holds a header of
offsets, the features (type, source, destination, weight), and the label and attribute strings in
two CQDB string databases whose backward arrays map an id to its string.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasd.errors import DataMissingError

_HEADER = struct.Struct("<4sI4s9I")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
STATE, TRANSITION = 0, 1


@dataclass(frozen=True)
class CrfModel:
    """A linear-chain CRF: the score of labels y over items x is the sum of the state weights of each
    item's attributes for its label plus the transition weights of consecutive labels (crfsuite's
    crf1d has no start or end weights)."""

    labels: tuple[str, ...]
    attrs: dict[str, int]     # attribute → its row in ``state``
    state: np.ndarray         # (attributes + 1, labels) weights; the last row is zeros
    trans: np.ndarray         # (labels, labels): from → to

    @property
    def zero(self) -> int:
        """The all-zero row of ``state`` (an attribute the model does not hold)."""
        return len(self.attrs)

    def vector(self, attrs) -> np.ndarray:
        """The summed state weights of the given attributes (all held by the model)."""
        rows = [self.attrs[a] for a in attrs]
        if not rows:
            return np.zeros(len(self.labels))
        return self.state[rows].sum(axis=0)


def read_model(path: Path) -> CrfModel:
    """The model crfsuite saved at ``path``."""
    try:
        b = path.read_bytes()
        magic, _size, kind, version, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs, _, _ = \
            _HEADER.unpack_from(b, 0)
        if magic != b"lCRF" or kind != b"FOMC" or version != 100:
            raise ValueError(f"not a crfsuite crf1d model ({magic!r} {kind!r} {version})")
        chunk, _, n_feat = struct.unpack_from("<4sII", b, off_feat)
        if chunk != b"FEAT":
            raise ValueError("no feature chunk")
        feats = np.frombuffer(b, dtype=_FEATURE, count=n_feat, offset=off_feat + 12)
        labels = _strings(b, off_labels, n_labels)
        attrs = _strings(b, off_attrs, n_attrs)
    except (OSError, ValueError, struct.error, UnicodeDecodeError) as e:
        raise DataMissingError(f"cannot read the NER model {path}: {e}") from None
    state = np.zeros((n_attrs + 1, n_labels))
    trans = np.zeros((n_labels, n_labels))
    st = feats[feats["type"] == STATE]
    state[st["src"], st["dst"]] = st["weight"]
    tr = feats[feats["type"] == TRANSITION]
    trans[tr["src"], tr["dst"]] = tr["weight"]
    return CrfModel(tuple(labels), {a: i for i, a in enumerate(attrs)}, state, trans)


def _strings(b: bytes, off: int, n: int) -> list[str]:
    """The ``n`` strings of the CQDB database at ``off``, by id (its backward array: id → record
    of id, key size, key with its NUL)."""
    chunk, _size, _flag, _order, bwd_size, bwd_off = struct.unpack_from("<4s5I", b, off)
    if chunk != b"CQDB" or bwd_size != n:
        raise ValueError("bad string database")
    out = []
    for i, rec in enumerate(struct.unpack_from(f"<{n}I", b, off + bwd_off)):
        rid, ksize = struct.unpack_from("<2I", b, off + rec)
        if rid != i:
            raise ValueError("bad string database record")
        out.append(b[off + rec + 8:off + rec + 7 + ksize].decode("utf-8"))
    return out


# the reductions of the per-position loops below as the ufuncs' own reduce: ``a.sum(…)`` and
# ``a.max(…)`` reach the same C reduce through a Python-level wrapper (numpy/_core/_methods.py), one
# call a position and window batch (about 3 % of an article's instructions); the same values
_SUM = np.add.reduce
_MAX = np.maximum.reduce


def batch(E: np.ndarray, starts: list[int], lengths: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(order, lengths, X): the sequences ``E[starts[k]:starts[k] + lengths[k]]`` (each at least one
    row of label scores) longest first, as one (sequences, longest, labels) array, zero past each
    end; ``order[r]`` is the input index of row r."""
    n = np.asarray(lengths, dtype=np.intp)
    order = np.argsort(-n, kind="stable")
    lens = n[order]
    X = np.zeros((len(n), int(lens[0]), E.shape[1]))
    rows = np.repeat(np.arange(len(n)), lens)
    cols = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)
    X[rows, cols] = E[np.asarray(starts, dtype=np.intp)[order][rows] + cols]
    return order, lens, X


def _active(lengths: np.ndarray) -> np.ndarray:
    """active[t]: how many sequences (longest first) reach position t."""
    return np.searchsorted(-lengths, -np.arange(int(lengths[0])), side="left")


def viterbi(X: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """The best label sequence of each row of X (longest first, as :func:`batch` gives), as label
    indices (B, longest); past a row's length the values mean nothing."""
    B, n, L = X.shape
    active = _active(lengths).tolist()          # Python ints: a cheaper slice bound than numpy's
    delta = X[:, 0].copy()
    back = []
    for t in range(1, n):
        k = active[t]
        s = delta[:k, :, None] + trans          # (k, from, to)
        back.append(s.argmax(axis=1))           # the best predecessor of each label
        delta[:k] = _MAX(s, axis=1) + X[:k, t]
    y = np.zeros((B, n), dtype=np.intp)
    last = delta.argmax(axis=1)
    for t in range(n - 1, -1, -1):
        k_next = active[t + 1] if t + 1 < n else 0
        k = active[t]
        if k_next:
            y[:k_next, t] = back[t][np.arange(k_next), y[:k_next, t + 1]]
        if k > k_next:
            y[k_next:k, t] = last[k_next:k]     # rows ending at t
    return y


def marginals(X: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """P(label at position t | the sequence) for each row of X (longest first), (B, longest, L), by
    the forward-backward recursions in scaled probability space (each step renormalised; the
    marginal at t is alpha·beta renormalised over the labels)."""
    B, n, L = X.shape
    active = _active(lengths).tolist()
    P = np.exp(X - X.max(axis=2, keepdims=True))     # per position, up to a factor
    M = np.exp(trans - trans.max())
    alpha = np.zeros_like(P)
    a = P[:, 0] / P[:, 0].sum(axis=1, keepdims=True)
    alpha[:, 0] = a
    for t in range(1, n):
        k = active[t]
        a = (a[:k] @ M) * P[:k, t]
        a /= _SUM(a, axis=1, keepdims=True)
        alpha[:k, t] = a
    beta = np.zeros_like(P)
    b = np.ones((B, L))
    for t in range(n - 1, -1, -1):
        k = active[t]
        # rows ending at t start afresh (beta = 1); rows going on carry beta from t + 1
        k_next = active[t + 1] if t + 1 < n else 0
        if k_next:
            nb = (b[:k_next] * P[:k_next, t + 1]) @ M.T
            b[:k_next] = nb / _SUM(nb, axis=1, keepdims=True)
        b[k_next:k] = 1.0
        beta[:k, t] = b[:k]
    m = alpha * beta                                  # zero past each row's end
    z = m.sum(axis=2, keepdims=True)
    m /= np.where(z > 0, z, 1.0)
    return m
