"""The PTZ panel beside the wall: control lease, pad, zoom, speed, presets, home."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.config.schema import Camera
from console.onvif.models import Preset, PtzStatus
from console.ptz.lease import Lease
from console.ui.ptz_controller import PtzController
from console.ui.words import say

PAD = [  # (row, column, label, pan, tilt)
    (0, 0, "\u2196", -1, 1), (0, 1, "\u2191", 0, 1), (0, 2, "\u2197", 1, 1),
    (1, 0, "\u2190", -1, 0), (1, 2, "\u2192", 1, 0),
    (2, 0, "\u2199", -1, -1), (2, 1, "\u2193", 0, -1), (2, 2, "\u2198", 1, -1),
]  # fmt: skip


class PresetModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.presets: tuple[Preset, ...] = ()

    def set_presets(self, presets: tuple[Preset, ...]) -> None:
        self.beginResetModel()
        self.presets = tuple(presets)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.presets)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.presets):
            return None
        preset = self.presets[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return preset.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("PtzPanel", "{name} (token {token})").format(
                name=preset.name, token=preset.token
            )
        if role == Qt.ItemDataRole.UserRole:
            return preset.token
        return None


class PtzPanel(QWidget):
    """Steers the camera of the wall's selected tile."""

    def __init__(self, controller: PtzController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.camera: Camera | None = None
        self.setObjectName("ptzPanel")
        self.title = QLabel("PTZ", self)
        self.title.setObjectName("ptzTitle")
        self.lease_label = QLabel(self)
        self.lease_label.setWordWrap(True)
        self.lease_label.setObjectName("ptzLease")
        self.take_button = QPushButton(self.tr("Take control (P)"), self)
        self.take_button.clicked.connect(self._on_take_button_clicked)
        self.pad_buttons: dict[tuple[int, int], QToolButton] = {}
        pad = QGridLayout()
        pad.setSpacing(4)
        for row, column, label, pan, tilt in PAD:
            button = self._hold_button(label, lambda p=pan, t=tilt: self._move(p, t, 0))
            pad.addWidget(button, row, column)
            self.pad_buttons[(pan, tilt)] = button
        self.home_button = QToolButton(self)
        self.home_button.setText("\u2302")
        self.home_button.setToolTip(self.tr("Home position"))
        self.home_button.clicked.connect(self._on_home_button_clicked)
        pad.addWidget(self.home_button, 1, 1)
        self.zoom_in = self._hold_button("+", lambda: self._move(0, 0, 1))
        self.zoom_out = self._hold_button("\u2212", lambda: self._move(0, 0, -1))
        zoom = QHBoxLayout()
        zoom.addWidget(QLabel(self.tr("Zoom"), self))
        zoom.addWidget(self.zoom_out)
        zoom.addWidget(self.zoom_in)
        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setRange(10, 100)
        self.speed.setValue(50)
        self.speed.setToolTip(self.tr("Speed of the pad, keys and wheel"))
        speed = QHBoxLayout()
        speed.addWidget(QLabel(self.tr("Speed"), self))
        speed.addWidget(self.speed)
        self.position_label = QLabel(self)
        self.position_label.setObjectName("ptzPosition")
        self.preset_model = PresetModel(self)
        self.preset_view = QListView(self)
        self.preset_view.setModel(self.preset_model)
        self.preset_view.doubleClicked.connect(self._on_preset_view_double_clicked)
        self.goto_button = QPushButton(self.tr("Go to"), self)
        self.goto_button.clicked.connect(self._on_goto_button_clicked)
        self.save_button = QPushButton(self.tr("Save here\u2026"), self)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        preset_buttons = QHBoxLayout()
        for button in (self.goto_button, self.save_button, self.delete_button):
            preset_buttons.addWidget(button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("ptzMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.lease_label)
        layout.addWidget(self.take_button)
        layout.addLayout(pad)
        layout.addLayout(zoom)
        layout.addLayout(speed)
        layout.addWidget(self.position_label)
        layout.addWidget(QLabel(self.tr("Presets"), self))
        layout.addWidget(self.preset_view, 1)
        layout.addLayout(preset_buttons)
        layout.addWidget(self.message)
        controller.lease_changed.connect(self._on_controller_lease_changed)
        controller.status_changed.connect(self._on_controller_status_changed)
        controller.presets_changed.connect(self._on_controller_presets_changed)
        controller.problem.connect(self._on_controller_problem)
        self.show_camera(None)

    def _hold_button(self, label: str, on_press) -> QToolButton:
        button = QToolButton(self)
        button.setText(label)
        button.setMinimumSize(40, 34)
        button.pressed.connect(on_press)
        button.released.connect(self._stop)
        return button

    @property
    def speed_factor(self) -> float:
        return self.speed.value() / 100

    # -- following the selection ----------------------------------------------------------------
    def show_camera(self, camera: Camera | None) -> None:
        if self.camera is not None and camera is not None and camera.id == self.camera.id:
            self.refresh()
            return
        if self.camera is not None:
            self.controller.stop(self.camera.id)
        self.camera = camera
        self.message.clear()
        self.preset_model.set_presets(self.controller.presets(camera.id) if camera else ())
        self.refresh()

    def refresh(self) -> None:
        camera = self.camera
        has_ptz = camera is not None and self.controller.has_ptz(camera.id)
        if camera is None:
            self.title.setText("PTZ")
            self.lease_label.setText(self.tr("Select a tile to steer its camera."))
        else:
            self.title.setText(camera.name)
        mine = has_ptz and self.controller.is_mine(camera.id)
        if camera is not None and not has_ptz:
            self.lease_label.setText(self.tr("This camera cannot pan, tilt or zoom."))
        elif has_ptz:
            lease = self.controller.lease(camera.id)
            if mine:
                self.lease_label.setText(self.tr("You control this camera. Released after 30 s without input."))
            elif lease is not None:
                self.lease_label.setText(
                    self.tr("{holder} controls this camera.").format(holder=say(lease.holder.worded))
                )
            else:
                self.lease_label.setText(self.tr("Free: take control to steer it."))
        self.take_button.setEnabled(has_ptz)
        self.take_button.setText(self.tr("Release control (P)") if mine else self.tr("Take control (P)"))
        for widget in [*self.pad_buttons.values(), self.home_button, self.zoom_in, self.zoom_out, self.goto_button,
                       self.save_button, self.delete_button, self.preset_view]:  # fmt: skip
            widget.setEnabled(mine)
        status = self.controller.status(camera.id) if has_ptz else None
        self.position_label.setText(describe_status(status) if status else "")

    # -- actions ----------------------------------------------------------------------------------
    def toggle_control(self) -> None:
        if self.camera is None or not self.controller.has_ptz(self.camera.id):
            return
        if self.controller.is_mine(self.camera.id):
            self.controller.release(self.camera.id)
        else:
            self.controller.take(self.camera.id)
        self.refresh()

    def _on_take_button_clicked(self) -> None:
        self.toggle_control()

    def _move(self, pan: float, tilt: float, zoom: float) -> None:
        if self.camera is not None:
            factor = self.speed_factor
            self.controller.move(self.camera.id, pan * factor, tilt * factor, zoom * factor)

    def _stop(self) -> None:
        if self.camera is not None:
            self.controller.stop(self.camera.id)

    def _on_home_button_clicked(self) -> None:
        if self.camera is not None:
            self.controller.goto_home(self.camera.id)

    def _selected_preset(self) -> str | None:
        index = self.preset_view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _on_goto_button_clicked(self) -> None:
        token = self._selected_preset()
        if self.camera is not None and token:
            self.controller.goto_preset(self.camera.id, token)

    def _on_preset_view_double_clicked(self, index: QModelIndex) -> None:
        self._on_goto_button_clicked()

    def _on_save_button_clicked(self) -> None:
        if self.camera is None:
            return
        name, accepted = QInputDialog.getText(
            self, self.tr("Save preset"), self.tr("Name of this preset (where the camera looks now):")
        )
        if accepted and name.strip():
            self.controller.save_preset(self.camera.id, name.strip())

    def _on_delete_button_clicked(self) -> None:
        token = self._selected_preset()
        if self.camera is not None and token:
            self.controller.remove_preset(self.camera.id, token)

    # -- controller signals --------------------------------------------------------------------------
    def _on_controller_lease_changed(self, camera_id: str, lease: Lease | None, why: object) -> None:
        if self.camera is not None and camera_id == self.camera.id:
            self.message.setText(say(why))
            self.refresh()

    def _on_controller_status_changed(self, camera_id: str, status: PtzStatus) -> None:
        if self.camera is not None and camera_id == self.camera.id:
            self.position_label.setText(describe_status(status))

    def _on_controller_presets_changed(self, camera_id: str, presets: tuple[Preset, ...]) -> None:
        if self.camera is not None and camera_id == self.camera.id:
            self.preset_model.set_presets(presets)

    def _on_controller_problem(self, camera_id: str, reason: object) -> None:
        if self.camera is not None and camera_id == self.camera.id:
            self.message.setText(say(reason))


def describe_status(status: PtzStatus) -> str:
    moving = QCoreApplication.translate("PtzPanel", " \u00b7 moving") if status.is_moving else ""
    return (
        QCoreApplication.translate("PtzPanel", "Pan {pan}  Tilt {tilt}  Zoom {zoom}").format(
            pan=f"{status.pan:+.2f}", tilt=f"{status.tilt:+.2f}", zoom=f"{status.zoom:.2f}"
        )
        + moving
    )
