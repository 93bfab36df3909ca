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
