"""The use cases without Qt: accountability (check, log, then act) on a real store and audit writer."""

from __future__ import annotations

import json
import queue
from collections.abc import Callable

import pytest

from console.access.permissions import Action, Role
from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import User
from console.audit.log import AuditLog
from console.audit.writer import AuditWriter
from console.dispatch import service
from console.dispatch.model import Source
from console.services.accountability import Accountability, session_holder
from console.services.dispatch_reads import DispatchReader
from console.services.supervision import Supervision
from console.store import open_store

PATROL = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "station quarter")


class DeskThread:
    """What the GUI thread is to the widgets: posted functions run here, when the test lets them."""

    def __init__(self) -> None:
        self.posted: queue.Queue[Callable[[], None]] = queue.Queue()

    def post(self, function: Callable[[], None]) -> None:
        self.posted.put(function)

    def run_next(self, timeout_s: float = 10.0) -> None:
        self.posted.get(timeout=timeout_s)()


@pytest.fixture
def desk(tmp_path, store_url):
    database = open_store(tmp_path, store_url)  # on the desk's SQLite file and on a room's PostgreSQL
    writer = AuditWriter(AuditLog(database, tmp_path / "audit.key"))
    thread = DeskThread()
    session = Session(User("an.peeters", "An Peeters", Role.OPERATOR, "-"), "ws-04")
    accountability = Accountability(writer, session, post=thread.post)
    yield accountability, thread, Supervision(database, writer.log)
    writer.close()
    database.close()


def test_nothing_is_viewed_without_a_reason_and_the_action_waits_for_its_entry(desk):
    accountability, thread, supervision = desk
    refusals: list[str] = []
    accountability.refused.connect(lambda why: refusals.append(str(why)))
    done: list[str] = []
    assert not accountability.guard(Action.VIEW_LIVE, "view start", "cam-a", then=lambda: done.append("shown"))
    assert refusals and "reason" in refusals[0] and done == []
    reasons: list[Reason | None] = []
    accountability.reason_changed.connect(reasons.append)
    accountability.set_reason(PATROL)
    thread.run_next()  # the entry is durable: the reason applies now, on the desk's thread
    assert reasons == [PATROL] and accountability.session.reason == PATROL
    assert accountability.guard(Action.VIEW_LIVE, "view start", "cam-a", {"tile": 1}, then=lambda: done.append("shown"))
    assert done == []  # not before its entry is on disk
    thread.run_next()
    assert done == ["shown"]
    [entry] = supervision.search(camera="cam-a")
    assert entry.action == "view start" and "station quarter" in (entry.reason or "")


def new_priority_one(accountability, thread, by: str) -> str:
    """A priority-1 fight at the Grote Markt, created through the desk's use case; its incident id."""
    made: list[dict] = []
    draft = service.Draft(Source.PHONE, "fight", 1, "Grote Markt 1")
    accountability.change(Action.MANAGE_INCIDENTS, service.create_incident(draft, by), then=made.append)
    thread.run_next()
    return made[0]["incident"]


def test_a_dispatch_change_refused_by_the_records_is_said_and_not_done(desk):
    accountability, thread, supervision = desk
    accountability.set_reason(PATROL)
    thread.run_next()
    refusals: list[str] = []
    accountability.refused.connect(lambda why: refusals.append(str(why)))
    details: list[dict] = []
    draft = service.Draft(Source.PHONE, "fight", 1, "Grote Markt 1")
    assert accountability.change(Action.MANAGE_INCIDENTS, service.create_incident(draft, "an.peeters"),
                                 then=details.append)  # fmt: skip
    thread.run_next()
    number = details[0]["incident"]
    assert accountability.change(Action.MANAGE_INCIDENTS, service.add_note(number + "-nope", "x", "an.peeters"))
    thread.run_next()
    assert refusals == [f"there is no incident {number}-nope"]
    assert [entry.action for entry in supervision.search()][0] != "incident note"  # not logged either


