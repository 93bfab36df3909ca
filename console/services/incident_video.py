"""Incidents and video together: an incident from what a tile shows, and video that follows an incident.

An incident made from a camera starts with the camera's place and a snapshot linked; a
camera linked later brings a snapshot too; following an incident shows its linked and
nearby cameras under the incident as the reason for viewing (the desk's kind of police
is kept: administrative stays administrative).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from console.access.permissions import Action
from console.access.reasons import Category, Kind, Reason
from console.config.schema import Camera
from console.dispatch.model import Incident, Place, Snapshot, Source, cameras_for
from console.dispatch.service import Board, Draft, create_incident, link_camera
from console.services.accountability import Accountability
from console.wall.views import SavedView

FOLLOW_CAMERAS = 4  # a desk's wall stays small (domain.md): at most a 2x2


def draft_from_camera(camera: Camera) -> Draft:
    """A new incident seen on a camera: its street, area and position filled in, the camera linked."""
    where = camera.location
    return Draft(Source.CAMERA, "camera observation", 2, where.street, camera.area, where.lat, where.lon,
                 f"seen on {camera.name}", cameras=(camera.id,))  # fmt: skip


def follow_view(incident: Incident, places: Sequence[Place]) -> SavedView | None:
    """The wall for an incident: its linked cameras first, then the nearest; None if it has none."""
    cameras = cameras_for(incident, places, count=FOLLOW_CAMERAS)
    if not cameras:
        return None
    layout = "1x1" if len(cameras) == 1 else "2x2"
    return SavedView(f"incident {incident.id}", layout, tuple(cameras))


def reason_for(current: Reason | None, category: Category, reference: str) -> Reason:
    """Viewing for an incident or a hit, under the desk's kind of police (administrative by default)."""
    kind = current.kind if current is not None else Kind.ADMINISTRATIVE
    return Reason(kind, category, reference)


class IncidentVideo:
    def __init__(self, accountability: Accountability, places: Sequence[Place]) -> None:
        self.accountability = accountability
        self.places = tuple(places)
        # While video follows an incident: the reason the desk had before (Back gives it back) and the one set.
        self._following: tuple[Reason | None, Reason] | None = None

    @property
    def _user(self) -> str:
        return self.accountability.session.user.name

    def create_from_camera(self, camera: Camera, then: Callable[[str], None]) -> bool:
        """The incident is created (logged with its entry); ``then(incident id)`` once it is durable."""
        change = create_incident(draft_from_camera(camera), self._user)
        return self.accountability.change(Action.MANAGE_INCIDENTS, change, then=lambda detail: then(detail["incident"]))

    def link_camera(self, incident_id: str, camera_id: str) -> bool:
        return self.accountability.change(Action.MANAGE_INCIDENTS, link_camera(incident_id, camera_id, self._user))

    def link_snapshot(self, incident_id: str, snapshot: Snapshot) -> bool:
        change = link_camera(incident_id, snapshot.camera, self._user, snapshot)
        return self.accountability.change(Action.MANAGE_INCIDENTS, change)

    def follow(self, incident: Incident, show: Callable[[SavedView], None]) -> bool:
        """Show the incident's cameras under the incident as reason; False if it has no camera at all."""
        view = follow_view(incident, self.places)
        if view is None:
            return False
        before = self.accountability.session.reason
        wanted = reason_for(before, Category.INCIDENT, incident.id)

        def shown() -> None:
            # Following a second incident still goes back to the reason from before the first.
            first_before = self._following[0] if self._following is not None else before
            self._following = (first_before, wanted)
            show(view)

        self.with_reason(Category.INCIDENT, incident.id, shown)
        return True

    def back(self, then: Callable[[], None]) -> None:
        """Back to the operator's wall (``then`` puts it back) under the reason they had before video followed.

        The incident's reason covers the incident's cameras, not the wall that comes back. A reason the
        operator chose meanwhile stays; without a reason before (or with one that lapsed since), the wall
        comes back veiled until one is given."""
        following, self._following = self._following, None
        current = self.accountability.session.reason
        if following is None or (current is not None and current != following[1]):
            then()
            return
        before = following[0]
        if before is not None and before.incident in self.accountability.session.finished_incidents:
            before = None
        if before == current:
            then()
        elif before is None:
            self.accountability.end_reason("back to the wall from before the incident", then)
        else:
            self.accountability.set_reason(before, then)

    def with_reason(self, category: Category, reference: str, then: Callable[[], None]) -> None:
        """Look at an incident's or a hit's cameras under that reason: set first (and logged) if it is new."""
        current = self.accountability.session.reason
        wanted = reason_for(current, category, reference)
        if current == wanted:
            then()
        else:
            self.accountability.set_reason(wanted, then)


def finished_incidents(board: Board) -> list[str]:
    """The incidents the records hold closed, cancelled or merged: a reason naming one covers no new viewing."""
    return [incident.id for incident in board.incidents if not incident.state.is_open]


def is_finished_incident_reason(reason: Reason | None, board: Board) -> bool:
    """Is the desk viewing for an incident that has been closed, cancelled or merged?"""
    if reason is None or reason.category != Category.INCIDENT:
        return False
    incident = board.incident(reason.reference)
    return incident is not None and not incident.state.is_open


def reasons_to_offer(recent: Sequence[Reason], current: Reason | None, board: Board | None
                     ) -> tuple[Reason | None, list[Reason]]:  # fmt: skip
    """The reason dialog's list without finished incidents, and what it preselects.

    After the incident the desk viewed for is finished, the last patrol reason is one keystroke away.
    """
    offered = [reason for reason in recent if board is None or not is_finished_incident_reason(reason, board)]
    if current is not None and (board is None or not is_finished_incident_reason(current, board)):
        return current, offered
    patrol = next((reason for reason in offered if reason.category == Category.VIRTUAL_PATROL), None)
    return patrol or (offered[0] if offered else None), offered
