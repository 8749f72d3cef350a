"""Rich renderables for ``rasd eval``: score tables and the per-document ``--explain`` listing.

Functions return renderables and never print (only rasd/cli prints).  Text from reports goes
in as :class:`rich.text.Text`, never as markup, so brackets in a quote cannot break the output.
"""
from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rasd.eval.score import BOOTSTRAP_DRAWS, ENTITY_TYPES, INTERVAL_SCORES, Counts, DocScore, Summary


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.1f}"


def _counts_row(name: str, c: Counts) -> list[str]:
    return [name, _pct(c.precision), _pct(c.recall), _pct(c.f1), str(c.tp), str(c.fp), str(c.fn)]


def _prf_table(title: str, first: str) -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column(first)
    for col in ("P", "R", "F1", "tp", "fp", "fn"):
        t.add_column(col, justify="right")
    return t


def summary_tables(s: Summary, gold: str, sha: str) -> RenderableType:
    main = _prf_table(f"{gold}: {s.documents} documents", "score")
    main.caption = f"gold sha256 {sha[:16]}"
    for t in ENTITY_TYPES:
        main.add_row(*_counts_row(t, s.entities[t]))
    main.add_row(*_counts_row("EVENT", s.events))
    main.add_row(*_counts_row("EVENT type-only", s.type_only))
    main.add_row(*_counts_row("RELATION", s.relations))

    acc = Table(title="accuracies", title_justify="left")
    for col, just in (("score", "left"), ("%", "right"), ("correct", "right"), ("of", "right")):
        acc.add_column(col, justify=just)
    geo = s.geo_accuracy
    acc.add_row("geocoding (within tolerance)", _pct(geo.value), str(geo.correct), str(geo.total))
    med = s.geo_median_km
    acc.add_row("geocoding median error km", "–" if med is None else f"{med:.1f}", "", "")
    acc.add_row("role (gold agents found)", _pct(s.roles.value), str(s.roles.correct), str(s.roles.total))
    acc.add_row("role, strict (no invented agents)", _pct(s.roles_strict.value), str(s.roles_strict.correct),
                str(s.roles_strict.total))
    acc.add_row("modality", _pct(s.modality.value), str(s.modality.correct), str(s.modality.total))

    types = _prf_table("events by type", "type")
    for name, c in sorted(s.event_types.items()):
        types.add_row(*_counts_row(name, c))
    spread = Table(title=f"F1 95 % interval (bootstrap over the {s.documents} documents, "
                         f"{BOOTSTRAP_DRAWS} draws)", title_justify="left")
    for col, just in (("score", "left"), ("F1", "right"), ("interval", "right")):
        spread.add_column(col, justify=just)
    for name, iv in s.f1_intervals().items():
        c = s.events if name == "EVENT" else s.entities[name]
        spread.add_row(name, _pct(c.f1), "–" if iv is None else f"{_pct(iv[0])} – {_pct(iv[1])}")
    return Group(types, acc, spread, main)   # the headline scores last, where a terminal (or `tail`) shows them


def _line(*parts: str | tuple[str, str]) -> Text:
    return Text.assemble(*parts)


def _names(xs: list[str]) -> str:
    return ", ".join(xs) if xs else "—"


