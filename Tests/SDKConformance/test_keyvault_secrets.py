"""Key Vault's secrets data plane (docs/dataplane.md "Key Vault secrets") through azure-keyvault-secrets,
unmodified: the bearer challenge, RBAC data actions, SetSecret/GetSecret/list paging/DeleteSecret; and the
Machine Learning service's connection secrets, readable there.
"""

from __future__ import annotations

import uuid

import pytest

from conftest import SDK_TRANSPORT_KWARGS
from emulator_support import SUBSCRIPTION_ID, TENANT_ID

SECRETS_OFFICER = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"
SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6"


@pytest.fixture(scope="module")
def vault(http, auth_headers) -> dict:
    group = f"sdk-kv-{uuid.uuid4().hex[:6]}"
    name = f"kv{uuid.uuid4().hex[:10]}"
    base = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{group}"
    response = http.put(f"{base}?api-version=2024-11-01", headers=auth_headers, json={"location": "eastus"})
    assert response.status_code in (200, 201), response.text
    response = http.put(f"{base}/providers/Microsoft.KeyVault/vaults/{name}?api-version=2023-07-01", headers=auth_headers,
                        json={"location": "eastus", "properties": {"tenantId": TENANT_ID, "sku": {"family": "A", "name": "standard"}}})
    assert response.status_code in (200, 201), response.text
    return response.json()


def secret_client(emulator, vault: dict, credential):
    from azure.keyvault.secrets import SecretClient

    # The vault's host becomes a path segment on the emulator's origin; the challenge's resource is
    # https://vault.azure.net, which is not the URL's domain, hence verify_challenge_resource=False.
    return SecretClient(vault_url=f"{emulator.base_url}/dataplane/{vault['name']}.vault.azure.net",
                        credential=credential, verify_challenge_resource=False, connection_verify=emulator.cert_path,
                        **SDK_TRANSPORT_KWARGS)


def test_an_officer_sets_gets_lists_and_deletes(emulator, vault, data_principal, assign_role):
    principal, credential = data_principal
    assign_role(vault["id"], SECRETS_OFFICER, principal["objectId"])
    client = secret_client(emulator, vault, credential)

    first = client.set_secret("api-key", "one", content_type="text/plain", tags={"env": "test"})
    second = client.set_secret("api-key", "two")
    assert first.name == "api-key" and first.value == "one" and first.properties.content_type == "text/plain"
    assert first.properties.tags == {"env": "test"}
    assert first.properties.vault_url == f"https://{vault['name']}.vault.azure.net"
    assert second.properties.version != first.properties.version
    assert client.get_secret("api-key").value == "two"
    assert client.get_secret("api-key", first.properties.version).value == "one"
    assert sorted(p.version for p in client.list_properties_of_secret_versions("api-key")) == sorted(
        [first.properties.version, second.properties.version])

    for index in range(30):
        client.set_secret(f"paged-{index:02d}", str(index))
    names = [p.name for p in client.list_properties_of_secrets(max_page_size=7)]
    assert sorted(names) == sorted(["api-key"] + [f"paged-{index:02d}" for index in range(30)])

    deleted = client.begin_delete_secret("api-key").result()
    assert deleted.name == "api-key" and deleted.recovery_id is None
    from azure.core.exceptions import ResourceNotFoundError

    with pytest.raises(ResourceNotFoundError) as missing:
        client.get_secret("api-key")
    assert missing.value.error.code == "SecretNotFound"


def test_a_secrets_user_reads_but_may_not_set(emulator, vault, data_principal, assign_role, credential):
    principal, user_credential = data_principal
    assign_role(vault["id"], SECRETS_USER, principal["objectId"])
    from azure.core.exceptions import HttpResponseError

    # The operator is Owner of the subscription: no data actions, so it may not set either.
    with pytest.raises(HttpResponseError) as owner_denied:
        secret_client(emulator, vault, credential).set_secret("owner-try", "x")
    assert owner_denied.value.status_code == 403 and owner_denied.value.error.code == "Forbidden"

    reader = secret_client(emulator, vault, user_credential)
    with pytest.raises(HttpResponseError) as denied:
        reader.set_secret("user-try", "x")
    assert denied.value.status_code == 403
    assert "ForbiddenByRbac" in denied.value.response.text()


def test_ml_connection_secrets_live_in_the_hubs_vault(emulator, http, auth_headers, data_principal, assign_role):
    group = f"sdk-kvml-{uuid.uuid4().hex[:6]}"
    base = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{group}"
    assert http.put(f"{base}?api-version=2024-11-01", headers=auth_headers, json={"location": "eastus"}).status_code in (200, 201)
    workspace = f"{base}/providers/Microsoft.MachineLearningServices/workspaces/hub1"
    hub = http.put(f"{workspace}?api-version=2024-10-01", headers=auth_headers,
                   json={"location": "eastus", "kind": "Hub", "identity": {"type": "SystemAssigned"}, "properties": {}})
    assert hub.status_code == 200, hub.text
    vault_id = hub.json()["properties"]["keyVault"]
    connection = http.put(f"{workspace}/connections/aoai?api-version=2024-10-01", headers=auth_headers, json={"properties": {
        "category": "AzureOpenAI", "authType": "ApiKey", "target": "https://a.openai.azure.com/", "credentials": {"key": "s3cret"}}})
    assert connection.status_code == 200, connection.text

    principal, credential = data_principal
    assign_role(vault_id, SECRETS_USER, principal["objectId"])
    client = secret_client(emulator, {"name": vault_id.rsplit("/", 1)[1]}, credential)
    [secret] = [p for p in client.list_properties_of_secrets() if p.name.startswith("connection-")]
    assert client.get_secret(secret.name).value == '{"key":"s3cret"}'

    assert http.delete(f"{workspace}/connections/aoai?api-version=2024-10-01", headers=auth_headers).status_code == 200
    assert [p.name for p in client.list_properties_of_secrets()] == []
