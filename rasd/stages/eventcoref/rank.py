"""Rank the earlier tellings a telling may repeat, with an explicit NONE (design §5).

:func:`allowed` says whether a pair may be one event at all (the hard constraints, each a fact of
reporting: different places are different events, a denied act is not the act, two days are two
events); :func:`score` orders the allowed candidates; :func:`best` returns the winner with the
reason kept in the merged event's why, or None when no candidate is allowed.
"""
from __future__ import annotations

from dataclasses import replace

from rasd.stages.eventcoref.features import Features, Telling, features, type_link
from rasd.stages.eventcoref.rules import Rules


def allowed(f: Features, rules: Rules, toll_guest: bool) -> str | None:
    """Why the pair may be one event, or None (:func:`decide` says why not)."""
    ok, why = decide(f, rules, toll_guest)
    return why if ok else None


def forced_refusal(f: Features) -> str | None:
    """Why the pair can never be one event, even when something else ties them (the same word of a
    sentence printed twice, eventcoref.retold): different places, or one telling denied or conditional."""
    if f.place == "differ":
        return "different places"
    if f.modality_conflict:
        return "one telling denied or conditional"
    return None


def decide(f: Features, rules: Rules, toll_guest: bool) -> tuple[bool, str]:
    """(may the pair be one event, why or why not): every refusal names the constraint that made it."""
    if f.link is None:
        return False, "types never one event"
    hard = forced_refusal(f)
    if hard:
        return False, hard
    if f.date_conflict:
        # أمس against اليوم; الشهر الماضي or أيلول (a month holds its days) against a day of another month
        return False, "different dates: the two tellings' dates share no day"
    if f.gap < f.min_sentences and not (f.gap == 0 and f.one_sentence_ok):
        told = "one sentence: two words of it name two acts" if f.gap == 0 else f"{f.gap} sentence(s) apart"
        return False, f"{told} (at least {f.min_sentences} for {f.link})"
    if f.gap > f.max_sentences and not (f.place == "same" and f.lead_first and f.shared):
        # … unless the headline or lead told it at the same place with a party in common: the
        # body retells the headline's act in its own words however far down (عدوان … استهدف رأس عيسى)
        return False, f"{f.gap} sentences apart (at most {f.max_sentences} for {f.link})"
    if toll_guest:
        if f.toll_period:
            # ارتقى حتى الآن أكثر من 21100 شهيد: the dead of a whole war or period, not of one act
            return False, "a toll counted over a period (since, until now): a running count of the dead"
        if not f.toll_cause and f.toll_notice:
            # زفّت المقاومة الشهيد … الذي ارتقى أثناء قيامه بواجبه: the dead are announced, no act is named
            return False, "a party's notice of its own dead that names no act: a report of the dead of its own"
        if not f.toll_cause and f.gap >= 2:
            # وأقرّ الجيش بمقتل ضابط في جنوبي القطاع: no act named, none told next to it
            return False, f"a toll that names no act, {f.gap} sentences from it: a report of the dead of its own"
        # a toll sentence counts the deaths of an act told near it, at its place or with a party in common
        if f.place in ("same", "contains") or f.shared or f.gap <= 1:
            return True, f"{f.link}; {f.gap} sentence(s) apart, place {f.place}"
        return False, "a toll with no place or party of the act, not next to it"
    if f.link == "same type" and f.place == "same" and f.gap == 0:
        # البراميل والصواريخ والقذائف التي ألقيت على المدينة: one act at one place, a word per weapon
        return True, "same type, place and sentence: one act named once per weapon or trigger word"
    if f.agent_conflict:
        return False, "agents differ"
    city = same_sentence_place(f)
    if city:
        return True, city
    near = f.gap <= rules.open_place_sentences
    same_type = f.link == "same type"
    if f.place == "same" and (f.shared or not same_type) and (near or f.lead_first or not same_type):
        return True, f"{f.link}; same place" + (f", {f.shared} participant(s) in common" if f.shared else "") + \
            (" (the headline or lead retold)" if f.lead_first and not near else "")
    if f.place == "same" and same_type and f.partyless and near:
        # دوي انفجارات في قاعدة X … استهداف القاعدة بصواريخ: nothing tells the two apart
        return True, f"{f.link}; same place, {f.gap} sentence(s) apart, one telling names no party"
    if f.place == "contains" and f.coarse_in_lead and (f.shared or not same_type):
        return True, f"{f.link}; the headline or lead names a place the body's telling lies inside"
    if f.place == "contains" and f.coarse_in_lead and not f.target_conflict:
        # استشهاد شخص في انفجار عبوة في المزة … انفجار عبوة في حي الحوش بمنطقة المزة; الهجوم في الضفة
        # الغربية (its victim) … حرق منزلهم في بلدة دوما (its doers): the body places the lead's act more
        # finely and names other roles of it, or none; nothing tells the two apart (the agents do not
        # differ, the targets do not differ, the dates do not differ). docs/lexicon-checks.md (Round 36: coref36)
        return True, f"{f.link}; the headline or lead names a place the body's telling lies inside, " \
            "their parties do not differ (" + ("one telling names none)" if f.partyless else "each names other roles)")
    if f.place == "contains" and same_type and f.same_day and f.gap == 0 and (f.shared or f.partyless):
        # غارات على محافظة لحج أمس استهدفت قاعدة العند: one sentence tells the act of one day at a coarse
        # place and at a place inside it (across sentences, a summary and an act of its own may be two)
        return True, f"{f.link}; same day, one place inside the other, {f.gap} sentence(s) apart" + \
            (f", {f.shared} participant(s) in common" if f.shared else ", one telling names no party")
    if f.place == "open" and f.nested and same_type and (near or f.placeless_in_lead):
        return True, f"{f.link}; one telling names no place, {f.shared} participant(s) in common, " \
            f"{f.gap} sentence(s) apart" + (" (the headline or lead retold)" if f.placeless_in_lead else "")
    if f.place == "open" and f.shared and not same_type and f.open_ok:
        return True, f"{f.link}; one telling names no place, {f.shared} participant(s) in common"
    if f.place == "quarters":
        return False, "a city and a quarter of it told in separate sentences (two acts may be)"
    if f.place == "same":
        return False, "same place but no participant in common" + ("" if near else ", far apart in the body")
    if f.place == "contains":
        return False, "one place inside the other, but the coarse one is not in the headline or lead" \
            if not f.coarse_in_lead else "one place inside the other, no participant in common"
    if f.place == "open" and not f.shared:
        return False, "one telling names no place and no participant in common"
    return False, "one telling names no place, participants not nested or too far apart"


