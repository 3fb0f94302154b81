"""A linear-chain CRF scored with numpy, from weights trained by python-crfsuite.

crfsuite trains the model; for tagging, its weights are exported to a small ``.npz`` so a
word's features can be summed into one score vector once and reused for every occurrence,
and Viterbi runs over many sentences at a time. Results are the same labels crfsuite gives.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from itertools import repeat
from pathlib import Path

import numpy as np

_BATCH = 256


class CrfModel:
    """Label set, attribute → row of state weights, and label transitions."""

    def __init__(
        self,
        labels: list[str],
        attributes: list[str],
        weights: np.ndarray,
        transitions: np.ndarray,
    ) -> None:
        self.labels = labels
        self.attributes = attributes
        self.index = {a: i for i, a in enumerate(attributes)}
        self.weights = weights
        self.transitions = transitions

    @classmethod
    def from_crfsuite(cls, path: Path) -> CrfModel:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        try:
            info = tagger.info()
        finally:
            tagger.close()
        labels = sorted(info.labels, key=lambda label: int(info.labels[label]))
        label_id = {label: i for i, label in enumerate(labels)}
        attributes = sorted({attr for attr, _ in info.state_features})
        row = {a: i for i, a in enumerate(attributes)}
        weights = np.zeros((len(attributes), len(labels)), dtype=np.float32)
        for (attr, label), weight in info.state_features.items():
            weights[row[attr], label_id[label]] = weight
        transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (source, target), weight in info.transitions.items():
            transitions[label_id[source], label_id[target]] = weight
        return cls(labels, attributes, weights, transitions)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            labels=np.array(json.dumps(self.labels)),
            attributes=np.array("\n".join(self.attributes)),
            weights=self.weights,
            transitions=self.transitions,
        )

    @classmethod
    def load(cls, path: Path) -> CrfModel:
        with np.load(path) as data:
            return cls(
                json.loads(str(data["labels"])),
                str(data["attributes"]).split("\n"),
                data["weights"],
                data["transitions"],
            )

    def score(self, groups: Sequence[Sequence[str]]) -> np.ndarray:
        """One row per group: the sum of the state weights of its features (unknown ones
        weigh nothing)."""
        return sum_weights(self.index, self.weights, groups)

    def decode(self, emissions: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
        """Best label sequence of each sentence; ``emissions`` stacks their token scores."""
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int)
        order = sorted(range(len(lengths)), key=lambda s: lengths[s])
        result: list[list[str]] = [[] for _ in lengths]
        for b in range(0, len(order), _BATCH):
            batch = [s for s in order[b : b + _BATCH] if lengths[s]]
            if batch:
                paths = self._viterbi(
                    emissions, [starts[s] for s in batch], [lengths[s] for s in batch]
                )
                for s, path in zip(batch, paths, strict=True):
                    result[s] = [self.labels[i] for i in path]
        return result

    def _viterbi(
        self, emissions: np.ndarray, starts: list[int], lengths: list[int]
    ) -> list[list[int]]:
        """Viterbi over sentences sorted by length, shortest first: at step ``t`` only the
        sentences longer than ``t`` — a tail of the batch — take part."""
        count, longest, n_labels = len(starts), max(lengths), len(self.labels)
        padded = np.zeros((count, longest, n_labels), dtype=np.float32)
        for s, (start, length) in enumerate(zip(starts, lengths, strict=True)):
            padded[s, :length] = emissions[start : start + length]
        first_active = np.searchsorted(lengths, np.arange(longest), side="right").tolist()
        score = padded[:, 0].copy()
        back = np.zeros((count, longest, n_labels), dtype=np.intp)
        transitions = self.transitions[None]
        for t in range(1, longest):
            k = first_active[t]
            candidates = score[k:, :, None] + transitions
            back[k:, t] = candidates.argmax(axis=1)
            score[k:] = candidates.max(axis=1) + padded[k:, t]
        current = score.argmax(axis=1)
        out = np.zeros((count, longest), dtype=np.intp)
        rows = np.arange(count)
        for t in range(longest - 1, -1, -1):
            k = first_active[t]
            out[k:, t] = current[k:]
            if t > 0:
                current[k:] = back[rows[k:], t, current[k:]]
        return [out[s, :length].tolist() for s, length in enumerate(lengths)]


def sum_weights(
    index: Mapping[str, int], weights: np.ndarray, groups: Sequence[Sequence[str]]
) -> np.ndarray:
    """Row ``i``: the sum of ``weights[index[f]]`` over the features ``f`` of ``groups[i]``
    that ``index`` knows, with one dictionary pass and one numpy reduction for all groups."""
    out = np.zeros((len(groups), *weights.shape[1:]), dtype=weights.dtype)
    sizes = [len(features) for features in groups]
    flat = [feature for features in groups for feature in features]
    if not flat:
        return out
    rows = np.array(list(map(index.get, flat, repeat(-1, len(flat)))), dtype=np.intp)
    owner = np.repeat(np.arange(len(groups)), sizes)
    known = rows >= 0
    rows, owner = rows[known], owner[known]
    if len(rows):
        counts = np.bincount(owner, minlength=len(groups))
        filled = np.nonzero(counts)[0]
        starts = np.concatenate([[0], np.cumsum(counts[filled])[:-1]])
        out[filled] = np.add.reduceat(weights[rows], starts, axis=0)
    return out
