"""The Azure OpenAI data plane through the real, unmodified `openai` client (pinned in
requirements.txt): `AzureOpenAI` on the classic `/openai/deployments/{d}` route with a key or an
Entra token, `OpenAI(base_url=".../openai/v1/")` on the v1 API, the errors the SDK maps to
exceptions, and the operator's scripted answers and usage counters.

Client behaviour: openai-python `src/openai/lib/azure.py` (routing, `api-key` header),
`_base_client.py` (retries: tests that assert an error pass max_retries=0), `_exceptions.py`.
Service texts: azure-rest-api-specs `specification/cognitiveservices/data-plane/AzureOpenAI/inference`.
"""

from __future__ import annotations

import base64
import json
import math
import struct
import time

import pytest

from emulator_support import AOAI_API_VERSION, COGNITIVE_SCOPE, COGNITIVE_SERVICES_OPENAI_USER, tls_context

CHAT = "gpt-4o"
EMBED = "text-embedding-3-small"


@pytest.fixture(scope="module")
def httpx_client(cert_path):
    import openai

    client = openai.DefaultHttpxClient(verify=tls_context(cert_path), timeout=60)
    yield client
    client.close()


@pytest.fixture(scope="module")
def azure_client(dataplane_account, httpx_client):
    import openai

    return openai.AzureOpenAI(azure_endpoint=dataplane_account.openai_endpoint, api_key=dataplane_account.key1,
                              api_version=AOAI_API_VERSION, http_client=httpx_client, max_retries=0)


@pytest.fixture(scope="module")
def v1_client(dataplane_account, httpx_client):
    import openai

    return openai.OpenAI(base_url=dataplane_account.v1_base_url, api_key=dataplane_account.key1,
                         http_client=httpx_client, max_retries=0)


def error_body(error) -> dict:
    """The `error` object of an openai APIStatusError (the SDK stores body["error"] as .body)."""
    body = error.body
    assert isinstance(body, dict), f"error body is not an object: {error.response.status_code} {error.response.text[:500]}"
    return body


def norm(vector) -> float:
    return math.sqrt(sum(x * x for x in vector))


def cosine(a, b) -> float:
    return sum(x * y for x, y in zip(a, b)) / (norm(a) * norm(b))


# -- AzureOpenAI, classic route, key ----------------------------------------------------------

def test_chat_completion_with_a_key(azure_client):
    raw = azure_client.chat.completions.with_raw_response.create(
        model=CHAT, messages=[{"role": "user", "content": "Say hello to the emulator."}])
    assert raw.http_request.url.path.endswith(f"/openai/deployments/{CHAT}/chat/completions")
    assert raw.http_request.url.params["api-version"] == AOAI_API_VERSION
    assert raw.status_code == 200
    assert raw.headers.get("apim-request-id")
    completion = raw.parse()
    assert completion.object == "chat.completion"
    assert completion.id
    assert len(completion.choices) == 1
    choice = completion.choices[0]
    assert choice.finish_reason == "stop"
    assert choice.message.role == "assistant"
    assert choice.message.content and "emulator" in choice.message.content.lower()
    assert completion.usage.prompt_tokens > 0 and completion.usage.completion_tokens > 0
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens


def test_chat_stream_with_usage(azure_client):
    stream = azure_client.chat.completions.create(
        model=CHAT, messages=[{"role": "user", "content": "Tell me about streaming."}], stream=True,
        stream_options={"include_usage": True})
    chunks = list(stream)
    assert len(chunks) >= 3, chunks
    # Azure's first chunk carries only prompt_filter_results and no choices: tolerated.
    content_chunks = [c for c in chunks if c.choices]
    assert content_chunks, chunks
    assert all(c.object == "chat.completion.chunk" for c in content_chunks)
    text = "".join(c.choices[0].delta.content or "" for c in content_chunks)
    assert text.strip(), chunks
    finishes = [c.choices[0].finish_reason for c in content_chunks if c.choices[0].finish_reason]
    assert finishes == ["stop"], finishes
    usage_chunks = [c for c in chunks if c.usage is not None]
    assert len(usage_chunks) == 1 and usage_chunks[0] is chunks[-1], chunks[-2:]
    assert usage_chunks[0].choices == []
    assert usage_chunks[0].usage.completion_tokens > 0 and usage_chunks[0].usage.prompt_tokens > 0


