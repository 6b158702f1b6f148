"""The hub control-plane proxy with the real clients (issue 5 section 4).

A principal with Azure AI Developer on a hub lists and creates the deployments of an AI services
account through the hub's connection, while the account's own deployments API (called with the
real azure-mgmt-cognitiveservices SDK) answers it 403 AuthorizationFailed; without a role on the
hub the proxy route is 403 too. The account lives first in the same emulator, then in a SECOND
emulator process that the first one forwards to over HTTP (the connection's
metadata.ResourceManagerUrl), which is the real forwarding path.
"""

from __future__ import annotations

import uuid

import pytest
from azure.core.exceptions import HttpResponseError

from conftest import SDK_TRANSPORT_KWARGS
from emulator_support import (
    OPERATOR_CLIENT_ID,
    OPERATOR_SECRET,
    SUBSCRIPTION_ID,
    TENANT_ID,
    Emulator,
    emulator_binary,
)

AI_DEVELOPER = "64702f94-c441-49e6-a78b-ef80e0188fee"
ML = "?api-version=2024-10-01-preview"
CS = "?api-version=2024-10-01"
DEPLOYMENT = {"properties": {"type": "Azure.OpenAI", "model": {"name": "gpt-4o", "format": "OpenAI", "version": "2024-11-20"},
                             "sku": {"name": "Standard", "capacity": 5}}}


def bearer(http) -> dict:
    token = http.get("/_emulator/token").json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def credential_for(emulator, principal: dict):
    from azure.identity import ClientSecretCredential

    return ClientSecretCredential(TENANT_ID, principal["clientId"], principal["clientSecret"], authority=emulator.base_url,
                                  disable_instance_discovery=True, connection_verify=emulator.cert_path,
                                  **SDK_TRANSPORT_KWARGS)


@pytest.fixture(scope="module")
def second_emulator(tmp_path_factory):
    """Another emulator process: the resource manager that owns the remote account."""
    instance = Emulator(binary=emulator_binary(), work_dir=tmp_path_factory.mktemp("second-emulator"))
    instance.start()
    yield instance
    instance.stop()


def make_account(emulator, group: str, account: str) -> str:
    http = emulator.http()
    auth = bearer(http)
    base = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{group}"
    assert http.put(base + "?api-version=2024-11-01", json={"location": "eastus"}, headers=auth).status_code in (200, 201)
    account_id = f"{base}/providers/Microsoft.CognitiveServices/accounts/{account}"
    response = http.put(account_id + CS, headers=auth, json={"location": "eastus", "kind": "AIServices", "sku": {"name": "S0"},
                                                             "properties": {"customSubDomainName": account}})
    assert response.status_code in (200, 201), response.text
    return account_id


def make_hub(emulator, group: str, account_id: str, resource_manager: str | None) -> tuple[str, str]:
    http = emulator.http()
    auth = bearer(http)
    base = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{group}"
    assert http.put(base + "?api-version=2024-11-01", json={"location": "eastus"}, headers=auth).status_code in (200, 201)
    hub = f"{base}/providers/Microsoft.MachineLearningServices/workspaces/hub{uuid.uuid4().hex[:6]}"
    response = http.put(hub + ML, headers=auth, json={"location": "eastus", "kind": "Hub", "identity": {"type": "SystemAssigned"}, "properties": {}})
    assert response.status_code in (200, 201), response.text
    metadata = {"ApiType": "Azure", "ResourceId": account_id}
    if resource_manager:
        metadata["ResourceManagerUrl"] = resource_manager
    response = http.put(hub + "/connections/aoai" + ML, headers=auth, json={"properties": {
        "category": "AIServices", "target": "https://example.cognitiveservices.azure.com/", "authType": "AAD", "metadata": metadata}})
    assert response.status_code == 200, response.text
    return hub, hub + "/connections/aoai"


def assign_developer(emulator, sdk_kwargs, hub: str, principal_id: str) -> None:
    from azure.identity import ClientSecretCredential
    from azure.mgmt.authorization import AuthorizationManagementClient

    operator = ClientSecretCredential(TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_SECRET, authority=emulator.base_url,
                                      disable_instance_discovery=True, connection_verify=emulator.cert_path, **SDK_TRANSPORT_KWARGS)
    with AuthorizationManagementClient(operator, SUBSCRIPTION_ID, **sdk_kwargs) as client:
        client.role_assignments.create(hub, str(uuid.uuid4()), {"properties": {
            "roleDefinitionId": f"/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/{AI_DEVELOPER}",
            "principalId": principal_id, "principalType": "ServicePrincipal"}})


