"""Assistants-style agents on the Foundry project endpoint through the real, unmodified azure-ai-agents 1.x
(pinned in requirements.txt): assistants, threads, messages, runs with their background lifecycle, function
tool round trips, cancellation, run steps, cursor paging, streaming framing, RBAC and project state.

Client behaviour: Azure/azure-sdk-for-python `sdk/ai/azure-ai-agents` (every operation accepts only 200;
`messages.list` pages on `last_id` until an empty page; the stream parser needs an `event:` line per event and
splits on LF LF). Roles: "Azure AI User" holds `Microsoft.CognitiveServices/*` data actions, Owner none
(learn.microsoft.com, Azure built-in roles).
"""

from __future__ import annotations

import json
import uuid

import pytest
import requests

from conftest import CS_API, SDK_TRANSPORT_KWARGS, SUBSCRIPTION_ID, create_project_account
from emulator_support import AZURE_AI_USER, wait_until

CHAT = "gpt-4o"
OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
AGENTS_SCOPE = "https://ai.azure.com/.default"
TERMINAL = {"completed", "failed", "cancelled", "expired"}


@pytest.fixture(scope="module")
def agents_account(make_dataplane_account):
    """An account of its own: a chat deployment, and one with capacity 1 (1 request per 10 s) for throttling."""
    return make_dataplane_account({
        CHAT: ("gpt-4o", "2024-11-20", "DataZoneStandard", 30),
        "tiny": ("gpt-4o", "2024-11-20", "Standard", 1),
    }, project="agents")


@pytest.fixture(scope="module")
def agents_user(agents_account, http, emulator, assign_role):
    """A principal with "Azure AI User" on the project, and its credential."""
    from azure.identity import ClientSecretCredential

    from emulator_support import TENANT_ID

    response = http.post("/_emulator/principals", json={"displayName": f"agents-{uuid.uuid4().hex[:6]}"})
    assert response.status_code == 201, response.text
    principal = response.json()
    assign_role(f"{agents_account.id}/projects/{agents_account.project}", AZURE_AI_USER, principal["objectId"])
    cred = ClientSecretCredential(TENANT_ID, principal["clientId"], principal["clientSecret"], authority=emulator.base_url,
                                  disable_instance_discovery=True, connection_verify=emulator.cert_path,
                                  **SDK_TRANSPORT_KWARGS)
    yield principal, cred
    cred.close()


@pytest.fixture
def client(agents_account, agents_user, cert_path):
    from azure.ai.agents import AgentsClient

    _, cred = agents_user
    with AgentsClient(endpoint=agents_account.project_endpoint, credential=cred, connection_verify=cert_path,
                      **SDK_TRANSPORT_KWARGS) as agents_client:
        yield agents_client


class Raw:
    """Plain HTTP on the project endpoint with the user's ai.azure.com token, for status codes and framing."""

    def __init__(self, endpoint: str, token: str, cert_path: str):
        self.endpoint, self.token, self.cert_path = endpoint, token, cert_path

    def call(self, method: str, path: str, body=None, params=None, stream=False) -> requests.Response:
        query = {"api-version": "v1", **(params or {})}
        return requests.request(method, self.endpoint + path, params=query, json=body, stream=stream, timeout=60,
                                verify=self.cert_path, headers={"Authorization": f"Bearer {self.token}"})


@pytest.fixture
def raw(agents_account, agents_user, cert_path):
    _, cred = agents_user
    return Raw(agents_account.project_endpoint, cred.get_token(AGENTS_SCOPE).token, cert_path)


def sse_events(response: requests.Response) -> list[tuple[str, str]]:
    """(event, data) pairs, asserting the framing azure-ai-agents needs: LF only, an event line and one data line."""
    body = response.content
    assert b"\r" not in body, "the SDK splits events on LF LF: no CR"
    assert body.endswith(b"\n\n")
    events = []
    for block in body.decode().split("\n\n")[:-1]:
        lines = block.split("\n")
        assert len(lines) == 2 and lines[0].startswith("event: ") and lines[1].startswith("data: "), block
        events.append((lines[0][len("event: "):], lines[1][len("data: "):]))
    return events


def value(member) -> str:
    """An SDK enum member's wire value (they are str enums), or the string itself."""
    return getattr(member, "value", member)


