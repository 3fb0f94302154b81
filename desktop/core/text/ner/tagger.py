"""The shipped CRF tagger: text in, labelled token spans out (PER, ORG, LOC, MISC).

Two passes: the second sees how the first labelled each word elsewhere in the same article,
so a name recognised in an easy context is also recognised in a hard one (a headline in
capitals, the start of a sentence).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np

from desktop.core.resources import resource_path
from desktop.core.text.ner.crf import CrfModel, sum_weights
from desktop.core.text.ner.features import (
    CONTEXT,
    PHRASE_LABELS,
    FeatureExtractor,
    document_casing,
    is_caps_sentence,
    is_number,
    is_row,
    phrase_labels,
    sports_report,
    word_shape,
)
from desktop.core.text.ner.packed import read_text, write_text
from desktop.core.text.ner.tokens import Token, sequences, tokenize

PASS1_FILE = "pass1.npz"
PASS2_FILE = "pass2.npz"
_WORD_CACHE_LIMIT = 200_000
_CASES = ("none", "upper", "title", "lower", "other")  # values of features.casing, or none
_CASE_ID = {c: i for i, c in enumerate(_CASES)}
_LABELS = ("PER", "ORG", "LOC", "MISC")
_LABEL_ID = {c: i for i, c in enumerate(_LABELS)}
_NO_LABEL = len(_LABELS)
_PHRASE_ID = {c: i for i, c in enumerate(PHRASE_LABELS)}
GAZETTEER_FILE = "gazetteer.tsv.gz"
COMMON_FILE = "common-words.txt"
PHRASES_FILE = "phrases.tsv.gz"
SPORT_FILE = "sport-words.txt"


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """An entity: character offsets, CoNLL class, and its tokens ``tokens[first:stop]``."""

    start: int
    end: int
    label: str
    first: int
    stop: int


@dataclass(frozen=True)
class Report:
    """What a text is, for the features of sports reports and tables: whether it is a sports
    report, and which of its sentences are table rows."""

    sport: bool
    rows: list[bool]


@dataclass(frozen=True)
class Tagged:
    tokens: list[Token]
    spans: list[TaggedSpan]
    sport: bool = False  # a sports report (``features.sports_report``)


def spans_from_labels(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO labels → (first token, end token, class); a stray I- starts a new span."""
    spans = []
    begin, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        inside = label.startswith("I-") and label[2:] == kind
        if begin >= 0 and not inside:
            spans.append((begin, i, kind))
            begin, kind = -1, ""
        if label != "O" and not inside:
            begin, kind = i, label[2:]
    return spans


def document_labels(
    sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
) -> dict[str, str]:
    """For each capitalised word, the class the first pass gave it most often in the text."""
    counts: dict[str, dict[str, int]] = {}
    for words, tags in zip(sentences, labels, strict=True):
        for word, tag in zip(words, tags, strict=True):
            if tag != "O" and word[:1].isupper():
                lower, kind = word.lower(), tag[2:]
                found = counts.get(lower)
                if found is None:
                    counts[lower] = {kind: 1}
                else:
                    found[kind] = found.get(kind, 0) + 1
    return {w: max(c, key=c.__getitem__) for w, c in counts.items()}


