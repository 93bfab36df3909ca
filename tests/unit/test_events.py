"""The one listener mechanism: order, a failing listener, disconnecting, emitting from many threads."""

import logging
import threading

from console.events import Event


def test_listeners_run_in_order_and_one_that_fails_does_not_stop_the_others(caplog):
    event: Event[[str, int]] = Event("test.changed")
    heard: list[tuple[str, str, int]] = []

    def broken(camera: str, number: int) -> None:
        raise ValueError("a closed window's bug")

    event.connect(lambda camera, number: heard.append(("first", camera, number)))
    event.connect(broken)
    event.connect(lambda camera, number: heard.append(("last", camera, number)))
    with caplog.at_level(logging.ERROR):
        event.emit("cam-a", 3)
    assert heard == [("first", "cam-a", 3), ("last", "cam-a", 3)]
    assert "a listener of test.changed failed" in caplog.text
    event.disconnect(broken)
    event.disconnect(broken)  # not connected any more: ignored
    assert len(event) == 2


def test_connecting_while_other_threads_emit_loses_no_call():
    event: Event[[int]] = Event("test.counted")
    counts = [0, 0]
    lock = threading.Lock()

    def count(index: int) -> None:
        with lock:
            counts[index] += 1

    event.connect(lambda _: count(0))
    workers = [threading.Thread(target=lambda: [event.emit(n) for n in range(2000)]) for _ in range(4)]
    for worker in workers:
        worker.start()
    late = []
    event.connect(late.append)  # while they emit
    for worker in workers:
        worker.join()
    assert counts[0] == 8000 and len(late) <= 8000
