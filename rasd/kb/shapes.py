"""The shape of every knowledge file, as pydantic models (design §4).

A shape says which keys a file has and what kind of value each takes (a word list, a number, a
table); the loaders in rasd/kb, rasd/geo and rasd/stages then check meaning (known event types,
place ids, references between actors). Unknown keys are allowed where analysts add word lists
(``Words`` extras must be lists of strings); elsewhere they are an error.

Why pydantic: it is installed already (the API uses it), reports every error with its path in
the data, and that path is what :func:`rasd.kb.loaders.validate` turns into a file:line.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Annotated, Any, Literal, Optional

from pydantic import (BaseModel, ConfigDict, Field, RootModel, ValidationError, ValidationInfo, confloat, conint,
                      conlist, constr, field_validator, model_validator)

WordList = list[str]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Open(BaseModel):
    """Known keys typed; any other key allowed (a file others extend with their own tables)."""
    model_config = ConfigDict(extra="allow")


def first_problem(error: ValidationError) -> tuple[tuple, str]:
    """The location (without pydantic's "root") and the message of a validation error's first
    problem, a shape's own check's "Value error, " prefix taken off: the loader registry and the
    actors' in_context reader word their file:line errors from it."""
    err = error.errors()[0]
    return (tuple(x for x in err["loc"] if x != "root"), err["msg"].removeprefix("Value error, "))


class Words(BaseModel):
    """Known keys typed; every other key is a word list (lexicon-like files)."""
    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, WordList]


# ---- actors, persons, sources ------------------------------------------------------------------

class Affiliation(Open):
    actor: str
    role: Optional[str] = None


class Rebrand(Open):
    name_ar: str


_COUNTRY = r"^[A-Z]{2}$"
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def period_bound(value: Any, end: bool) -> Optional[_dt.date]:
    """A bound of a period as a day: a year (2015, or "2015"), a month ("2015-03") or a day
    ("2015-03-26", or a YAML date). A year or a month is its first day as a start (``end`` False)
    and its last day as an end."""
    if value is None or isinstance(value, _dt.date):
        return value.date() if isinstance(value, _dt.datetime) else value
    m = _PERIOD.match(str(value).strip()) if isinstance(value, (int, str)) else None
    if m is None:
        raise ValueError(f"must be a year (2015), a month (2015-03) or a day (2015-03-26), not {value!r}")
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if day:
            return _dt.date(year, month, day)
        if month:
            return _dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return _dt.date(year, 12, 31) if end else _dt.date(year, 1, 1)
    except (ValueError, calendar.IllegalMonthError):
        raise ValueError(f"must be a real year, month or day, not {value!r}") from None


class InContext(Closed):
    """actors.yaml ``in_context``: names that mean the actor only in reports about ``countries``
    (ISO-2; absent: any country) and/or only between ``from`` and ``until`` (a year, a month or a
    day, read as days: a year or month starts on its first day and ends on its last). ``definite``:
    the names mean the actor only with the article they are written with on their first word (a name
    that is also a common noun, الاحتلال "the occupation": indefinite, قوة احتلال "an occupation force",
    or heading a genitive, احتلال رفح "the occupation of Rafah", it names no actor); without it, the
    first word is read with or without the article (a force's name heads its genitive as the force:
    شرطة كابل "Kabul's police"). The words after the first are always matched as written.

    This is the rule's one validation: the shape check of ``rasd kb check`` and the loader
    (rasd.kb.knowledge, which adds the file:line) both use it. Whether two actors' readings of a
    name overlap is checked by the loader, which sees all the entries."""
    names: conlist(constr(strip_whitespace=True, min_length=1), min_length=1)
    countries: Optional[list[str]] = None
    since: Optional[_dt.date] = Field(default=None, alias="from")
    until: Optional[_dt.date] = None
    definite: bool = False

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            unknown = set(data) - {"names", "countries", "from", "until", "definite"}
            if unknown:
                raise ValueError(f"unknown key(s) {sorted(unknown)}; use names, countries, from, until, definite")
        return data

    @field_validator("names", mode="before")
    @classmethod
    def _some_names(cls, v: Any) -> Any:
        if isinstance(v, list) and not v:
            raise ValueError("'names' must list at least one name")
        return v

    @field_validator("countries")
    @classmethod
    def _iso2(cls, v: Optional[list[str]]) -> Optional[list[str]]:
        if v is not None and not all(re.match(_COUNTRY, c) for c in v):
            raise ValueError(f"'countries' must list ISO-2 codes in capitals (YE, SY), not {v!r}")
        return v

    @field_validator("since", "until", mode="before")
    @classmethod
    def _day(cls, v: Any, info: ValidationInfo) -> Optional[_dt.date]:
        return period_bound(v, end=info.field_name == "until")

    @model_validator(mode="after")
    def _a_context(self) -> "InContext":
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"'from' ({self.since}) is after 'until' ({self.until})")
        if not self.countries and self.since is None and self.until is None:
            raise ValueError("give the countries, a period (from / until) or both")
        return self


