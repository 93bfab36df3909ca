"""The dispatch panel of a Dutch desk: its timelines, types and ANPR hits say nothing in English.

Records are stored as facts and English keys (every desk of a room reads the same rows, in its own language);
the panel words them when it shows them.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from console.access.permissions import Role
from console.dispatch import service
from console.dispatch.config import load_watchlists
from console.dispatch.model import IncidentState, UnitState
from console.paths import DEFAULT_CONFIG_DIR
from console.ui.alert_strip import AlertStrip
from console.ui.language import install_language
from console.ui.words import say
from tests.gui import test_dispatch_panel
from tests.gui.test_dispatch_panel import WHO, select_row
from tests.integration.test_languages import english_left

WATCHLISTS = load_watchlists(DEFAULT_CONFIG_DIR)
desk = test_dispatch_panel.desk  # the panel's fixture: a panel for a role over a fresh store


@pytest.fixture
def dutch(qapp):
    assert install_language("nl")
    yield
    install_language("en")


def commit(panel, change: service.Change) -> dict:
    """A change made elsewhere (another desk, the intake): the panel learns it from the store."""
    return json.loads(panel.accountability.writer.log.commit(change.record(WHO)).detail)


def read(panel, camera: str, plate: str, confidence: float = 0.9, direction: str = "inbound") -> dict:
    change, _ = service.record_read(service.Read(camera, plate, "B", confidence, direction), WATCHLISTS,
                                    dt.datetime.now(dt.UTC).date(), "sim")  # fmt: skip
    return commit(panel, change)


def shown_lines(qtbot, panel, incident_id: str, count: int) -> list[str]:
    panel.select_incident(incident_id)
    qtbot.waitUntil(lambda: panel.form.timeline.count() == count, timeout=3000)
    return [panel.form.timeline.item(row).text() for row in range(panel.form.timeline.count())]


def names(panel) -> set[str]:
    """The room's data, not the console's words: call signs, people, cameras, plates, lists."""
    found = {unit.call_sign for unit in panel.units.units} | set(panel.camera_names) | set(panel.camera_names.values())
    found |= {camera.location.street for camera in panel.config.cameras} | {"intake", "sim", "user-0", "Stationsplein"}
    for entry in WATCHLISTS.entries:
        found |= {entry.plate, entry.list, entry.reason, entry.owner}
    return found


def test_the_dutch_desks_timeline_has_no_english_line(qtbot, dutch, desk):
    panel = desk(Role.OPERATOR)
    fight = panel.queue_model.items[0].id  # the priority-1 fight the intake took
    commit(panel, service.dispatch_unit(fight, "Leie 11", "intake"))
    for state in (UnitState.EN_ROUTE, UnitState.ON_SCENE):
        commit(panel, service.set_unit_state("Leie 11", state, "intake"))
    commit(panel, service.update_incident(fight, {"priority": 2, "type": "nuisance"}, "intake"))
    commit(panel, service.link_camera(fight, "station-01", "intake"))
    commit(panel, service.finish_incident(fight, IncidentState.CLOSED, "intake", "twee personen opgepakt"))
    panel.queue_model.show_finished = True
    lines = shown_lines(qtbot, panel, fight, 11)
    assert lines[0].endswith("Leie 11 vrijgegeven (beschikbaar)") and lines[-1].endswith(
        "via telefoon: vechtpartij, prioriteit 1")  # fmt: skip
    assert any(line.endswith("gestuurd \u2192 ter plaatse (Leie 11 aangekomen)") for line in lines)

    # an ANPR hit, confirmed and made an incident on this desk, then read again while the incident is open
    hit = read(panel, "anpr-01", "1-KTR-482")["hit"]
    commit(panel, service.record_hit_outcome(hit, "confirmed", "intake"))
    qtbot.waitUntil(lambda: panel.hit_model.row_of(hit) is not None and not panel.hit_model.items[0].is_pending,
                    timeout=3000)  # fmt: skip
    select_row(panel.hit_list, panel.hit_model.row_of(hit))
    panel.incident_from_hit()
    qtbot.waitUntil(lambda: any(item.hit == hit for item in panel.queue_model.items), timeout=3000)
    wanted = next(item for item in panel.queue_model.items if item.hit == hit)
    with qtbot.waitSignal(panel.sound.played, timeout=3000) as sounded:
        read(panel, "anpr-03", "1 KTR 482", 0.88, "unknown")
    assert sounded.args[0].startswith("Geseind voertuig opnieuw gelezen: 1KTR482 bij")
    wanted_lines = shown_lines(qtbot, panel, wanted.id, 2)
    assert wanted_lines[0].endswith("1KTR482 opnieuw gelezen door anpr-03 (richting onbekend, 88%)")
    queue = panel.queue_model
    types = [queue.data(queue.index(row, 3)) for row in range(queue.rowCount())]
    assert "geseind voertuig" in types and "overlast" in types  # stored as "wanted vehicle", "nuisance"
    assert panel.form.type.currentText() == "geseind voertuig" and wanted.type == "wanted vehicle"
    assert panel.form.description.toPlainText().startswith("1KTR482 (B) op \u2018gestolen voertuig\u2019: gestolen")

    texts = [(f"timeline of {fight}", line) for line in lines] + [(f"timeline of {wanted.id}", line)
                                                                  for line in wanted_lines]  # fmt: skip
    texts += [("queue: type", text) for text in types] + [("what", panel.form.description.toPlainText())]
    left = english_left(texts, names(panel) | {"twee personen opgepakt"}, "nl")
    assert not left, "\n".join(f"{where}: {text!r} ({word})" for where, text, word in left)


def test_saving_a_dutch_type_stores_its_english_key(qtbot, dutch, desk):
    """The type list speaks Dutch; the store keeps the usual types' keys, so a French desk reads "bagarre"."""
    panel = desk(Role.OPERATOR)
    select_row(panel.queue, 1)  # the bike theft
    assert panel.form.type.currentText() == "fietsdiefstal"
    panel.form.type.setCurrentText("inbraak")
    panel.save()
    qtbot.waitUntil(lambda: panel.current().type == "burglary", timeout=3000)
    assert panel.form.type.currentText() == "inbraak" and not panel.form.draft_note.isVisible()


