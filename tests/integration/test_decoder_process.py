"""The decoding process against the real simulated network: frames through shared memory, a crash survived."""

from __future__ import annotations

import os
import signal
import threading

import psutil
import pytest

from console.sim.from_config import camera_colour
from console.video.decoder_process import PROCESS_GONE
from console.video.hub import StreamHub
from console.video.pyav_reader import ReaderTiming
from console.video.stream import StreamState
from tests.integration.conftest import LOADED_MS

pytestmark = pytest.mark.integration


def centre_rgb(frame) -> tuple[int, int, int]:
    blue, green, red, _ = frame.pixels[frame.height // 2, frame.width // 20]
    return int(red), int(green), int(blue)


def close_to(painted: tuple[int, int, int], rgb: tuple[int, int, int], tolerance: int = 18) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(painted, rgb, strict=True))


def test_streams_decode_in_another_process_and_survive_its_death(qtbot, city):
    hub = StreamHub(timing=ReaderTiming(open_timeout_s=3.0, stall_timeout_s=2.0))
    states: dict[str, list[StreamState]] = {"cam-a": [], "cam-b": []}
    messages: list[str] = []
    reader_threads_before = {t.name for t in threading.enumerate()}
    try:
        handles = {}
        for camera_id in states:
            url = city.config.camera(camera_id).stream_url("sub")
            handles[camera_id] = hub.acquire(url, f"{camera_id}.sub",
                                             lambda status, c=camera_id: (states[c].append(status.state),
                                                                          messages.append(status.message)),
                                             (320, 180))  # fmt: skip
        for camera_id, handle in handles.items():
            qtbot.waitUntil(lambda h=handle: h.latest() is not None and h.status().state == StreamState.LIVE,
                            timeout=LOADED_MS)  # fmt: skip
            frame = handle.latest()
            assert (frame.width, frame.height, frame.source_height) == (320, 180, 360)
            colour = camera_colour(city.config, camera_id)
            qtbot.waitUntil(lambda h=handle, c=colour: close_to(centre_rgb(h.latest()), c), timeout=3000)
        # No reader thread in this interpreter: they live in the decoding process.
        assert not [t for t in threading.enumerate() if t.name.startswith("reader-") and
                    t.name not in reader_threads_before]  # fmt: skip
        decoder = hub._decoder
        pid = decoder.pid()
        assert pid is not None and pid != os.getpid()
        child = psutil.Process(pid)
        assert child.nice() == decoder._niceness and child.num_threads() >= 2
        # Its readers come and go all night: two malloc arenas, or their freed frames stay (README, soak).
        assert child.environ().get("MALLOC_ARENA_MAX") == "2"

        # A bigger viewer: the frames grow, through a new block.
        handles["cam-a"].set_size(640, 360)
        qtbot.waitUntil(lambda: handles["cam-a"].latest().width == 640, timeout=3000)

        # The process dies: every stream says so, then comes back live with newer frames.
        before = {c: h.latest().sequence for c, h in handles.items()}
        os.kill(pid, signal.SIGKILL)
        qtbot.waitUntil(lambda: all(h.status().state == StreamState.NO_SIGNAL for h in handles.values()),
                        timeout=3000)  # fmt: skip
        assert PROCESS_GONE in messages
        assert all(h.latest() is not None for h in handles.values())  # the last picture stays meanwhile
        qtbot.waitUntil(lambda: all(h.status().state == StreamState.LIVE for h in handles.values()), timeout=LOADED_MS)
        qtbot.waitUntil(lambda: all(h.latest().sequence > before[c] for c, h in handles.items()), timeout=3000)
        assert decoder.pid() not in (None, pid) and decoder.restarts == 1
        restarted = psutil.Process(decoder.pid())
        for handle in handles.values():
            handle.release()
        qtbot.waitUntil(lambda: hub.stopping_count() == 0, timeout=5000)
    finally:
        assert hub.shutdown(20.0)
    assert not restarted.is_running() or restarted.status() == psutil.STATUS_ZOMBIE


def test_a_size_decided_while_its_stream_is_being_started_reaches_the_process(qtbot, city, monkeypatch):
    """The hub starts a stream on its starter thread while the GUI thread sizes it (a tile enlarged at once).

    Found when an enlarged tile never showed its main stream: the size went out with a block of its own
    before the start went out with another, so the process wrote where the console did not read.
    """
    from console.video import decoder_process

    decoder = decoder_process.DecoderProcess()
    decoder.start()
    qtbot.waitUntil(lambda: decoder.pid() is not None, timeout=5000)
    in_start, resized = threading.Event(), threading.Event()
    make_block = decoder_process.create_block

    def block_made_while_the_other_thread_acts(width: int, height: int):
        if not in_start.is_set():  # the start's block: the resize comes now, from the other thread, and ends
            in_start.set()
            resized.wait(1.0)  # (it cannot end before the start is sent: then this waits out its second)
        return make_block(width, height)

    def resize() -> None:
        reader.set_target_size(1280, 720)
        resized.set()

    monkeypatch.setattr(decoder_process, "create_block", block_made_while_the_other_thread_acts)
    url = city.config.camera("cam-a").stream_url("sub")
    reader = decoder_process.ProcessStreamReader(decoder, url, "cam-a.sub", ReaderTiming(open_timeout_s=3.0))
    reader.set_target_size(320, 180)
    starter = threading.Thread(target=reader.start)
    starter.start()
    try:
        qtbot.waitUntil(in_start.is_set, timeout=3000)
        resizer = threading.Thread(target=resize)
        resizer.start()
        starter.join(5.0)
        resizer.join(5.0)
        # The sub-stream is 640x360: with bounds of 1280x720 it comes unscaled, in the block the console reads.
        qtbot.waitUntil(lambda: (frame := reader.latest()) is not None and frame.width == 640, timeout=LOADED_MS)
    finally:
        reader.stop()
        reader.join(5.0)
        assert decoder.close()


def test_a_stream_claimed_and_let_go_at_its_size_sends_the_process_no_new_size(qtbot, city):
    """The hub sets a stream's size at every claim and release: a tour step's unchanged sizes were 40 messages
    to the decoding process, 2.5 ms of the switch's pass on the GUI thread. A new size still goes out."""
    hub = StreamHub(timing=ReaderTiming(open_timeout_s=3.0))
    decoder = hub._decoder
    sizes: list[list[int]] = []
    send = decoder._send

    def counting_send(connection, message, descriptor=None):
        if message.get("op") == "size":
            sizes.append(message["size"])
        return send(connection, message, descriptor)

    decoder._send = counting_send
    url = city.config.camera("cam-a").stream_url("sub")
    try:
        tile = hub.acquire(url, "cam-a.sub", lambda status: None, (320, 180))
        qtbot.waitUntil(lambda: tile.latest() is not None, timeout=LOADED_MS)
        for _ in range(3):  # a tour's pre-roll claims it at the tile's size, and lets it go at the switch
            hub.acquire(url, "cam-a.sub", lambda status: None, (320, 180)).release()
        assert sizes == []
        bigger = hub.acquire(url, "cam-a.sub", lambda status: None, (640, 360))  # an enlarged tile
        assert sizes == [[640, 360]]
        bigger.release()
        assert sizes == [[640, 360], [320, 180]]  # back to the tile's
    finally:
        assert hub.shutdown(20.0)
