"""The tour bar above a wall: which tour, step n of m, time left, what comes next, what is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QToolButton

from console.tours.runner import RunState
from console.ui.elided import ElidedLabel
from console.ui.tour_player import TourPlayer
from console.ui.words import say


class TourBar(QFrame):
    def __init__(self, player: TourPlayer, camera_names: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.player = player
        self._names = camera_names
        self.setObjectName("tourBar")
        self.summary = ElidedLabel(self, 240)  # the bar never widens the window: texts are cut to fit
        self.summary.setObjectName("tourSummary")
        self.upcoming = ElidedLabel(self)
        self.upcoming.setObjectName("tourNext")
        self.flags = ElidedLabel(self)
        self.flags.setObjectName("tourFlags")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(self.summary, 4)
        layout.addWidget(self.upcoming, 3)
        layout.addWidget(self.flags, 3)
        self.buttons = {}
        for key, label, tip, action in (
            ("previous", self.tr("\u25c0 Previous"), self.tr("Previous step (Left)"), player.previous),
            ("pause", self.tr("Pause"), self.tr("Pause / resume (Space)"), player.toggle_pause),
            ("hold", self.tr("Hold"), self.tr("Hold this step: the countdown stops (H)"), player.toggle_hold),
            ("next", self.tr("Next \u25b6"), self.tr("Next step (Right)"), player.next),
            ("stop", self.tr("\u25a0 Stop"), self.tr("Stop the tour"), player.stop),
        ):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.clicked.connect(action)
            layout.addWidget(button)
            self.buttons[key] = button
        player.changed.connect(self.refresh)
        player.ended.connect(lambda outcome: self.hide())
        self.hide()

    def refresh(self) -> None:
        run = self.player.run
        if run is None or not run.is_active:
            self.hide()
            return
        self.show()
        state = {RunState.PAUSED: self.tr("PAUSED"), RunState.HELD: self.tr("HELD")}.get(run.state, "\u25b6")
        self.buttons["pause"].setText(self.tr("Resume") if run.state == RunState.PAUSED else self.tr("Pause"))
        self.buttons["hold"].setText(self.tr("Release hold") if run.state == RunState.HELD else self.tr("Hold"))
        round_text = self.tr(" \u00b7 round {round}").format(round=run.rounds_completed + 1) if run.is_repeating else ""
        step = self.tr("step {number}/{count}").format(number=run.index + 1, count=len(run.tour.steps))
        self.summary.set_full_text(  # what changes first, first: the name is cut before the time is
            f"{state} {run.time_left_s():.0f} s \u00b7 {step}{round_text} \u00b7 {run.tour.name}"
        )
        following = run.next_step
        if following is None:
            self.upcoming.set_full_text(self.tr("last step"))
        else:
            names = ", ".join(self._names.get(camera, camera) for camera in following.camera_ids())
            self.upcoming.set_full_text(self.tr("next: {cameras}").format(cameras=names))
        problems = [self.tr("offline: {camera}").format(camera=self._names.get(camera, camera))
                    for camera in sorted(self.player.offline_now)]  # fmt: skip
        problems += [self.tr("not moved: {camera} ({why})").format(camera=self._names.get(camera, camera), why=say(why))
                     for camera, why in sorted(self.player.not_moved.items(), key=lambda item: item[0])]  # fmt: skip
        self.flags.set_full_text("  \u00b7  ".join(problems))
        self.flags.setVisible(bool(problems))  # no room taken from the summary when all is well
