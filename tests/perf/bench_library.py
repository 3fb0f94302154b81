"""Library benchmark: import 10,000 article files, search at 10k and 100k articles, snippets of
long articles, peak memory.

Goals (issue 2): 10k articles imported in ≤ 15 s including FTS; p95 search ≤ 20 ms at 100k.
Issue 11: rare words (fewer matches than ranking's ``PARALLEL_FROM``) and common ones are
reported apart, with the fixed cost a search adds to one plain ranking query; snippets of 1, 3
and 19 MB articles grow linearly (FTS5's own snippet() grew with the square of the size).
Issue 15: list, count and search again with stories, tags and a trash in place, and the
``--story``/``--tag`` filters. Articles are built from ../shared/eval texts (Wikinews and
BBC), varied so every one is unique.
Issue 15 also: the search language (operators, filters) and 5,000 Chinese articles (built from a
few sentences below) in the trigram index beside 100,000 English ones, searched by runs of
characters; the check for such characters an upgraded library makes of every article.
Baselines measured in the same run: storing the same articles with ``add_many`` (no files, no
parsing), importing the same files read in the importing thread (no child process reading
ahead) and, for search, a plain ``bm25`` join over every match. Searches are timed cold (a new
store per query, so its result cache is empty; the read-only connections that rank slices of a
large library are pooled per database, as in the app) and, separately, repeated on one store.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from desktop.core.library import ranking
from desktop.core.library.cjk_check import check_all
from desktop.core.library.importing import import_paths, read_file
from desktop.core.library.session import Library, open_library
from desktop.core.library.snippets import snippets
from desktop.core.library.store import ArticleStore, with_hash
from desktop.core.library.stories import add_tag, attach
from desktop.core.library.trash import trash
from desktop.core.models import Article
from desktop.core.paths import Paths
from desktop.core.storage.engine import sqlite3
from desktop.core.storage.fts import fts_query
from tests.eval import SHARED_EVAL
from tests.peak_memory import peak_mib

EVAL = SHARED_EVAL  # ../shared/eval beside the checkout or a worktree of it
SOURCES = ("library-wikinews.jsonl", "summaries-bbc-dev.jsonl")
IMPORT_COUNT = 10_000
LARGE_COUNT = 100_000
HTML_COUNT = 200
ADD_BATCH = 5_000
REPEATS = 3
QUERIES = (
    "election", "prime minister", "police arrested", "football", "economy growth",
    "interest rates", "climate change", "Trump", "Brexit", "oil prices", "court ruling",
    "hospital", "film award", "music chart", "mobile phone", "internet", "tax", "Labour party",
    "Conservatives", "Blair", "Chelsea", "Arsenal", "earthquake", "flood", "protest",
    "government plans", "unemployment", "inflation", "shares fell", "profits rose",
    "European Union", "China", "Iraq war", "United Nations", "vote", "elect*", "minist*",
    '"Prime Minister"', "ID cards", "Microsoft", "video games", "broadband", "Oscar",
    "tennis Australian Open", "rugby Wales", "coronavirus", "Pelosi", "Congress Senate",
    "school teachers", "security guarantees",
)  # fmt: skip
OPERATOR_QUERIES = (
    "Blair OR Brown election", "economy -growth", "NOT football Chelsea", "title:election",
    "source:bbc tax", "after:2019 before:2020-06 election", '"prime minister" -Blair',
    "(Iraq OR Iran) war -Bush", "-minist* budget", "Zelensky",
)  # fmt: skip
CJK_QUERIES = (
    "立法院",
    "預算案",
    "台灣",
    "國會 OR 立法院",
    "立法院 -預算",
    "行政院長",
    "選舉 election",
)
CJK_COUNT = 5_000
CJK_SENTENCES = (
    "台灣立法院今天三讀通過明年度中央政府總預算案。",
    "行政院長在國會答詢時表示，政府將持續推動能源轉型。",
    "中央選舉委員會公布了地方選舉的投票率。",
    "經濟部指出，出口訂單連續第三個月成長。",
    "颱風來襲，氣象署發布海上及陸上颱風警報。",
    "教育部宣布明年起調整大學入學考試制度。",
    "衛生福利部呼籲民眾接種流感疫苗。",
    "台北市政府計畫興建新的捷運路線。",
    "在野黨批評預算審查過程缺乏透明度。",
    "外交部證實，總統將於下個月出訪友邦。",
)
SNIPPET_MB = (1, 3, 19)
SNIPPET_QUERIES = ("the", "said", "zanzibar")  # the commonest words, and one only at the end
NAIVE_SNIPPET_MB = 0.3  # FTS5's snippet() on the library index, for scale (quadratic)
NAIVE_SEARCH = (
    "SELECT a.id, a.title, a.source, a.published, a.words, a.read, a.starred,"
    " snippet(articles_fts, -1, '[', ']', '…', 12) AS snippet, bm25(articles_fts, 5.0, 1.0) AS s"
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
    " WHERE articles_fts MATCH ? ORDER BY s LIMIT 50"
)


def load_bases() -> list[dict[str, str]]:
    bases = []
    for name in SOURCES:
        with (EVAL / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                bases.append(
                    {
                        "title": record["title"],
                        "text": record["text"],
                        "source": record.get("publisher", "BBC News"),
                        "date": record.get("date", "2005-01-01"),
                    }
                )
    return bases


def variant(bases: list[dict[str, str]], index: int) -> dict[str, str]:
    """A unique article: a base text with its paragraphs shuffled and an edition line."""
    base = bases[index % len(bases)]
    paragraphs = [p for p in base["text"].split("\n") if p.strip()]
    rng = random.Random(index)
    lead, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    text = "\n\n".join([*lead, *rest, f"Edition {index} of this report."])
    return {**base, "title": f"{base['title']} ({index})", "text": text}


def write_files(folder: Path, bases: list[dict[str, str]], count: int) -> None:
    """Four in five as plain text (seed format), one in five as Markdown."""
    for i in range(count):
        art = variant(bases, i)
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        if i % 5:
            content = f" date {art['date']}\n{art['title']}\n\n{art['text']}\n"
            (sub / f"article-{i}.txt").write_text(content, encoding="utf-8")
        else:
            content = f"# {art['title']}\n\n*By a reporter*\n\n{art['text']}\n"
            (sub / f"article-{i}.md").write_text(content, encoding="utf-8")


def write_html(folder: Path, bases: list[dict[str, str]], count: int, offset: int) -> None:
    for i in range(offset, offset + count):
        art = variant(bases, i)
        body = "".join(f"<p>{p}</p>\n" for p in art["text"].split("\n\n"))
        page = (
            f"<!doctype html><html><head><title>{art['title']}</title>"
            f'<meta name="author" content="A Reporter"><meta property="og:site_name" '
            f'content="{art["source"]}"><script>var ads = 1;</script></head><body>'
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            f"<h1>{art['title']}</h1>{body}</article><footer>© News</footer></body></html>"
        )
        (folder / f"page-{i}.html").write_text(page, encoding="utf-8")


def articles(bases: list[dict[str, str]], start: int, stop: int) -> list[Article]:
    built = []
    for i in range(start, stop):
        art = variant(bases, i)
        built.append(
            with_hash(
                Article(
                    id=0,
                    title=art["title"],
                    text=art["text"],
                    content_hash="",
                    words=0,
                    source=art["source"],
                    published=art["date"],
                )
            )
        )
    return built


def fresh_library(root: Path, name: str) -> Library:
    home = root / name
    return open_library(Paths(home / "data", home / "config", home / "cache", home / "logs"))


def chinese_articles(start: int, stop: int) -> list[Article]:
    """Unique Chinese articles: the sentences shuffled, an edition number at the end."""
    built = []
    for i in range(start, stop):
        rng = random.Random(i)
        sentences = list(CJK_SENTENCES)
        rng.shuffle(sentences)
        text = "".join(sentences[:7]) + f"第{i}號報導。"
        article = Article(
            0, sentences[0][:12], text, "", 0, source="中央社", published="2024-01-01"
        )
        built.append(with_hash(article))
    return built


def search_times(
    library: Library, run, queries: tuple[str, ...] = QUERIES
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per query: on a shared machine the CPU time shows what
    the query costs, the wall time what a user would have waited."""
    wall, cpu = [], []
    for _ in range(REPEATS):
        for query in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            run(library, query)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def store_search(library: Library, query: str) -> None:
    """A first search: a new store, so nothing comes from its cache."""
    ArticleStore(library.conn).search(query, limit=50)


