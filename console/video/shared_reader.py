"""The decoding process's reader: a PyAV reader whose frames go into a shared block, not a Python attribute."""

from __future__ import annotations

from collections.abc import Callable

import av

from console.video.frame_share import FrameWriter
from console.video.pyav_reader import PyAVStreamReader, ReaderTiming
from console.video.stream import StreamStatus


class SharedFrameReader(PyAVStreamReader):
    def __init__(
        self,
        url: str,
        name: str,
        timing: ReaderTiming,
        writer: FrameWriter,
        first_sequence: int,
        on_status: Callable[[StreamStatus], object],
        on_end: Callable[[], object],
        on_phases: Callable[[dict[str, float]], object] = lambda phases: None,
    ) -> None:
        super().__init__(url, name, timing)
        self._on_phases = on_phases
        self._writer = writer
        self._bounds = writer.max_size
        self._sequence = first_sequence  # a restarted process goes on counting where the console's frames were
        self._on_end = on_end
        self.status_changed.connect(on_status)

    def resize(self, bounds: tuple[int, int], writer: FrameWriter | None) -> None:
        """New bounds for the frames; a new block when they outgrow the old one (block and bounds change together)."""
        if writer is not None:
            self._writer, self._bounds = writer, bounds
        else:
            self._bounds = bounds

    def _phases_known(self) -> None:
        self._on_phases(dict(self.phases))

    def _publish(self, decoded: av.VideoFrame, codec: str) -> None:
        writer, bounds = self._writer, self._bounds
        max_width, max_height = writer.max_size
        frame = self._scaled(decoded, codec, (min(bounds[0], max_width), min(bounds[1], max_height)))
        writer.write(frame.rows, frame)

    def _run(self) -> None:
        try:
            super()._run()
        finally:
            self._on_end()