class NerTagger:
    """Loads the two CRF passes and the gazetteer from a model folder."""

    def __init__(self, folder: Path) -> None:
        self._models = (CrfModel.load(folder / PASS1_FILE), CrfModel.load(folder / PASS2_FILE))
        self._index, self._weights = _joint_weights(self._models)
        self._bigrams = _pair_rows(self._index)
        self._lock = threading.Lock()
        self._words = _WordVectors(self._weights.shape[1:])
        self._fixed = tuple(_fixed_scores(model) for model in self._models)
        self._extractor = FeatureExtractor(
            read_gazetteer(folder / GAZETTEER_FILE),
            read_common(folder / COMMON_FILE),
            read_phrases(folder / PHRASES_FILE),
            read_sport_words(folder / SPORT_FILE),
        )

    def tag(self, text: str) -> Tagged:
        """The tokens of ``text`` and every entity span in it with its CoNLL class."""
        tokens = tokenize(text)
        runs = sequences(text, tokens)
        sentences = [[t.text for t in run] for run in runs]
        spans = []
        sport = False
        if tokens:
            caps = [is_caps_sentence(words) for words in sentences]
            case = document_casing(sentences, caps)
            layout = self._layout(sentences)
            sport = sports_report(layout.words, self._extractor.sport_words)
            report = Report(sport, _rows(layout))
            first = self._label(0, layout, caps, case, None, report)
            second = self._label(1, layout, caps, case, document_labels(sentences, first), report)
            offset = 0
            for run, labels in zip(runs, second, strict=True):
                for i, j, kind in spans_from_labels(labels):
                    spans.append(
                        TaggedSpan(run[i].start, run[j - 1].end, kind, offset + i, offset + j)
                    )
                offset += len(run)
        return Tagged(tokens, spans, sport)

    def name_word(self, word: str) -> bool:
        """Whether the gazetteer knows ``word`` as part of a person's name, from the training
        names or the knowledge's people ("Michael", "Hope"; not "Enumerate")."""
        classes = (self._extractor.gazetteer.get(word.lower()) or "").split()
        return "PER" in classes or "KPER" in classes

    def known_place(self, words: Sequence[str]) -> bool:
        """Whether the tokens ``words`` name a town, region or country the tagger's gazetteer
        or known names of several words hold ("Boston", "Los Angeles", "Palm Springs")."""
        if len(words) == 1:
            return "KLOC" in (self._extractor.gazetteer.get(words[0].lower()) or "").split()
        return self._extractor.phrases.get(" ".join(w.lower() for w in words)) == "LOC"

    def _label(
        self,
        which: int,
        layout: _Layout,
        caps: list[bool],
        case: dict[str, str],
        doc_labels: dict[str, str] | None,
        report: Report,
    ) -> list[list[str]]:
        emissions = self._emissions(which, layout, caps, case, doc_labels, report)
        return self._models[which].decode(emissions, layout.lengths)

    def emissions(
        self,
        which: int,
        sentences: list[list[str]],
        caps: list[bool],
        case: dict[str, str],
        doc_labels: dict[str, str] | None,
        sport: bool = False,
    ) -> np.ndarray:
        """Token × label state scores of one CRF pass over the whole text — the same sums
        ``FeatureExtractor.sentence`` features give."""
        layout = self._layout(sentences)
        return self._emissions(which, layout, caps, case, doc_labels, Report(sport, _rows(layout)))

    def _layout(self, sentences: list[list[str]]) -> _Layout:
        """What both passes share: distinct words, token positions, and the rows of the
        previous-word/word pairs the model knows (looked up without building a string)."""
        lengths = [len(words) for words in sentences]
        flat = [w for words in sentences for w in words]
        local = {w: i for i, w in enumerate(dict.fromkeys(flat))}
        word_ids = np.array(list(map(local.__getitem__, flat)), dtype=np.intp)
        uniq = list(local)
        lowers = [w.lower() for w in uniq]
        position = np.concatenate([np.arange(n) for n in lengths]) if flat else word_ids
        lower_flat = list(map(lowers.__getitem__, word_ids.tolist()))
        starts = (position == 0).tolist()
        bigrams = self._bigrams
        pairs = [
            (i, following.get(b))
            for i, (a, b) in enumerate(pairwise(lower_flat), start=1)
            if (following := bigrams.get(a)) is not None and not starts[i]
        ]
        pairs = [(i, row) for i, row in pairs if row is not None]
        extractor, offset, phrased = self._extractor, 0, []
        for words in sentences:
            found = phrase_labels(words, extractor.phrases, extractor.phrase_lengths)
            phrased += [(offset + i, _PHRASE_ID[label]) for i, label in found]
            offset += len(words)
        return _Layout(
            lengths=lengths,
            words=uniq,
            lowers=lowers,
            word_ids=word_ids,
            position=position,
            sentence_length=np.repeat(lengths, lengths),
            pair_targets=np.array([i for i, _ in pairs], dtype=np.intp),
            pair_rows=np.array([row for _, row in pairs], dtype=np.intp),
            phrase_targets=np.array([i for i, _ in phrased], dtype=np.intp),
            phrase_ids=np.array([k for _, k in phrased], dtype=np.intp),
        )

    def _emissions(
        self,
        which: int,
        layout: _Layout,
        caps: list[bool],
        case: dict[str, str],
        doc_labels: dict[str, str] | None,
        report: Report,
    ) -> np.ndarray:
        """Built from cached per-word vectors and small tables for the per-position features
        instead of one string list per token."""
        fixed = self._fixed[which]
        word_ids, position, lengths = layout.word_ids, layout.position, layout.lengths
        sentence_length = layout.sentence_length
        table = self._word_scores(layout.words)[:, :, which]
        emissions = table[word_ids, 0].copy()
        for slot, k in enumerate(CONTEXT, start=1):
            at = np.nonzero((position + k >= 0) & (position + k < sentence_length))[0]
            emissions[at] += table[word_ids[at + k], slot]
        first = position == 0
        emissions[first] += fixed["bos"]
        emissions[position == sentence_length - 1] += fixed["eos"]
        in_capitals = np.repeat(caps, lengths)
        emissions[in_capitals] += fixed["caps"]
        # Per distinct word: its document casing (if capitalised) and first-pass label.
        lowers = layout.lowers
        capital = np.array([w[:1].isupper() for w in layout.words], dtype=bool)[word_ids]
        case_ids = np.array([_CASE_ID[case.get(x, "none")] for x in lowers], dtype=np.intp)
        token_case = case_ids[word_ids]
        emissions[capital] += fixed["dc"][token_case[capital]]
        opening = capital & (first | in_capitals)
        emissions[opening] += fixed["first|dc"][token_case[opening]]
        if doc_labels is not None:
            label_ids = [_LABEL_ID.get(doc_labels.get(x, ""), _NO_LABEL) for x in lowers]
            emissions += fixed["d2"][np.array(label_ids, dtype=np.intp)][word_ids]
        emissions[layout.pair_targets] += self._weights[layout.pair_rows, which]
        emissions[layout.phrase_targets] += fixed["pg"][layout.phrase_ids]
        self._add_report_scores(emissions, which, layout, report)
        return emissions

    def _add_report_scores(
        self, emissions: np.ndarray, which: int, layout: _Layout, report: Report
    ) -> None:
        """``FeatureExtractor.report_extras`` for the tokens of a sports report and of table
        rows: per distinct word its gazetteer classes, per token its neighbour's shape."""
        in_row = np.repeat(report.rows, layout.lengths)
        if not (report.sport or in_row.any()):
            return
        gazetteer = self._extractor.gazetteer
        # Scored per distinct set of classes and per distinct shape: a text has few of each.
        class_ids, class_sets = _distinct([gazetteer.get(x) or "none" for x in layout.lowers])
        shape_ids, shapes = _distinct([word_shape(w) for w in layout.words])
        word_ids, position = layout.word_ids, layout.position
        first, last = position == 0, position == layout.sentence_length - 1
        following, preceding = np.append(word_ids[1:], 0), np.insert(word_ids[:-1], 0, 0)
        score = self._feature_score
        for kind, on in (("sp", np.full(len(word_ids), report.sport)), ("row", in_row)):
            at = np.nonzero(on)[0]
            if not at.size:
                continue
            own = np.array(
                [score(which, kind, *(f"{kind}|g={g}" for g in c.split())) for c in class_sets]
            )
            after = np.array([score(which, f"{kind}|1sh={shape}") for shape in shapes])
            before = np.array([score(which, f"{kind}|-1sh={shape}") for shape in shapes])
            emissions[at] += own[class_ids[word_ids[at]]]
            emissions[at] += np.where(
                last[at, None], score(which, f"{kind}|1sh=eos"), after[shape_ids[following[at]]]
            )
            emissions[at] += np.where(
                first[at, None], score(which, f"{kind}|-1sh=bos"), before[shape_ids[preceding[at]]]
            )

    def _feature_score(self, which: int, *names: str) -> np.ndarray:
        """The summed weights of the named features in one pass (zero for unknown ones)."""
        rows = [self._index[n] for n in names if n in self._index]
        return self._weights[rows, which].sum(axis=0)

    def _word_scores(self, words: list[str]) -> np.ndarray:
        """Score vectors [word, own/neighbour slot, pass, label] of distinct ``words``, each
        computed once for both passes (one feature lookup in the joint index) and kept."""
        with self._lock:
            store = self._words
            missing = [w for w in words if w not in store.rows]
            if missing:
                if store.count + len(missing) > _WORD_CACHE_LIMIT:
                    store = self._words = _WordVectors(self._weights.shape[1:])
                features = self._extractor.word_features
                groups = [part for w in missing for part in features(w)]
                scores = sum_weights(self._index, self._weights, groups)
                store.add(
                    missing, scores.reshape(len(missing), len(CONTEXT) + 1, *scores.shape[1:])
                )
            return store.vectors[list(map(store.rows.__getitem__, words))]


