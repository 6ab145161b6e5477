"""Varnish in front of a test server: the shipped deploy/varnish.vcl, filled in as the
README says, run by Debian's varnishd in the foreground on a free loopback port, with
its working directory in the test's folder."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
XKEY_VMODS = (
    Path("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so"),
    Path("/usr/lib/aarch64-linux-gnu/varnish/vmods/libvmod_xkey.so"),
    Path("/usr/lib/varnish/vmods/libvmod_xkey.so"),
)
TEMPLATE_NAMES = ("BACKEND_HOST", "BACKEND_PORT", "PURGE_FROM")


def varnish_installed() -> bool:
    return Path(VARNISHD).exists() and any(path.exists() for path in XKEY_VMODS)


def render_vcl(values: dict[str, str]) -> str:
    """deploy/varnish.vcl with its ${NAME}s filled in, as envsubst does in the README."""
    text = (ROOT / "deploy" / "varnish.vcl").read_text()
    for name in TEMPLATE_NAMES:
        text = text.replace("${" + name + "}", values[name])
    assert "${" not in text, "the template names a value the README does not list"
    return text


class Varnish:
    """varnishd -F on 127.0.0.1:`port` in front of 127.0.0.1:`backend_port`."""

    def __init__(self, folder: Path, *, port: int, backend_port: int, memory: str = "64m"):
        self.port = port
        self.folder = folder
        self.vcl = folder / "varnish.vcl"
        self.vcl.write_text(
            render_vcl({"BACKEND_HOST": "127.0.0.1", "BACKEND_PORT": str(backend_port),
                        "PURGE_FROM": "127.0.0.1"})
        )  # fmt: skip
        self.log = folder / "varnishd.log"
        self.memory = memory
        self._process = None

    def start(self, timeout: float = 60) -> Varnish:
        import socket

        self._log_file = self.log.open("ab")
        # -j none: no jail, so that varnishd runs as whoever runs the tests and can use
        # the test's folder; -n: a working directory of its own.
        self._process = subprocess.Popen(
            [VARNISHD, "-F", "-j", "none", "-n", str(self.folder / "varnish-work"),
             "-a", f"127.0.0.1:{self.port}", "-f", str(self.vcl), "-s", f"malloc,{self.memory}",
             "-p", "thread_pool_min=10", "-T", "none"],
            stdout=self._log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise AssertionError(f"varnishd did not start:\n{self.log.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                return self
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"varnishd did not listen in {timeout} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
            self._log_file.close()