def repeated_search(library: Library, query: str) -> None:
    """The same search again on an unchanged library (a backspace, a return to the list)."""
    library.store.search(query, limit=50)


def naive_search(library: Library, query: str) -> None:
    library.conn.execute(NAIVE_SEARCH, (fts_query(query),)).fetchall()


def by_query(times: list[float]) -> dict[str, list[float]]:
    """``search_times``' figures per query (they come in ``QUERIES`` order, ``REPEATS`` times)."""
    return {q: times[i :: len(QUERIES)] for i, q in enumerate(QUERIES)}


def match_count(library: Library, query: str) -> int:
    sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    return int(library.conn.execute(sql, (fts_query(query),)).fetchone()[0])


def rank_times(library: Library, queries: list[str], **options: int) -> dict[str, list[float]]:
    """Wall milliseconds of ``ranking.rank`` alone (no rows, no snippets) per query."""
    times: dict[str, list[float]] = {q: [] for q in queries}
    for _ in range(REPEATS):
        for query in queries:
            match = fts_query(query)
            started = time.perf_counter()
            ranking.rank(library.conn, match, 50, **options)
            times[query].append((time.perf_counter() - started) * 1000)
    return times


def report_stories_and_tags(library: Library) -> None:
    """Issue 15: with a story of 10,000 articles, tags on 20,000 and 1,000 in the trash, the
    plain list and search keep their figures, and the filters (index lookups) stay fast."""
    conn = library.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    attach(conn, "Big story", ids[::10])
    for n, tag in enumerate(("politics", "economy")):
        add_tag(conn, tag, ids[n::10] + ids[n + 5 :: 10])
    trash(conn, ids[3::100])
    started = time.perf_counter()
    count = library.store.count()
    counted = (time.perf_counter() - started) * 1000
    print(f"with stories, tags, {len(ids) - count:,} trashed: count {counted:.1f} ms")
    for label, options in (
        ("list by date", {}),
        ("list by title", {"sort": "title", "descending": False}),
        ("list --story (10,000)", {"story": "Big story"}),
        ("list --tag (20,000)", {"tag": "politics"}),
    ):
        walls = []
        for _ in range(REPEATS * 5):
            started = time.perf_counter()
            library.store.list(limit=50, **options)
            walls.append((time.perf_counter() - started) * 1000)
        print(f"  {label:<26} median {statistics.median(walls):6.1f} ms  max {max(walls):6.1f} ms")
    plain = search_times(library, store_search)
    print(f"  search                     {percentiles(plain)}   goal p95 ≤ 20 ms")
    storied = search_times(library, story_search)
    print(f"  search --story             {percentiles(storied)}")