def test_same_request_same_answer(azure_client):
    messages = [{"role": "user", "content": "What is the capital of the emulated cloud?"}]
    first = azure_client.chat.completions.create(model=CHAT, messages=messages)
    second = azure_client.chat.completions.create(model=CHAT, messages=messages)
    assert first.choices[0].message.content == second.choices[0].message.content
    assert first.id != second.id
    other = azure_client.chat.completions.create(model=CHAT, messages=[{"role": "user", "content": "Something else entirely."}])
    assert other.choices[0].message.content


def test_max_tokens_cuts_with_finish_reason_length(azure_client):
    completion = azure_client.chat.completions.create(
        model=CHAT, messages=[{"role": "user", "content": "Write a long essay about emulators."}], max_tokens=3)
    assert completion.choices[0].finish_reason == "length"
    assert completion.usage.completion_tokens <= 3
    assert completion.choices[0].message.content


def test_n_returns_that_many_choices(azure_client):
    completion = azure_client.chat.completions.create(
        model=CHAT, messages=[{"role": "user", "content": "Give me a name."}], n=2)
    assert [c.index for c in completion.choices] == [0, 1]
    assert all(c.message.content for c in completion.choices)


def test_json_mode_answers_json(azure_client):
    completion = azure_client.chat.completions.create(
        model=CHAT, response_format={"type": "json_object"},
        messages=[{"role": "system", "content": "Answer in JSON."}, {"role": "user", "content": "Describe the emulator."}])
    parsed = json.loads(completion.choices[0].message.content)
    assert isinstance(parsed, dict)


def test_json_schema_output_validates(azure_client):
    import jsonschema

    schema = {"type": "object", "properties": {"city": {"type": "string"}, "population": {"type": "integer"},
                                                "tags": {"type": "array", "items": {"type": "string"}}},
              "required": ["city", "population", "tags"], "additionalProperties": False}
    completion = azure_client.chat.completions.create(
        model=CHAT, messages=[{"role": "user", "content": "A city, please."}],
        response_format={"type": "json_schema", "json_schema": {"name": "city", "strict": True, "schema": schema}})
    document = json.loads(completion.choices[0].message.content)
    jsonschema.validate(document, schema)