class _WordVectors:
    """Per-word score vectors in one growing array, so a text's words are gathered with one
    index operation instead of stacking an array per word."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.rows: dict[str, int] = {}
        self.count = 0
        self.vectors = np.zeros((4096, len(CONTEXT) + 1, *shape), dtype=np.float32)

    def add(self, words: list[str], vectors: np.ndarray) -> None:
        end = self.count + len(words)
        if end > len(self.vectors):
            grown = np.zeros((max(end, 2 * len(self.vectors)), *self.vectors.shape[1:]), np.float32)
            grown[: self.count] = self.vectors[: self.count]
            self.vectors = grown
        self.vectors[self.count : end] = vectors
        self.rows.update(zip(words, range(self.count, end), strict=True))
        self.count = end


@dataclass(frozen=True, slots=True)
class _Layout:
    lengths: list[int]
    words: list[str]  # distinct, in order of appearance
    lowers: list[str]
    word_ids: np.ndarray  # token → index into words
    position: np.ndarray  # token → position in its sentence
    sentence_length: np.ndarray  # token → length of its sentence
    pair_targets: np.ndarray  # tokens whose (previous word, word) pair the model knows
    pair_rows: np.ndarray  # and that pair's row in the joint weights
    phrase_targets: np.ndarray  # tokens inside a known name of several words
    phrase_ids: np.ndarray  # and their PHRASE_LABELS index


def _distinct(values: list[str]) -> tuple[np.ndarray, list[str]]:
    """Each value's index among the distinct values, and those values in order."""
    index: dict[str, int] = {}
    ids = [index.setdefault(v, len(index)) for v in values]
    return np.array(ids, dtype=np.intp), list(index)


