"""kill -9 of the running app loses nothing that had left its field."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import kill_driver
from conftest import facility_of_type, query, stored_answers

from lifecircle_plugin.core.survey.store import SurveyStore

DRIVER = Path(kill_driver.__file__)


def test_kill_after_answers_keeps_every_saved_answer(package):
    uuid = facility_of_type(package, "wet_market")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    child = subprocess.Popen([sys.executable, str(DRIVER), str(package), uuid],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    saved = []
    try:
        for line in child.stdout:
            if line.startswith("saved "):
                saved.append(line.split()[1])
            if line.strip() == "typing":
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, child.stderr.read()[-2000:]
    assert saved == [qid for qid, _how, _text in kill_driver.ANSWERS]
    assert Path(f"{package}-wal").exists()  # killed: the WAL was never folded back

    with SurveyStore(package) as store:  # reopening is what an inspector does next
        audit = store.current_audit(uuid)
        reopened = store.answers(audit.audit_uuid)
    expected = {"present": "open", "stalls": 150, "floor_area_m2": 1200.5,
                "step_free_entrance": True, "opens_at": "06:00", "closes_at": "18:30",
                "opening_hours": "6-18:30", "standardised": False}
    assert reopened == expected
    assert stored_answers(package, uuid) == expected
    assert query(package, "PRAGMA integrity_check") == [("ok",)]