def report_characters(
    library: Library, words: tuple[list[float], list[float]], operators: tuple[list, list]
) -> None:
    """Issue 15: Chinese articles in the trigram index; searches by runs of characters, and
    every query of the run together (words, operators, characters) against the goal."""
    started = time.perf_counter()
    library.store.add_many(chinese_articles(0, CJK_COUNT))
    added = time.perf_counter() - started
    indexed = library.conn.execute("SELECT count(*) FROM articles_trigram_docsize").fetchone()[0]
    print(f"add {CJK_COUNT:,} Chinese articles {added:6.2f} s; {indexed:,} in the trigram index")
    characters = search_times(library, store_search, CJK_QUERIES)
    print(f"  runs of characters          {percentiles(characters)}")
    everything = tuple(words[i] + operators[i] + characters[i] for i in (0, 1))
    print(f"  all of them                 {percentiles(everything)}   goal p95 ≤ 20 ms")
    after = search_times(library, store_search)
    print(f"  words again, trigrams held  {percentiles(after)}")
    conn = library.conn
    conn.execute(
        "INSERT INTO meta (key, value) SELECT 'cjk_check_from', min(id) FROM articles"
        " UNION ALL SELECT 'cjk_check_to', max(id) FROM articles"
    )
    started = time.perf_counter()
    check_all(conn)
    checked = time.perf_counter() - started
    print(f"  upgrade's check of every article for such characters {checked:6.2f} s")


