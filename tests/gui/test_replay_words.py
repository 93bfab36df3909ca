"""A tile in instant replay, in Dutch and French: OPNAME / ENREGISTREMENT and the recording time, in magenta;
every reason a playback reader gives has its words."""

from __future__ import annotations

import time

import pytest

from console.config.loader import load_camera_config
from console.paths import DEFAULT_CONFIG_DIR
from console.store import open_store
from console.ui import words
from console.ui.language import install_language
from console.ui.video_tile import PLAYBACK_BAND, VideoTile
from console.video import playback_reader
from console.video.hub import StreamHub
from console.video.playback_reader import PlaybackClock, PlaybackReader, segments_in_store
from tests.integration.recorded_segments import T0, make_clips, record_three_segments


def test_every_reason_a_playback_reader_gives_has_words():
    assert set(playback_reader.MESSAGES) <= set(words._PLAYBACK_MESSAGES)


SAID = [("nl", "OPNAME", "niets opgenomen op dit moment"), ("fr", "ENREGISTREMENT", "rien d'enregistré à ce moment")]


@pytest.mark.parametrize(("language", "label", "nothing"), SAID)
def test_a_replaying_tile_says_playback_and_the_recording_time_in_its_language(qtbot, tmp_path, language, label,
                                                                                nothing):  # fmt: skip
    assert install_language(language)
    database = open_store(tmp_path)
    hub = StreamHub(reader_factory=lambda url, name: None)  # no live stream: the tile shows the recording only
    clock = PlaybackClock(T0 + 5.0, is_playing=False)
    recording = record_three_segments(database, make_clips(tmp_path / "clips"), tmp_path / "recordings")
    reader = PlaybackReader(recording.camera, segments_in_store(database, recording.camera), clock)
    tile = VideoTile(0, hub, {})
    qtbot.addWidget(tile)
    tile.camera = load_camera_config(DEFAULT_CONFIG_DIR, {}).cameras[0]  # named, without its live streams
    try:
        tile.resize(480, 270)
        tile.show()
        reader.start()
        tile.show_replay(reader, 10)
        qtbot.waitUntil(lambda: reader.latest() is not None, timeout=10_000)
        said, behind = tile.replay_words(reader.latest())
        assert said == f"{label} {time.strftime('%H:%M:%S', time.localtime(T0 + 5.0))}"
        assert behind.endswith(("F10: live", "F10 : direct"))  # (T0 is later than now: 0 s behind)
        band = tile.grab().toImage().pixelColor(tile.width() // 2, tile.height() - 8)
        assert abs(band.red() - PLAYBACK_BAND.red()) < 40 and band.green() < 60  # magenta, not live's black
        assert words.playback_message("nothing recorded at this time") == nothing
    finally:
        reader.stop()
        assert reader.join(5.0)
        tile.show_replay(None)
        database.close()
        install_language("en")
