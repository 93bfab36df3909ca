"""The tour bar above a wall: which tour, step n of m, time left, what comes next, what is wrong.

One line where the wall is wide; on a narrow wall (a 1366 px desk with its docks open) the
texts take a line and the buttons the line below, so no text ever lies over a button and no
button is squeezed below its words. Previous and next are arrows (their keys in the tooltip).
What is wrong (a camera offline) follows the buttons: the step and what comes next keep their room.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QSizePolicy, QToolButton

from console.tours.runner import RunState
from console.ui.elided import ElidedLabel
from console.ui.tour_player import TourPlayer
from console.ui.words import say

TEXTS_ONE_LINE_PX = 480  # the texts' room beside the buttons, else they go on a line of their own
STRETCH_STEP_PX = 16  # the texts share their line in steps of this: the countdown does not lay the bar out anew


class TourBar(QFrame):
    def __init__(self, player: TourPlayer, camera_names: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.player = player
        self._names = camera_names
        self.setObjectName("tourBar")
        self.summary = ElidedLabel(self, 160)  # the bar never widens the window: texts are cut to fit
        self.summary.setObjectName("tourSummary")
        self.upcoming = ElidedLabel(self)
        self.upcoming.setObjectName("tourNext")
        self.flags = ElidedLabel(self)
        self.flags.setObjectName("tourFlags")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.rows.setContentsMargins(8, 3, 8, 3)
        self.texts = QHBoxLayout()
        for label in (self.summary, self.upcoming):
            self.texts.addWidget(label, 1)
        self.rows.addLayout(self.texts, 2)
        controls = QHBoxLayout()
        self.buttons = {}
        for key, label, tip, action in (
            ("previous", "\u25c0", self.tr("Previous step (Left)"), player.previous),
            ("pause", self.tr("Pause"), self.tr("Pause / resume (Space)"), player.toggle_pause),
            ("hold", self.tr("Hold"), self.tr("Hold this step: the countdown stops (H)"), player.toggle_hold),
            ("next", "\u25b6", self.tr("Next step (Right)"), player.next),
            ("stop", self.tr("\u25a0 Stop"), self.tr("Stop the tour: your wall comes back (Esc)"), player.stop),
        ):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.clicked.connect(action)
            controls.addWidget(button)
            self.buttons[key] = button
        controls.addWidget(self.flags, 1)  # what is wrong, after the buttons: the next step keeps its room
        controls.addStretch(0)  # (while nothing is wrong, the buttons keep their size)
        self.rows.addLayout(controls, 1)
        player.changed.connect(self.refresh)
        player.ended.connect(lambda outcome: self.hide())
        self.hide()

    def one_line_width_px(self) -> int:
        """The width below which the buttons go to a line of their own: theirs, and room for the texts."""
        margins = self.rows.contentsMargins()
        buttons = sum(button.sizeHint().width() + self.rows.spacing() for button in self.buttons.values())
        return margins.left() + margins.right() + buttons + TEXTS_ONE_LINE_PX

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        direction = (QBoxLayout.Direction.LeftToRight if event.size().width() >= self.one_line_width_px()
                     else QBoxLayout.Direction.TopToBottom)  # fmt: skip
        if self.rows.direction() != direction:
            self.rows.setDirection(direction)

    def refresh(self) -> None:
        run = self.player.run
        if run is None or not run.is_active:
            self.hide()
            return
        self.show()
        state = {RunState.PAUSED: self.tr("PAUSED"), RunState.HELD: self.tr("HELD")}.get(run.state, "\u25b6")
        self.buttons["pause"].setText(self.tr("Resume") if run.state == RunState.PAUSED else self.tr("Pause"))
        self.buttons["hold"].setText(self.tr("Release hold") if run.state == RunState.HELD else self.tr("Hold"))
        step = self.tr("step {number}/{count}").format(number=run.index + 1, count=len(run.tour.steps))
        self.summary.set_full_text(  # what changes first, first: the name is cut before the time is
            f"{state} {run.time_left_s():.0f} s \u00b7 {step} \u00b7 {run.tour.name}"
        )
        if run.is_repeating:  # which round: in the tooltip (on the line it cut the tour's name at 1366 px)
            round_text = self.tr(" \u00b7 round {round}").format(round=run.rounds_completed + 1)
            self.summary.setToolTip(self.summary.full_text + round_text)
        following = run.next_step
        if following is None:
            self.upcoming.set_full_text(self.tr("last step"))
        else:
            names = [self._names.get(camera, camera) for camera in following.camera_ids()]
            if len(names) > 1:  # the first camera and how many more: the whole list is the tooltip
                shown = self.tr("next: {camera} +{more}").format(camera=names[0], more=len(names) - 1)
            else:
                shown = self.tr("next: {camera}").format(camera=names[0]) if names else self.tr("next: an empty wall")
            self.upcoming.set_full_text(shown)
            self.upcoming.setToolTip(self.tr("next: {cameras}").format(cameras=", ".join(names)))
        problems = [self.tr("offline: {camera}").format(camera=self._names.get(camera, camera))
                    for camera in sorted(self.player.offline_now)]  # fmt: skip
        problems += [self.tr("not moved: {camera} ({why})").format(camera=self._names.get(camera, camera), why=say(why))
                     for camera, why in sorted(self.player.not_moved.items(), key=lambda item: item[0])]  # fmt: skip
        self.flags.set_full_text("  \u00b7  ".join(problems))
        self.flags.setVisible(bool(problems))  # no room taken from the summary when all is well
        for label in (self.summary, self.upcoming):  # their line shared as the whole texts need it
            margins = label.contentsMargins()
            whole_px = label.fontMetrics().horizontalAdvance(label.full_text) + margins.left() + margins.right()
            wanted = max(1, (whole_px + label.padding_px) // STRETCH_STEP_PX + 1)
            if self.texts.stretch(self.texts.indexOf(label)) != wanted:
                self.texts.setStretchFactor(label, wanted)