class KbEntry(Open):
    id: str
    name_ar: str
    name_en: str
    category: Optional[str] = None
    aliases: Optional[WordList] = None
    short: Optional[WordList] = None
    country: Optional[str] = None
    part_of: Optional[WordList] = None
    allies: Optional[WordList] = None
    affiliations: Optional[list[Affiliation]] = None
    rebrands: Optional[list[Rebrand]] = None
    wikidata: Optional[str] = None
    in_context: Optional[list[InContext]] = None


KbEntries = RootModel[list[KbEntry]]


# ---- lexicons ----------------------------------------------------------------------------------

class Lexicon(Words):
    """lexicon.yaml: every key a word list; the keys a rule reads by name with no other check are
    declared, so a misspelt key is an error and not a rule switched off."""
    club_nationalities: WordList   # a masculine nationality after a town: the club (rasd.stages.mentions.places)
    sport_words: WordList          # a word of sport in the sentence (the same rule)
    named_thing_heads: WordList    # ميثاق روما: a charter named after a city, no place (rasd.stages.mentions.places, rasd.stages.ner)
    slogan_heads: WordList         # طريق القدس: a slogan, no place (rasd.stages.mentions.places, rasd.stages.ner)
    slogan_places: WordList        # (the same rule)
    patronymic_words: WordList     # X بن Y: the given names the news miner counts (rasd.kb.names)
    one_party_frames: WordList     # a state and its army named alike: one party (rasd.stages.link)
    party_list_openers: WordList   # بين X وY: a list of parties, no place (rasd.stages.mentions.known)
    direction_nouns: WordList      # اتجاه X: a place preposition only after في or من (the same rule)
    each_words: WordList           # كل من X وY: each of the parties (the same rule)
    actor_epithets: WordList       # an actor's phrase runs on over them (rasd.stages.phrases)
    leader_markers: WordList       # بقيادة X (the same stage)
    numbered_unit_category: WordList   # the category of a unit named by its number (rasd.stages.mentions.organisations)
    leader_relatives: WordList     # الذي / التي before a verb of leading (the same stage)
    leader_verbs: WordList         # تقوده … (the same stage)
    phrase_loyal_words: WordList   # الموالية لـX (the same stage)
    phrase_heads: WordList         # the head of a construct before a definite actor (the same stage)
    phrase_titles: WordList        # a title ending an actor phrase before a person (the same stage)
    # مطار X: a site apart from the town X; مخيم X (`مخيم: known_apart`): only when the gazetteer knows
    # it apart (rasd.stages.link); قطاع X (`قطاع: named_bare`): so too, and the bare X of a report
    # that names قطاع X is that whole place (غزة is قطاع غزة, مدينة غزة stays the city)
    site_cues: list[str | Annotated[dict[str, Literal["known_apart", "named_bare"]], Field(min_length=1, max_length=1)]]
    site_name_titles: WordList     # مسجد الإمام X: a site named after a person (rasd.stages.open_places)
    speech_verbs: WordList         # وقال X إن: the lone person after a verb of saying (rasd.stages.ner)
    role_after_name: WordList      # وقال X Y، وهو …: the role after a speaker's name (rasd.stages.ner)
    title_surnames: WordList       # حسان الشيخ، : a title that is the family name (rasd.stages.mentions.persons)
    ordinary_surnames: WordList    # … الحمد الصباح: a definite family name that is an ordinary word (the same)
    flow_nouns: WordList           # حركة الملاحة: the traffic of X after an organisation head, no group (rasd.stages.mentions.organisations)
    vessel_words: WordList         # السفينة "أم X": a ship's name, no person (rasd.stages.mentions.persons, rasd.stages.ner)
    prayer_formulas: WordList      # X رحمه الله: a prayer after a name, no organisation (rasd.stages.ner)
    naming_verbs: WordList         # رجل يدعى X Y: a verb of naming before a bare name (rasd.stages.mentions.persons)
    person_nouns: WordList         # الطفل علي X: a person noun before a name, where علي is the name (the same)
    office_links: WordList         # المتحدث باسم X: the body after the title (rasd.stages.ner)
    namesake_heads: WordList       # ميدان X، مسجد الإمام X: a thing named after a person (rasd.stages.ner)
    namesake_honorifics: WordList  # مسجد الإمام X: an honorific between that type word and the name (the same)
    quarter_adjectives: WordList   # بغداد الجديدة: a town's quarter, a place of its own (rasd.stages.mentions.places)