def _rows(layout: _Layout) -> list[bool]:
    """``features.number_row`` of every sentence, counted per distinct word."""
    numeric = np.array([is_number(w) for w in layout.words], dtype=np.intp)[layout.word_ids]
    starts = np.cumsum([0, *layout.lengths[:-1]])
    counts = np.add.reduceat(numeric, starts).tolist() if numeric.size else []
    return [is_row(n, size) for n, size in zip(counts, layout.lengths, strict=True)]


def _pair_rows(index: dict[str, int]) -> dict[str, dict[str, int]]:
    """previous word → word → joint row of the feature ``-1|0=previous|word``. A name that
    could be split at more than one "|" is entered under every split, which matches exactly
    the tokens whose feature string equals it."""
    pairs: dict[str, dict[str, int]] = {}
    for name, row in index.items():
        if name.startswith("-1|0="):
            body = name[5:]
            for cut in (i for i, ch in enumerate(body) if ch == "|"):
                pairs.setdefault(body[:cut], {})[body[cut + 1 :]] = row
    return pairs


def _joint_weights(models: Sequence[CrfModel]) -> tuple[dict[str, int], np.ndarray]:
    """One attribute index over all passes and weights [attribute, pass, label] (zero where a
    pass lacks the attribute): a word's features are looked up once for every pass."""
    if any(model.labels != models[0].labels for model in models):
        raise ValueError("the tagger's passes must share one label order")
    names = dict.fromkeys(a for model in models for a in model.attributes)
    index = {a: i for i, a in enumerate(names)}
    weights = np.zeros((len(index), len(models), len(models[0].labels)), dtype=np.float32)
    for m, model in enumerate(models):
        rows = np.fromiter(map(index.__getitem__, model.attributes), np.intp, len(model.attributes))
        weights[rows, m] = model.weights
    return index, weights