def test_a_locked_desk_acknowledges_nothing_and_acts_on_nothing_in_the_name_of_its_user(desk):
    """Defence in depth: whatever a window lets through, the use cases refuse a locked session's acts."""
    accountability, thread, supervision = desk
    accountability.set_reason(PATROL)
    thread.run_next()
    number = new_priority_one(accountability, thread, "intake")
    refusals: list[str] = []
    accountability.refused.connect(lambda why: refusals.append(str(why)))
    accountability.set_locked(True)
    done: list[str] = []
    assert not accountability.change(Action.MANAGE_INCIDENTS, service.acknowledge(number, "an.peeters"),
                                     then=lambda detail: done.append("acknowledged"))  # fmt: skip
    assert not accountability.guard(Action.TAKE_SNAPSHOT, "snapshot", "cam-a", then=lambda: done.append("snapshot"))
    accountability.set_reason(Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, number), then=lambda: done.append("r"))
    assert refusals == ["the desk is locked: unlock it first"] * 3 and done == []
    accountability.writer.flush()
    assert not [entry for entry in supervision.search() if entry.action in ("priority-1 acknowledged", "snapshot")]
    accountability.set_locked(False)  # back at the desk: the same acknowledgement is taken
    assert accountability.change(Action.MANAGE_INCIDENTS, service.acknowledge(number, "an.peeters"),
                                 then=lambda detail: done.append("acknowledged"))  # fmt: skip
    while not done:
        thread.run_next()
    assert done == ["acknowledged"]
    assert [entry.user for entry in supervision.search() if entry.action == "priority-1 acknowledged"] == ["an.peeters"]


def test_the_holder_priority_follows_role_and_reason():
    operator = Session(User("an", "An", Role.OPERATOR, "-"), "ws-1", reason=PATROL)
    assert session_holder(operator).priority.name == "OPERATOR"
    operator.reason = Reason(Kind.JUDICIAL, Category.INCIDENT, "PV 12")
    assert session_holder(operator).priority.name == "INCIDENT"
    chief = Session(User("bart", "Bart", Role.TEAM_CHIEF, "-"), "ws-9", reason=PATROL)
    assert session_holder(chief).priority.name == "TEAM_CHIEF"


def test_a_team_chief_takes_a_camera_over_logged_as_a_take_over_and_the_operator_hears_of_it(desk):
    """Two desks on one store, each with its own view of the room's leases: the operator's desk hears the
    take-over when it reads the room again (a change notice, or its periodic look)."""
    from console.services.ptz_control import PtzControl
    from console.services.room_leases import RoomLeases, room_board

    accountability, thread, supervision = desk
    accountability.set_reason(PATROL)
    thread.run_next()
    operator = PtzControl(RoomLeases(room_board(supervision.database)), session_holder(accountability.session),
                          accountability)  # fmt: skip
    chief_session = Session(User("bart.claes", "Bart Claes", Role.TEAM_CHIEF, "-"), "ws-09", reason=PATROL)
    chief = PtzControl(RoomLeases(room_board(supervision.database)), session_holder(chief_session), None)
    assert operator.take("cam-ptz") is None  # logged first
    assert not operator.is_mine("cam-ptz")
    thread.run_next()
    assert operator.is_mine("cam-ptz")
    problems: list[tuple[str, str]] = []
    lost: list[str] = []
    ended: list[tuple[str, str]] = []
    operator.problem.connect(lambda camera, why: problems.append((camera, str(why))))
    operator.lost.connect(lost.append)
    operator.control_ended.connect(lambda camera, why: ended.append((camera, str(why))))
    chief.leases.refresh()  # the chief's desk has read the room
    decision = chief.take("cam-ptz")
    assert decision is not None and decision.is_granted and decision.previous is not None
    assert lost == [] and operator.is_mine("cam-ptz")  # not read yet on the operator's desk
    operator.leases.refresh()
    assert lost == ["cam-ptz"] and ended == [("cam-ptz", "Bart Claes (team chief, ws-09) took over from "
                                              "An Peeters (operator, ws-04)")]  # fmt: skip
    assert not operator.touch("cam-ptz") and "Bart Claes" in problems[-1][1]
    accountability.writer.flush()
    actions = [entry.action for entry in supervision.search(camera="cam-ptz")]
    assert actions[:2] == ["ptz lease ended", "ptz lease"]  # newest first: the end of ours is a fact in the log
    refused = chief.take("cam-ptz")  # renewing its own
    assert refused is not None and refused.is_granted
    assert operator.take("cam-ptz") is None and "Bart Claes" in problems[-1][1]  # refused without an entry


