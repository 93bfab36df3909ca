import logging

from console.config.secrets import MaskingFilter, mask, register_secret


def test_url_credentials_are_masked():
    assert mask("open rtsp://admin:hunter22@10.0.0.5:554/s1 failed") == "open rtsp://***@10.0.0.5:554/s1 failed"
    assert mask("'rtsps://user@cam/x'") == "'rtsps://***@cam/x'"
    assert mask("rtsp://10.0.0.5/no-credentials") == "rtsp://10.0.0.5/no-credentials"


def test_registered_secrets_are_masked_anywhere():
    register_secret("Zw0rdfish!")
    assert mask("password was Zw0rdfish! today") == "password was *** today"


def test_logging_filter_masks_messages_and_tracebacks(caplog):
    logger = logging.getLogger("uitkijk.test.masking")
    handler_filter = MaskingFilter()
    caplog.handler.addFilter(handler_filter)
    try:
        logger.warning("cannot open %s", "rtsp://bob:pa55word@cam/1")
        try:
            raise RuntimeError("rtsp://bob:pa55word@cam/1 refused")
        except RuntimeError:
            logger.exception("failed")
    finally:
        caplog.handler.removeFilter(handler_filter)
    assert "pa55word" not in caplog.text
    assert "rtsp://***@cam/1" in caplog.text


def test_masking_matches_the_url_rule_on_random_text():
    """The one-pass masking gives what the plain rule (scheme://userinfo@) gives, on many random texts."""
    import random
    import re

    from console.config.secrets import mask

    rule = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^/@\s'\"]+)@")
    alphabet = ["a", "Z", "1", "+", ".", "-", ":", "/", "@", " ", "'", "rtsp", "://", "é", "_"]
    generator = random.Random(11)
    for _ in range(3000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 30)))
        expected = rule.sub(lambda match: f"{match['scheme']}***@", text)
        assert mask(text) == expected, text


def test_masking_a_long_text_reads_it_once():
    """Linear: the text is looked at once per '://'; no scan restarts at every letter (was 4 s for 40 k)."""
    from console.config import secrets

    calls = []
    original = secrets._has_scheme_before
    secrets._has_scheme_before = lambda text, at: calls.append(at) or original(text, at)
    try:
        assert secrets.mask("a" * 200_000 + "rtsp://u:p@h") == "a" * 200_000 + "rtsp://***@h"
    finally:
        secrets._has_scheme_before = original
    assert calls == [200_004]