def test_tool_call_round_trip(azure_client):
    tools = [{"type": "function", "function": {
        "name": "get_weather", "description": "The weather in a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]
    messages = [{"role": "user", "content": "Call get_weather for Paris."}]
    first = azure_client.chat.completions.create(model=CHAT, messages=messages, tools=tools)
    choice = first.choices[0]
    assert choice.finish_reason == "tool_calls", choice
    calls = choice.message.tool_calls
    assert calls and calls[0].type == "function" and calls[0].function.name == "get_weather"
    assert calls[0].id
    arguments = json.loads(calls[0].function.arguments)
    assert isinstance(arguments, dict)

    messages.append(choice.message.model_dump(exclude_none=True))
    messages.append({"role": "tool", "tool_call_id": calls[0].id, "content": json.dumps({"temperature": 21, "unit": "C"})})
    final = azure_client.chat.completions.create(model=CHAT, messages=messages, tools=tools)
    assert final.choices[0].finish_reason == "stop"
    assert final.choices[0].message.content
    assert not final.choices[0].message.tool_calls


def test_embeddings_float_and_base64_with_dimensions(azure_client):
    floats = azure_client.embeddings.create(model=EMBED, input=["the emulator", "an emulator"], encoding_format="float")
    assert [d.index for d in floats.data] == [0, 1]
    assert len(floats.data[0].embedding) == 1536
    assert abs(norm(floats.data[0].embedding) - 1) < 1e-3
    assert floats.usage.prompt_tokens > 0

    # Without encoding_format the SDK asks for base64 and decodes it (lib/_parsing/_embeddings.py).
    raw = azure_client.embeddings.with_raw_response.create(model=EMBED, input="the emulator", dimensions=256)
    sent = json.loads(raw.http_request.content)
    assert sent["encoding_format"] == "base64" and sent["dimensions"] == 256
    wire = raw.http_response.json()["data"][0]["embedding"]
    assert isinstance(wire, str), f"base64 was asked for, got {type(wire).__name__}"
    assert len(base64.b64decode(wire)) == 256 * 4
    decoded = raw.parse().data[0].embedding
    assert len(decoded) == 256 and abs(norm(decoded) - 1) < 1e-3
    assert decoded == pytest.approx(list(struct.unpack("<256f", base64.b64decode(wire))))

    again = azure_client.embeddings.create(model=EMBED, input="the emulator", encoding_format="float")
    assert again.data[0].embedding == pytest.approx(floats.data[0].embedding, abs=1e-6)


def test_embeddings_similar_texts_are_closer(azure_client):
    result = azure_client.embeddings.create(
        model=EMBED, encoding_format="float",
        input=["The cat sat on the mat.", "A cat was sitting on the mat.", "Quarterly revenue grew by nine percent."])
    a, b, c = (d.embedding for d in result.data)
    assert cosine(a, b) > cosine(a, c)


def test_models_list(azure_client):
    models = list(azure_client.models.list())
    ids = {m.id for m in models}
    assert any(i.startswith("gpt-4o") for i in ids), ids
    assert any(i.startswith("text-embedding-3-small") for i in ids), ids


# -- OpenAI on /openai/v1 ---------------------------------------------------------------------

def test_v1_chat_and_embeddings_with_the_key_as_bearer(v1_client, dataplane_account):
    raw = v1_client.chat.completions.with_raw_response.create(model=CHAT, messages=[{"role": "user", "content": "Hello v1"}])
    assert raw.http_request.headers["authorization"] == f"Bearer {dataplane_account.key1}"
    assert "api-version" not in raw.http_request.url.params
    completion = raw.parse()
    assert completion.choices[0].message.content
    embedding = v1_client.embeddings.create(model=EMBED, input="hello", dimensions=512)
    assert len(embedding.data[0].embedding) == 512


def test_v1_models_list(v1_client):
    ids = {m.id for m in v1_client.models.list()}
    assert any(i.startswith("gpt-4o") for i in ids), ids


def test_v1_responses_create_retrieve_chain_delete(v1_client):
    import openai

    first = v1_client.responses.create(model=CHAT, input="My name is Ada. Remember it.")
    assert first.id and first.object == "response"
    assert first.status == "completed"
    assert first.output_text
    assert first.usage.input_tokens > 0 and first.usage.output_tokens > 0

    fetched = v1_client.responses.retrieve(first.id)
    assert fetched.id == first.id and fetched.output_text == first.output_text

    second = v1_client.responses.create(model=CHAT, input="What is my name?", previous_response_id=first.id)
    assert second.id != first.id
    assert second.previous_response_id == first.id
    assert second.output_text
    # The chain is one more turn: the model saw the first exchange, so more input tokens.
    assert second.usage.input_tokens > first.usage.input_tokens

    v1_client.responses.delete(first.id)
    with pytest.raises(openai.NotFoundError) as gone:
        v1_client.responses.retrieve(first.id)
    assert gone.value.status_code == 404
    with pytest.raises(openai.NotFoundError):
        v1_client.responses.create(model=CHAT, input="again", previous_response_id=first.id)


def test_v1_responses_stream(v1_client):
    events = list(v1_client.responses.create(model=CHAT, input="Stream to me.", stream=True))
    types = [e.type for e in events]
    assert types[0] == "response.created", types
    assert types[-1] == "response.completed", types
    deltas = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert deltas.strip()
    completed = events[-1].response
    assert completed.status == "completed"
    assert completed.output_text == deltas
    assert v1_client.responses.retrieve(completed.id).output_text == deltas


# -- Entra ID ---------------------------------------------------------------------------------

def test_entra_token_needs_a_data_role(dataplane_account, data_principal, assign_role, httpx_client):
    import openai
    from azure.identity import get_bearer_token_provider

    principal, cred = data_principal
    # Owner on the account grants no dataActions.
    assign_role(dataplane_account.id, "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", principal["objectId"])
    client = openai.AzureOpenAI(azure_endpoint=dataplane_account.openai_endpoint, api_version=AOAI_API_VERSION,
                                azure_ad_token_provider=get_bearer_token_provider(cred, COGNITIVE_SCOPE),
                                http_client=httpx_client, max_retries=0)
    messages = [{"role": "user", "content": "Who am I?"}]
    with pytest.raises(openai.AuthenticationError) as denied:
        client.chat.completions.create(model=CHAT, messages=messages)
    assert denied.value.status_code == 401
    assert denied.value.code == "PermissionDenied"
    assert error_body(denied.value)["message"] == "Principal does not have access to API/Operation."
    assert denied.value.request.headers["authorization"].startswith("Bearer ey")
    assert "api-key" not in denied.value.request.headers

    assign_role(dataplane_account.id, COGNITIVE_SERVICES_OPENAI_USER, principal["objectId"])
    completion = client.chat.completions.create(model=CHAT, messages=messages)
    assert completion.choices[0].message.content


# -- errors -----------------------------------------------------------------------------------

def test_wrong_key_is_401(dataplane_account, httpx_client):
    import openai

    client = openai.AzureOpenAI(azure_endpoint=dataplane_account.openai_endpoint, api_key="0" * 32,
                                api_version=AOAI_API_VERSION, http_client=httpx_client, max_retries=0)
    with pytest.raises(openai.AuthenticationError) as denied:
        client.chat.completions.create(model=CHAT, messages=[{"role": "user", "content": "hi"}])
    assert denied.value.status_code == 401
    assert denied.value.code == "401"
    assert "invalid subscription key" in error_body(denied.value)["message"]


def test_unknown_deployment_is_404(azure_client):
    import openai

    with pytest.raises(openai.NotFoundError) as missing:
        azure_client.chat.completions.create(model="no-such-deployment", messages=[{"role": "user", "content": "hi"}])
    assert missing.value.status_code == 404
    assert missing.value.code == "DeploymentNotFound"
    assert error_body(missing.value)["message"].startswith("The API deployment for this resource does not exist.")


def test_embeddings_on_a_chat_model_is_400(azure_client):
    import openai

    with pytest.raises(openai.BadRequestError) as unsupported:
        azure_client.embeddings.create(model=CHAT, input="hello")
    assert unsupported.value.status_code == 400
    assert unsupported.value.code == "OperationNotSupported"
    assert "embeddings operation does not work with the specified model" in error_body(unsupported.value)["message"]


def test_classic_route_without_api_version_is_404(dataplane_account, http):
    response = http.post(f"{dataplane_account.openai_endpoint}openai/deployments/{CHAT}/chat/completions",
                         headers={"api-key": dataplane_account.key1},
                         json={"messages": [{"role": "user", "content": "hi"}]})
    assert response.status_code == 404, response.text


def test_capacity_1_deployment_throttles_the_second_call(dataplane_account, httpx_client):
    import openai

    client = openai.AzureOpenAI(azure_endpoint=dataplane_account.openai_endpoint, api_key=dataplane_account.key1,
                                api_version=AOAI_API_VERSION, http_client=httpx_client, max_retries=0)
    messages = [{"role": "user", "content": "one"}]
    started = time.monotonic()
    client.chat.completions.create(model="tiny", messages=messages, max_tokens=5)
    with pytest.raises(openai.RateLimitError) as throttled:
        client.chat.completions.create(model="tiny", messages=messages, max_tokens=5)
    assert time.monotonic() - started < 10
    assert throttled.value.status_code == 429
    assert throttled.value.code == "429"
    headers = throttled.value.response.headers
    retry_after = int(headers["retry-after"])
    assert 0 < retry_after <= 60
    assert int(headers["retry-after-ms"]) > 0
    assert f"Please retry after {retry_after} seconds" in error_body(throttled.value)["message"]


def test_regenerated_key_replaces_the_old_one_at_once(make_dataplane_account, cognitive_client, httpx_client):
    import openai
    from azure.mgmt.cognitiveservices.models import RegenerateKeyParameters

    account = make_dataplane_account({CHAT: ("gpt-4o", "2024-11-20", "Standard", 10)})

    def client(key):
        return openai.AzureOpenAI(azure_endpoint=account.openai_endpoint, api_key=key, api_version=AOAI_API_VERSION,
                                  http_client=httpx_client, max_retries=0)

    messages = [{"role": "user", "content": "hi"}]
    assert client(account.key1).chat.completions.create(model=CHAT, messages=messages).choices
    keys = cognitive_client.accounts.regenerate_key(account.group, account.name, RegenerateKeyParameters(key_name="Key1"))
    assert keys.key1 != account.key1
    with pytest.raises(openai.AuthenticationError) as old:
        client(account.key1).chat.completions.create(model=CHAT, messages=messages)
    assert old.value.status_code == 401 and old.value.code == "401"
    assert client(keys.key1).chat.completions.create(model=CHAT, messages=messages).choices
    assert client(account.key2).chat.completions.create(model=CHAT, messages=messages).choices


def test_disable_local_auth_refuses_keys(make_dataplane_account, cognitive_client, httpx_client):
    import openai
    from azure.mgmt.cognitiveservices.models import Account, AccountProperties

    account = make_dataplane_account({CHAT: ("gpt-4o", "2024-11-20", "Standard", 10)})
    client = openai.AzureOpenAI(azure_endpoint=account.openai_endpoint, api_key=account.key1,
                                api_version=AOAI_API_VERSION, http_client=httpx_client, max_retries=0)
    messages = [{"role": "user", "content": "hi"}]
    assert client.chat.completions.create(model=CHAT, messages=messages).choices
    updated = cognitive_client.accounts.begin_update(
        account.group, account.name, Account(properties=AccountProperties(disable_local_auth=True))).result(timeout=60)
    assert updated.properties.disable_local_auth is True
    with pytest.raises(openai.PermissionDeniedError) as refused:
        client.chat.completions.create(model=CHAT, messages=messages)
    assert refused.value.status_code == 403
    assert refused.value.code == "AuthenticationTypeDisabled"


# -- the operator's scripted answers and usage counters -----------------------------------------

def test_scripted_content_filter_and_text_and_usage(azure_client, dataplane_rules, http, dataplane_account):
    import openai

    def usage() -> dict:
        response = http.get("/_emulator/dataplane/usage")
        assert response.status_code == 200, response.text
        ours = [u for u in response.json()["value"]
                if u["deploymentId"].lower() == f"{dataplane_account.id}/deployments/{CHAT}".lower()]
        assert len(ours) <= 1, response.json()
        return ours[0] if ours else {"requests": 0, "succeeded": 0, "failed": 0, "promptTokens": 0, "completionTokens": 0,
                                     "totalTokens": 0}

    before = usage()
    marker = f"scripted-{time.time_ns()}"
    rule = dataplane_rules.add({"deployment": CHAT, "match": marker, "times": 1,
                                "reply": {"contentFilter": {"on": "prompt", "category": "hate"}}})
    assert rule["id"] and rule["reply"] == {"contentFilter": {"on": "prompt", "category": "hate"}}
    assert rule["id"] in {r["id"] for r in dataplane_rules.list()}

    with pytest.raises(openai.BadRequestError) as filtered:
        azure_client.chat.completions.create(model=CHAT, messages=[{"role": "user", "content": f"{marker} please"}])
    assert filtered.value.status_code == 400
    assert filtered.value.code == "content_filter"
    body = error_body(filtered.value)
    assert body["innererror"]["code"] == "ResponsibleAIPolicyViolation"
    assert body["innererror"]["content_filter_result"]["hate"]["filtered"] is True

    # times: 1 -> the next call gets the built-in answer.
    normal = azure_client.chat.completions.create(model=CHAT, messages=[{"role": "user", "content": f"{marker} please"}])
    assert normal.choices[0].message.content

    dataplane_rules.add({"deployment": CHAT, "match": marker, "reply": {"content": "Scripted hello."}})
    scripted = azure_client.chat.completions.create(model=CHAT, messages=[{"role": "user", "content": f"say {marker}"}])
    assert scripted.choices[0].message.content == "Scripted hello."
    assert scripted.choices[0].finish_reason == "stop"

    after = usage()
    assert after["requests"] - before["requests"] == 3
    assert after["succeeded"] - before["succeeded"] == 2
    assert after["failed"] - before["failed"] == 1
    assert after["completionTokens"] > before["completionTokens"]
    assert after["totalTokens"] == after["promptTokens"] + after["completionTokens"]


def test_scripted_error_reply(azure_client, dataplane_rules):
    import openai

    marker = f"outage-{time.time_ns()}"
    dataplane_rules.add({"deployment": CHAT, "match": marker, "times": 1,
                         "reply": {"error": {"status": 503, "code": "ServiceUnavailable", "message": "Scripted outage."}}})
    with pytest.raises(openai.InternalServerError) as outage:
        azure_client.chat.completions.create(model=CHAT, messages=[{"role": "user", "content": marker}])
    assert outage.value.status_code == 503
    assert outage.value.code == "ServiceUnavailable"
    assert error_body(outage.value)["message"] == "Scripted outage."
