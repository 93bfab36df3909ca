"""An incident's timeline is stored as facts and worded in the reader's language: each kind, in nl, fr and en.

The lines of rows stored before the facts (an English sentence) are read back as the facts they say; a line that
says none, and an operator's note, are shown as they were stored.
"""

from __future__ import annotations

import pytest

from console.dispatch import timeline
from console.dispatch.model import IncidentState as States
from console.dispatch.model import Source, TimelineEvent
from console.dispatch.model import UnitState as Units
from console.dispatch.service import timeline_event
from console.ui.language import install_language
from console.ui.words import audit_action, say, stored_role, stored_wall

UTC = "2026-11-28T21:03:00.000000Z"


def event(kind: str, facts: dict | None, text: str = "") -> TimelineEvent:
    return TimelineEvent(UTC, "an.peeters", kind, text, facts)


def old_row(kind: str, text: str) -> TimelineEvent:
    """A row as the console wrote it before the facts: its English sentence, no facts."""
    return timeline_event({"utc": UTC, "user": "an.peeters", "kind": kind, "text": text, "facts": None})


CASES = [  # (event, English, Dutch, French)
    (event("created", timeline.created(Source.PHONE, "fight", 1)),
     "from phone: fight, priority 1", "via telefoon: vechtpartij, prioriteit 1", "par téléphone : bagarre, priorité 1"),
    (event("created", timeline.created(Source.ANPR, "wanted vehicle", 2)), "from ANPR: wanted vehicle, priority 2",
     "via ANPR: geseind voertuig, prioriteit 2", "par ANPR : véhicule signalé, priorité 2"),
    (event("created", timeline.created(Source.CITIZEN_REPORT, "graffiti op de brug", 3)),  # a type as typed
     "from citizen report: graffiti op de brug, priority 3", "via burgermelding: graffiti op de brug, prioriteit 3",
     "par signalement citoyen : graffiti op de brug, priorité 3"),
    (event("state", timeline.state_changed(States.NEW, States.DISPATCHED)),
     "new \u2192 dispatched", "nieuw \u2192 gestuurd", "nouveau \u2192 envoyé"),
    (event("state", timeline.state_changed(States.DISPATCHED, States.ON_SCENE, "arrived", unit="Leie 11")),
     "dispatched \u2192 on scene (Leie 11 arrived)", "gestuurd \u2192 ter plaatse (Leie 11 aangekomen)",
     "envoyé \u2192 sur place (Leie 11 arrivée)"),
    (event("state", timeline.state_changed(States.DISPATCHED, States.NEW, "stood down")),
     "dispatched \u2192 new (every unit stood down)", "gestuurd \u2192 nieuw (alle ploegen teruggetrokken)",
     "envoyé \u2192 nouveau (toutes les équipes rappelées)"),
    (event("state", timeline.state_changed(States.ON_SCENE, States.CLOSED, timeline.OUTCOME, outcome="two arrested")),
     "on scene \u2192 closed (two arrested)", "ter plaatse \u2192 afgesloten (two arrested)",  # the outcome as typed
     "sur place \u2192 clôturé (two arrested)"),
    (event("state", timeline.state_changed(States.NEW, States.MERGED, "merged into", incident="2026-0007")),
     "new \u2192 merged (into 2026-0007)", "nieuw \u2192 samengevoegd (in 2026-0007)",
     "nouveau \u2192 fusionné (dans 2026-0007)"),
    (event("state", timeline.state_changed(States.NEW, States.DISPATCHED, "units merged in")),
     "new \u2192 dispatched (units merged in)", "nieuw \u2192 gestuurd (ploegen overgenomen bij samenvoeging)",
     "nouveau \u2192 envoyé (équipes reprises par la fusion)"),
    (event("state", timeline.state_changed(States.DISPATCHED, States.ON_SCENE, "unit on scene")),
     "dispatched \u2192 on scene (a unit is on scene)", "gestuurd \u2192 ter plaatse (een ploeg is ter plaatse)",
     "envoyé \u2192 sur place (une équipe est sur place)"),
    (event("dispatch", {"unit": "Leie 11"}), "Leie 11 dispatched", "Leie 11 gestuurd", "Leie 11 envoyée"),
    (event("unit", timeline.unit_reported("Leie 11", Units.ON_SCENE)),
     "Leie 11 on scene", "Leie 11 ter plaatse", "Leie 11 sur place"),
    (event("unit", timeline.unit_reported("Leie 11", Units.OUT_OF_SERVICE)),
     "Leie 11 out of service", "Leie 11 buiten dienst", "Leie 11 hors service"),
    (event("unit", timeline.unit_reported("Leie 11", Units.AVAILABLE, is_cleared=True)),
     "Leie 11 cleared (available)", "Leie 11 vrijgegeven (beschikbaar)", "Leie 11 libérée (disponible)"),
    (event("acknowledged", {}), "priority 1 acknowledged by an.peeters", "prioriteit 1 bevestigd door an.peeters",
     "priorité 1 prise en charge par an.peeters"),
    (event("note", None, "from phone: caller rings again"),  # the operator's words, whatever they look like
     "from phone: caller rings again", "from phone: caller rings again", "from phone: caller rings again"),
    (event("field", timeline.field_changed("priority", 2, 1)),
     "priority: 2 \u2192 1", "prioriteit: 2 \u2192 1", "priorité : 2 \u2192 1"),
    (event("field", timeline.field_changed("report_number", "", "PV 12")),
     "report number: - \u2192 PV 12", "PV-nummer: - \u2192 PV 12", "numéro de PV : - \u2192 PV 12"),
    (event("field", timeline.field_changed("type", "fight", "vandalism")),
     "type: fight \u2192 vandalism", "aard: vechtpartij \u2192 vandalisme", "nature : bagarre \u2192 vandalisme"),
    (event("camera", {"camera": "station-01"}),
     "camera station-01 linked", "camera station-01 gekoppeld", "caméra station-01 liée"),
    (event("snapshot", timeline.snapshot_taken("station-01", "s1.png", "ab" * 32)),
     "snapshot of station-01: s1.png (SHA-256 abababababababab\u2026)",
     "momentopname van station-01: s1.png (SHA-256 abababababababab\u2026)",
     "capture de station-01 : s1.png (SHA-256 abababababababab\u2026)"),
    (event("merge", timeline.merged_in("2026-0008", ["Leie 11", "Leie 31"])),
     "2026-0008 merged into this incident; units Leie 11, Leie 31 moved here",
     "2026-0008 samengevoegd met dit incident; ploegen Leie 11, Leie 31 hierheen overgezet",
     "2026-0008 fusionné avec cet incident ; équipes Leie 11, Leie 31 transférées ici"),
    (event("merge", timeline.merged_in("2026-0008", [])), "2026-0008 merged into this incident",
     "2026-0008 samengevoegd met dit incident", "2026-0008 fusionné avec cet incident"),
    (event("anpr", timeline.read_again("1KTR482", "anpr-01", "inbound", 0.88, 3)),
     "1KTR482 read again by anpr-01 (inbound, 88%)", "1KTR482 opnieuw gelezen door anpr-01 (inkomend, 88%)",
     "1KTR482 relu par anpr-01 (entrant, 88%)"),
    # rows of before the facts: the sentences this console wrote then, read back as facts
    (old_row("state", "new \u2192 dispatched"), "new \u2192 dispatched", "nieuw \u2192 gestuurd",
     "nouveau \u2192 envoyé"),
    (old_row("unit", "Leie 11 on scene"), "Leie 11 on scene", "Leie 11 ter plaatse", "Leie 11 sur place"),
    (old_row("unit", "Leie 11 cleared (available)"), "Leie 11 cleared (available)",
     "Leie 11 vrijgegeven (beschikbaar)", "Leie 11 libérée (disponible)"),
    (old_row("anpr", "1KTR482 read again by anpr-01 (unknown, 88%)"),
     "1KTR482 read again by anpr-01 (direction unknown, 88%)",
     "1KTR482 opnieuw gelezen door anpr-01 (richting onbekend, 88%)", "1KTR482 relu par anpr-01 (sens inconnu, 88%)"),
    (old_row("created", "from phone: fight, priority 1"), "from phone: fight, priority 1",
     "via telefoon: vechtpartij, prioriteit 1", "par téléphone : bagarre, priorité 1"),
    (old_row("state", "on scene \u2192 closed (caught, finally)"), "on scene \u2192 closed (caught, finally)",
     "ter plaatse \u2192 afgesloten (caught, finally)", "sur place \u2192 clôturé (caught, finally)"),
    (old_row("state", "dispatched \u2192 on scene (Leie 11 arrived)"), "dispatched \u2192 on scene (Leie 11 arrived)",
     "gestuurd \u2192 ter plaatse (Leie 11 aangekomen)", "envoyé \u2192 sur place (Leie 11 arrivée)"),
    (old_row("field", "report number: - \u2192 PV 12"), "report number: - \u2192 PV 12", "PV-nummer: - \u2192 PV 12",
     "numéro de PV : - \u2192 PV 12"),
    (old_row("merge", "2026-0002 merged into this incident; units Leie 11, Leie 12 moved here"),
     "2026-0002 merged into this incident; units Leie 11, Leie 12 moved here",
     "2026-0002 samengevoegd met dit incident; ploegen Leie 11, Leie 12 hierheen overgezet",
     "2026-0002 fusionné avec cet incident ; équipes Leie 11, Leie 12 transférées ici"),
    (old_row("acknowledged", "priority 1 acknowledged by an.peeters"), "priority 1 acknowledged by an.peeters",
     "prioriteit 1 bevestigd door an.peeters", "priorité 1 prise en charge par an.peeters"),
    # ... and a line that says no fact this console knows: as it was stored
    (old_row("state", "handed to the federal police"), "handed to the federal police", "handed to the federal police",
     "handed to the federal police"),
    (old_row("note", "from phone: ok"), "from phone: ok", "from phone: ok", "from phone: ok"),
]  # fmt: skip
LANGUAGES = ("en", "nl", "fr")


