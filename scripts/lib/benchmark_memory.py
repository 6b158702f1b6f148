#!/usr/bin/env python3
"""Memory per stored resource group and list-page cost by size, for scripts/benchmark.

    python3 scripts/lib/benchmark_memory.py BINARY WORKDIR SIZE [SIZE...]

For each size: a fresh in-memory emulator (--log-level warning), its RSS once idle, SIZE new
resource groups PUT over 8 pipelined keep-alive connections (batches of 256 requests), its RSS
after, then the median time of 15 GETs of the first list page ($top=100) and of a page from the
middle of the list ($skiptoken after `.../resourcegroups/pop-5`, 40-50% through). Prints one
tab-separated line per size: size, idle KiB, loaded KiB, bytes per group, first-page ms,
middle-page ms, PUT/s while populating. RSS includes everything the writes leave behind: the
activity log keeps the last 100,000 events (two per write, docs/activity-log.md), so up to 50,000
writes its share grows with the size, beyond that it stays.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

SUBSCRIPTION = "fe000000-0000-4000-8000-000000000002"
API = "2024-11-01"
LISTENING = re.compile(r"listening on https?://[^\s:]+:(\d+)")


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def populate(port: int, token: str, count: int, connections: int = 8, batch: int = 256) -> int:
    """PUTs pop-0 .. pop-<count-1>, pipelined; answers the number of 201s."""
    created = [0] * connections

    def worker(slot: int) -> None:
        names = range(slot, count, connections)
        sock = socket.create_connection(("127.0.0.1", port))
        body = b'{"location":"eastus","tags":{"bench":"memory"}}'
        head = (f"?api-version={API} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
        buffer = b""
        for start in range(0, len(names), batch):
            chunk = names[start:start + batch]
            sock.sendall(b"".join(
                f"PUT /subscriptions/{SUBSCRIPTION}/resourceGroups/pop-{n}".encode() + head for n in chunk))
            seen = 0
            while seen < len(chunk):
                length = whole_response_length(buffer)
                if length:
                    created[slot] += buffer.startswith(b"HTTP/1.1 201")
                    buffer = buffer[length:]
                    seen += 1
                    continue
                data = sock.recv(1 << 20)
                if not data:
                    raise SystemExit("benchmark: the emulator closed a populating connection")
                buffer += data
        sock.close()

    threads = [threading.Thread(target=worker, args=(slot,)) for slot in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(created)


def whole_response_length(buffer: bytes) -> int:
    """The length of the complete response at the start of `buffer`, or 0 when more is needed."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return 0
    match = re.search(rb"\r\ncontent-length: *(\d+)", buffer[:end], re.I)
    total = end + 4 + (int(match.group(1)) if match else 0)
    return total if len(buffer) >= total else 0


def median_ms(port: int, token: str, path: str, runs: int = 15) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times = []
    for _ in range(runs + 2):
        start = time.perf_counter()
        connection.request("GET", path, headers={"Authorization": "Bearer " + token})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"benchmark: GET {path} answered {response.status}")
        times.append((time.perf_counter() - start) * 1000)
    connection.close()
    return statistics.median(times[2:])


def measure(binary: str, work: str, size: int) -> str:
    log = open(os.path.join(work, f"memory-{size}.log"), "wb")
    process = subprocess.Popen([binary, "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"],
                               stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL,
                               env=dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache")))
    try:
        port = 0
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not port:
            line = process.stdout.readline()
            if not line:
                break
            match = LISTENING.search(line.decode(errors="replace"))
            port = int(match.group(1)) if match else 0
        if not port:
            raise SystemExit(f"benchmark: the emulator did not start (see {log.name})")
        threading.Thread(target=lambda: [log.write(line) for line in process.stdout], daemon=True).start()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", "/_emulator/token")
        token = json.load(connection.getresponse())["access_token"]
        connection.close()
        time.sleep(1)
        idle = rss_kib(process.pid)
        start = time.perf_counter()
        created = populate(port, token, size)
        elapsed = time.perf_counter() - start
        if created != size:
            raise SystemExit(f"benchmark: {created} of {size} resource groups created")
        time.sleep(1)
        loaded = rss_kib(process.pid)
        groups = f"/subscriptions/{SUBSCRIPTION}/resourceGroups?api-version={API}&%24top=100"
        middle_key = f"/subscriptions/{SUBSCRIPTION}/resourcegroups/pop-5"
        token_text = base64.urlsafe_b64encode(middle_key.encode()).decode().rstrip("=")
        first = median_ms(port, token, groups)
        middle = median_ms(port, token, groups + "&%24skiptoken=" + token_text)
        per_group = (loaded - idle) * 1024 / size
        return "\t".join(map(str, [size, idle, loaded, round(per_group), f"{first:.2f}", f"{middle:.2f}",
                                   round(size / elapsed)]))
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> int:
    binary, work, sizes = sys.argv[1], sys.argv[2], [int(size) for size in sys.argv[3:]]
    for size in sizes:
        print(measure(binary, work, size), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