def story_search(library: Library, query: str) -> None:
    ArticleStore(library.conn).search(query, limit=50, story="Big story")


def report_rare_and_common(library: Library, ours: tuple[list[float], list[float]]) -> None:
    """p95 of rare and of common words, and what a rare word pays beyond one plain query."""
    counts = {q: match_count(library, q) for q in QUERIES}
    rare = [q for q in QUERIES if counts[q] < ranking.PARALLEL_FROM]
    walls = by_query(ours[0])
    for label, group in (("rare", rare), ("common", [q for q in QUERIES if q not in rare])):
        times = [t for q in group for t in walls[q]]
        if len(times) > 1:
            p95 = statistics.quantiles(times, n=100)[94]
            print(f"  {label:<6} words ({len(group):>2} queries)   wall p95 {p95:6.2f} ms")
    if not rare:
        return
    plain = rank_times(library, rare, slices=1)
    sliced = rank_times(library, rare, parallel_from=0)

    def extra(times: dict[str, list[float]]) -> float:
        return statistics.median(
            statistics.median(times[q]) - statistics.median(plain[q]) for q in rare
        )

    one = statistics.median(statistics.median(plain[q]) for q in rare)
    print(
        f"  rare word: one plain ranking query p50 {one:.2f} ms; a search adds "
        f"{extra(walls):.2f} ms (rows, snippets); slices would add {extra(sliced):.2f} ms"
    )


def long_text(bases: list[dict[str, str]], megabytes: float) -> str:
    """About ``megabytes`` of real prose (the bases one after another), one rare word at the
    very end."""
    parts, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        text = bases[i % len(bases)]["text"]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts) + "\n\nThe last word is Zanzibar."


def report_snippets(root: Path, bases: list[dict[str, str]]) -> None:
    """Snippet time of one long article per size and query; FTS5's snippet() for scale."""
    with fresh_library(root, "snippets") as library:
        ids = {}
        for megabytes in (NAIVE_SNIPPET_MB, *SNIPPET_MB):
            text = long_text(bases, megabytes)
            ids[megabytes] = library.store.add(
                with_hash(Article(id=0, title="Long", text=text, content_hash="", words=0))
            ).id
        for query in SNIPPET_QUERIES:
            match = fts_query(query)
            cells = []
            for megabytes in SNIPPET_MB:
                started = time.perf_counter()
                snippets(library.conn, match, [ids[megabytes]], 12)
                cells.append(f"{megabytes} MB {time.perf_counter() - started:6.3f} s")
            print(f"snippet {query!r:<11} " + "   ".join(cells))
        started = time.perf_counter()
        library.conn.execute(
            "SELECT snippet(articles_fts, -1, '[', ']', '…', 12) FROM articles_fts"
            " WHERE articles_fts MATCH ? AND rowid = ?",
            (fts_query("the"), ids[NAIVE_SNIPPET_MB]),
        ).fetchone()
        print(
            f"  baseline FTS5 snippet() 'the', {NAIVE_SNIPPET_MB} MB: "
            f"{time.perf_counter() - started:.3f} s"
        )


def percentiles(times: tuple[list[float], list[float]]) -> str:
    wall, cpu = (statistics.quantiles(t, n=100) for t in times)
    return (
        f"wall p50 {wall[49]:6.2f} p95 {wall[94]:6.2f} ms   "
        f"cpu p50 {cpu[49]:6.2f} p95 {cpu[94]:6.2f} ms"
    )


