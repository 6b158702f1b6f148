"""Sends COUNT requests one after another on one keep-alive connection to a local emulator, for
scripts/benchmark-instructions: PUTs of new resource groups or GETs of one, with a bearer token
from the emulator's token endpoint. Exits non-zero on any unexpected status.

    python3 sequential_requests.py PORT put|get COUNT
"""

import http.client
import json
import ssl
import sys
import uuid

SUBSCRIPTION = "fe000000-0000-4000-8000-000000000002"
API_VERSION = "2024-11-01"


def main() -> None:
    port, kind, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    # The token over TLS (the emulator's self-signed certificate), the load over plain HTTP.
    tls = http.client.HTTPSConnection("127.0.0.1", port, context=ssl._create_unverified_context(), timeout=300)
    tls.request("GET", "/_emulator/token")
    token = json.loads(tls.getresponse().read())["access_token"]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    body = '{"location":"eastus","tags":{"bench":"put"}}'
    run = uuid.uuid4().hex[:8]

    def send(method: str, name: str, expected: int) -> None:
        path = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{name}?api-version={API_VERSION}"
        connection.request(method, path, body if method == "PUT" else None, headers)
        response = connection.getresponse()
        response.read()
        if response.status != expected:
            sys.exit(f"sequential_requests: {method} {path} answered {response.status}, expected {expected}")

    if kind == "get":
        send("PUT", "bench-rg", 201)
    for index in range(count):
        if kind == "put":
            send("PUT", f"bench-{run}-{index}", 201)
        else:
            send("GET", "bench-rg", 200)


if __name__ == "__main__":
    main()
