"""An SMTP server that accepts and forgets every message, counting sessions and messages.

Run as its own process, so the server's work does not share the benchmarked
process's interpreter lock:  python bench/smtp_sink.py PORT STATS_FILE
On SIGTERM it writes {"connections": n, "messages": n} to STATS_FILE and exits.
"""

import json
import logging
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Counter:
    def __init__(self) -> None:
        self.connections = 0
        self.messages = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        self.connections += 1
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        return "250 Message accepted"


def main() -> None:
    port, stats_file = int(sys.argv[1]), sys.argv[2]
    # aiosmtpd logs every SMTP command; at 10,000 mails that is the bottleneck.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    print("ready", flush=True)
    stopped.wait()
    controller.stop()
    with open(stats_file, "w") as out:
        json.dump({"connections": counter.connections, "messages": counter.messages}, out)


if __name__ == "__main__":
    main()