def wait_for_run(raw: Raw, thread_id: str, run_id: str, statuses=TERMINAL | {"requires_action"}) -> dict:
    def settled():
        run = raw.call("GET", f"/threads/{thread_id}/runs/{run_id}").json()
        return run if run["status"] in statuses else None

    return wait_until(settled, timeout=60, interval=0.2, message=f"run {run_id} in {sorted(statuses)}")


def test_agent_thread_message_run_and_reply(client):
    from azure.ai.agents.models import ListSortOrder, MessageRole, RunStepType

    agent = client.create_agent(model=CHAT, name="helper", instructions="You are a helpful agent.")
    assert agent.id.startswith("asst_") and agent.model == CHAT and agent.name == "helper"
    assert agent.instructions == "You are a helpful agent." and agent.tools == []
    thread = client.threads.create()
    assert thread.id.startswith("thread_")
    message = client.messages.create(thread_id=thread.id, role="user", content="Hello, tell me a joke")
    assert message.id.startswith("msg_") and message.text_messages[0].text.value == "Hello, tell me a joke"

    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.2)
    assert run.status == "completed", run.last_error
    assert run.id.startswith("run_") and run.agent_id == agent.id and run.thread_id == thread.id and run.model == CHAT
    assert run.usage.prompt_tokens > 0 and run.usage.completion_tokens > 0
    assert run.usage.total_tokens == run.usage.prompt_tokens + run.usage.completion_tokens
    assert run.started_at and run.completed_at and run.last_error is None

    messages = list(client.messages.list(thread_id=thread.id, order=ListSortOrder.ASCENDING))
    assert [m.role for m in messages] == [MessageRole.USER, MessageRole.AGENT]
    reply = messages[1]
    assert reply.run_id == run.id and reply.agent_id == agent.id and reply.status == "completed"
    assert reply.text_messages and reply.text_messages[0].text.value
    assert client.messages.get_last_message_text_by_role(thread_id=thread.id, role=MessageRole.AGENT).text.value

    steps = list(client.run_steps.list(thread_id=thread.id, run_id=run.id))
    assert len(steps) == 1 and steps[0].type == RunStepType.MESSAGE_CREATION and steps[0].status == "completed"
    assert steps[0].step_details.message_creation.message_id == reply.id
    assert client.run_steps.get(thread_id=thread.id, run_id=run.id, step_id=steps[0].id).id == steps[0].id
    assert steps[0].usage.total_tokens > 0

    assert client.get_agent(agent.id).name == "helper"
    updated = client.update_agent(agent.id, instructions="Be brief.", metadata={"team": "qa"})
    assert updated.instructions == "Be brief." and updated.metadata == {"team": "qa"} and updated.name == "helper"
    assert agent.id in [a.id for a in client.list_agents()]
    client.delete_agent(agent.id)
    from azure.core.exceptions import ResourceNotFoundError

    with pytest.raises(ResourceNotFoundError):
        client.get_agent(agent.id)


def test_run_answers_queued_then_progresses_in_the_background(raw):
    agent = raw.call("POST", "/assistants", {"model": CHAT, "instructions": "Answer."}).json()
    thread = raw.call("POST", "/threads", {"messages": [{"role": "user", "content": "Background please"}]}).json()
    created = raw.call("POST", f"/threads/{thread['id']}/runs", {"assistant_id": agent["id"]})
    assert created.status_code == 200, created.text
    run = created.json()
    assert run["status"] == "queued" and run["object"] == "thread.run" and run["usage"] is None
    assert run["expires_at"] == run["created_at"] + 600
    assert run["truncation_strategy"] == {"type": "auto", "last_messages": None} and run["tool_choice"] == "auto"
    done = wait_for_run(raw, thread["id"], run["id"])
    assert done["status"] == "completed" and done["usage"]["total_tokens"] > 0
    listed = raw.call("GET", f"/threads/{thread['id']}/runs").json()
    assert [r["id"] for r in listed["data"]] == [run["id"]]
    # The finished run no longer holds the thread; a message and a second run are accepted.
    assert raw.call("POST", f"/threads/{thread['id']}/messages", {"role": "user", "content": "again"}).status_code == 200
    assert raw.call("POST", f"/threads/{thread['id']}/runs", {"assistant_id": agent["id"]}).status_code == 200