class Relations(Words):
    pass


GeoAnaphors = RootModel[dict[str, WordList]]


class OpenPlaces(Closed):
    """open_places.yaml: cue words before places the gazetteer may lack (rasd.stages.open_places)."""
    facility_cues: WordList
    settlement_cues: WordList
    feature_cues: WordList
    plural_cues: WordList
    dual_cues: WordList
    dual_endings: WordList   # put for the final ة of a feminine type word: its dual in construct
    open_cues: WordList
    not_before: WordList
    not_after: WordList
    name_enders: WordList
    not_names: WordList
    anaphors: dict[str, WordList]   # 'any' any place; 'bi' a dual: the last two places
    container_links: WordList
    location_verbs: WordList
    edge_words: WordList
    territory_words: WordList
    border_links: WordList
    list_preps: WordList
    facility_types: WordList
    border_adjectives: dict[str, str]   # adjective → world_places.yaml country id
    served_buildings: WordList   # facility cues a construct phrase names: the body the building serves
    kind_list_cues: WordList     # مواقع X: a lone frequent word after them names a kind (rasd.stages.open_places)
    located_cues: WordList       # منطقة X: an ordinary word after them is a name when a known place locates it
    located_links: WordList      # the words that locate it (شرق عدن، في مدينة X، التابعة لمديرية X)
    inside_links: WordList = []  # container links that put a place inside the next (في، داخل): rasd.stages.place_context


class ActorHeads(Closed):
    category: str
    words: WordList


class Crowd(Closed):
    category: str
    name: str
    words: WordList
    # a group the press names as readily in reports of no act of force (worshippers at prayer): a party
    # only in a report with an event (rasd.stages.roster)
    with_events_only: bool = False
    # a group named as readily in talk of a kind of enemy (يجب محاربة متطرفين، تصنيفهم إرهابيين) as in an act
    # told: a party only when an event takes it (rasd.stages.roster)
    party_only: bool = False


class Victims(Closed):
    name: str
    category: str
    people: WordList
    broken_nationals: WordList = []
    stateless_nationals: WordList = []   # broken nationals that name no state: no state force after a head
    group_only_nationals: WordList = []  # as those, read after a group word only (never counted)
    actor: Optional[str] = None
    population: WordList = []   # the population at large: dropped when no event names it (rasd.stages.roster)
    # civilians named only by their nationality (a count or a people noun + a nationality) and taken by
    # no event are dropped too, unless a word below heads one of the mentions (rasd.stages.roster)
    nationals_in_passing: bool = False
    captives: WordList = []


class Kinds(Closed):
    """An unnamed armed group named by its kind (العناصر الإرهابية): its name, category, heads, adjectives."""
    name: str
    category: str
    heads: WordList
    adjectives: WordList
    generic_actors: list[str] = []   # actors.yaml ids of kinds of groups (rasd.stages.roster)


