"""The Foundry Agent Service of azure-ai-projects 2.x on a project endpoint: the official agent samples of
the pinned azure-ai-projects release, unmodified, and the routes they use, through the real clients.

The samples come from the published source distribution of the azure-ai-projects version installed in the
venv (`pip download --no-binary :all: --no-deps azure-ai-projects==<version>`, cached in
Tests/SDKConformance/.cache). They run as their own processes with the environment they read:
FOUNDRY_PROJECT_ENDPOINT, FOUNDRY_MODEL_NAME, FOUNDRY_AGENT_NAME, and `DefaultAzureCredential` finds the
emulator's managed identity through IDENTITY_ENDPOINT / IDENTITY_HEADER (the App Service protocol), which
holds "Azure AI User" on the project. azure-core trusts the certificate through REQUESTS_CA_BUNDLE, the
openai client through SSL_CERT_FILE.

Shapes and rules: docs/agents.md (routes, paging with `after`, status codes, stream framing, RBAC, limits).
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from conftest import CS_API, SDK_TRANSPORT_KWARGS, create_project_account
from emulator_support import (AZURE_AI_USER, COGNITIVE_SERVICES_OPENAI_USER, IDENTITY_HEADER, clean_env,
                              tls_context)

CHAT = "gpt-4o"
HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
AGENT_TYPE = "Microsoft.CognitiveServices/accounts/projects/agents"

SAMPLES = {
    "agents/sample_agent_basic.py": ["Agent created", "Response output: ", "Conversation deleted"],
    "agents/sample_agent_stream_events.py": ["Stream response created with ID: resp_", "Response completed", "Conversation deleted"],
    "agents/sample_agent_retrieve_basic.py": ["Retrieved conversation", "Response output: "],
    "agents/tools/sample_agent_function_tool.py": ["function_call_output", "Agent response: "],
    "responses/sample_responses_basic.py": ["Response output: "],
}


@pytest.fixture(scope="module")
def samples_dir() -> Path:
    """The `samples/` folder of the sdist of the installed azure-ai-projects, downloaded once."""
    from azure.ai.projects._version import VERSION

    root = CACHE / f"azure_ai_projects-{VERSION}"
    if not (root / "samples").is_dir():
        CACHE.mkdir(exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps", "--quiet",
                        "-d", str(CACHE), f"azure-ai-projects=={VERSION}"], check=True, timeout=300)
        import tarfile

        with tarfile.open(CACHE / f"azure_ai_projects-{VERSION}.tar.gz") as archive:
            archive.extractall(CACHE, filter="data")
    return root / "samples"


@pytest.fixture(scope="module")
def project_id(dataplane_account) -> str:
    return f"{dataplane_account.id}/projects/{dataplane_account.project}"


@pytest.fixture(scope="module")
def host_identity(http, assign_role, project_id):
    """The emulator's managed identity (what DefaultAzureCredential finds with IDENTITY_ENDPOINT), Azure AI User on the project."""
    principals = http.get("/_emulator/principals").json()
    identity = next(p for p in principals["value"] if p.get("displayName") == "foundry-emulator-host")
    assign_role(project_id, AZURE_AI_USER, identity["objectId"])
    return identity


@pytest.fixture
def openai_http(cert_path):
    import openai

    client = openai.DefaultHttpxClient(verify=tls_context(cert_path), timeout=60)
    yield client
    client.close()


@pytest.fixture
def user_headers(project_user) -> dict[str, str]:
    _, cred = project_user
    return {"Authorization": "Bearer " + cred.get_token("https://ai.azure.com/.default").token}


def call(method: str, url: str, headers: dict, cert_path: str, **kwargs) -> requests.Response:
    return requests.request(method, url, headers=headers, verify=cert_path, timeout=60, **kwargs)


def new_agent(client, model: str = CHAT, **definition):
    from azure.ai.projects.models import PromptAgentDefinition

    name = f"agent-{uuid.uuid4().hex[:8]}"
    version = client.agents.create_version(agent_name=name, definition=PromptAgentDefinition(model=model, **definition))
    return name, version