def test_a_tours_lease_on_a_desk_is_logged_under_the_tours_reason_and_never_takes_the_desks_own(desk):
    """A tour's holder is the desk's own person at the tour's priority: its lease and its end are entries like an
    operator's, under the reason that covers the tour; a camera the desk steers by hand is not taken (manual control
    pre-empts a tour), the operator taking the tour's camera logs a lease, and a tour that ends leaves the
    operator's leases alone."""
    import json

    from console.ptz.lease import Holder, Outcome, Priority
    from console.services.ptz_control import PtzControl
    from console.services.room_leases import RoomLeases, room_board

    accountability, thread, supervision = desk
    accountability.set_reason(PATROL)
    thread.run_next()
    operator = session_holder(accountability.session)
    control = PtzControl(RoomLeases(room_board(supervision.database)), operator, accountability)
    tour = Holder(operator.user, f"tour Ronde ({operator.display_name})", operator.workstation, Priority.TOUR)
    round_reason = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "ronde stationsbuurt")
    assert control.take("cam-1") is None
    thread.run_next()
    assert control.is_mine("cam-1")
    decisions: list = []
    control.take_as("cam-1", tour, round_reason, {"tour": "ronde"}, decisions.append)
    assert [decision.outcome for decision in decisions] == [Outcome.REFUSED]  # steered by hand here: not taken
    assert control.lease("cam-1").holder == operator
    control.take_as("cam-2", tour, round_reason, {"tour": "ronde"}, decisions.append, due_utc="2026-12-01T10:00:05Z")
    assert len(decisions) == 1 and control.lease("cam-2") is None  # asked once its entry is on disk
    thread.run_next()
    assert decisions[-1].is_granted and control.held_as(tour) == {"cam-2"}
    assert control.lease("cam-2").holder == tour
    assert control.take("cam-2") is None  # the operator takes it from the desk's tour: logged first
    thread.run_next()
    assert control.lease("cam-2").holder == operator and control.held_as(tour) == set()
    control.release_all_as(tour)  # the tour ends
    assert control.is_mine("cam-1") and control.is_mine("cam-2")
    assert accountability.writer.flush()
    entries = list(accountability.writer.log.entries(camera="cam-2"))
    assert [entry.action for entry in entries] == ["ptz lease", "ptz lease", "ptz lease ended"]
    taken, own, ended = entries
    assert json.loads(taken.reason) == round_reason.as_record() == json.loads(ended.reason)
    assert json.loads(own.reason) == PATROL.as_record()
    assert json.loads(taken.detail) == {"priority": "tour", "tour": "ronde", "step_due_utc": "2026-12-01T10:00:05Z"}
    assert json.loads(own.detail) == {"priority": "operator", "taken_from": "tour"}
    assert json.loads(ended.detail) == {"why": "An Peeters (operator, ws-04) took control", "tour": "ronde"}
    assert {(entry.user, entry.workstation) for entry in entries} == {("an.peeters", "ws-04")}
    assert [entry.action for entry in accountability.writer.log.entries(camera="cam-1")] == ["ptz lease"]


# -- incidents and video, evidence ------------------------------------------------------------------
def test_the_rules_that_left_the_dispatch_panel():
    from console.config.loader import load_camera_config
    from console.dispatch.config import places
    from console.dispatch.model import Unit, UnitKind, UnitState, unit_report_targets, units_to_offer
    from console.paths import DEFAULT_CONFIG_DIR

    gazetteer = places(load_camera_config(DEFAULT_CONFIG_DIR))
    street = gazetteer[0].street
    values = {"type": "fight", "priority": 1, "address": f"{street} 3", "area": None, "caller": "", "description": "",
              "report_number": "", "outcome": ""}  # fmt: skip
    draft = service.draft_from_form(Source.PHONE, values, gazetteer)
    assert draft.area == gazetteer[0].area and draft.lat is not None  # located in the gazetteer
    units = [Unit("Leie 31", UnitKind.CAR, "other", UnitState.AVAILABLE, None, ""),
             Unit("Leie 21", UnitKind.BIKE, "centre", UnitState.AVAILABLE, None, ""),
             Unit("Leie 11", UnitKind.CAR, "centre", UnitState.DISPATCHED, "2026-0001", "")]  # fmt: skip
    assert [unit.call_sign for unit in units_to_offer(units, "other")] == ["Leie 31", "Leie 21"]
    assert UnitState.DISPATCHED not in unit_report_targets(UnitState.AVAILABLE)


