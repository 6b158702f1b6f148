"""Azure AI model inference through the real, unmodified azure-ai-inference client (pinned in
requirements.txt): `ChatCompletionsClient` and `EmbeddingsClient` on the Foundry models endpoint
`{account}.services.ai.azure.com/models` (routes on the body's `model`, the deployment name) and
on an Azure OpenAI deployment endpoint `{account}.openai.azure.com/openai/deployments/{d}`.

Client behaviour (azure-ai-inference 1.0.0b9, Azure/azure-sdk-for-python `sdk/ai/azure-ai-inference`):
with `AzureKeyCredential` it sends the key both as `api-key` and as `Authorization: Bearer`; its
SSE parser accepts only `data: ` lines; with a token credential its default scope is
`https://ml.azure.com/.default`, and azure-core's bearer policy needs https (the emulator's TLS
certificate is trusted through `connection_verify`).
"""

from __future__ import annotations

import math

import pytest

from conftest import SDK_TRANSPORT_KWARGS
from emulator_support import AOAI_API_VERSION, COGNITIVE_SCOPE, COGNITIVE_SERVICES_OPENAI_USER

CHAT = "gpt-4o"
EMBED = "text-embedding-3-small"


@pytest.fixture(scope="module")
def models_endpoint(dataplane_account) -> str:
    return dataplane_account.services_endpoint + "models"


@pytest.fixture(scope="module")
def chat_client(models_endpoint, dataplane_account, cert_path):
    from azure.ai.inference import ChatCompletionsClient
    from azure.core.credentials import AzureKeyCredential

    client = ChatCompletionsClient(endpoint=models_endpoint, credential=AzureKeyCredential(dataplane_account.key1),
                                   connection_verify=cert_path, **SDK_TRANSPORT_KWARGS)
    yield client
    client.close()


def test_chat_complete_on_the_models_endpoint(chat_client):
    from azure.ai.inference.models import CompletionsFinishReason, SystemMessage, UserMessage

    seen = {}
    response = chat_client.complete(
        model=CHAT, messages=[SystemMessage("You are helpful."), UserMessage("Hello from azure-ai-inference.")],
        raw_request_hook=lambda request: seen.update(
            headers={k.lower(): v for k, v in request.http_request.headers.items()}, url=request.http_request.url))
    assert "/models/chat/completions?api-version=" in seen["url"]
    assert seen["headers"]["api-key"] and seen["headers"]["authorization"].startswith("Bearer ")
    assert response.id
    assert response.model
    choice = response.choices[0]
    assert choice.finish_reason == CompletionsFinishReason.STOPPED
    assert choice.message.role == "assistant"
    assert choice.message.content and "emulator" in choice.message.content.lower()
    assert response.usage.prompt_tokens > 0 and response.usage.completion_tokens > 0
    assert response.usage.total_tokens == response.usage.prompt_tokens + response.usage.completion_tokens


def test_deployment_name_routing_is_case_insensitive(chat_client):
    from azure.ai.inference.models import UserMessage

    response = chat_client.complete(model=CHAT.upper(), messages=[UserMessage("hi")])
    assert response.choices[0].message.content


def test_chat_stream_passes_the_strict_sse_parser(chat_client):
    from azure.ai.inference.models import UserMessage

    updates = list(chat_client.complete(model=CHAT, messages=[UserMessage("Stream a short answer.")], stream=True))
    assert updates, "no updates"
    with_choices = [u for u in updates if u.choices]
    text = "".join(u.choices[0].delta.content or "" for u in with_choices)
    assert text.strip(), updates
    finishes = [u.choices[0].finish_reason for u in with_choices if u.choices[0].finish_reason]
    assert finishes == ["stop"], finishes