# -- the official samples, unmodified ------------------------------------------------------------

@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_official_sample_runs_unmodified(sample, samples_dir, dataplane_account, host_identity, emulator, http,
                                         project_id, auth_headers):
    agent_name = f"sample-{uuid.uuid4().hex[:8]}"
    env = clean_env({
        "FOUNDRY_PROJECT_ENDPOINT": dataplane_account.project_endpoint,
        "FOUNDRY_MODEL_NAME": CHAT,
        "FOUNDRY_AGENT_NAME": agent_name,
        "IDENTITY_ENDPOINT": f"{emulator.base_url}/msi/token",
        "IDENTITY_HEADER": IDENTITY_HEADER,
        "REQUESTS_CA_BUNDLE": emulator.cert_path,
        "SSL_CERT_FILE": emulator.cert_path,
    })
    script = samples_dir / sample
    result = subprocess.run([sys.executable, script.name], cwd=script.parent, env=env, capture_output=True, text=True,
                            timeout=240)
    assert result.returncode == 0, f"{sample} failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
    for expected in SAMPLES[sample]:
        assert expected in result.stdout, f"{sample}: {expected!r} not in\n{result.stdout[-3000:]}"
    # The samples clean up after themselves: their agent (force-deleted version) is gone.
    state = http.get("/_emulator/state").json()
    assert not [r for r in state["resources"] if r["id"].lower().endswith(f"/agents/{agent_name}".lower())]


# -- agents: CRUD, status codes, paging ----------------------------------------------------------

def test_agent_versions_crud_through_the_sdk(project_client):
    from azure.ai.projects.models import PromptAgentDefinition
    from azure.core.exceptions import ResourceNotFoundError

    name, first = new_agent(project_client, instructions="One.")
    assert (first.id, first.name, first.version, first.object) == (f"{name}:1", name, "1", "agent.version")
    assert first.definition.model == CHAT and first.definition.instructions == "One."
    second = project_client.agents.create_version(
        agent_name=name, definition=PromptAgentDefinition(model=CHAT, instructions="Two."), description="second",
        metadata={"k": "v"})
    assert second.version == "2" and second.description == "second" and second.metadata == {"k": "v"}

    agent = project_client.agents.get(agent_name=name)
    assert (agent.id, agent.name, agent.versions.latest.version) == (name, name, "2")
    assert agent.state == "enabled" and agent.agent_endpoint is None

    urls: list[str] = []
    versions = list(project_client.agents.list_versions(agent_name=name,
                                                        raw_request_hook=lambda r: urls.append(r.http_request.url)))
    assert [v.version for v in versions] == ["2", "1"], "newest first"
    # The SDK pages on last_id and asks once more with after=<last_id>: that page is empty and ends the listing.
    assert len(urls) == 2 and f"after={name}%3A1" in urls[1]
    assert name in [a.name for a in project_client.agents.list()]
    assert project_client.agents.get_version(agent_name=name, agent_version="1").definition.instructions == "One."

    deleted = project_client.agents.delete_version(agent_name=name, agent_version="1", force=True)
    assert (deleted.name, deleted.version, deleted.deleted) == (name, "1", True)
    with pytest.raises(ResourceNotFoundError):
        project_client.agents.get_version(agent_name=name, agent_version="1")
    third = project_client.agents.create_version(agent_name=name, definition=PromptAgentDefinition(model=CHAT))
    assert third.version == "3", "version numbers are never reused"
    gone = project_client.agents.delete(agent_name=name, force=False)
    assert gone.name == name and gone.deleted is True
    with pytest.raises(ResourceNotFoundError) as missing:
        project_client.agents.get(agent_name=name)
    assert missing.value.status_code == 404 and missing.value.error.code == "not_found"