def test_a_wanted_vehicle_read_again_under_its_open_incident_is_an_alert(qtbot, dutch, desk):
    panel = desk(Role.CALL_TAKER)  # every desk that handles incidents, with or without camera images
    hit = read(panel, "anpr-01", "2-GHB-117")["hit"]
    commit(panel, service.record_hit_outcome(hit, "confirmed", "intake"))
    board = panel.feed.reader.board()
    draft = service.hit_draft(next(item for item in board.hits if item.id == hit), "station", "Stationsplein", 50.8,
                              3.2)  # fmt: skip
    incident = commit(panel, service.create_incident(draft, "intake"))["incident"]
    qtbot.waitUntil(lambda: panel.board.incident(incident) is not None, timeout=3000)
    assert not any(alert.kind == "sighting" for alert in panel.alerts)
    with qtbot.waitSignal(panel.alerts_changed, timeout=3000, check_params_cb=lambda alerts: any(
            alert.kind == "sighting" for alert in alerts)) as changed:  # fmt: skip
        read(panel, "anpr-06", "2GHB117")
    [sighting] = [alert for alert in changed.args[0] if alert.kind == "sighting"]
    assert sighting.target == incident and sighting.is_urgent
    strip = AlertStrip()
    qtbot.addWidget(strip)
    strip.show_alerts(changed.args[0])
    assert strip.chip("sighting") == f"\u26a0 Opnieuw gelezen {incident}"  # what waits, in a few words
    assert strip.buttons["sighting"].toolTip().startswith("Geseind voertuig opnieuw gelezen: 1 \u2013 2GHB117 bij")
    assert say(sighting.text).endswith(f"geleden \u2013 incident {incident}")


def test_a_plate_confirmed_before_says_so_when_it_is_read_again(qtbot, dutch, desk):
    panel = desk(Role.OPERATOR)
    first = read(panel, "anpr-01", "1-VXA-903")["hit"]
    commit(panel, service.record_hit_outcome(first, "confirmed", "intake"))  # not (yet) made an incident
    again = read(panel, "anpr-02", "1VXA903")
    assert again["earlier"] == first
    model = panel.hit_model
    qtbot.waitUntil(lambda: model.row_of(again["hit"]) is not None, timeout=3000)
    row = model.row_of(again["hit"])
    assert model.data(model.index(row, 5)) == "te controleren \u00b7 eerder: bevestigd"  # (lower case: the column fits)
    select_row(panel.hit_list, row)
    assert f"Eerder gelezen als hit {first}: bevestigd door intake, nog geen incident van gemaakt" in (
        panel.hit_view.facts.text())  # fmt: skip
    [alert] = [alert for alert in panel.alerts if alert.kind == "anpr"]  # the strip says it too
    assert say(alert.text).endswith(f"; eerder gelezen als hit {first}: bevestigd door intake, nog geen incident van "
                                    "gemaakt")  # fmt: skip