@pytest.fixture(params=LANGUAGES)
def language(request, qapp):
    assert install_language(request.param)
    yield request.param
    install_language("en")


@pytest.mark.parametrize("case", range(len(CASES)), ids=[f"{case[0].kind}-{n}" for n, case in enumerate(CASES)])
def test_each_kind_of_line_is_worded_in_the_readers_language(language, case):
    line, *words = CASES[case]
    assert say(timeline.worded(line)) == words[LANGUAGES.index(language)]


@pytest.mark.parametrize("case", range(len(CASES)), ids=[f"{case[0].kind}-{n}" for n, case in enumerate(CASES)])
def test_the_english_of_a_line_is_the_sentence_the_console_stored_before_the_facts(case):
    """``str()`` (the command line, the JSON export) says a line as the free-text rows said it."""
    line, english, *_ = CASES[case]
    assert str(timeline.worded(line)) == (line.text if line.text else english.replace("direction unknown", "unknown"))


def test_every_kind_the_service_writes_has_its_words():
    """A kind without a line of its own would show an empty line (its text is empty): every kind is covered."""
    assert {line.kind for line, *_ in CASES} >= {"created", "state", "dispatch", "unit", "acknowledged", "note",
                                                   "field", "camera", "snapshot", "merge", "anpr"}  # fmt: skip