def test_create_thread_and_process_run(client):
    from azure.ai.agents.models import AgentThreadCreationOptions, ThreadMessageOptions

    agent = client.create_agent(model=CHAT, name="one-shot", instructions="Answer.")
    run = client.create_thread_and_process_run(
        agent_id=agent.id, polling_interval=0.2,
        thread=AgentThreadCreationOptions(messages=[ThreadMessageOptions(role="user", content="Hi there")]))
    assert run.status == "completed" and run.thread_id.startswith("thread_")
    texts = [m.text_messages[0].text.value for m in client.messages.list(thread_id=run.thread_id) if m.text_messages]
    assert len(texts) == 2 and texts[1] == "Hi there", "newest first by default"


def test_message_paging_ends_with_an_empty_page(raw, client):
    thread = raw.call("POST", "/threads").json()
    ids = [raw.call("POST", f"/threads/{thread['id']}/messages", {"role": "user", "content": f"m{i}"}).json()["id"]
           for i in range(5)]
    page = raw.call("GET", f"/threads/{thread['id']}/messages", params={"limit": "2"}).json()
    assert page["object"] == "list" and page["has_more"] is True
    assert [m["id"] for m in page["data"]] == [ids[4], ids[3]], "desc by default"
    assert page["first_id"] == ids[4] and page["last_id"] == ids[3]
    asc = raw.call("GET", f"/threads/{thread['id']}/messages", params={"order": "asc", "after": ids[1], "limit": "2"}).json()
    assert [m["id"] for m in asc["data"]] == [ids[2], ids[3]] and asc["has_more"] is True
    end = raw.call("GET", f"/threads/{thread['id']}/messages", params={"order": "asc", "after": ids[4]}).json()
    assert end == {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}
    before = raw.call("GET", f"/threads/{thread['id']}/messages", params={"order": "asc", "before": ids[2]}).json()
    assert [m["id"] for m in before["data"]] == [ids[0], ids[1]]
    bad = raw.call("GET", f"/threads/{thread['id']}/messages", params={"limit": "101"})
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "limit"

    urls = []
    listed = list(client.messages.list(thread_id=thread["id"], order="asc", limit=2,
                                       raw_request_hook=lambda r: urls.append(r.http_request.url)))
    assert [m.id for m in listed] == ids
    assert "after=" in urls[-1], "the SDK's last request asks past the end and gets the empty page"


def test_function_tool_round_trip_by_a_scripted_rule(client, dataplane_rules):
    from azure.ai.agents.models import FunctionTool, RequiredFunctionToolCall, RunStepType, ToolOutput

    def get_weather(city: str) -> str:
        """Gets the weather of a city.

        :param city: The city.
        """
        return json.dumps({"city": city, "forecast": "sunny"})

    functions = FunctionTool({get_weather})
    dataplane_rules.add({"match": "weather-by-rule", "times": 1,
                         "reply": {"toolCalls": [{"name": "get_weather", "arguments": {"city": "Oslo"}}]}})
    agent = client.create_agent(model=CHAT, name="weather", instructions="Use tools.", tools=functions.definitions)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="weather-by-rule in Oslo?")
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    run = wait_until(lambda: (r := client.runs.get(thread_id=thread.id, run_id=run.id)).status not in ("queued", "in_progress")
                     and r, timeout=60, interval=0.2, message="requires_action")
    assert run.status == "requires_action"
    calls = run.required_action.submit_tool_outputs.tool_calls
    assert len(calls) == 1 and isinstance(calls[0], RequiredFunctionToolCall)
    assert calls[0].function.name == "get_weather" and json.loads(calls[0].function.arguments) == {"city": "Oslo"}

    from azure.core.exceptions import HttpResponseError

    with pytest.raises(HttpResponseError) as wrong:
        client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id,
                                        tool_outputs=[ToolOutput(tool_call_id="call_unknown", output="x")])
    assert wrong.value.status_code == 400

    output = functions.execute(calls[0])
    submitted = client.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id,
                                                tool_outputs=[ToolOutput(tool_call_id=calls[0].id, output=output)])
    assert submitted.status in ("queued", "in_progress", "completed") and submitted.required_action is None
    run = wait_until(lambda: (r := client.runs.get(thread_id=thread.id, run_id=run.id)).status in TERMINAL and r,
                     timeout=60, interval=0.2, message="completed")
    assert run.status == "completed", run.last_error
    steps = list(client.run_steps.list(thread_id=thread.id, run_id=run.id, order="asc"))
    assert [s.type for s in steps] == [RunStepType.TOOL_CALLS, RunStepType.MESSAGE_CREATION]
    tool_call = steps[0].step_details.tool_calls[0]
    assert tool_call.id == calls[0].id and tool_call.function["output"] == output and steps[0].status == "completed"
    reply = client.messages.get_last_message_text_by_role(thread_id=thread.id, role="assistant").text.value
    assert "sunny" in reply, "the built-in model answers with the tool's output"


