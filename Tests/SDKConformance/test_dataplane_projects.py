"""The Foundry project endpoint `{account}.services.ai.azure.com/api/projects/{project}` through the
real, unmodified azure-ai-projects 2.x (pinned in requirements.txt): deployments, connections, and `get_openai_client()` on the
project's `/openai/v1` with an Entra token of audience https://ai.azure.com.

Client behaviour: Azure/azure-sdk-for-python `sdk/ai/azure-ai-projects` (`api-version=v1` on every
call, scope `https://ai.azure.com/.default`, `get_openai_client()` returns `openai.OpenAI` with
base_url `{endpoint}/openai/v1` and a bearer token provider). Roles: "Azure AI User" holds
`Microsoft.CognitiveServices/*` data actions (learn.microsoft.com, Azure built-in roles).
"""

from __future__ import annotations

import uuid

import pytest

from conftest import CS_API, SDK_TRANSPORT_KWARGS
from emulator_support import tls_context

CHAT = "gpt-4o"


@pytest.fixture(scope="module")
def project_connections(dataplane_account, http, auth_headers):
    """Two connections of the project and one of the account (shared with every project), by ARM."""
    project_id = f"{dataplane_account.id}/projects/{dataplane_account.project}"
    names = {"aoai": f"aoai-{uuid.uuid4().hex[:6]}", "search": f"search-{uuid.uuid4().hex[:6]}",
             "shared": f"shared-{uuid.uuid4().hex[:6]}"}
    bodies = {
        "aoai": (project_id, {"category": "AzureOpenAI", "target": "https://other.openai.azure.com/", "authType": "ApiKey",
                              "credentials": {"key": "aoai-secret-key"}, "metadata": {"ApiType": "Azure"}}),
        "search": (project_id, {"category": "CognitiveSearch", "target": "https://search.search.windows.net/",
                                "authType": "AAD", "metadata": {"type": "azure_ai_search"}}),
        "shared": (dataplane_account.id, {"category": "AzureBlob", "target": "https://blobs.blob.core.windows.net/",
                                          "authType": "SAS", "credentials": {"SAS": "sv=2024&sig=abc"},
                                          "metadata": {"ContainerName": "data"}}),
    }
    for key, (parent, properties) in bodies.items():
        response = http.put(f"{parent}/connections/{names[key]}?{CS_API}", headers=auth_headers,
                            json={"properties": properties})
        assert response.status_code in (200, 201), response.text
    return names


def test_the_project_advertises_its_endpoint(dataplane_account, emulator):
    assert dataplane_account.project_endpoint == (
        f"{emulator.base_url}/dataplane/{dataplane_account.subdomain}.services.ai.azure.com/api/projects/{dataplane_account.project}")


def test_deployments_list_filters_and_get(project_client):
    seen = []
    listed = list(project_client.deployments.list(raw_request_hook=lambda r: seen.append(r.http_request.url)))
    assert "api-version=v1" in seen[0]
    by_name = {d.name: d for d in listed}
    assert {CHAT, "text-embedding-3-small", "tiny"} <= set(by_name)
    chat = by_name[CHAT]
    assert chat.type == "ModelDeployment"
    assert (chat.model_name, chat.model_version, chat.model_publisher) == ("gpt-4o", "2024-11-20", "OpenAI")
    assert chat.sku.name == "GlobalStandard" and chat.sku.capacity == 50
    assert chat.capabilities.get("chatCompletion") == "true"

    embeddings_only = [d.name for d in project_client.deployments.list(model_name="text-embedding-3-small")]
    assert embeddings_only == ["text-embedding-3-small"]
    assert {d.name for d in project_client.deployments.list(model_publisher="OpenAI")} == set(by_name)
    assert list(project_client.deployments.list(model_publisher="Microsoft")) == []

    one = project_client.deployments.get(CHAT)
    assert one.name == CHAT and one.model_name == "gpt-4o"

    from azure.core.exceptions import ResourceNotFoundError
    with pytest.raises(ResourceNotFoundError) as missing:
        project_client.deployments.get("no-such-deployment")
    assert missing.value.status_code == 404


def test_connections_list_get_and_credentials(project_client, project_connections):
    names = project_connections
    listed = {c.name: c for c in project_client.connections.list()}
    assert set(names.values()) <= set(listed), listed.keys()
    aoai = listed[names["aoai"]]
    assert aoai.type == "AzureOpenAI"
    assert aoai.target == "https://other.openai.azure.com/"
    assert aoai.credentials.type == "ApiKey"
    assert "key" not in aoai.credentials.as_dict(), "a list must not reveal secrets"
    assert aoai.metadata == {"ApiType": "Azure"}
    assert listed[names["shared"]].type == "AzureBlob"

    only_search = [c.name for c in project_client.connections.list(connection_type="CognitiveSearch")]
    assert only_search == [names["search"]]

    plain = project_client.connections.get(names["aoai"])
    assert plain.id and plain.name == names["aoai"]
    assert "key" not in plain.credentials.as_dict()
    secret = project_client.connections.get(names["aoai"], include_credentials=True)
    assert secret.credentials.type == "ApiKey"
    assert secret.credentials.as_dict()["key"] == "aoai-secret-key"
    sas = project_client.connections.get(names["shared"], include_credentials=True)
    assert sas.credentials.type == "SAS" and sas.credentials.as_dict()["SAS"] == "sv=2024&sig=abc"

    from azure.core.exceptions import ResourceNotFoundError
    with pytest.raises(ResourceNotFoundError):
        project_client.connections.get("no-such-connection")


def test_get_openai_client_chats_with_an_ai_azure_com_token(project_client, cert_path):
    import openai

    from emulator_support import jwt_payload

    http_client = openai.DefaultHttpxClient(verify=tls_context(cert_path), timeout=60)
    try:
        client = project_client.get_openai_client(http_client=http_client, max_retries=0)
        assert str(client.base_url).rstrip("/").endswith("/openai/v1")
        raw = client.chat.completions.with_raw_response.create(
            model=CHAT, messages=[{"role": "user", "content": "Hello from a Foundry project."}])
        token = raw.http_request.headers["authorization"].removeprefix("Bearer ")
        assert jwt_payload(token)["aud"].rstrip("/") == "https://ai.azure.com"
        assert "api-version" not in raw.http_request.url.params
        completion = raw.parse()
        assert completion.choices[0].message.content
        response = client.responses.create(model=CHAT, input="And through the Responses API?")
        assert response.output_text
    finally:
        http_client.close()


def test_a_principal_without_a_data_role_is_refused(projects, dataplane_account, data_principal, cert_path):
    from azure.core.exceptions import HttpResponseError

    _, cred = data_principal
    with projects.AIProjectClient(endpoint=dataplane_account.project_endpoint, credential=cred,
                                  connection_verify=cert_path, **SDK_TRANSPORT_KWARGS) as client:
        with pytest.raises(HttpResponseError) as denied:
            list(client.deployments.list())
    assert denied.value.status_code == 401
    assert denied.value.error.code == "PermissionDenied"