def test_status_codes_shapes_and_paging_over_http(dataplane_account, user_headers, cert_path):
    ep = dataplane_account.project_endpoint
    name = f"raw-{uuid.uuid4().hex[:8]}"
    body = {"definition": {"kind": "prompt", "model": CHAT, "instructions": "Hi."}}
    created = [call("POST", f"{ep}/agents/{name}/versions?api-version=v1", user_headers, cert_path, json=body)
               for _ in range(3)]
    assert [r.status_code for r in created] == [200, 200, 200], "create answers 200, never 201"
    assert created[0].json()["created_at"] == int(created[0].json()["created_at"])

    page = call("GET", f"{ep}/agents/{name}/versions?api-version=v1&limit=2", user_headers, cert_path).json()
    assert [v["version"] for v in page["data"]] == ["3", "2"]
    assert (page["first_id"], page["last_id"], page["has_more"], page["object"]) == (f"{name}:3", f"{name}:2", True, "list")
    rest = call("GET", f"{ep}/agents/{name}/versions?api-version=v1&limit=2&after={name}:2", user_headers, cert_path).json()
    assert [v["version"] for v in rest["data"]] == ["1"] and rest["has_more"] is False
    end = call("GET", f"{ep}/agents/{name}/versions?api-version=v1&after={name}:1", user_headers, cert_path)
    assert end.status_code == 200 and end.json()["data"] == [] and end.json()["last_id"] is None
    ascending = call("GET", f"{ep}/agents/{name}/versions?api-version=v1&order=asc", user_headers, cert_path).json()
    assert [v["version"] for v in ascending["data"]] == ["1", "2", "3"]

    for query, param in [("limit=0", "limit"), ("limit=101", "limit"), ("order=up", "order")]:
        bad = call("GET", f"{ep}/agents?api-version=v1&{query}", user_headers, cert_path)
        assert bad.status_code == 400 and bad.json()["error"]["param"] == param
    bad_force = call("DELETE", f"{ep}/agents/{name}?api-version=v1&force=maybe", user_headers, cert_path)
    assert bad_force.status_code == 400 and bad_force.json()["error"]["param"] == "force"
    for definition, param in [({"kind": "prompt"}, "definition.model"),
                              ({"kind": "prompt", "model": "no-such-deployment"}, "definition.model"),
                              ({"kind": "prompt", "model": CHAT, "tools": [{"type": "function", "name": "bad name"}]},
                               "definition.tools[0].name"),
                              ({"kind": "prompt", "model": CHAT, "tools": [{"type": "function", "name": "f"}] * 129},
                               "definition.tools")]:
        refused = call("POST", f"{ep}/agents/{name}/versions?api-version=v1", user_headers, cert_path,
                       json={"definition": definition})
        assert refused.status_code == 400, refused.text
        error = refused.json()["error"]
        assert error["param"] == param and error["type"] == "invalid_request_error" and error["message"]
    hosted = call("POST", f"{ep}/agents/{name}/versions?api-version=v1", user_headers, cert_path,
                  json={"definition": {"kind": "hosted"}})
    assert hosted.status_code == 501 and hosted.json()["error"]["code"] == "not_implemented"
    bad_name = call("POST", f"{ep}/agents/-bad-/versions?api-version=v1", user_headers, cert_path, json=body)
    assert bad_name.status_code == 400

    # PATCH (merge-patch) sets the endpoint's version selection; a rule must name an existing version.
    endpoint = {"version_selector": {"version_selection_rules": [
        {"type": "FixedRatio", "agent_version": "2", "traffic_percentage": 100}]}, "protocol_configuration": {"responses": {}}}
    patched = call("PATCH", f"{ep}/agents/{name}?api-version=v1", {**user_headers, "Content-Type": "application/merge-patch+json"},
                   cert_path, data=json.dumps({"agent_endpoint": endpoint}))
    assert patched.status_code == 200 and patched.json()["agent_endpoint"] == endpoint
    wrong = call("PATCH", f"{ep}/agents/{name}?api-version=v1", user_headers, cert_path, json={"agent_endpoint": {
        "version_selector": {"version_selection_rules": [{"type": "FixedRatio", "agent_version": "9", "traffic_percentage": 100}]}}})
    assert wrong.status_code == 400
    # The agent endpoint answers with the selected version, not the latest.
    answer = call("POST", f"{ep}/agents/{name}/endpoint/protocols/openai/responses?api-version=v1", user_headers, cert_path,
                  json={"input": "Which version?"})
    assert answer.status_code == 200 and answer.json()["agent_reference"] == {"type": "agent_reference", "name": name, "version": "2"}

    disabled = call("POST", f"{ep}/agents/{name}:disable?api-version=v1", user_headers, cert_path)
    assert disabled.status_code == 204
    refused = call("POST", f"{ep}/agents/{name}/endpoint/protocols/openai/responses?api-version=v1", user_headers, cert_path,
                   json={"input": "Hello?"})
    assert refused.status_code == 403
    assert call("POST", f"{ep}/agents/{name}:enable?api-version=v1", user_headers, cert_path).status_code == 204
    deleted = call("DELETE", f"{ep}/agents/{name}?api-version=v1&force=true", user_headers, cert_path)
    assert deleted.status_code == 200 and deleted.json() == {"object": "agent.deleted", "name": name, "deleted": True}