def test_create_and_process_runs_local_functions_automatically(client, dataplane_rules):
    from azure.ai.agents.models import FunctionTool, ToolSet

    seen = []

    def lookup_code(name: str) -> str:
        """Looks up a code.

        :param name: The name.
        """
        seen.append(name)
        return "code-4711"

    toolset = ToolSet()
    toolset.add(FunctionTool({lookup_code}))
    client.enable_auto_function_calls(toolset)
    dataplane_rules.add({"match": "auto-call-rule", "times": 1,
                         "reply": {"toolCalls": [{"name": "lookup_code", "arguments": {"name": "alpha"}}]}})
    agent = client.create_agent(model=CHAT, name="auto", instructions="Use tools.", toolset=toolset)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="auto-call-rule alpha")
    run = client.runs.create_and_process(thread_id=thread.id, agent_id=agent.id, polling_interval=0.2)
    assert run.status == "completed" and seen == ["alpha"]
    assert "code-4711" in client.messages.get_last_message_text_by_role(thread_id=thread.id, role="assistant").text.value


def test_cancel_a_run_in_progress(raw, dataplane_rules):
    dataplane_rules.add({"match": "slow-cancel-rule", "times": 1, "latencyMs": 60000})
    agent = raw.call("POST", "/assistants", {"model": CHAT}).json()
    thread = raw.call("POST", "/threads", {"messages": [{"role": "user", "content": "slow-cancel-rule"}]}).json()
    run = raw.call("POST", f"/threads/{thread['id']}/runs", {"assistant_id": agent["id"]}).json()
    wait_for_run(raw, thread["id"], run["id"], {"in_progress"})
    busy = raw.call("POST", f"/threads/{thread['id']}/runs", {"assistant_id": agent["id"]})
    assert busy.status_code == 400 and "already has an active run" in busy.json()["error"]["message"]
    busy = raw.call("POST", f"/threads/{thread['id']}/messages", {"role": "user", "content": "x"})
    assert busy.status_code == 400
    cancelled = raw.call("POST", f"/threads/{thread['id']}/runs/{run['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelling"
    done = wait_for_run(raw, thread["id"], run["id"])
    assert done["status"] == "cancelled" and done["cancelled_at"] and done["completed_at"] is None
    again = raw.call("POST", f"/threads/{thread['id']}/runs/{run['id']}/cancel")
    assert again.status_code == 400 and again.json()["error"]["message"] == "Cannot cancel run with status 'cancelled'."
    messages = raw.call("GET", f"/threads/{thread['id']}/messages").json()["data"]
    assert [m["role"] for m in messages] == ["user"], "a cancelled run writes no reply"


def test_cancel_a_run_waiting_for_tool_outputs(client, dataplane_rules):
    from azure.ai.agents.models import FunctionTool

    def ping() -> str:
        """Pings."""
        return "pong"

    dataplane_rules.add({"match": "cancel-waiting-rule", "times": 1, "reply": {"toolCalls": [{"name": "ping"}]}})
    agent = client.create_agent(model=CHAT, name="pinger", tools=FunctionTool({ping}).definitions)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="cancel-waiting-rule")
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    wait_until(lambda: client.runs.get(thread_id=thread.id, run_id=run.id).status == "requires_action", timeout=60,
               interval=0.2, message="requires_action")
    assert client.runs.cancel(thread_id=thread.id, run_id=run.id).status == "cancelling"
    wait_until(lambda: client.runs.get(thread_id=thread.id, run_id=run.id).status == "cancelled", timeout=60, interval=0.2,
               message="cancelled")
    step = list(client.run_steps.list(thread_id=thread.id, run_id=run.id))[0]
    assert step.type == "tool_calls" and step.status == "cancelled" and step.cancelled_at