class CountryNisbas(Closed):
    """How a country's name makes its nationality adjective (open_actors.yaml country_nisbas)."""
    drop_endings: WordList
    suffix: str
    not_: WordList = Field([], alias="not")


class OpenActors(Closed):
    """open_actors.yaml: force heads, nationalities and group words (rasd.stages.open_actors)."""
    heads: list[ActorHeads]
    generic_heads: WordList
    security_words: WordList
    modifiers: WordList
    head_modifiers: dict[str, WordList] = {}
    nationalities: WordList
    country_nisbas: Optional[CountryNisbas] = None
    crowds: list[Crowd]
    kinds: Kinds
    victims: Optional[Victims] = None
    media_nouns: WordList
    attack_nouns: WordList
    attack_modifiers: WordList
    owned_facilities: WordList
    talks_nouns: WordList = []
    talks_modifiers: WordList = []
    talks_not_after: WordList = []
    facility_not_after: WordList
    website_words: WordList
    national_forces: dict[str, str]
    army_heads: WordList = []
    army_modifiers: WordList = []
    place_prepositions: WordList = []   # a government head + one of these + a place: its body (bodies16)
    place_modifiers: WordList = []
    place_buildings: WordList = []      # a building word before the head: the building, not the body
    party_joiners: list[str] = []       # between two parties' adjectives besides a space (a dash)
    wing_heads: WordList = []           # an armed wing's name before its party's (rasd.stages.roster)


class Boilerplate(Closed):
    line_phrases: WordList
    max_line_chars: conint(gt=0)
    tag_heads: Optional[WordList] = None
    max_tag_words: Optional[conint(gt=0)] = None
    glued_link_words: Optional[WordList] = None


class Modal(Open):
    window: Optional[conint(gt=0)] = None
    before: Optional[WordList] = None
    not_before: Optional[WordList] = None
    purpose_lam: Optional[bool] = None
    denial: Optional[WordList] = None
    that: Optional[WordList] = None
    lam_governors: Optional[WordList] = None
    lam_window: Optional[conint(gt=0)] = None
    stop_at: Optional[WordList] = None


class Modality(Closed):
    negated: Modal
    planned: Modal
    conditional: Modal
    reporting_verbs: WordList


class Trigger(Open):
    type: str
    pos: Literal["verb", "noun"]
    forms: conlist(str, min_length=1)
    air: Optional[bool] = None
    weapon: Optional[bool] = None
    invert: Optional[bool] = None
    needs_place: Optional[bool] = None
    needs_near: Optional[WordList] = None
    window: Optional[conint(gt=0)] = None
    near_before: Optional[conint(ge=0)] = None
    not_after: Optional[WordList] = None
    modality: Optional[Literal["negated", "planned", "conditional"]] = None
    recipient_lam: Optional[bool] = None
    weapon_after: Optional[conint(gt=0)] = None
    weapon_clause: Optional[bool] = None   # a weapon right after it or made with in its clause types it
    indefinite: Optional[bool] = None
    definite: Optional[bool] = None   # its first word counts only with the article
    tally: Optional[bool] = None
    not_with: Optional[list[str]] = None
    by_victims: Optional[bool] = None
    by_aim: Optional[bool] = None   # a firing word typed by the object of its fire or an aircraft firing it
    only_with: Optional[list[str]] = None
    by_sides: Optional[bool] = None
    object_genitive: Optional[bool] = None   # a named person as its genitive is the one it is done to
    not_near: Optional[WordList] = None      # no event with one of these words as near as needs_near looks


EventTypeName = constr(pattern=r"^[A-Z][A-Z_]+$")
# An actors.yaml category (rasd.kb.knowledge.ACTOR_CATEGORIES), as other files name it
ActorCategory = Literal["state_force", "non_state_armed_group", "coalition", "government", "political",
                        "international", "civilians", "other"]


