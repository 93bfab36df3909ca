"""The reader's pure parts and the hub's sharing, with a fake reader (no network)."""

import errno
import threading

import av.error

from console.video.hub import StreamHub
from console.video.pyav_reader import (
    PyAVStreamReader,
    ReaderTiming,
    camera_refused_transport,
    describe_error,
    fit_size,
)
from console.video.stream import StreamReader, StreamStatus


class FakeReader(StreamReader):
    def __init__(self, url, name):
        super().__init__(url, name)
        self.is_started = self.is_stopped = False

    def start(self):
        self.is_started = True

    def stop(self):
        self.is_stopped = True

    def join(self, timeout_s):
        return True

    def latest(self):
        return None

    def status(self):
        return StreamStatus(state=None)


def test_fit_size_keeps_aspect_and_never_upscales():
    assert fit_size(1280, 720, 640, 640) == (640, 360)
    assert fit_size(640, 360, 1920, 1080) == (640, 360)
    assert fit_size(1280, 720, 401, 1000) == (400, 224)


def test_errors_read_as_reasons_without_credentials():
    timing = ReaderTiming(open_timeout_s=5, stall_timeout_s=2)
    refused = av.error.ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused", "rtsp://u:pw@cam/1")
    assert describe_error(refused, timing, opening=True) == "connection refused"
    assert describe_error(av.error.ExitError(-1, "exit"), timing, opening=True) == "no answer within 2 s"
    assert describe_error(av.error.ExitError(-1, "exit"), timing, opening=False) == "no frames for 2.0 s"
    assert "pw" not in describe_error(RuntimeError("rtsp://u:pw@cam/1 broke"), timing, opening=False)
    assert camera_refused_transport(av.error.OSError(errno.EPROTONOSUPPORT, "Protocol not supported"))
    assert not camera_refused_transport(refused)


def test_one_reader_per_url_shared_sized_for_the_largest_and_stopped_with_the_last_viewer():
    readers = []
    hub = StreamHub(reader_factory=lambda url, name: readers.append(FakeReader(url, name)) or readers[-1])
    first = hub.acquire("rtsp://cam/1", "cam.sub", lambda s: None, (320, 180))
    second = hub.acquire("rtsp://cam/1", "cam.sub", lambda s: None, (800, 450))
    other = hub.acquire("rtsp://cam/2", "cam2.sub", lambda s: None, (320, 180))
    assert len(readers) == 2 and hub.reader_count() == 2 and hub.viewer_count("rtsp://cam/1") == 2
    assert readers[0]._target_size == (800, 450)
    second.release()
    assert readers[0]._target_size == (320, 180) and not readers[0].is_stopped
    first.release()
    first.release()  # twice is harmless
    assert readers[0].is_stopped and hub.reader_count() == 1
    other.release()
    assert hub.shutdown()


def test_a_reader_reaped_while_its_thread_is_being_started_is_not_finished(monkeypatch):
    """The hub reaps stopped readers while its starter thread may still be starting one (a tour step back)."""
    reader = PyAVStreamReader("rtsp://127.0.0.1:9/none", "cam-b.sub", ReaderTiming(open_timeout_s=0.5))
    entered, go_on = threading.Event(), threading.Event()
    original_start = threading.Thread.start

    def slow_start(thread: threading.Thread) -> None:
        if thread.name.startswith("reader-"):
            entered.set()
            go_on.wait(5)
        original_start(thread)

    monkeypatch.setattr(threading.Thread, "start", slow_start)
    starter = threading.Thread(target=reader.start, name="starter")
    starter.start()
    assert entered.wait(5)
    reader.stop()
    assert reader.join(0) is False  # before: "cannot join thread before it is started"
    go_on.set()
    starter.join(5)
    assert reader.join(5) and not reader.is_running()


def test_a_camera_that_answers_after_its_answer_timeout_is_shown_not_dropped(monkeypatch):
    """A slow open (a cellular Mobbox, a loaded desk) that does bring a stream is kept, not closed and retried."""
    import time

    from console.video import pyav_reader

    class Container:
        is_closed = False

        def close(self):
            self.is_closed = True

    container = Container()

    def slow_open(url, options):
        time.sleep(0.4)  # past the whole open deadline below, and then it answers
        return container

    monkeypatch.setattr(pyav_reader.av, "open", slow_open)
    reader = PyAVStreamReader("rtsp://127.0.0.1:9/slow", "cam-slow.sub", ReaderTiming(open_timeout_s=0.2))
    assert reader._open() == (container, "tcp")
    assert not container.is_closed


def test_time_spent_decoding_is_not_taken_for_a_silent_camera(monkeypatch):
    """Packets that come at once but take long to decode (a burst on a busy desk) are not a stall."""
    import time

    from console.video import pyav_reader

    class Packet:
        size = 1
        is_keyframe = False  # as PyAV's packet says (the reader notes the first key frame's time)

        def decode(self):
            time.sleep(0.25)  # longer than the stall time-out below: the decoder is slow, the camera is not
            return [object()]

    class Stream:
        class codec_context:  # noqa: N801 - PyAV's attribute name
            name = "hevc"
            thread_count = 0

    class Container:
        streams = type("Streams", (), {"video": [Stream()]})()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def demux(self, stream):
            yield from (Packet() for _ in range(4))  # every packet there at once, then the stream ends

    monkeypatch.setattr(pyav_reader.av, "open", lambda url, options: Container())
    reader = PyAVStreamReader("rtsp://127.0.0.1:9/burst", "cam-burst.sub", ReaderTiming(stall_timeout_s=0.2))
    published = []
    monkeypatch.setattr(reader, "_publish", lambda decoded, codec: published.append(decoded))
    outcome = reader._connect_and_read()
    assert len(published) == 4 and outcome.reason == "the camera ended the stream"