def test_a_model_error_fails_the_run_with_last_error(raw, dataplane_rules):
    dataplane_rules.add({"match": "fail-run-rule", "times": 1,
                         "reply": {"error": {"status": 500, "code": "InternalServerError", "message": "model exploded"}}})
    agent = raw.call("POST", "/assistants", {"model": CHAT}).json()
    thread = raw.call("POST", "/threads", {"messages": [{"role": "user", "content": "fail-run-rule"}]}).json()
    run = raw.call("POST", f"/threads/{thread['id']}/runs", {"assistant_id": agent["id"]}).json()
    failed = wait_for_run(raw, thread["id"], run["id"])
    assert failed["status"] == "failed" and failed["failed_at"] and failed["completed_at"] is None
    assert failed["last_error"] == {"code": "server_error", "message": "model exploded"}


def test_a_throttled_run_fails_with_rate_limit_exceeded(raw, client):
    # "tiny" has capacity 1: one request per 10 seconds. The first run takes it, the second is refused.
    agent = client.create_agent(model="tiny", name="small")
    from azure.ai.agents.models import AgentThreadCreationOptions, ThreadMessageOptions

    def thread():
        return AgentThreadCreationOptions(messages=[ThreadMessageOptions(role="user", content="Hello")])

    first = client.create_thread_and_process_run(agent_id=agent.id, thread=thread(), polling_interval=0.2)
    assert first.status == "completed", first.last_error
    second = client.create_thread_and_process_run(agent_id=agent.id, thread=thread(), polling_interval=0.2)
    assert second.status == "failed"
    assert second.last_error["code"] == "rate_limit_exceeded"
    assert second.last_error["message"].startswith("Rate limit is exceeded. Try again in ")


def test_stream_framing_and_event_order(raw):
    agent = raw.call("POST", "/assistants", {"model": CHAT, "instructions": "Answer."}).json()
    thread = raw.call("POST", "/threads", {"messages": [{"role": "user", "content": "Stream me a story."}]}).json()
    response = raw.call("POST", f"/threads/{thread['id']}/runs", {"assistant_id": agent["id"], "stream": True}, stream=True)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    events = sse_events(response)
    names = [name for name, _ in events]
    deltas = [i for i, name in enumerate(names) if name == "thread.message.delta"]
    assert deltas, names
    assert names[:deltas[0]] == ["thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.step.created",
                                 "thread.run.step.in_progress", "thread.message.created", "thread.message.in_progress"]
    assert names[deltas[-1] + 1:] == ["thread.message.completed", "thread.run.step.completed", "thread.run.completed", "done"]
    assert events[-1] == ("done", "[DONE]")
    text = "".join(json.loads(data)["delta"]["content"][0]["text"]["value"] for name, data in events if name == "thread.message.delta")
    completed = json.loads(events[-4][1])
    assert completed["object"] == "thread.message" and completed["content"][0]["text"]["value"] == text
    run = json.loads(events[-2][1])
    assert run["status"] == "completed" and run["usage"]["total_tokens"] > 0
    stored = raw.call("GET", f"/threads/{thread['id']}/messages", params={"order": "asc"}).json()["data"]
    assert stored[-1]["content"][0]["text"]["value"] == text


def test_sdk_stream_with_tools_and_submit_tool_outputs_stream(client, dataplane_rules):
    from azure.ai.agents.models import (AgentEventHandler, FunctionTool, MessageDeltaChunk, RunStep, ThreadRun,
                                        ToolOutput)

    def get_time() -> str:
        """Gets the time."""
        return "12:34"

    functions = FunctionTool({get_time})
    dataplane_rules.add({"match": "stream-tool-rule", "times": 1, "reply": {"toolCalls": [{"name": "get_time"}]}})
    agent = client.create_agent(model=CHAT, name="clock", tools=functions.definitions)
    thread = client.threads.create()
    client.messages.create(thread_id=thread.id, role="user", content="stream-tool-rule what time is it?")
    seen: list[str] = []
    text: list[str] = []

    class Handler(AgentEventHandler):
        def on_thread_run(self, run: ThreadRun) -> None:
            seen.append(f"run:{value(run.status)}")
            if run.status == "requires_action":
                call = run.required_action.submit_tool_outputs.tool_calls[0]
                client.runs.submit_tool_outputs_stream(thread_id=run.thread_id, run_id=run.id, event_handler=self,
                                                       tool_outputs=[ToolOutput(tool_call_id=call.id,
                                                                                output=functions.execute(call))])

        def on_run_step(self, step: RunStep) -> None:
            seen.append(f"step:{value(step.type)}:{value(step.status)}")

        def on_message_delta(self, delta: MessageDeltaChunk) -> None:
            text.append(delta.text)

        def on_done(self) -> None:
            seen.append("done")

    with client.runs.stream(thread_id=thread.id, agent_id=agent.id, event_handler=Handler()) as stream:
        stream.until_done()
    assert seen[:6] == ["run:queued", "run:queued", "run:in_progress", "step:tool_calls:in_progress",
                        "step:tool_calls:in_progress", "run:requires_action"], seen
    assert "step:tool_calls:completed" in seen and seen[-2:] == ["run:completed", "done"], seen
    assert "12:34" in "".join(text)