class Triggers(Words):
    triggers: list[Trigger]
    weapon_cues: dict[str, WordList]
    # the argument and running-total rules' lists (stages/events): declared, so a renamed or missing
    # key is an error with its file:line instead of a rule silently switched off
    item_openers: WordList
    place_specifiers: WordList
    place_describers: WordList   # الواقعة، المحاذية: the places of the clause they open describe the place before
    time_fillers: WordList
    object_gap_words: WordList
    act_carrier_verbs: WordList
    reaction_verbs: WordList
    speaker_heads: WordList   # قائد، المتحدث باسم: the actor after them is a teller's body (roles.told_before)
    own_dead_verbs: WordList   # زفّ، نعى، أقرّ: the subject is the side of the dead (fatalities.casualties)
    announce_verbs: WordList   # أعلن: with a martyr word, its subject is the side of the dead
    martyr_words: WordList
    dead_side_nouns: WordList  # قتلى، جرحى، صفوف: their genitive actor is the side of the dead
    running_total_raise: WordList
    running_total_words: WordList
    running_total_to: WordList
    running_total_frames: WordList
    harm_words: WordList
    unarmed_victims: WordList
    armed_victims: WordList
    armed_qualifiers: WordList
    victim_links: WordList
    harm_causes: WordList    # في، جراء …: the act that hurt the people named before it (roles.victim)
    hurt_fillers: WordList   # على الأقل: between the hurt and the harm verb after them (roles.victim)
    own_hurt_nouns: WordList = []   # إصابته: the one hurt, named before, undergoes the act after (roles.own_hurt_targets)
    fixed_sites: WordList
    held_objects: WordList = []   # آلية، دبابة …: an actor after one holds it (roles.holder_of_struck)
    person_origin_markers: WordList
    scene_breaks: WordList   # بعد، وذلك: the clause they open after an act tells its scene (places.scene_places)
    scene_stops: WordList    # يومين، إطار …: after a scene word, a span of time or a frame: no scene
    # ظهر، منتصف …: a clause-break word right before one is a time of day (بعد ظهر أمس، إلى ما بعد منتصف
    # الليل), no new clause (rasd.stages.clauses)
    break_time_words: WordList = []
    break_time_openers: WordList = []   # بعد، قبل: the clause-break words a time of day may follow
    # تقوده، يقوده …: a relative right before one is an aside on the party before it, no new clause
    relative_aside_verbs: WordList = []
    person_object_types: conlist(EventTypeName, min_length=1)
    no_topic_types: conlist(EventTypeName, min_length=1)
    possessive_suffixes: WordList
    # مجاهدو، مقاتلي …: fighters named by the possessive of their party (roles.fighters_party; round 32 poss32)
    fighter_nouns: WordList = []
    irregular_fighter_nouns: WordList = []
    irregular_fighter_categories: list[ActorCategory] = []
    fighter_pronouns_feminine: WordList = []
    fighter_pronouns_masculine: WordList = []
    feminine_endings: WordList = []
    feminine_heads: WordList = []
    # the type decisions of an attack's target and a confrontation's sides (kinds.attack_aim,
    # hurt_before, sides_kind; round 15 type15)
    aim_prepositions: WordList
    aim_quantities: WordList
    person_aims: WordList = []   # an aim preposition with a pronoun of persons (kinds.fire_kind)
    gathering_words: WordList = []   # gatherings whose unarmed genitive makes them a crowd (kinds.gathering_of_unarmed)
    contested_places: WordList
    harm_after_victims: WordList
    riot_qualifiers: WordList
    side_openers: WordList
    unarmed_sides: WordList
    riot_means: WordList
    armed_fight_qualifiers: WordList
    # a capture word's object that is a movable thing, no place (kinds.seized_thing; round 24 type24)
    # a liberation word whose object is people held (kinds.freed_people; round 24 type24)
    liberation_words: WordList
    captive_counts: WordList
    freed_words: WordList
    capture_prepositions: WordList
    seized_things: WordList
    # actors.yaml categories (rasd.kb.knowledge.ACTOR_CATEGORIES) that have no air force (kinds.doer_kind)
    ground_first_categories: conlist(ActorCategory, min_length=1)
    # actors.yaml categories of an armed side: one among a fight's parties makes it no RIOT (kinds.sides_kind)
    armed_side_categories: conlist(ActorCategory, min_length=1)


class OntologyEntry(Open):
    type: str
    acled: conlist(str, min_length=2, max_length=2)
    acled_state: Optional[conlist(str, min_length=2, max_length=2)] = None
    plover: str
    violent: Optional[bool] = None
    hostile: Optional[bool] = None
    partners: Optional[bool] = None


