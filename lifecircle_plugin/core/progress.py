"""A progress-and-cancel contract for long core work, shared by QgsTask, processing and CLI.

Core functions take an optional `Progress`; the plugin adapts it to QgsTask.setProgress /
QgsProcessingFeedback, the CLI prints it. Core code calls `check()` between steps so a
cancel stops the work at a safe point.
"""
from __future__ import annotations

import logging
from typing import Callable, Optional

from .errors import Cancelled

log = logging.getLogger(__name__)


class Progress:
    def __init__(
        self,
        report: Optional[Callable[[float, str], None]] = None,
        is_cancelled: Optional[Callable[[], bool]] = None,
    ) -> None:
        self._report = report
        self._is_cancelled = is_cancelled

    def update(self, percent: float, message: str = "") -> None:
        if self._report is not None:
            self._report(max(0.0, min(100.0, percent)), message)
        self.check()

    def check(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled("cancelled by the user")

    def sub(self, start: float, end: float) -> Progress:
        """A child progress mapping 0-100 onto [start, end] of this one."""

        def report(percent: float, message: str) -> None:
            self.update(start + (end - start) * percent / 100.0, message)

        return Progress(report, self._is_cancelled)


NO_PROGRESS = Progress()