def test_create_thread_and_run_stream_starts_with_the_thread(raw):
    agent = raw.call("POST", "/assistants", {"model": CHAT}).json()
    response = raw.call("POST", "/threads/runs", {"assistant_id": agent["id"], "stream": True,
                                                  "thread": {"messages": [{"role": "user", "content": "hi"}]}}, stream=True)
    events = sse_events(response)
    assert [name for name, _ in events[:2]] == ["thread.created", "thread.run.created"]
    thread = json.loads(events[0][1])
    assert thread["object"] == "thread" and json.loads(events[1][1])["thread_id"] == thread["id"]
    assert events[-2][0] == "thread.run.completed" and events[-1] == ("done", "[DONE]")


def test_errors_have_the_agents_error_shape(raw):
    missing = raw.call("GET", "/threads/thread_doesnotexist")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"message": "No thread found with id 'thread_doesnotexist'.",
                                        "type": "invalid_request_error", "param": None, "code": None}}
    no_model = raw.call("POST", "/assistants", {"name": "x"})
    assert no_model.status_code == 400 and no_model.json()["error"]["param"] == "model"
    unknown = raw.call("POST", "/assistants", {"model": "no-such-deployment"})
    assert unknown.status_code == 400 and "Failed to resolve model info" in unknown.json()["error"]["message"]
    thread = raw.call("POST", "/threads").json()
    bad_role = raw.call("POST", f"/threads/{thread['id']}/messages", {"role": "system", "content": "x"})
    assert bad_role.status_code == 400 and bad_role.json()["error"]["param"] == "role"
    no_agent = raw.call("POST", f"/threads/{thread['id']}/runs", {"assistant_id": "asst_nope"})
    assert no_agent.status_code == 404
    not_waiting = raw.call("POST", f"/threads/{thread['id']}/runs/run_nope/submit_tool_outputs", {"tool_outputs": []})
    assert not_waiting.status_code == 404


def test_thread_delete_takes_its_messages_and_runs(raw):
    agent = raw.call("POST", "/assistants", {"model": CHAT}).json()
    thread = raw.call("POST", "/threads", {"messages": [{"role": "user", "content": "bye"}], "metadata": {"k": "v"}}).json()
    assert thread["metadata"] == {"k": "v"}
    assert raw.call("POST", f"/threads/{thread['id']}", {"metadata": {"k": "w"}}).json()["metadata"] == {"k": "w"}
    message = raw.call("GET", f"/threads/{thread['id']}/messages").json()["data"][0]
    updated = raw.call("POST", f"/threads/{thread['id']}/messages/{message['id']}", {"metadata": {"seen": "yes"}}).json()
    assert updated["metadata"] == {"seen": "yes"} and updated["content"] == message["content"]
    run = raw.call("POST", f"/threads/{thread['id']}/runs", {"assistant_id": agent["id"]}).json()
    wait_for_run(raw, thread["id"], run["id"])
    deleted = raw.call("DELETE", f"/threads/{thread['id']}")
    assert deleted.status_code == 200 and deleted.json() == {"id": thread["id"], "object": "thread.deleted", "deleted": True}
    assert raw.call("GET", f"/threads/{thread['id']}").status_code == 404
    assert raw.call("GET", f"/threads/{thread['id']}/messages/{message['id']}").status_code == 404
    gone = raw.call("DELETE", f"/assistants/{agent['id']}")
    assert gone.json() == {"id": agent["id"], "object": "assistant.deleted", "deleted": True}