Ontology = RootModel[list[OntologyEntry]]

class Clitics(Closed):
    conjunctions: conlist(str, min_length=1)
    prepositions: conlist(str, min_length=1)
    article: str
    and_: str = Field(alias="and")
    lam_article: str
    bi: str
    li: str
    pronoun_suffixes: conlist(str, min_length=1)
    nisba_suffixes: conlist(str, min_length=1)
    accusative_ending: str
    feminine_ending: str
    feminine_plural: str
    plural_verb_endings: conlist(str, min_length=1)
    ka: str
    attached_pronouns: conlist(str, min_length=1)
    nisba_plural_suffixes: conlist(str, min_length=1)
    nisba_masculine: str
    plural_dual_endings: conlist(str, min_length=1)
    participle_prefix: str
    feminine_before_pronoun: str
    construct_plural_ending: str = ""
    dual_ending: str = ""


PlaceKind = Literal["locality", "neighbourhood", "subdistrict", "district", "governorate", "country", "city", "region"]
PlaceKinds = RootModel[dict[str, conlist(PlaceKind, min_length=1)]]


# ---- geography ---------------------------------------------------------------------------------

class Direction(Closed):
    code: str
    before: Optional[WordList] = None
    adjective: Optional[WordList] = None


class Cue(Closed):
    words: WordList
    prefer: Optional[WordList] = None
    large: Optional[bool] = None
    facility: Optional[bool] = None


class GeoCues(Words):
    directions: list[Direction]
    cues: list[Cue]
    context_window: conint(gt=0)
    admin_forms: dict[str, str]
    seat_prefix: str
    rif_one: str
    capital_words: WordList


class NamedRegion(Closed):
    names: WordList
    place: Optional[str] = None


class Regions(Closed):
    governorates: dict[str, dict[str, str]]
    named: list[NamedRegion]


class WorldPlace(Open):
    id: str
    kind: str
    population: Optional[conint(gt=0)] = None
    en: str
    lat: float
    lon: float
    ar: conlist(str, min_length=1)


WorldPlaces = RootModel[list[WorldPlace]]


class OrdinaryPlaces(Closed):
    """ordinary_places.yaml (generated by scripts/place_contexts.py): per name, its counts over the
    news sample [articles, occurrences, in a strong place context, after a preposition only]."""
    names: dict[str, conlist(conint(ge=0), min_length=4, max_length=4)]


# ---- numbers and dates -------------------------------------------------------------------------

NumberTable = dict[int, WordList]


class Scale(Closed):
    one: WordList
    two: WordList
    plural: WordList


class Vague(Closed):
    value: int
    words: WordList


class CountedNoun(Closed):
    singular: str
    plural: WordList
    person: bool


class Numbers(Words):
    grammar: dict[str, Any]
    units: NumberTable
    teen_only: NumberTable
    tens: NumberTable
    hundreds: NumberTable
    scales: dict[int, Scale]
    vague: list[Vague]
    counted_nouns: list[CountedNoun]


class Worded(Open):
    words: WordList


class Dates(Words):
    months: list[Worded]
    ordinals: NumberTable
    weekdays: NumberTable
    relative_days: list[Worded]
    relative_periods: list[Worded]
    units: list[dict[str, Any]]
    vague_count: conint(gt=0)


# ---- export codes (read by rasd/export/codebook.py) ---------------------------------------------

class Acled(Open):
    countries: dict[str, dict[str, Any]]
    inter: dict[str, Any]
    event_types: dict[str, Any]
    sub_event_disorder: dict[str, str]
    time_precision: dict[str, int]
    outlets: list[dict[str, Any]]
    verbs: dict[str, dict[str, str]]
    modality_notes: dict[str, Any]
    plover: dict[str, Any]


# ---- worthiness.yaml, eventcoref.yaml (issue 8, items 2 and 3) ------------------------------------

class CueWindow(Closed):
    window: conint(ge=0, le=40)
    cues: conlist(str, min_length=1)


class MotiveCues(CueWindow):
    unless_dated_within: conint(ge=0, le=10)
    dated: WordList


