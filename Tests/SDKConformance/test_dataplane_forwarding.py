"""The data plane forwarding to a real OpenAI-compatible server, with the real `openai` client.

A second emulator process runs with `--model-backend http://127.0.0.1:{port}/v1 --model-map
gpt-4o=tiny-model` against the standard-library test server the Swift suites use
(Tests/DataPlaneTests/Fixtures/openai_compatible_server.py). `AzureOpenAI` chats (plain and
streamed) and embeds through `/dataplane/...`: the backend sees the mapped model, the client sees
the deployment's model, and a backend that is gone is a 502 (openai.InternalServerError).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from emulator_support import AOAI_API_VERSION, SUBSCRIPTION_ID, Emulator, emulator_binary, tls_context

FIXTURE = Path(__file__).resolve().parent.parent / "DataPlaneTests" / "Fixtures" / "openai_compatible_server.py"
CS = "?api-version=2025-06-01"


class Backend:
    """The fixture server as a process; prints `PORT n` once it listens."""

    def __init__(self):
        self.process = subprocess.Popen([sys.executable, "-u", str(FIXTURE)], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        line = self.process.stdout.readline().decode()
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError(f"the fixture server printed {line!r}")
        self.port = int(line.split()[1])
        self.base_url = f"http://127.0.0.1:{self.port}/v1"

    def last_request(self) -> dict:
        return requests.get(f"http://127.0.0.1:{self.port}/_last", timeout=10).json()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def backend():
    server = Backend()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def forwarding_emulator(tmp_path_factory, backend):
    """An emulator whose deployments are answered by the backend."""
    instance = Emulator(binary=emulator_binary(), work_dir=tmp_path_factory.mktemp("forwarding-emulator"))
    instance.start(("--model-backend", backend.base_url, "--model-map", "gpt-4o=tiny-model"))
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def forwarded_account(forwarding_emulator):
    """(openai endpoint, key1) of an account with a gpt-4o and an embeddings deployment, made through ARM."""
    http = forwarding_emulator.http()
    auth = {"Authorization": "Bearer " + http.get("/_emulator/token").json()["access_token"]}
    name = "fwd" + uuid.uuid4().hex[:10]
    group = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/rg-{name}"
    assert http.put(group + "?api-version=2024-11-01", json={"location": "eastus"}, headers=auth).status_code in (200, 201)
    account = f"{group}/providers/Microsoft.CognitiveServices/accounts/{name}"
    created = http.put(account + CS, headers=auth, json={"location": "eastus", "kind": "AIServices", "sku": {"name": "S0"},
                                                         "properties": {"customSubDomainName": name}})
    assert created.status_code in (200, 201), created.text
    for deployment, model, version in [("gpt-4o", "gpt-4o", "2024-11-20"), ("embed", "text-embedding-3-small", "1")]:
        body = {"sku": {"name": "GlobalStandard", "capacity": 50},
                "properties": {"model": {"format": "OpenAI", "name": model, "version": version}}}
        reply = http.put(f"{account}/deployments/{deployment}{CS}", headers=auth, json=body)
        assert reply.status_code in (200, 201), reply.text
    keys = http.post(f"{account}/listKeys{CS}", headers=auth).json()
    return f"{forwarding_emulator.base_url}/dataplane/{name}.openai.azure.com/", keys["key1"]


@pytest.fixture(scope="module")
def client(forwarding_emulator, forwarded_account):
    import openai

    endpoint, key = forwarded_account
    http_client = openai.DefaultHttpxClient(verify=tls_context(forwarding_emulator.cert_path), timeout=60)
    yield openai.AzureOpenAI(azure_endpoint=endpoint, api_key=key, api_version=AOAI_API_VERSION, http_client=http_client,
                             max_retries=0)
    http_client.close()


def test_a_chat_is_answered_by_the_backend_for_the_mapped_model(client, backend):
    completion = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hello, backend"}])
    assert completion.choices[0].message.content == "Hello from the fixture."
    assert completion.model == "gpt-4o"
    seen = backend.last_request()
    assert seen["route"] == "/v1/chat/completions"
    assert seen["body"]["model"] == "tiny-model"


def test_a_streamed_chat_passes_through(client, backend):
    stream = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Stream, backend"}],
                                            stream=True)
    chunks = list(stream)
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks if chunk.choices)
    assert text == "Hello!"
    assert all(chunk.model == "gpt-4o" for chunk in chunks if chunk.model)
    assert backend.last_request()["body"]["model"] == "tiny-model"


def test_base64_embeddings_are_encoded_by_the_emulator(client, backend):
    # openai-python asks for base64 and decodes it itself (numpy or struct) into floats.
    embedding = client.embeddings.create(model="embed", input="some text")
    assert embedding.data[0].embedding == pytest.approx([0.5, -1.25, 3.0, 0.1])
    assert backend.last_request()["route"] == "/v1/embeddings"


def test_an_agent_is_answered_by_the_backend_with_its_instructions_and_conversation(forwarding_emulator, backend):
    # Given a Foundry project whose agent runs on the forwarded gpt-4o deployment, and a conversation
    http = forwarding_emulator.http()
    auth = {"Authorization": "Bearer " + http.get("/_emulator/token").json()["access_token"]}
    name = "fwa" + uuid.uuid4().hex[:10]
    group = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/rg-{name}"
    assert http.put(group + "?api-version=2024-11-01", json={"location": "eastus"}, headers=auth).status_code in (200, 201)
    account = f"{group}/providers/Microsoft.CognitiveServices/accounts/{name}"
    for path, body in [
        (account, {"location": "eastus", "kind": "AIServices", "sku": {"name": "S0"}, "identity": {"type": "SystemAssigned"},
                   "properties": {"customSubDomainName": name, "allowProjectManagement": True}}),
        # Standard: the module's other account holds the whole GlobalStandard gpt-4o quota of this emulator.
        (f"{account}/deployments/gpt-4o", {"sku": {"name": "Standard", "capacity": 10}, "properties": {
            "model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}}}),
        (f"{account}/projects/p1", {"location": "eastus", "identity": {"type": "SystemAssigned"}, "properties": {}}),
    ]:
        reply = http.put(path + CS, headers=auth, json=body)
        assert reply.status_code in (200, 201), reply.text
    key = {"api-key": http.post(f"{account}/listKeys{CS}", headers=auth).json()["key1"]}
    ep = f"/dataplane/{name}.services.ai.azure.com/api/projects/p1"
    assert http.post(f"{ep}/agents/fwd/versions?api-version=v1", headers=key, json={"definition": {
        "kind": "prompt", "model": "gpt-4o", "instructions": "Answer as the fixture."}}).status_code == 200
    conversation = http.post(f"{ep}/openai/v1/conversations", headers=key,
                             json={"items": [{"type": "message", "role": "user", "content": "Earlier question"}]}).json()
    # When the agent answers in the conversation
    answer = http.post(f"{ep}/agents/fwd/endpoint/protocols/openai/responses?api-version=v1", headers=key,
                       json={"conversation": conversation["id"], "input": "New question"})
    # Then the backend got the mapped model, the agent's instructions and the conversation as plain input items
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["output"][0]["content"][0]["text"] == "Hi." and body["model"] == "gpt-4o"
    assert body["agent_reference"]["name"] == "fwd" and body["conversation"] == {"id": conversation["id"]}
    seen = backend.last_request()["body"]
    assert seen["model"] == "tiny-model" and seen["instructions"] == "Answer as the fixture."
    assert "agent_reference" not in seen and "conversation" not in seen
    texts = [item["content"] if isinstance(item["content"], str) else item["content"][0]["text"] for item in seen["input"]]
    assert texts == ["Earlier question", "New question"]
    # And the answer was appended to the conversation
    items = http.get(f"{ep}/openai/v1/conversations/{conversation['id']}/items?order=asc", headers=key).json()["data"]
    assert [item["role"] for item in items] == ["user", "user", "assistant"]


def test_a_backend_that_is_gone_is_a_502(client, backend):
    import openai

    backend.stop()
    with pytest.raises(openai.InternalServerError) as raised:
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Anyone?"}])
    assert raised.value.status_code == 502