def test_rbac_azure_ai_user_yes_owner_no(agents_account, data_principal, assign_role, cert_path):
    from azure.ai.agents import AgentsClient
    from azure.core.exceptions import HttpResponseError

    principal, cred = data_principal
    endpoint = agents_account.project_endpoint
    token = cred.get_token(AGENTS_SCOPE).token
    assert Raw(endpoint, token, cert_path).call("GET", "/assistants").status_code == 401
    assign_role(f"{agents_account.id}/projects/{agents_account.project}", OWNER, principal["objectId"])
    with AgentsClient(endpoint=endpoint, credential=cred, connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as client:
        with pytest.raises(HttpResponseError) as denied:
            client.create_agent(model=CHAT, name="denied")
    assert denied.value.status_code == 401
    error = json.loads(denied.value.response.text())["error"]
    assert error["code"] == "PermissionDenied"
    assert error["message"].startswith(f"The principal `{principal['objectId']}` lacks the required data action "
                                       "`Microsoft.CognitiveServices/accounts/AIServices/agents/write`")
    # Azure AI User at the account scope reaches every project of the account.
    assign_role(agents_account.id, AZURE_AI_USER, principal["objectId"])
    with AgentsClient(endpoint=endpoint, credential=cred, connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as client:
        assert client.create_agent(model=CHAT, name="allowed").id.startswith("asst_")


def test_agents_state_is_project_state(raw, http, agents_account, auth_headers):
    agent = raw.call("POST", "/assistants", {"model": CHAT, "name": "stateful"}).json()
    thread = raw.call("POST", "/threads").json()
    state = http.get("/_emulator/state").json()
    ids = {r["id"].lower() for r in state["resources"]}
    project = f"{agents_account.id}/projects/{agents_account.project}".lower()
    assert f"{project}/assistants/{agent['id']}".lower() in ids and f"{project}/threads/{thread['id']}".lower() in ids


def test_agent_objects_are_not_arm_resources(raw, http, agents_account, auth_headers):
    """Generic ARM listings show only what a provider registers; these are data-plane objects kept in the store."""
    raw.call("POST", "/assistants", {"model": CHAT, "name": "hidden"})
    listed = http.get(f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{agents_account.group}/resources?api-version=2021-04-01",
                      headers=auth_headers).json()["value"]
    types = {r["type"].lower() for r in listed}
    assert not any(t.startswith("microsoft.cognitiveservices/accounts/projects/") for t in types), types


def test_a_run_on_an_empty_thread_completes(raw):
    agent = raw.call("POST", "/assistants", {"model": CHAT}).json()
    run = raw.call("POST", "/threads/runs", {"assistant_id": agent["id"]}).json()
    assert run["status"] == "queued"
    done = wait_for_run(raw, run["thread_id"], run["id"])
    assert done["status"] == "completed", done["last_error"]


def test_runs_in_progress_at_a_restart_end_failed_and_the_rest_is_kept(own_emulator):
    first = own_emulator()
    account, key = create_project_account(first, "durableacct", CHAT)
    endpoint = "/dataplane/durableacct.services.ai.azure.com/api/projects/p1"

    def call(instance, method, path, body=None):
        return instance.http().request(method, f"{endpoint}{path}?api-version=v1", json=body, headers={"api-key": key})

    assert first.http().request("POST", "/_emulator/dataplane/rules", json={"match": "durable-slow", "latencyMs": 600000}).ok
    agent = call(first, "POST", "/assistants", {"model": CHAT}).json()
    thread = call(first, "POST", "/threads", {"messages": [{"role": "user", "content": "durable-slow"}]}).json()
    run = call(first, "POST", f"/threads/{thread['id']}/runs", {"assistant_id": agent["id"]}).json()
    wait_until(lambda: call(first, "GET", f"/threads/{thread['id']}/runs/{run['id']}").json()["status"] == "in_progress",
               timeout=30, interval=0.2, message="in_progress")
    first.process.kill()
    first.process.wait(timeout=30)

    second = own_emulator()
    settled = call(second, "GET", f"/threads/{thread['id']}/runs/{run['id']}").json()
    assert settled.get("status") == "failed" and settled["last_error"]["code"] == "server_error", settled
    assert "interrupted" in settled["last_error"]["message"]
    assert call(second, "GET", f"/assistants/{agent['id']}").json()["id"] == agent["id"]
    assert len(call(second, "GET", f"/threads/{thread['id']}/messages").json()["data"]) == 1
    # Deleting the project deletes its agents' state with it.
    headers = {"Authorization": "Bearer " + second.http().request("GET", "/_emulator/token").json()["access_token"]}
    assert second.http().request("DELETE", f"{account}/projects/p1?{CS_API}", headers=headers).status_code in (200, 202, 204)
    state = second.http().request("GET", "/_emulator/state").json()
    assert not [r for r in state["resources"] if "/projects/p1/" in r["id"].lower()]