class AimCues(CueWindow):
    types: conlist(str, min_length=1)
    named_by: WordList = []   # operation nouns right before the outcome word (عملية تحرير)
    named_done: WordList = []   # verbs of carrying out before such a noun: the operation told as done
    named_done_window: conint(ge=0, le=10) = 0   # words between such a verb and the noun
    purpose_lam: list[str] = []   # types whose word with the purpose lam (للسيطرة على), read as planned, is an aim


class CallCues(AimCues):
    # words right before the trigger that make the deal one in force, called to be kept (باحترام الهدنة)
    unless_before: WordList = []


class ContinuationCues(CueWindow):
    openers: WordList
    not_after: WordList
    after_window: conint(ge=0, le=10)
    after: WordList
    # an act whose place is coded at this ACLED geo precision or finer (1 the place itself, 2 near or part
    # of it) is told at that place although said to go on; 0 spares none (rules.continuation)
    spared_precision: conint(ge=0, le=2) = 0
    unspared_features: list[str] = []   # … except places of these gazetteer features (a city holds many quarters)


class NegationCues(CueWindow):
    denials: WordList = []     # a word after لا that makes it deny one act (لا صحة لـ)


class HypotheticalCues(CueWindow):
    # a word right after the "any" word that makes it no "any" of a kind (أي من: "any of", a set; أي بعد: "i.e.")
    not_before: WordList = []
    # a negation this many words before the "any" word, within the clause, makes it a denied act's "any"
    # (لم تسجل أي اشتباكات): modality.yaml negated.before and .denial, and these words too (دون أي)
    negation_window: conint(ge=0, le=10) = 0
    negations: WordList = []
    # words of precaution (تحسباً لهجمات): what follows is guarded against, not told
    precaution_window: conint(ge=0, le=10) = 0
    precaution: WordList = []


class Campaign(Closed):
    nouns: conlist(str, min_length=1)
    launch_window: conint(ge=0, le=10)
    launch: WordList


class Sense(Closed):
    note: str
    forms: conlist(str, min_length=1)
    after: Optional[WordList] = None
    before: Optional[WordList] = None
    window: conint(ge=1, le=6) = 1


class QuestionMarks(Closed):
    # single characters: the worthiness stage tests them one character at a time
    marks: conlist(constr(min_length=1, max_length=1), min_length=1)
    ends: conlist(constr(min_length=1, max_length=1), min_length=1)


class Irrealis(Closed):
    window: conint(ge=1, le=20)
    future_prefix: constr(min_length=1, max_length=1)
    person_prefixes: conlist(constr(min_length=1, max_length=1), min_length=1)
    particles: WordList
    possibility: WordList
    possible_words: WordList
    perfect_endings: WordList
    # single characters: a mark between the cue and the trigger ends the cue's clause
    clause_marks: conlist(constr(min_length=1, max_length=1), min_length=1)
    openers: WordList
    not_future: WordList = []
    # words of expectation over the clause: a forecast, read as a future (planned; round 18)
    expected_words: WordList = []


class Worthiness(Closed):
    motive: MotiveCues
    opinion: CueWindow
    judgement_after: CueWindow
    habitual: CueWindow
    generic_objects: CueWindow
    campaign: Campaign
    aim: AimCues
    participation: AimCues
    purpose: CueWindow
    topic: AimCues
    # a truce or deal called for or urged (دعا إلى هدنة): asked for, not told (round 27, fp27)
    call: Optional[CallCues] = None
    vow: CueWindow
    toll_negation: CueWindow
    present_negation: Optional[NegationCues] = None
    demand: CueWindow
    tally: CueWindow
    timeframe: CueWindow
    # an act of "any" kind or guarded against (لأي عدوان يستهدف، تحسباً لهجمات): hypothetical, not told (round 35)
    hypothetical: Optional[HypotheticalCues] = None
    trend: Optional[CueWindow] = None   # a rise or a repetition of acts (تزايد الهجمات): a trend, no act told
    continuation: ContinuationCues
    question: QuestionMarks
    irrealis: Irrealis
    senses: list[Sense]