def same_sentence_place(f: Features) -> str | None:
    """Why two tellings of one type in ONE sentence, at a city and at a quarter of it, are one act, or None.

    A sentence that names a city and a quarter of it (غارات على مواقع في تعز … منطقة الحوبان؛ اقتحمت
    القوات نابلس ومخيم بلاطة) tells one act there, however the events stage split it by place: one
    event at city level with the quarter as an alternative (annotations/README.md, saudi-001, -180; ACLED
    codes by town). Told in separate sentences they may be two acts (quarters struck one by one,
    mayadeen-080: round 15 lost 10 matched events joining them), and two villages stay two events."""
    if f.link == "same type" and f.gap == 0 and f.place == "quarters":
        return "same type, one sentence: a city and a quarter of it, one act at city level (eventcoref.yaml quarters)"
    return None


def score(f: Features) -> float:
    place = {"same": 3.0, "contains": 2.0, "quarters": 2.0, "open": 1.0}.get(f.place, 0.0)
    return place + min(f.shared, 2) + 0.5 * (f.link == "same type") - 0.2 * f.gap


def referent(t: Telling, earlier: list[Telling], rules: Rules) -> Telling | None:
    """The event an anaphoric telling (هذا الهجوم) refers back to: the nearest earlier one of its
    type within ``rules.anaphor_sentences``, else the nearest violent one when it is violent."""
    near = [o for o in earlier if any(0 <= t.sentence - x <= rules.anaphor_sentences for x in o.told_in)
            and not (o.modality == "negated") == (t.modality != "negated")]
    same = [o for o in near if o.type == t.type]
    if same:
        return max(same, key=lambda o: (max(x for x in o.told_in if x <= t.sentence), o.n))
    if t.type in rules.violent:
        violent = [o for o in near if o.type in rules.violent]
        return max(violent, key=lambda o: (max(x for x in o.told_in if x <= t.sentence), o.n)) if violent else None
    return None


