"""`rasd data install`: the source manifest (upstream URLs, SHA-256 of the verified copies,
licences) and the build of the installed data (gazetteer, given names, NOTICE, install record).

Downloads use httpx (already a dependency) and are verified against the manifest checksums, so a
changed upstream file is refused rather than silently used.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rasd import __version__
from rasd.errors import DataMissingError, InputError, RasdError
from rasd.kb.gazetteer import build_gazetteer, gazetteer_path, load_gazetteer
from rasd.kb.names import FILENAME as NAMES_FILE
from rasd.kb.names import NEWS_FILE as NEWS_NAMES_FILE
from rasd.kb.names import CUED_FILE as CUED_NAMES_FILE
from rasd.kb.names import build_names, build_news_names, miner_settings
from rasd.ner.train import MODEL as NER_MODEL
from rasd.ner.wordtable import FILENAME as NER_WORDS
from rasd.kb.wordanswers import FILENAME as WORD_ANSWERS, build as build_word_answers, stale as word_answers_stale
from rasd.kb.yamlfile import KNOWLEDGE_DIR
from rasd.ner.likely import FILENAME as NER_LIKELY
from rasd.ner.resources import FROZEN
from rasd.settings import data_dir

RECORD = "installed.json"


class DownloadError(RasdError):
    code = "R310"
    hint = "Check the network, or install from a local copy: `rasd data install --from ../shared/data`."


@dataclass(frozen=True)
class Source:
    path: str                 # relative to the data folder (geo/…, ner/…)
    sha256: str
    url: str | None           # None: no stable public URL; only --from can supply it
    origin: str
    licence: str
    member: str | None = None  # the file inside a zip download
    required: bool = True


_SA = "Syrian Archive API repository (mnemonicorg/syrianarchive-api, data/locations.json); communities from UN OCHA's Common Operational Dataset for Syria"
_OS = "OpenSyria data-geography (Open-Syria/data-geography)"

# Every URL is pinned to the commit of the GitHub copy the verified (shared) file came from, so
# the checksum below is the checksum of what the URL serves, now and later.
GITHUB_RAW = "https://raw.githubusercontent.com/"
_OS_AT = GITHUB_RAW + "Open-Syria/data-geography/bebd183c9f59bde9fa56fa942cb8b8e9ca1351e6/data/"
# The full hash of this commit could not be looked up offline; GitHub resolves the short form.
_SA_AT = GITHUB_RAW + "mnemonicorg/syrianarchive-api/12816da8700f/data/"
_ANER_AT = GITHUB_RAW + "HassanAzzam/Arabic-NER/b7aeb8e6e7009b369696b3856417ba4eb9e8ad37/"
_AQMAR_AT = GITHUB_RAW + "TeletronicsDotAe/nlp-entityextraction/ec9e6b3565e2ca7776114080d3ba322972a6ad9a/src/test/resources/"
_VISBERT_AT = GITHUB_RAW + "bvanaken/visbert/8c0f4a8b8eb821dca6d947206c3e3cbad9cda693/data/"

MANIFEST: tuple[Source, ...] = (
    Source("geo/syrianarchive_locations.json",
           "2715006e715f0469afa542eec95a74facba4e603cb5230534ad6c682880ba01f",
           _SA_AT + "locations.json", _SA, "OCHA COD: CC BY-IGO; repository: GPL-3.0"),
    Source("geo/open-syria/governorates.json",
           "dee585be8eabf5608aeab6e29196baef56210286366cbaa0a3a47c285eba8fbd",
           _OS_AT + "governorates.json", _OS, "CC BY 4.0"),
    Source("geo/open-syria/districts.json",
           "80a7854c0c11c8614b80b119d278d70b1a3c7c973061f74b02bca34ee5d30ac0",
           _OS_AT + "districts.json", _OS, "CC BY 4.0"),
    Source("geo/open-syria/subdistricts.json",
           "f4b4b5d2c284065f489b5ff31aebb3d4eec92e10052c0fc0a73cd25b6fc9199d",
           _OS_AT + "subdistricts.json", _OS, "CC BY 4.0"),
    Source("ner/ANERCorp.txt",
           "a51fae1120aa5f56e36164f6cefa243edc37ec10baccbb283b5df76991ee1ba5",
           _ANER_AT + "ANERCorp",
           "ANERcorp (Benajiba et al. 2007), GitHub copy HassanAzzam/Arabic-NER", "CC BY-SA 4.0; research use",
           required=False),
    Source("ner/ANERCorp_CamelLab_test.txt",
           "0eac2e38f4e8e3059cb58b9691b92d7720499a595b10919326b6a512d297ffe9",
           _VISBERT_AT + "ANERCorp_CamelLab_test.txt",
           "ANERcorp, CAMeL Lab test split (Obeid et al. 2020), GitHub copy bvanaken/visbert",
           "CC BY-SA 4.0; research use", required=False),
    Source("ner/AQMAR_Arabic_NER_corpus-1.0.txt",
           "3d81389a6da0e1c826550bd22ad78d5c531bcdebcd1042de1541fc2baa1bb253",
           _AQMAR_AT + "AQMAR_Arabic_NER_corpus-1.0.txt",
           "AQMAR Arabic Wikipedia NER corpus (Mohit et al. 2012)", "CC BY-SA 3.0", required=False),
    Source("ner/NewsFANE_Gold_2014_170K.txt",
           "448b4e7695ce6129c2c5cdd7d460f9eb43319e651f875b1ffbdbe40f8c70480b",
           _VISBERT_AT + "Finegrained/WikiFANE_2014_Gold_standard/NewsFANE_Gold_2014_170K.txt",
           "NewsFANE Gold (Alotaibi & Lee), fine-grained Arabic NER", "CC BY-SA 3.0", required=False),
)


def source_url(src: Source, mirror: str | None = None) -> str | None:
    """The URL to fetch ``src`` from: its pinned GitHub URL, or the same path under ``mirror``
    (a copy of raw.githubusercontent.com laid out as owner/repo/commit/path)."""
    if src.url is None or not mirror:
        return src.url
    return mirror.rstrip("/") + "/" + src.url.removeprefix(GITHUB_RAW)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def download(src: Source, dest: Path, timeout: float = 60.0, mirror: str | None = None) -> Path:
    """Fetch one source into ``dest``/src.path and verify it; DownloadError when that fails."""
    import httpx

    target = dest / src.path
    if target.is_file() and sha256(target) == src.sha256:
        return target
    url = source_url(src, mirror)
    if url is None:
        raise DownloadError(f"{src.path} has no public download URL")
    try:
        r = httpx.get(url, timeout=timeout, follow_redirects=True)
        r.raise_for_status()
    except httpx.HTTPError as e:
        raise DownloadError(f"cannot download {url} ({type(e).__name__}: {e})") from None
    body = r.content
    if src.member:
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as z:
                name = next(n for n in z.namelist() if n.endswith(src.member))
                body = z.read(name)
        except (zipfile.BadZipFile, StopIteration):
            raise DownloadError(f"{url} does not hold {src.member}") from None
    if hashlib.sha256(body).hexdigest() != src.sha256:
        raise DownloadError(f"{url} does not match the expected SHA-256 (the upstream file changed)",
                            hint="Install from a verified copy with --from, or update rasd.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    return target


def notice() -> str:
    lines = ["rasd installed data: derived from the sources below. Keep this attribution with it.", ""]
    for s in MANIFEST:
        lines.append(f"- {s.path}: {s.origin}. Licence: {s.licence}." + (f" {s.url}" if s.url else ""))
    lines += ["", "rasd/knowledge/world_places.yaml: written by the rasd authors (Apache-2.0)."]
    return "\n".join(lines) + "\n"


def status(base: Path | None = None) -> dict | None:
    """The install record, or None when nothing is installed."""
    p = (base or data_dir()) / RECORD
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError as e:
        raise DataMissingError(f"the install record {p} is unreadable ({e})") from None


def steps(source_dir: Path | None) -> int:
    """How many progress steps :func:`install` reports (for a progress bar's total)."""
    return (0 if source_dir is not None else len(MANIFEST)) + 7


KNOWLEDGE_INPUT = "rasd/knowledge/*.yaml"   # the install record's name for the knowledge files
FROZEN_INPUT = "rasd/ner/frozen_lists.json"   # the CRF's frozen lists (scripts/freeze_ner_lists.py)
MINER_INPUT = "rasd/kb/names.py settings"   # the name miner's thresholds (rasd.kb.names.miner_settings)


def miner_digest() -> str:
    """SHA-256 of the name miner's thresholds: a changed threshold makes install rebuild the name
    lists (the cued tier among them), as an edited input file does."""
    return hashlib.sha256(json.dumps(miner_settings(), sort_keys=True).encode("utf-8")).hexdigest()


def knowledge_digest(kdir: Path | None = None) -> str:
    """One SHA-256 over the knowledge files (their names and bytes, in name order)."""
    import hashlib

    from rasd.kb.yamlfile import KNOWLEDGE_DIR

    h = hashlib.sha256()
    for f in sorted((kdir or KNOWLEDGE_DIR).glob("*.yaml")):
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def train_event_decision(out: Path, source_dir: Path | None, inputs: dict, only_if_stale: bool = False) -> dict:
    """Train the learned event decision (rasd.stages.evdecide) from the gold beside the data: the
    shared corpus (``source_dir``/../corpus: seed and dev) and the checkout's annotations/train.
    With ``only_if_stale``, only when that gold or the knowledge changed since it was trained."""
    from rasd.stages.evdecide.train import build, stale

    corpus = Path(source_dir).parent / "corpus" if source_dir is not None else None
    corpus = corpus if corpus is not None and corpus.is_dir() else None
    if corpus is None:     # a download install has no annotated corpus beside it: no model, stage a no-op
        return {} if only_if_stale else {"counts": {"event decision examples": 0}}
    knowledge = inputs.get(KNOWLEDGE_INPUT, "")
    if only_if_stale and not stale(out, corpus, knowledge=knowledge):
        return {}
    return {"counts": build(out, corpus, knowledge=knowledge)}


def install(source_dir: Path | None = None, *, force: bool = False,
            progress: Callable[[str], None] = lambda step: None, mirror: str | None = None,
            timeout: float = 60.0) -> dict:
    """Build the installed data from ``source_dir`` (a copy of shared/data) or from the network.

    Idempotent: when the inputs' checksums and the rasd version equal the recorded ones and the
    outputs exist, nothing is rebuilt (``force`` rebuilds).  Returns the install record.
    """
    out = data_dir()
    if source_dir is None:
        src_root = out / "downloads"
        for s in MANIFEST:
            progress(f"download {s.path}")
            try:
                download(s, src_root, timeout=timeout, mirror=mirror)
            except DownloadError:
                if s.required:
                    raise
    else:
        src_root = Path(source_dir)
        if not (src_root / "geo").is_dir():
            raise InputError(f"{src_root} has no geo/ folder",
                             hint="Point --from at the shared data folder (it holds geo/ and ner/).")
    progress("verify checksums")
    inputs = {}
    for s in MANIFEST:
        p = src_root / s.path
        if not p.is_file():
            if s.required:
                raise DataMissingError(f"{p} is missing")
            continue
        got = sha256(p)
        if got != s.sha256:
            raise InputError(f"{p} does not match the manifest SHA-256",
                             hint="Use an unmodified copy of the source data.")
        inputs[s.path] = got
    # what install builds also depends on the knowledge files (world_places.yaml goes into the
    # gazetteer, name and feature lists into the NER model): an edited file makes it rebuild
    inputs[KNOWLEDGE_INPUT] = knowledge_digest()
    # the CRF's frozen gazetteer-like lists (scripts/freeze_ner_lists.py rewrites them on purpose):
    # a new freeze retrains the model
    inputs[FROZEN_INPUT] = sha256(FROZEN)
    # the thresholds the given-name lists are mined with: the lists are rebuilt when one changes
    inputs[MINER_INPUT] = miner_digest()
    old = status(out)
    if (not force and old and old.get("inputs") == inputs and old.get("rasd") == __version__
            and gazetteer_path(out).is_file() and (out / NAMES_FILE).is_file() and (out / NEWS_NAMES_FILE).is_file()
            and (out / CUED_NAMES_FILE).is_file()
            and (out / NER_MODEL).is_file() and (out / NER_LIKELY).is_file()):
        from rasd.ner.train import refresh_word_table

        progress("check the NER word table")
        refreshed = {**old, "unchanged": True, **refresh_word_table(out, src_root / "news", load_gazetteer(out))}
        progress("check the event decision model")
        retrained = train_event_decision(out, source_dir, inputs, only_if_stale=True)
        if retrained:   # the training gold changed: only the event model was rebuilt
            refreshed = {**refreshed, "unchanged": False, "counts": {**old.get("counts", {}), **retrained["counts"]}}
        progress("check the word answers")
        if word_answers_stale(out, KNOWLEDGE_DIR):   # the code or knowledge changed: answers again
            answered = build_word_answers(out, src_root / "news")
            refreshed = {**refreshed, "unchanged": False, "counts": {**refreshed.get("counts", {}), **answered}}
        if not refreshed["unchanged"]:
            (out / RECORD).write_text(json.dumps({k: v for k, v in refreshed.items() if k != "unchanged"},
                                                 ensure_ascii=False, indent=1), encoding="utf-8")
        return refreshed
    progress("build gazetteer")
    counts = build_gazetteer(src_root / "geo", gazetteer_path(out))
    progress("collect given names")
    counts |= build_names(src_root / "ner", out / NAMES_FILE)
    from rasd.kb.heldout import held_out   # counted so that an empty exclusion is visible

    skip = held_out(src_root)    # read once, handed to the news readers that take it
    counts["held-out reports kept out of the news"] = skip.articles
    progress("learn given names from the news")
    learned = json.loads((out / NAMES_FILE).read_text(encoding="utf-8"))
    counts |= build_news_names(src_root, out / NEWS_NAMES_FILE, learned["common_words"], learned["names"],
                               places=(alias for alias, _ in load_gazetteer(out).names()), skip=skip)
    progress("learn word clusters and train the NER model")
    from rasd.ner.train import build as build_ner

    counts |= build_ner(src_root / "ner", src_root / "news", out, load_gazetteer(out))
    progress("train the event decision model")
    counts |= train_event_decision(out, source_dir, inputs)["counts"]
    (out / "NOTICE").write_text(notice(), encoding="utf-8")
    progress("precompute the word answers")
    counts |= build_word_answers(out, src_root / "news", skip=skip)   # last: it runs the pipeline over the data above
    record = {"rasd": __version__, "from": str(Path(source_dir).resolve()) if source_dir else "download",
              "inputs": inputs,
              "counts": counts, "files": [gazetteer_path(out).name, NAMES_FILE, NEWS_NAMES_FILE, CUED_NAMES_FILE, NER_MODEL,
                        NER_WORDS, NER_LIKELY, WORD_ANSWERS, "NOTICE"]}
    (out / RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return record