# -- conversations, responses, streaming, tools ---------------------------------------------------

def test_conversations_and_items_through_openai(project_client, openai_http):
    import openai

    client = project_client.get_openai_client(http_client=openai_http, max_retries=0)
    conversation = client.conversations.create(items=[{"type": "message", "role": "user", "content": "First."}],
                                               metadata={"topic": "tests"})
    assert conversation.id.startswith("conv_") and conversation.metadata == {"topic": "tests"}
    added = client.conversations.items.create(conversation_id=conversation.id, items=[
        {"type": "message", "role": "user", "content": "Second."},
        {"type": "message", "role": "assistant", "content": "Third."}])
    assert [item.content[0].type for item in added.data] == ["input_text", "output_text"]
    # One item per page: the openai cursor page follows has_more/last_id to the end.
    items = list(client.conversations.items.list(conversation_id=conversation.id, limit=1, order="asc"))
    assert [item.content[0].text for item in items] == ["First.", "Second.", "Third."]
    one = client.conversations.items.retrieve(conversation_id=conversation.id, item_id=items[1].id)
    assert one.id == items[1].id
    after_delete = client.conversations.items.delete(conversation_id=conversation.id, item_id=items[1].id)
    assert after_delete.id == conversation.id
    assert len(list(client.conversations.items.list(conversation_id=conversation.id))) == 2
    updated = client.conversations.update(conversation_id=conversation.id, metadata={"topic": "changed"})
    assert updated.metadata == {"topic": "changed"}
    deleted = client.conversations.delete(conversation_id=conversation.id)
    assert deleted.deleted is True and deleted.id == conversation.id
    with pytest.raises(openai.NotFoundError):
        client.conversations.retrieve(conversation_id=conversation.id)
    with pytest.raises(openai.BadRequestError):
        client.conversations.create(items=[{"type": "message", "role": "user", "content": "x"}] * 21)


def test_responses_with_agent_reference_conversation_and_chain(project_client, openai_http):
    import openai

    name, version = new_agent(project_client, instructions="Answer briefly.")
    client = project_client.get_openai_client(http_client=openai_http, max_retries=0)
    conversation = client.conversations.create(items=[{"type": "message", "role": "user", "content": "Hello agent."}])
    response = client.responses.create(conversation=conversation.id,
                                       extra_body={"agent_reference": {"type": "agent_reference", "name": name}})
    assert response.status == "completed" and response.output_text
    assert response.instructions == "Answer briefly." and response.model == CHAT
    raw = response.model_dump()
    assert raw["agent_reference"] == {"type": "agent_reference", "name": name, "version": "1"}
    assert raw["conversation"] == {"id": conversation.id}
    assert raw["output"][0]["agent_reference"]["name"] == name and raw["output"][0]["response_id"] == response.id
    # The input and the output were appended to the conversation.
    items = list(client.conversations.items.list(conversation_id=conversation.id, order="asc"))
    assert [item.role for item in items] == ["user", "assistant"]
    assert items[1].id == response.output[0].id

    # The older `agent` field and an explicit version; a previous_response_id chain; stored responses.
    first = client.responses.create(input="Remember the word kiwi.", extra_body={"agent": {"name": name, "version": "1"}})
    second = client.responses.create(input="Which word?", previous_response_id=first.id,
                                     extra_body={"agent_reference": {"type": "agent_reference", "name": name}})
    assert second.previous_response_id == first.id
    assert second.usage.input_tokens > first.usage.input_tokens, "the chain's history reached the model"
    assert client.responses.retrieve(second.id).id == second.id
    inputs = list(client.responses.input_items.list(first.id))
    assert [item.content[0].text for item in inputs] == ["Remember the word kiwi."]
    client.responses.delete(second.id)
    with pytest.raises(openai.NotFoundError):
        client.responses.retrieve(second.id)
    with pytest.raises(openai.BadRequestError):
        client.responses.create(input="x", conversation=conversation.id, previous_response_id=first.id,
                                extra_body={"agent_reference": {"type": "agent_reference", "name": name}})
    with pytest.raises(openai.NotFoundError):
        client.responses.create(input="x", extra_body={"agent_reference": {"type": "agent_reference", "name": "nobody"}})
    # A plain model on the project's /openai/v1 works too, and is stored in the project.
    plain = client.responses.create(model=CHAT, input="No agent.")
    assert plain.output_text and client.responses.retrieve(plain.id).id == plain.id