def explain(score: DocScore) -> RenderableType:
    """What one document got wrong, grouped so the cause of each miss is readable at a glance."""
    m = score.misses
    out: list[RenderableType] = [Text(f"\n═══ {score.doc_id} ═══", style="bold"),
                                 Text("  " + "  ".join(f"{t} F1 {_pct(score.entities[t].f1)}"
                                                       for t in ENTITY_TYPES)
                                      + f"  EVENT F1 {_pct(score.events.f1)}"
                                      + f"  RELATION F1 {_pct(score.relations.f1)}", style="dim")]

    def section(title: str, items: list, render) -> None:
        if items:
            out.append(Text(f"{title} ({len(items)})", style="bold yellow"))
            out.extend(render(x) for x in items)

    section("gold entities not found", m["entities_missed"],
            lambda e: _line("  - ", (e["type"], "cyan"), f" {e['name']} ", (f"[{e['key']}]", "dim")))
    section("system entities unmatched (false positives)", m["entities_spurious"],
            lambda e: _line("  + ", (e["type"], "cyan"), f" {e['name']} ", (f"[{e['id']}]", "dim")))
    section("gold events unmatched", m["events_missed"], lambda e: Group(
        _line("  - ", (e["type"], "magenta"), f" {e['key']}",
              ("" if e["modality"] == "asserted" else f" ({e['modality']})"),
              f"  who: {_names(e['participants'])}  where: {_names(e['places'])}"),
        _line("      «", (e["evidence"], "italic"), "»"),
        _line(("      why: ", "dim"), (e["why"], "dim"))))
    section("system events unmatched (false positives)", m["events_spurious"], lambda e: _line(
        "  + ", (str(e["type"]), "magenta"), f" {e['id']}",
        ("" if e["modality"] in (None, "asserted") else f" ({e['modality']})"),
        f"  trigger: {e['trigger'] or '—'}  who: {_names(e['participants'])}"
        f"  where: {_names(e['places'])}"))
    section("events matched with other agents or modality", m["events_mismatched"], lambda e: _line(
        "  ~ ", (e["type"], "magenta"), f" {e['key']} ↔ {e['id']}",
        f"  agents gold: {_names(e['gold_agents'])}  system: {_names(e['system_agents'])}",
        ("" if e["gold_modality"] == e["system_modality"]
         else f"  modality gold: {e['gold_modality']}  system: {e['system_modality']}")))
    section("geocoding errors", m["geo_errors"], lambda g: _line(
        f"  ! {g['name']} [{g['key']}]: ",
        ("no coordinates" if g["error_km"] is None else f"{g['error_km']:.1f} km off", "red"),
        f" (tolerance {g['tolerance_km']:g} km; system {g['system']}"
        + ("" if g["system_coords"] is None else " at {:.4f}, {:.4f}".format(*g["system_coords"]))
        + ")"))
    section("gold relations not found", m["relations_missed"],
            lambda r: _line("  - ", (r["type"], "blue"), f" {r['head']} → {r['tail']}"))
    section("system relations unmatched", m["relations_spurious"],
            lambda r: _line("  + ", (r["type"], "blue"), f" {r['head']} → {r['tail']}"))
    if len(out) == 2:
        out.append(Text("  nothing missed", style="green"))
    return Group(*out)


def side_by_side(parts: list[tuple[str, Summary]]) -> RenderableType:
    """P / R / F1 of every headline score, one column group per part (train beside test)."""
    t = Table(title="side by side (P / R / F1)", title_justify="left")
    t.add_column("score")
    for name, s in parts:
        t.add_column(f"{name} ({s.documents} docs)", justify="right")
    rows = [*((e, lambda s, e=e: s.entities[e]) for e in ENTITY_TYPES),
            ("EVENT", lambda s: s.events), ("EVENT type-only", lambda s: s.type_only),
            ("RELATION", lambda s: s.relations)]
    for label, get in rows:
        t.add_row(label, *(" / ".join(_pct(v) for v in (get(s).precision, get(s).recall, get(s).f1))
                           for _, s in parts))
    spreads = [s.f1_intervals() for _, s in parts]
    for name in INTERVAL_SCORES:
        t.add_row(f"{name} F1 95 % interval", *("–" if sp.get(name) is None else
                                                 f"{_pct(sp[name][0])} – {_pct(sp[name][1])}" for sp in spreads))
    t.add_row("geocoding", *(_pct(s.geo_accuracy.value) for _, s in parts))
    t.add_row("role", *(_pct(s.roles.value) for _, s in parts))
    t.add_row("modality", *(_pct(s.modality.value) for _, s in parts))
    return t