def test_an_edit_changes_only_what_the_form_changed_and_locates_a_new_address():
    from console.config.loader import load_camera_config
    from console.dispatch.config import places
    from console.dispatch.model import Incident, IncidentState
    from console.paths import DEFAULT_CONFIG_DIR

    gazetteer = places(load_camera_config(DEFAULT_CONFIG_DIR))
    incident = Incident("2026-0001", Source.PHONE, "noise", 3, IncidentState.NEW, "2026-11-28T01:00:00.000000Z",
                        "an", "somewhere", None, None, None, "loud", "", (), (), (), "", "", None, None,
                        "2026-11-28T01:00:00.000000Z", None, ())  # fmt: skip
    values = {"type": "noise", "priority": 2, "address": f"{gazetteer[0].street} 1", "area": None, "caller": "",
              "description": "loud", "report_number": "", "outcome": ""}  # fmt: skip
    changes = service.edited_fields(incident, values, gazetteer)
    assert set(changes) == {"priority", "address", "lat", "lon"} and changes["priority"] == 2


def test_video_follows_an_incident_under_the_incident_as_reason(desk):
    from console.config.loader import load_camera_config
    from console.dispatch.config import places
    from console.paths import DEFAULT_CONFIG_DIR
    from console.services.incident_video import IncidentVideo, draft_from_camera

    accountability, thread, supervision = desk
    config = load_camera_config(DEFAULT_CONFIG_DIR)
    video = IncidentVideo(accountability, places(config))
    accountability.set_reason(PATROL)
    thread.run_next()
    camera = config.cameras[0]
    assert draft_from_camera(camera).cameras == (camera.id,)
    made: list[str] = []
    assert video.create_from_camera(camera, made.append)
    thread.run_next()
    incident = DispatchReader(supervision.database).board().incident(made[0])  # as the store holds it
    shown = []
    assert video.follow(incident, shown.append)
    thread.run_next()  # the new reason is logged first
    assert (
        accountability.session.reason.category == Category.INCIDENT
        and accountability.session.reason.reference == made[0]
    )
    assert accountability.session.reason.kind == Kind.ADMINISTRATIVE  # the desk's kind of police is kept
    assert shown[0].cameras[0] == camera.id and shown[0].layout in ("1x1", "2x2")


def test_a_snapshot_is_logged_before_its_files_are_kept(desk, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from console.config.loader import load_camera_config
    from console.paths import DEFAULT_CONFIG_DIR
    from console.services.evidence import Evidence
    from console.video.snapshot import Still

    accountability, thread, supervision = desk
    camera = load_camera_config(DEFAULT_CONFIG_DIR).cameras[0]
    executor = ThreadPoolExecutor(max_workers=1)
    evidence = Evidence(accountability, tmp_path / "evidence", executor,
                        grab=lambda url: Still(b"\x89PNG fake", "ab" * 32, 1280, 720, 0.0))  # fmt: skip
    lines: list[str] = []
    assert not evidence.snapshot(
        camera, "rtsp://cam/main", {"tile": 1}, lambda line: lines.append(str(line))
    )  # no reason yet
    assert "reason" in lines[-1]
    accountability.set_reason(PATROL)
    thread.run_next()
    kept = []
    assert evidence.snapshot(camera, "rtsp://cam/main", {"tile": 1}, lambda line: lines.append(str(line)), kept.append)
    thread.run_next()  # grabbed: now logged
    assert not list((tmp_path / "evidence").rglob("*.png"))  # nothing kept before the entry is durable
    thread.run_next()  # durable: kept
    executor.shutdown(wait=True)
    [png] = list((tmp_path / "evidence").rglob("*.png"))
    assert kept[0].file == png.name and png.with_suffix(".json").exists()
    [entry] = supervision.search(camera=camera.id)
    assert entry.action == "snapshot" and png.name in entry.detail


def test_after_its_incident_is_finished_the_reason_offered_is_the_last_patrol_and_not_the_incident():
    from console.dispatch.model import Incident, IncidentState
    from console.dispatch.service import Board
    from console.services.incident_video import is_finished_incident_reason, reasons_to_offer

    def incident(number: str, state: IncidentState) -> Incident:
        return Incident(number, Source.PHONE, "fight", 1, state, "2026-11-28T01:00:00.000000Z", "an")

    board = Board(3, (incident("2026-0001", IncidentState.CLOSED), incident("2026-0002", IncidentState.NEW)), (), ())
    closed = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "2026-0001")
    still_open = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, "2026-0002")
    assert is_finished_incident_reason(closed, board) and not is_finished_incident_reason(still_open, board)
    preselected, offered = reasons_to_offer([closed, still_open, PATROL], closed, board)
    assert preselected == PATROL and offered == [still_open, PATROL]  # one keystroke: Enter
    assert reasons_to_offer([closed, PATROL], still_open, board)[0] == still_open  # a live reason stays