def test_stream_framing_on_the_agent_endpoint(project_client, dataplane_account, user_headers, cert_path, openai_http):
    name, _ = new_agent(project_client, instructions="Stream.")
    url = f"{dataplane_account.project_endpoint}/agents/{name}/endpoint/protocols/openai/responses?api-version=v1"
    # `stream` is decided by the body; the SDK sends Accept: application/json.
    with requests.post(url, headers={**user_headers, "Accept": "application/json"}, json={"input": "Tell me.", "stream": True},
                       verify=cert_path, stream=True, timeout=60) as raw:
        assert raw.status_code == 200
        assert raw.headers["Content-Type"].startswith("text/event-stream")
        text = raw.content.decode()
    assert "\r" not in text and "[DONE]" not in text
    events = [block for block in text.split("\n\n") if block]
    types, numbers = [], []
    for block in events:
        lines = block.split("\n")
        assert lines[0].startswith("event: ") and lines[1].startswith("data: ") and len(lines) == 2
        data = json.loads(lines[1][len("data: "):])
        assert data["type"] == lines[0][len("event: "):]
        types.append(data["type"])
        numbers.append(data["sequence_number"])
    assert numbers == list(range(len(events)))
    assert types[:4] == ["response.created", "response.in_progress", "response.output_item.added", "response.content_part.added"]
    assert "response.output_text.delta" in types
    assert types[-4:] == ["response.output_text.done", "response.content_part.done", "response.output_item.done",
                          "response.completed"]
    final = json.loads(events[-1].split("\n")[1][len("data: "):])["response"]
    assert final["agent_reference"]["name"] == name

    # The openai client parses the same stream, and the streamed response is stored.
    client = project_client.get_openai_client(agent_name=name, http_client=openai_http, max_retries=0)
    deltas, completed = [], None
    with client.responses.create(input="Tell me again.", stream=True) as stream:
        for event in stream:
            if event.type == "response.output_text.delta":
                deltas.append(event.delta)
            if event.type == "response.completed":
                completed = event.response
    assert completed is not None and "".join(deltas) == completed.output_text
    assert client.responses.retrieve(completed.id).output_text == completed.output_text


def test_function_call_round_trip_driven_by_a_scripted_rule(project_client, openai_http, dataplane_rules):
    from azure.ai.projects.models import FunctionTool

    tool = FunctionTool(name="lookup_order", parameters={"type": "object", "properties": {"id": {"type": "string"}}},
                        description="Look up an order.", strict=True)
    name, _ = new_agent(project_client, instructions="Use tools.", tools=[tool])
    dataplane_rules.add({"deployment": CHAT, "match": "order 42", "times": 1,
                         "reply": {"toolCalls": [{"name": "lookup_order", "arguments": {"id": "42"}}]}})
    client = project_client.get_openai_client(agent_name=name, http_client=openai_http, max_retries=0)
    first = client.responses.create(input="Where is order 42?")
    calls = [item for item in first.output if item.type == "function_call"]
    assert len(calls) == 1 and calls[0].name == "lookup_order" and json.loads(calls[0].arguments) == {"id": "42"}
    assert first.output_text == ""
    second = client.responses.create(previous_response_id=first.id, input=[
        {"type": "function_call_output", "call_id": calls[0].call_id, "output": json.dumps({"status": "shipped"})}])
    assert second.output[0].type == "message" and second.output_text


