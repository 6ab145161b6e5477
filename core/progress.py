"""A progress bar for management commands that run long (seed_bench, import_wordpress)."""

from __future__ import annotations

import time

from django.core.management.base import OutputWrapper

WIDTH = 30


class Progress:
    """A one-line progress bar on a terminal; nothing but the final line otherwise.

    It is drawn again only when what it shows changes (a tenth of a percent), so that a
    command calling it for each of a million items does not spend its time writing."""

    def __init__(self, stream, label: str, total: int, *, unit: str = "") -> None:
        self.stream, self.label, self.total = stream, label, max(total, 1)
        self.unit = f" {unit}" if unit else ""
        self.done = 0
        self.shown = -1
        self.started = time.monotonic()
        self.terminal = hasattr(stream, "isatty") and stream.isatty()

    def advance(self, count: int) -> None:
        self.update(self.done + count)

    def update(self, done: int) -> None:
        self.done = done
        share = min(self.done / self.total, 1)
        if not self.terminal or int(share * 1000) == self.shown:
            return
        self.shown = int(share * 1000)
        bar = "#" * int(share * WIDTH)
        self._write(
            f"\r{self.label:<9} [{bar:<{WIDTH}}] {share:6.1%} {self.done:,}/{self.total:,}"
            f"{self.unit}"
        )
        self.stream.flush()

    def _write(self, text: str) -> None:
        if isinstance(self.stream, OutputWrapper):  # a command's stdout ends each write
            self.stream.write(text, ending="")
        else:
            self.stream.write(text)

    def finish(self) -> None:
        seconds = time.monotonic() - self.started
        end = "\n" if self.terminal else ""
        self._write(f"{end}{self.label}: {self.done:,}{self.unit} in {seconds:.1f} s\n")