def test_embeddings_on_the_models_endpoint(models_endpoint, dataplane_account, cert_path):
    from azure.ai.inference import EmbeddingsClient
    from azure.core.credentials import AzureKeyCredential

    with EmbeddingsClient(endpoint=models_endpoint, credential=AzureKeyCredential(dataplane_account.key1),
                          connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as client:
        result = client.embed(model=EMBED, input=["first phrase", "second phrase"])
        assert [d.index for d in result.data] == [0, 1]
        vector = result.data[0].embedding
        assert len(vector) == 1536
        assert abs(math.sqrt(sum(x * x for x in vector)) - 1) < 1e-3
        assert result.usage.prompt_tokens > 0
        shorter = client.embed(model=EMBED, input=["first phrase"], dimensions=256)
        assert len(shorter.data[0].embedding) == 256


def test_embeddings_on_a_chat_deployment_is_400(models_endpoint, dataplane_account, cert_path):
    from azure.ai.inference import EmbeddingsClient
    from azure.core.credentials import AzureKeyCredential
    from azure.core.exceptions import HttpResponseError

    with EmbeddingsClient(endpoint=models_endpoint, credential=AzureKeyCredential(dataplane_account.key1),
                          connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as client:
        with pytest.raises(HttpResponseError) as unsupported:
            client.embed(model=CHAT, input=["hello"])
    assert unsupported.value.status_code == 400
    assert unsupported.value.error.code == "OperationNotSupported"


def test_get_model_info_on_the_models_endpoint(models_endpoint, dataplane_account, cert_path):
    from azure.ai.inference import ChatCompletionsClient
    from azure.core.credentials import AzureKeyCredential

    with ChatCompletionsClient(endpoint=models_endpoint, credential=AzureKeyCredential(dataplane_account.key1),
                               connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as client:
        info = client.get_model_info(params={"model": CHAT})
    assert info.model_name.startswith("gpt-4o")
    # The exact spelling of a chat model's type differs between the SDK enum and service samples;
    # it must not claim to be an embeddings model.
    assert info.model_type and info.model_type != "embeddings"
    assert info.model_provider_name


def test_aoai_deployment_endpoint_with_api_version(dataplane_account, cert_path):
    from azure.ai.inference import ChatCompletionsClient, EmbeddingsClient
    from azure.ai.inference.models import UserMessage
    from azure.core.credentials import AzureKeyCredential

    base = dataplane_account.openai_endpoint + "openai/deployments/"
    key = AzureKeyCredential(dataplane_account.key1)
    with ChatCompletionsClient(endpoint=base + CHAT, credential=key, api_version=AOAI_API_VERSION,
                               connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as chat:
        response = chat.complete(messages=[UserMessage("Hello deployment endpoint.")])
        assert response.choices[0].message.content
        streamed = list(chat.complete(messages=[UserMessage("Stream it.")], stream=True))
        assert "".join(u.choices[0].delta.content or "" for u in streamed if u.choices).strip()
        info = chat.get_model_info()
        assert info.model_name.startswith("gpt-4o") and info.model_type and info.model_type != "embeddings"
    with EmbeddingsClient(endpoint=base + EMBED, credential=key, api_version=AOAI_API_VERSION,
                          connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as embeddings:
        assert len(embeddings.embed(input=["hello"]).data[0].embedding) == 1536
        assert embeddings.get_model_info().model_type == "embeddings"


def test_wrong_key_and_unknown_deployment(models_endpoint, dataplane_account, cert_path):
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import UserMessage
    from azure.core.credentials import AzureKeyCredential
    from azure.core.exceptions import ClientAuthenticationError, ResourceNotFoundError

    with ChatCompletionsClient(endpoint=models_endpoint, credential=AzureKeyCredential("0" * 32),
                               connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as wrong:
        with pytest.raises(ClientAuthenticationError) as denied:
            wrong.complete(model=CHAT, messages=[UserMessage("hi")])
    assert denied.value.status_code == 401
    with ChatCompletionsClient(endpoint=models_endpoint, credential=AzureKeyCredential(dataplane_account.key1),
                               connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as client:
        with pytest.raises(ResourceNotFoundError) as missing:
            client.complete(model="no-such-deployment", messages=[UserMessage("hi")])
    assert missing.value.status_code == 404
    assert missing.value.error.code == "DeploymentNotFound"


def test_entra_token_with_the_cognitive_services_scope(dataplane_account, data_principal, assign_role, cert_path):
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import UserMessage
    from azure.core.exceptions import ClientAuthenticationError

    principal, cred = data_principal
    endpoint = dataplane_account.openai_endpoint + "openai/deployments/" + CHAT
    with ChatCompletionsClient(endpoint=endpoint, credential=cred, api_version=AOAI_API_VERSION,
                               credential_scopes=[COGNITIVE_SCOPE], connection_verify=cert_path,
                               **SDK_TRANSPORT_KWARGS) as client:
        with pytest.raises(ClientAuthenticationError) as denied:
            client.complete(messages=[UserMessage("hi")])
        assert denied.value.status_code == 401
        assert denied.value.error.code == "PermissionDenied"
        assign_role(dataplane_account.id, COGNITIVE_SERVICES_OPENAI_USER, principal["objectId"])
        assert client.complete(messages=[UserMessage("hi")]).choices[0].message.content