def test_tool_kinds_not_served_yet_answer_501(project_client, dataplane_account, user_headers, cert_path):
    from azure.ai.projects.models import CodeInterpreterTool

    name, version = new_agent(project_client, tools=[CodeInterpreterTool()])
    assert version.definition.tools[0].type == "code_interpreter", "stored as sent"
    answer = call("POST", f"{dataplane_account.project_endpoint}/agents/{name}/endpoint/protocols/openai/responses?api-version=v1",
                  user_headers, cert_path, json={"input": "Compute."})
    assert answer.status_code == 501
    error = answer.json()["error"]
    assert error["code"] == "not_implemented" and "code_interpreter" in error["message"]


def test_agent_runs_count_against_the_deployment_rate_limit(make_dataplane_account, cert_path):
    # An account of its own (the session account's deployments serve other modules' tests): "tiny" has
    # capacity 1, one request per 10 s. The account key works on the project endpoint too.
    account = make_dataplane_account({"tiny": ("gpt-4o", "2024-11-20", "Standard", 1)}, project="limited")
    key = {"api-key": account.key1}
    created = call("POST", f"{account.project_endpoint}/agents/slow/versions?api-version=v1", key, cert_path,
                   json={"definition": {"kind": "prompt", "model": "tiny"}})
    assert created.status_code == 200, created.text
    url = f"{account.project_endpoint}/agents/slow/endpoint/protocols/openai/responses?api-version=v1"
    answers = [call("POST", url, key, cert_path, json={"input": "Hi"}) for _ in range(3)]
    assert answers[0].status_code == 200 and 429 in [a.status_code for a in answers[1:]]
    throttled = next(a for a in answers if a.status_code == 429)
    assert int(throttled.headers["retry-after"]) >= 1 and "Responses_Create" in throttled.json()["error"]["message"]


# -- who may call ---------------------------------------------------------------------------------