def test_an_incident_finished_on_another_desk_covers_nothing_new_even_before_this_desk_hears_of_it(desk):
    """The records decide, in the entry's own transaction: no moment in which a view, a lease or an aim is written
    under an incident another desk has just closed. The desk's reason then ends (it is asked for a new one)."""
    from console.dispatch.model import IncidentState
    from console.services.incident_video import IncidentVideo

    accountability, thread, supervision = desk
    accountability.set_reason(PATROL)
    thread.run_next()
    incident_id = new_priority_one(accountability, thread, "intake")
    IncidentVideo(accountability, ()).with_reason(Category.INCIDENT, incident_id, lambda: None)
    thread.run_next()
    under_incident = accountability.session.reason
    assert under_incident.reference == incident_id
    # Another desk cancels it; this desk has not heard yet (its feed reads the records a moment later).
    chief = {"user": "tom.claes", "role": "team chief", "workstation": "ws-01"}
    accountability.writer.log.commit(service.finish_incident(incident_id, IncidentState.CANCELLED, "tom.claes")
                                     .record(chief))  # fmt: skip
    refusals: list[str] = []
    accountability.refused.connect(lambda why: refusals.append(str(why)))
    reasons: list[Reason | None] = []
    accountability.reason_changed.connect(reasons.append)
    done: list[str] = []
    # A view start, as the wall's viewing log asks for it under the desk's reason.
    accountability.log("view start", "cam-a", {"tile": 1}, accountability.session.reason,
                       then=lambda: done.append("shown"), otherwise=lambda: done.append("not shown"))  # fmt: skip
    thread.run_next()  # the writer found the incident cancelled: nothing written, nothing shown
    assert done == ["not shown"] and "cancelled" in refusals[0]
    assert accountability.session.reason is None and reasons == [None]  # the veil; the desk asks again
    # A tour's lease (under the tour's reason: the incident's) is refused at once now, and asked for nothing.
    accountability.log("ptz lease", "cam-ptz", {"tour": "ronde"}, under_incident, then=lambda: done.append("leased"))
    thread.run_next()
    assert "finished" in refusals[-1] and "leased" not in done
    accountability.writer.flush()
    assert supervision.search(camera="cam-a") + supervision.search(camera="cam-ptz") == []  # no view, no lease
    [ended] = accountability.writer.log.entries(action="reason ended")
    assert json.loads(ended.reason)["reference"] == incident_id


def test_closing_the_incident_here_ends_its_reason_once_the_close_is_on_disk(desk):
    from console.dispatch.model import IncidentState

    accountability, thread, supervision = desk
    incident_id = new_priority_one(accountability, thread, "an.peeters")
    reason = Reason(Kind.ADMINISTRATIVE, Category.INCIDENT, incident_id)
    accountability.set_reason(reason)
    thread.run_next()
    accountability.change(Action.MANAGE_INCIDENTS, service.finish_incident(incident_id, IncidentState.CANCELLED,
                                                                          "an.peeters"))  # fmt: skip
    thread.run_next()  # the close is on disk
    assert accountability.session.reason is None
    refusals: list[str] = []
    accountability.refused.connect(lambda why: refusals.append(str(why)))
    accountability.set_reason(reason)  # the finished incident's reason again: refused, not written
    thread.run_next()
    assert accountability.session.reason is None and "finished" in refusals[0]
    accountability.writer.flush()
    assert len(list(accountability.writer.log.entries(action="reason set"))) == 1
