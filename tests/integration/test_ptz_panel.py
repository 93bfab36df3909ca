"""The PTZ panel against a simulated ONVIF camera: lease button, pad, zoom, presets, home."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console.config.loader import load_camera_config
from console.onvif.directory import StreamDirectory
from console.onvif.service import OnvifService
from console.ptz.lease import LeaseBoard
from console.sim.network import free_port
from console.sim.onvif_server import OnvifServer, SimulatedOnvifDevice, StreamProfile
from console.sim.ptz_head import PtzHead
from console.ui.ptz_controller import PtzController
from console.ui.ptz_panel import PtzPanel

pytestmark = pytest.mark.integration


@pytest.fixture
def panel(qtbot, tmp_path):
    device = SimulatedOnvifDevice(
        "panel-ptz", "uitkijk", "Panel-Wachtwoord-8",
        [StreamProfile("main", "Main", 1280, 720, "rtsp://127.0.0.1:1/none")], PtzHead(),
    )  # fmt: skip
    device.head.set_preset("Ingang park", "7")
    server = OnvifServer(device, free_port())
    server.start()
    (tmp_path / "cameras.yaml").write_text(
        "version: 1\nareas:\n  - {id: a, name: A}\ncameras:\n"
        "  - {id: panel-ptz, name: Panel PTZ, kind: ptz, area: a, location: {street: S, lat: 50, lon: 3},\n"
        f"     onvif: {{host: 127.0.0.1, port: {server.port}, username: uitkijk, password: Panel-Wachtwoord-8}}}}\n"
        "  - {id: fixed-1, name: Fixed, kind: fixed, area: a, location: {street: S, lat: 50, lon: 3},\n"
        "     streams: {main: 'rtsp://127.0.0.1:1/fixed'}}\n"
    )
    config = load_camera_config(tmp_path, {})
    service = OnvifService(config.cameras, StreamDirectory(config.cameras), timeout_s=3)
    controller = PtzController(service, LeaseBoard())
    widget = PtzPanel(controller)
    qtbot.addWidget(widget)
    widget.show()
    service.start().result(10)
    yield widget, device, config
    controller.shutdown()
    assert service.shutdown()
    server.stop()


def test_panel_takes_control_steers_zooms_and_stops(qtbot, panel):
    widget, device, config = panel
    widget.show_camera(config.camera("panel-ptz"))
    assert widget.take_button.isEnabled() and not widget.pad_buttons[(1, 0)].isEnabled()
    assert "Free" in widget.lease_label.text()
    qtbot.mouseClick(widget.take_button, Qt.MouseButton.LeftButton)
    assert widget.pad_buttons[(1, 0)].isEnabled() and widget.take_button.text() == "Release control (P)"
    assert "You control this camera" in widget.lease_label.text()
    qtbot.waitUntil(lambda: widget.preset_model.rowCount() == 1, timeout=2000)
    widget.pad_buttons[(1, 0)].pressed.emit()  # held down
    qtbot.waitUntil(lambda: device.head.snapshot()[1], timeout=2000)
    widget.pad_buttons[(1, 0)].released.emit()
    qtbot.waitUntil(lambda: not device.head.snapshot()[1], timeout=2000)
    assert device.requests[-1] == "Stop" and device.head.snapshot()[0].pan > 0
    widget.zoom_in.pressed.emit()
    qtbot.waitUntil(lambda: device.head.snapshot()[0].zoom > 0, timeout=2000)
    widget.zoom_in.released.emit()
    qtbot.waitUntil(lambda: device.requests[-1] == "Stop", timeout=2000)


def test_panel_presets_and_home(qtbot, panel):
    widget, device, config = panel
    widget.show_camera(config.camera("panel-ptz"))
    widget.toggle_control()
    qtbot.waitUntil(lambda: widget.preset_model.rowCount() == 1, timeout=2000)
    assert widget.preset_model.data(widget.preset_model.index(0)) == "Ingang park"
    widget.preset_view.setCurrentIndex(widget.preset_model.index(0))
    qtbot.mouseClick(widget.goto_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "GotoPreset" in device.requests, timeout=2000)
    assert widget.controller.save_preset("panel-ptz", "Speeltuin")
    qtbot.waitUntil(lambda: widget.preset_model.rowCount() == 2, timeout=2000)
    widget.preset_view.setCurrentIndex(widget.preset_model.index(1))
    qtbot.mouseClick(widget.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.preset_model.rowCount() == 1, timeout=2000)
    qtbot.mouseClick(widget.home_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "GotoHomePosition" in device.requests, timeout=2000)


def test_panel_on_a_fixed_camera_and_a_refused_preset(qtbot, panel):
    widget, device, config = panel
    widget.show_camera(config.camera("fixed-1"))
    assert widget.lease_label.text() == "This camera cannot pan, tilt or zoom."
    assert not widget.take_button.isEnabled()
    widget.show_camera(config.camera("panel-ptz"))
    widget.toggle_control()
    widget.controller.goto_preset("panel-ptz", "no-such-preset")
    qtbot.waitUntil(lambda: "no preset" in widget.message.text(), timeout=2000)