def test_roles_on_the_agent_routes(projects, dataplane_account, project_id, data_principal, assign_role, http, cert_path):
    ep = dataplane_account.project_endpoint
    # The operator is Owner of the subscription: no data actions, the agent service's 401.
    owner = http.get("/_emulator/token?resource=https://ai.azure.com").json()["access_token"]
    denied = call("GET", f"{ep}/agents?api-version=v1", {"Authorization": f"Bearer {owner}"}, cert_path)
    assert denied.status_code == 401
    error = denied.json()["error"]
    assert error["code"] == "PermissionDenied"
    assert "lacks the required data action `Microsoft.CognitiveServices/accounts/AIServices/agents/read`" in error["message"]
    assert "`GET /api/projects/{projectName}/agents`" in error["message"]

    principal, cred = data_principal
    headers = {"Authorization": "Bearer " + cred.get_token("https://ai.azure.com/.default").token}
    # Cognitive Services OpenAI User holds OpenAI/* data actions only: not the agent service's.
    assign_role(dataplane_account.id, COGNITIVE_SERVICES_OPENAI_USER, principal["objectId"])
    assert call("GET", f"{ep}/agents?api-version=v1", headers, cert_path).status_code == 401
    # Azure AI User on the account (the project's parent) is enough.
    assign_role(dataplane_account.id, AZURE_AI_USER, principal["objectId"])
    listed = call("GET", f"{ep}/agents?api-version=v1", headers, cert_path)
    assert listed.status_code == 200 and listed.json()["object"] == "list"
    with projects.AIProjectClient(endpoint=ep, credential=cred, connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as client:
        name, _ = new_agent(client)
        assert client.agents.get(agent_name=name).name == name


# -- project state --------------------------------------------------------------------------------

def test_agent_state_is_project_state(projects, make_dataplane_account, http, auth_headers, cert_path, assign_role,
                                      data_principal):
    account = make_dataplane_account({CHAT: ("gpt-4o", "2024-11-20", "Standard", 10)}, project="stateproj")
    principal, cred = data_principal
    assign_role(account.id, AZURE_AI_USER, principal["objectId"])
    headers = {"Authorization": "Bearer " + cred.get_token("https://ai.azure.com/.default").token}
    ep = account.project_endpoint
    assert call("POST", f"{ep}/agents/kept/versions?api-version=v1", headers, cert_path,
                json={"definition": {"kind": "prompt", "model": CHAT}}).status_code == 200
    conversation = call("POST", f"{ep}/openai/v1/conversations", headers, cert_path,
                        json={"items": [{"type": "message", "role": "user", "content": "hi"}]}).json()
    response = call("POST", f"{ep}/openai/v1/responses", headers, cert_path,
                    json={"conversation": conversation["id"], "agent_reference": {"type": "agent_reference", "name": "kept"}}).json()
    project = f"{account.id}/projects/stateproj"

    # In /_emulator/state, below the project.
    ids = {r["id"].lower() for r in http.get("/_emulator/state").json()["resources"]}
    for suffix in ["/agents/kept", "/agents/kept/versions/1", f"/conversations/{conversation['id']}", f"/responses/{response['id']}"]:
        assert (project + suffix).lower() in ids, suffix
    # Never in ARM's listings, nor behind ARM routes.
    listed = http.get(f"/subscriptions/{account.id.split('/')[2]}/resourceGroups/{account.group}/resources?api-version=2024-11-01",
                      headers=auth_headers).json()["value"]
    assert listed and {r["type"] for r in listed} == {"Microsoft.CognitiveServices/accounts"}
    assert http.get(f"{project}/agents/kept?{CS_API}", headers=auth_headers).status_code in (400, 404)

    # Deleting the project deletes its agents, conversations and responses.
    assert http.delete(f"{project}?{CS_API}", headers=auth_headers).status_code in (200, 202, 204)
    from emulator_support import wait_until

    wait_until(lambda: not [r for r in http.get("/_emulator/state").json()["resources"]
                            if r["id"].lower().startswith(project.lower())], timeout=60, message="the project's objects gone")


def test_agent_state_survives_a_kill_and_reset_clears_it(own_emulator):
    first = own_emulator()
    http = first.http()
    _, key1 = create_project_account(first, "durableagents", CHAT)
    key = {"api-key": key1}
    ep = "/dataplane/durableagents.services.ai.azure.com/api/projects/p1"
    assert http.post(f"{ep}/agents/kept/versions?api-version=v1", headers=key,
                     json={"definition": {"kind": "prompt", "model": CHAT}}).status_code == 200
    conversation = http.post(f"{ep}/openai/v1/conversations", headers=key,
                             json={"items": [{"type": "message", "role": "user", "content": "remember me"}]}).json()
    response = http.post(f"{ep}/openai/v1/responses", headers=key, json={
        "conversation": conversation["id"], "agent_reference": {"type": "agent_reference", "name": "kept"}}).json()
    # When the process is killed without a chance to flush
    first.process.kill()
    first.process.wait(timeout=30)
    second = own_emulator()
    # Then the agent, the conversation with both items and the stored response are back
    http = second.http()
    assert http.get(f"{ep}/agents/kept?api-version=v1", headers=key).json()["versions"]["latest"]["version"] == "1"
    items = http.get(f"{ep}/openai/v1/conversations/{conversation['id']}/items?order=asc", headers=key).json()["data"]
    assert [item["role"] for item in items] == ["user", "assistant"]
    assert http.get(f"{ep}/openai/v1/responses/{response['id']}", headers=key).json()["id"] == response["id"]
    # And reset clears them with everything else
    assert http.post("/_emulator/reset").status_code in (200, 204)
    state = http.get("/_emulator/state").json()
    assert not [r for r in state["resources"] if "/projects/p1/" in r["id"]]