def _fixed_scores(model: CrfModel) -> dict[str, np.ndarray]:
    """Scores of the per-position features, which take only a handful of values."""
    one = model.score([["bos"], ["eos"], ["caps"]])
    return {
        "bos": one[0],
        "eos": one[1],
        "caps": one[2],
        "dc": model.score([["dc=" + c] for c in _CASES]),
        "first|dc": model.score([["first|dc=" + c] for c in _CASES]),
        "d2": model.score([*(["d2=" + x] for x in _LABELS), []]),
        "pg": model.score([["pg=" + x] for x in PHRASE_LABELS]),
    }


@cache
def read_gazetteer(path: Path) -> dict[str, str]:
    """word → classes, from lines of ``classes<TAB>word word …`` (a line per set of classes,
    so 100,000 words load in a few milliseconds); read once per process, as the tagger and
    the span rules share it. Callers must not change it."""
    out: dict[str, str] = {}
    for line in read_text(path).splitlines():
        classes, _, words = line.partition("\t")
        out.update(dict.fromkeys(words.split(), classes))
    return out


def write_gazetteer(path: Path, gazetteer: dict[str, str]) -> None:
    by_classes: dict[str, list[str]] = {}
    for word, classes in sorted(gazetteer.items()):
        by_classes.setdefault(classes, []).append(word)
    write_text(path, "".join(f"{c}\t{' '.join(w)}\n" for c, w in sorted(by_classes.items())))


def read_phrases(path: Path) -> dict[str, str]:
    """Known names of several tokens (lower-cased, space-separated) → tagger class, from lines
    of ``class<TAB>name|name|…``; none when the model has no phrase list."""
    out: dict[str, str] = {}
    if path.exists():
        for line in read_text(path).splitlines():
            kind, _, names = line.partition("\t")
            out.update(dict.fromkeys(names.split("|"), kind))
    return out


def write_phrases(path: Path, phrases: dict[str, str]) -> None:
    by_kind: dict[str, list[str]] = {}
    for name, kind in sorted(phrases.items()):
        if "|" not in name:
            by_kind.setdefault(kind, []).append(name)
    write_text(path, "".join(f"{k}\t{'|'.join(n)}\n" for k, n in sorted(by_kind.items())))


def read_sport_words(path: Path) -> frozenset[str]:
    """The hand-kept words of sports reporting (``features.sports_report``)."""
    lines = read_text(path).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


def read_common(path: Path) -> dict[str, int]:
    words = path.read_text(encoding="utf-8").split()
    return {w: rank for rank, w in enumerate(words)}


@cache
def default_tagger() -> NerTagger:
    """The tagger shipped in ``resources/ner`` (loaded once per process)."""
    return NerTagger(resource_path("ner"))