def best(t: Telling, earlier: list[Telling], rules: Rules) -> tuple[Telling, Features, str] | None:
    """The earlier telling ``t`` repeats (with the pair's features and reason), or None."""
    if t.anaphor:
        o = referent(t, earlier, rules)
        if o is not None:
            f = features(o, t, rules)
            # its own clause may name the place more fully (هذا التقدم في سهل الغاب): places are joined
            return o, replace(f, host_first=True, place="union", finer=None), \
                f"'{t.anaphor}' refers back to the event told {f.gap} sentence(s) before"
    scored = []
    for o in earlier:
        if type_link(o, t, rules)[0] is None:
            continue   # types never one event (decide's first refusal): the other features are not read
        f = features(o, t, rules)
        toll_guest = (t.toll_only and f.host_first) or (o.toll_only and not f.host_first)
        why = allowed(f, rules, toll_guest and f.link != "same type")
        if why:
            scored.append((score(f), -o.n, o, f, why))
    if not scored:
        return back_reference(t, earlier, rules)
    _, _, o, f, why = max(scored, key=lambda x: (x[0], x[1]))
    return o, f, why


def back_reference(t: Telling, earlier: list[Telling], rules: Rules) -> tuple[Telling, Features, str] | None:
    """The act a definite event noun (الغارة، الهجوم) names again, when no rule merged it: the nearest
    earlier telling within ``rules.back_sentences`` of its type (or, for a generic noun such as الهجوم,
    of any violent type but a toll) that nothing tells apart (no other place, date or modality, and not
    one told as done and the other as to come: الاجتماع المرتقب is not the meeting held, الهجوم المقبل
    not the attack made; no other agents unless at the same place). The earlier act keeps its type.
    None when there is none."""
    if not t.back_ref:
        return None
    found = []
    for o in earlier:
        if o.toll_only or o.running_total:
            continue
        if not (o.type == t.type or t.back_generic and o.type in rules.violent and t.type in rules.violent
                and o.type != "CASUALTIES"):
            continue
        f = features(o, t, rules)
        if f.gap > rules.back_sentences or f.place == "differ" or f.place == "quarters" and f.gap \
                or f.date_conflict or f.modality_conflict \
                or {o.modality, t.modality} == {"asserted", "planned"} \
                or f.agent_conflict and f.place != "same":
            continue
        found.append((f.gap, -o.n, o, f))
    if not found:
        return None
    gap, _, o, f = min(found, key=lambda x: (x[0], x[1]))
    # its clause often says who blamed or answered for the act, not who did it: only evidence, toll and
    # date join (الهجوم نفذه انتحاريان ضد نقطة تفتيش للجيش والشرطة gives no agent)
    return o, replace(f, host_first=True, carry_parties=False), \
        f"'{t.back_ref}' (the event noun with the article) names again the {o.type} told {gap} sentence(s) before"


def refusal(t: Telling, earlier: list[Telling], rules: Rules) -> tuple[Telling | None, str]:
    """Why ``t`` joined no earlier telling: the refused candidate eventcoref's score ranks highest
    among those whose types may be one event, with the constraint that refused it; (None, why) when no
    earlier telling's type may be one event with it. For a trace (``rasd extract --trace``)."""
    scored = []
    for o in earlier:
        f = features(o, t, rules)
        if f.link is None:
            continue
        toll_guest = (t.toll_only and f.host_first) or (o.toll_only and not f.host_first)
        ok, why = decide(f, rules, toll_guest and f.link != "same type")
        if not ok:
            scored.append((score(f), -f.gap, o.n, o, why))
    if not scored:
        return None, "no earlier telling of a type that may be one event with it"
    *_, o, why = max(scored, key=lambda x: x[:3])
    return o, why