@pytest.mark.parametrize(("stored", "dutch", "french"), [
    ("wall 1", "wand 1", "mur 1"),
    ("team chief", "teamchef", "chef d'équipe"),
    ("external system", "extern systeem", "système externe"),  # the intake, the simulated ANPR back end
])  # fmt: skip
def test_stored_walls_and_roles_are_worded(qapp, stored, dutch, french):
    for language, expected in (("nl", dutch), ("fr", french)):
        install_language(language)
        assert (stored_wall if stored.startswith("wall") else stored_role)(stored) == expected
    install_language("en")
    assert stored_wall("wall 1") == "wall 1" and stored_role("team chief") == "team chief"


def test_a_ptz_holder_is_worded_with_its_role_in_the_readers_language(qapp):
    """ "Tom Claes (team chief, ws-09) nam de besturing": the role stays a stored word until shown."""
    from console.ptz.lease import Holder, Lease, Priority, describe_change

    chief = Holder("tom.claes", "Tom Claes", "ws-09", Priority.TEAM_CHIEF, "team chief")
    operator = Holder("an.peeters", "An Peeters", "ws-02", Priority.OPERATOR, "operator")
    tour = Holder("an.peeters", "An Peeters", "ws-02", Priority.TOUR, "operator", "Stationsronde")
    taken = describe_change(Lease("cam", operator, 0, 0, 30), Lease("cam", chief, 1, 1, 30), 2)
    assert str(taken) == "Tom Claes (team chief, ws-09) took over from An Peeters (operator, ws-02)"
    install_language("nl")
    assert say(taken) == "Tom Claes (teamchef, ws-09) nam over van An Peeters (operator, ws-02)"
    assert say(tour.worded) == "ronde Stationsronde (An Peeters (operator, ws-02))"
    install_language("fr")
    assert say(taken) == "Tom Claes (chef d'équipe, ws-09) a repris la commande de An Peeters (opérateur, ws-02)"
    install_language("en")


def test_audit_actions_are_worded_and_unknown_ones_shown_as_kept(qapp):
    install_language("nl")
    assert [audit_action(action) for action in ("view start", "unit dispatched", "ptz lease", "an action of 2030")] == [
        "bekijken gestart", "ploeg gestuurd", "PTZ-besturing genomen", "an action of 2030"]  # fmt: skip
    install_language("en")


# Where each call that writes an audit entry names its action: the position of the action among its arguments.
ACTION_ARGUMENT = {"log": 0, "guard": 1, "log_then": 1, "note": 1, "_command": 3, "Change": 0, "Record": 3}


def test_every_audit_action_the_console_writes_has_its_words():
    """An action without words would show its English key on a Dutch board: the source's actions, all worded."""
    import ast

    from console.paths import REPO_ROOT
    from console.ui.words import _ACTIONS

    found = {"incident closed", "incident cancelled"}  # finish_incident's f"incident {verb}"
    for path in (REPO_ROOT / "console").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = ACTION_ARGUMENT.get(name)
            if position is not None and len(node.args) > position:
                argument = node.args[position]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    found.add(argument.value)
    found -= {"{problems}"}  # IllegalChange("{problems}", ...): a refusal, not an entry
    assert len(found) > 30 and found <= set(_ACTIONS), sorted(found - set(_ACTIONS))