def main() -> int:
    if not all((EVAL / name).exists() for name in SOURCES):
        print(f"skipped: {EVAL} is missing (the benchmark builds its articles from it)")
        return 0
    bases = load_bases()
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        root = Path(tmp)
        files = root / "files"
        files.mkdir()
        write_files(files, bases, IMPORT_COUNT)

        with fresh_library(root, "baseline") as library:
            built = articles(bases, 0, IMPORT_COUNT)
            started = time.perf_counter()
            for i in range(0, len(built), ADD_BATCH):
                library.store.add_many(built[i : i + ADD_BATCH])
            baseline = time.perf_counter() - started
        del built

        with fresh_library(root, "in-thread") as library:
            started = time.perf_counter()
            import_paths(library, [files], read=read_file)
            in_thread = time.perf_counter() - started

        with fresh_library(root, "library") as library:
            started, started_cpu = time.perf_counter(), time.process_time()
            report = import_paths(library, [files])
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - started_cpu
            assert not report.failures, report.failures[:3]
            stored = len(report.imported)
            print(
                f"import {stored:,} files (txt+md)     {elapsed:6.2f} s  "
                f"{stored / elapsed:8,.0f} articles/s   goal ≤ 15 s   (cpu {cpu:.2f} s)"
            )
            print(
                f"  baseline add_many, no files   {baseline:6.2f} s  "
                f"{IMPORT_COUNT / baseline:8,.0f} articles/s   pipeline/baseline "
                f"{elapsed / baseline:.2f}×"
            )
            print(
                f"  read in the importing thread  {in_thread:6.2f} s  "
                f"{IMPORT_COUNT / in_thread:8,.0f} articles/s   this/pipeline "
                f"{in_thread / elapsed:.2f}×"
            )
            html = root / "html"
            html.mkdir()
            write_html(html, bases, HTML_COUNT, LARGE_COUNT)
            started = time.perf_counter()
            report = import_paths(library, [html])
            html_elapsed = time.perf_counter() - started
            print(
                f"import {len(report.imported):,} HTML pages (trafilatura) {html_elapsed:5.2f} s  "
                f"{len(report.imported) / html_elapsed:6,.0f} articles/s"
            )
            count = library.store.count()
            small = search_times(library, store_search)
            print(f"search at {count:>7,} articles   {percentiles(small)}")

            started = time.perf_counter()
            for start in range(IMPORT_COUNT, LARGE_COUNT, ADD_BATCH):
                library.store.add_many(articles(bases, start, start + ADD_BATCH))
            bulk = time.perf_counter() - started
            added = LARGE_COUNT - IMPORT_COUNT
            print(
                f"add_many {added:,} more articles {bulk:6.2f} s  {added / bulk:8,.0f} articles/s"
            )
            count = library.store.count()
            ours = search_times(library, store_search)
            naive = search_times(library, naive_search)
            print(f"search at {count:>7,} articles   {percentiles(ours)}   goal p95 ≤ 20 ms")
            report_rare_and_common(library, ours)
            print(f"  baseline bm25 join          {percentiles(naive)}")
            operators = search_times(library, store_search, OPERATOR_QUERIES)
            print(f"  operators and filters       {percentiles(operators)}")
            report_characters(library, ours, operators)
            for query in QUERIES:
                repeated_search(library, query)
            repeated = search_times(library, repeated_search)
            print(f"  repeated query (cached)     {percentiles(repeated)}")
            wall_ratio, cpu_ratio = (
                statistics.quantiles(ours[i], n=100)[94] / statistics.quantiles(naive[i], n=100)[94]
                for i in (0, 1)
            )
            print(f"  p95 ours/baseline: wall {wall_ratio:.2f}×, cpu {cpu_ratio:.2f}×")
            print(
                f"  (SQLite {sqlite3.sqlite_version}; ranking in {ranking.SLICES} slices from "
                f"{ranking.PARALLEL_FROM:,} matches: cpu counts every slice's thread)"
            )
            report_stories_and_tags(library)
            size = sum(p.stat().st_size for p in library.paths.data.iterdir() if p.is_file())
            print(f"database size {size / 1048576:,.0f} MiB")
        report_snippets(root, bases)
        print(f"(load average {', '.join(f'{x:.2f}' for x in os.getloadavg())})")
    peak = peak_mib()
    print(f"peak RSS {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