class CrossType(Closed):
    note: str
    host: conlist(str, min_length=1)
    guest: str
    guest_words: Optional[WordList] = None
    toll_only: bool = False
    max_sentences: conint(ge=0, le=20) = 2
    open_place: bool = True
    min_sentences: conint(ge=0, le=20) = 0
    # with min_sentences 1: two words of ONE sentence may be one act too, unless the sentence holds one of these
    one_sentence_unless: Optional[WordList] = None


class BackReferences(Closed):
    generic: WordList               # event nouns naming no kind of act (هجوم): may name any violent act
    nouns: WordList                 # event nouns (without the article) that, with it, refer back: الغارة
    sentences: conint(ge=0, le=20)
    # nouns of a meeting or an agreement (اللقاء، الاتفاق): they refer back to one in eventcoref only, and
    # are no retelling of a strike for the events stage (which reads `generic` and `nouns`)
    partner_nouns: Optional[WordList] = None


class Anaphors(Closed):
    before: WordList
    after: WordList
    means_before: Optional[WordList] = None     # demonstratives after which بـ is the means (وذلك بقذائف)
    sentences: conint(ge=0, le=20)


class PlaceNeeded(Closed):
    place: bool      # a telling with no place (and joined to no located one) is dropped
    country: bool    # a whole country is place enough


class Quarters(Closed):
    cities: conlist(PlaceKind, min_length=1)   # the gazetteer kinds of a city (one event at city level, its quarters alternatives)
    parts: conlist(PlaceKind, min_length=1)    # the gazetteer kinds of a city's quarter (a neighbourhood)
    km: confloat(gt=0, le=50)   # how far from the city its quarters lie


class AtContainer(Closed):
    kinds: conlist(str, min_length=1)   # place kinds (geo feature) set at their container's point (place_context: container)
    km: confloat(gt=0, le=10)           # how near that point the container lies


class NamedVictim(Closed):
    types: conlist(str, min_length=1)   # event types whose telling against a named person needs no place
    words: WordList                     # … when its trigger is one of these (a trailing * any ending)


class DoerCountry(Closed):
    types: conlist(EventTypeName, min_length=1)          # event types placed in their state doer's country
    categories: conlist(ActorCategory, min_length=1)     # … when their doer is of one of these categories


class SideNeeded(Closed):
    types: conlist(EventTypeName, min_length=1)   # event types dropped when their record names no participant


class SentencePlace(Closed):
    types: conlist(EventTypeName, min_length=1)   # violent types an unplaced telling of is placed by its sentence
    not_after: Optional[WordList] = None          # a place after one of these words (a destination) is not taken


class EventCoref(Closed):
    cross_type: list[CrossType]
    anaphors: Anaphors
    lead_sentences: conint(ge=0, le=10)
    open_place_sentences: conint(ge=0, le=20)
    contains_km: dict[str, float]
    back_references: Optional[BackReferences] = None
    toll_causes: Optional[WordList] = None     # words that tie a toll sentence to an act (أسفر عن، جراء)
    toll_notices: Optional[WordList] = None    # verbs of a party's notice of its own dead (زفّت، نعت)
    toll_periods: Optional[WordList] = None    # words of a period a toll is counted over (منذ، حتى الآن)
    place_needed: Optional[dict[str, PlaceNeeded]] = None   # by type (or `violent`): dropped without a place
    quarters: Optional[Quarters] = None        # one sentence's quarters of one city are one event there
    at_container: Optional[AtContainer] = None   # a place set at its container's point is that place
    two_sides: Optional[conlist(str, min_length=1)] = None   # fights whose two sides a retelling may swap
    named_victim: Optional[NamedVictim] = None   # told against a named person: kept with no place
    doer_country: Optional[DoerCountry] = None   # placed in the country of its state doer
    side_needed: Optional[SideNeeded] = None     # dropped when no participant at all is named
    sentence_place: Optional[SentencePlace] = None   # unplaced acts placed by a later clause of their sentence
    doing_verbs: Optional[WordList] = None     # verbs of doing (شن، نفذ*): a trigger they open is named by its noun
    repeated_sentence_words: Optional[conint(ge=0, le=100)] = None   # a repeated sentence this long retells
