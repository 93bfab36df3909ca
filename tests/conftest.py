"""Shared test set-up: offscreen Qt, and no test may leave a thread running."""

from __future__ import annotations

import os
import threading
import time

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _live_threads() -> set[threading.Thread]:
    return {thread for thread in threading.enumerate() if thread.is_alive()}


@pytest.fixture(autouse=True)
def no_stray_threads():
    """Fail a test that leaves a worker behind (readers must stop when their viewers go)."""
    before = _live_threads()
    yield
    deadline = time.monotonic() + 8.0
    while True:
        extra = [t for t in _live_threads() - before if not t.name.startswith(("pydevd", "Dummy"))]
        if not extra or time.monotonic() > deadline:
            break
        extra[0].join(0.1)
    assert not extra, f"threads left running: {[thread.name for thread in extra]}"


@pytest.fixture(autouse=True)
def secrets_of_this_test_only():
    """The masking helper's secrets are the process's (a desk registers its passwords once): a test's stay its own.

    A test that read ``CAM_USER=operator`` from its environment made every later test mask the word "operator"."""
    from console.config import secrets

    with secrets._lock:
        before = set(secrets._known_secrets)
    yield
    with secrets._lock:
        secrets._known_secrets.intersection_update(before)


def _guarded_application_class():
    """The tests' QApplication: while the GUI thread handles an event, any SQL on it raises."""
    from PySide6.QtWidgets import QApplication

    from console.store.guard import forbid_sql_on_this_thread

    class GuardedApplication(QApplication):
        def notify(self, receiver, event):
            with forbid_sql_on_this_thread():
                return super().notify(receiver, event)

    return GuardedApplication


@pytest.fixture(scope="session")
def qapp_cls():
    """pytest-qt builds the application from this class (gui and integration tests)."""
    return _guarded_application_class()


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL cluster for the whole test session (started once, removed at the end)."""
    from tests.postgres import temporary_cluster

    with temporary_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Each store test runs on both backends: the desk's SQLite file (None) and a room's PostgreSQL."""
    if request.param == "sqlite":
        yield None
        return
    from tests.postgres import drop_database, fresh_database

    cluster_url = request.getfixturevalue("postgres_url")
    url = fresh_database(cluster_url)
    yield url
    drop_database(cluster_url, url)


@pytest.fixture
def store_dir(tmp_path):
    """The data folder ``database`` opens its store in (a test module gives another by a fixture of this name)."""
    return tmp_path


@pytest.fixture
def database(store_dir, store_url):
    """The store (of ``store_url``: both backends) in ``store_dir``, closed after the test."""
    from console.store import open_store

    database = open_store(store_dir, store_url)
    yield database
    database.close()


@pytest.fixture
def log(database, store_dir):
    """The audit log on ``database``, its key beside it."""
    from console.audit.log import KEY_FILE, AuditLog

    return AuditLog(database, store_dir / KEY_FILE)