def run_scenario(emulator, account_host, sdk_kwargs, unique_name, remote: bool):
    from azure.mgmt.cognitiveservices import CognitiveServicesManagementClient

    group = unique_name("proxy")
    account_name = "acct" + uuid.uuid4().hex[:8]
    account_id = make_account(account_host, group, account_name)
    hub, connection = make_hub(emulator, group, account_id, account_host.base_url if remote else None)
    http = emulator.http()
    developer = http.post("/_emulator/principals", json={"displayName": f"hub-dev-{uuid.uuid4().hex[:6]}"}).json()
    stranger = http.post("/_emulator/principals", json={"displayName": f"stranger-{uuid.uuid4().hex[:6]}"}).json()
    assign_developer(emulator, sdk_kwargs, hub, developer["objectId"])

    dev_cred = credential_for(emulator, developer)
    dev = {"Authorization": "Bearer " + dev_cred.get_token(emulator.base_url + "/.default").token}
    created = http.put(connection + "/deployments/gpt4o" + ML, json=DEPLOYMENT, headers=dev)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["id"] == connection + "/deployments/gpt4o"
    assert body["type"] == "Microsoft.MachineLearningServices/workspaces/connections/deployments"
    assert body["properties"]["model"]["name"] == "gpt-4o"
    assert body["systemData"]["createdBy"] == developer["clientId"]
    listed = http.get(connection + "/deployments" + ML + "&proxy-api-version=2024-10-01", headers=dev)
    assert listed.status_code == 200, listed.text
    assert [d["name"] for d in listed.json()["value"]] == ["gpt4o"]

    # The account really holds it (read as the operator of the emulator that owns it).
    owner = account_host.http()
    stored = owner.get(account_id + "/deployments/gpt4o" + CS, headers=bearer(owner))
    assert stored.status_code == 200, stored.text
    assert stored.json()["systemData"]["createdBy"] == developer["clientId"]

    # The real SDK, as the developer, straight at the account's resource manager: 403.
    account_kwargs = dict(base_url=account_host.base_url, credential_scopes=[account_host.base_url + "/.default"],
                          connection_verify=account_host.cert_path, **SDK_TRANSPORT_KWARGS)
    with CognitiveServicesManagementClient(dev_cred, SUBSCRIPTION_ID, **account_kwargs) as client:
        with pytest.raises(HttpResponseError) as denied:
            list(client.deployments.list(group, account_name))
    assert denied.value.status_code == 403
    assert denied.value.error.code == "AuthorizationFailed"
    assert "Microsoft.CognitiveServices/accounts/deployments/read" in denied.value.error.message

    # No role on the hub: 403 on the proxy route.
    stranger_token = credential_for(emulator, stranger).get_token(emulator.base_url + "/.default").token
    refused = http.get(connection + "/deployments" + ML, headers={"Authorization": f"Bearer {stranger_token}"})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "AuthorizationFailed"
    assert "Microsoft.MachineLearningServices/workspaces/connections/deployments/read" in refused.json()["error"]["message"]

    assert http.delete(connection + "/deployments/gpt4o" + ML, headers=dev).status_code == 204
    assert owner.get(account_id + "/deployments/gpt4o" + CS, headers=bearer(owner)).status_code == 404
    return account_id


def test_ai_developer_on_the_hub_manages_deployments_only_through_the_proxy(emulator, sdk_kwargs, unique_name):
    run_scenario(emulator, emulator, sdk_kwargs, unique_name, remote=False)


def test_the_account_in_a_second_emulator_process_is_reached_by_real_forwarding(emulator, second_emulator, sdk_kwargs, unique_name):
    account_id = run_scenario(emulator, second_emulator, sdk_kwargs, unique_name, remote=True)
    # The account exists only in the second process.
    http = emulator.http()
    assert http.get(account_id + CS, headers=bearer(http)).status_code == 404


def test_an_unreachable_resource_manager_is_a_502(emulator, unique_name):
    group = unique_name("proxy")
    account_id = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{group}/providers/Microsoft.CognitiveServices/accounts/nowhere"
    hub, connection = make_hub(emulator, group, account_id, "https://127.0.0.1:1")
    http = emulator.http()
    reply = http.get(connection + "/deployments" + ML, headers=bearer(http))
    assert reply.status_code == 502, reply.text
    assert reply.json()["error"]["code"] == "BadGateway"


def test_az_walkthrough_as_a_hub_developer(emulator, sdk_kwargs, unique_name, tmp_path):
    """The README's walkthrough with the real az: az rest through the hub, and the account's own
    deployment list refused with AuthorizationFailed."""
    from emulator_support import AzCli

    group = unique_name("proxyaz")
    account_name = "acct" + uuid.uuid4().hex[:8]
    account_id = make_account(emulator, group, account_name)
    hub, connection = make_hub(emulator, group, account_id, None)
    developer = emulator.http().post("/_emulator/principals", json={"displayName": f"az-dev-{uuid.uuid4().hex[:6]}"}).json()
    assign_developer(emulator, sdk_kwargs, hub, developer["objectId"])

    az = AzCli(emulator, tmp_path / "az-dev")
    az.use_emulator_cloud()
    az.run("login", "--service-principal", "-u", developer["clientId"], "-p", developer["clientSecret"], "--tenant", TENANT_ID)
    body = ('{"properties":{"type":"Azure.OpenAI","model":{"name":"gpt-4o","format":"OpenAI","version":"2024-11-20"},'
            '"sku":{"name":"Standard","capacity":5}}}')
    created = az.run("rest", "--method", "put", "--url", connection + "/deployments/gpt4o" + ML, "--body", body).json
    assert created["id"] == connection + "/deployments/gpt4o"
    listed = az.run("rest", "--method", "get", "--url", connection + "/deployments" + ML).json
    assert [d["name"] for d in listed["value"]] == ["gpt4o"]
    endpoints = az.run("rest", "--method", "get", "--url", hub + "/endpoints" + ML).json
    assert endpoints["value"][0]["properties"]["associatedResourceId"] == account_id
    denied = az.run("cognitiveservices", "account", "deployment", "list", "-g", group, "-n", account_name, check=False)
    assert denied.returncode != 0
    assert "AuthorizationFailed" in denied.stderr, denied.stderr
