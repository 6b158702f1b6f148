"""Hubs and projects (Microsoft.MachineLearningServices) with the real SDKs.

azure-mgmt-machinelearningservices 1.0.1 creates a Hub and a Project with a direct PUT (its models
predate `kind`/`hubResourceId`, so the body is raw JSON and api_version is 2024-10-01, as
docs/hubs-and-projects.md shows), gets, lists, makes connections and deletes. azure-ai-ml 1.35.2
(MLClient pointed at the emulator through `cloud`/`cloud_metadata`) gets and lists the hubs and
projects and creates and lists connections.

azure-ai-ml's `workspaces.begin_create` submits an ARM template deployment (Microsoft.Resources/
deployments) for a Hub and a Project; `az deployment group create` deploys the template file in
templates/hub-project-connection.json. With RBAC enforced, a project needs `hubs/join/action` on its
hub (LinkedAuthorizationFailed), and deleting a project's resource group cleans up on the hub.
"""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

import pytest
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

from conftest import SDK_TRANSPORT_KWARGS
from emulator_support import IDENTITY_HEADER, SUBSCRIPTION_ID, TENANT_ID

TEMPLATE_FILE = Path(__file__).parent / "templates" / "hub-project-connection.json"

ML = "Microsoft.MachineLearningServices"
API = "2024-10-01"


def workspace_id(rg: str, name: str) -> str:
    return f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{rg}/providers/{ML}/workspaces/{name}"


def body(payload: dict) -> io.BytesIO:
    return io.BytesIO(json.dumps(payload).encode())


@pytest.fixture(scope="module")
def ml_mgmt(credential, sdk_kwargs):
    from azure.mgmt.machinelearningservices import MachineLearningServicesMgmtClient

    client = MachineLearningServicesMgmtClient(credential, SUBSCRIPTION_ID, api_version=API, **sdk_kwargs)
    yield client
    client.close()


@pytest.fixture
def resource_group(resource_client, unique_name):
    name = unique_name("rg")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus"})
    yield name
    try:
        resource_client.resource_groups.begin_delete(name).result(timeout=120)
    except ResourceNotFoundError:
        pass


@pytest.fixture
def hub_and_project(ml_mgmt, resource_group):
    """A hub `hub1` and its project `proj1`, created with direct PUTs."""
    hub = ml_mgmt.workspaces.begin_create_or_update(
        resource_group, "hub1",
        body({"location": "eastus", "kind": "Hub", "identity": {"type": "SystemAssigned"},
              "properties": {"friendlyName": "Hub 1"}})).result(timeout=60)
    project = ml_mgmt.workspaces.begin_create_or_update(
        resource_group, "proj1",
        body({"location": "eastus", "kind": "Project", "identity": {"type": "SystemAssigned"},
              "properties": {"hubResourceId": hub.id, "friendlyName": "Project 1"}})).result(timeout=60)
    return resource_group, hub, project


def test_mgmt_sdk_creates_hub_and_project_with_a_direct_put(ml_mgmt, hub_and_project, http, auth_headers):
    rg, hub, project = hub_and_project
    assert hub.id == workspace_id(rg, "hub1")
    assert hub.provisioning_state == "Succeeded"
    assert hub.workspace_id and hub.discovery_url == "https://eastus.api.azureml.ms/discovery"
    assert hub.identity.type == "SystemAssigned" and hub.identity.principal_id
    assert f"/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/hub1storage" in hub.storage_account
    assert project.storage_account == hub.storage_account and project.key_vault == hub.key_vault
    # The raw GET shows what the 2020-08-01 models cannot: kind and the hub link, both ways.
    raw_hub = http.get(workspace_id(rg, "hub1") + f"?api-version={API}", headers=auth_headers).json()
    assert raw_hub["kind"] == "Hub"
    assert raw_hub["properties"]["associatedWorkspaces"] == [workspace_id(rg, "proj1")]
    raw_project = http.get(workspace_id(rg, "proj1") + f"?api-version={API}", headers=auth_headers).json()
    assert raw_project["properties"]["hubResourceId"] == workspace_id(rg, "hub1")


def test_mgmt_sdk_gets_and_lists(ml_mgmt, hub_and_project):
    rg, hub, project = hub_and_project
    got = ml_mgmt.workspaces.get(rg, "proj1")
    assert got.id == project.id and got.location == "eastus"
    assert sorted(w.name for w in ml_mgmt.workspaces.list_by_resource_group(rg)) == ["hub1", "proj1"]
    assert {"hub1", "proj1"} <= {w.name for w in ml_mgmt.workspaces.list_by_subscription()}
    with pytest.raises(ResourceNotFoundError):
        ml_mgmt.workspaces.get(rg, "nope1")


def test_mgmt_sdk_refuses_a_project_without_a_hub(ml_mgmt, resource_group):
    with pytest.raises(HttpResponseError) as error:
        ml_mgmt.workspaces.begin_create_or_update(
            resource_group, "orphan",
            body({"location": "eastus", "kind": "Project",
                  "properties": {"hubResourceId": workspace_id(resource_group, "ghost")}})).result(timeout=60)
    assert error.value.status_code == 400
    assert "was not found or is not of kind 'Hub'" in error.value.message


def test_mgmt_sdk_connections_create_list_delete(ml_mgmt, hub_and_project):
    rg, _, _ = hub_and_project
    created = ml_mgmt.workspace_connections.create(
        rg, "hub1", "search1",
        body({"properties": {"category": "CognitiveSearch", "authType": "ApiKey", "target": "https://s.search.windows.net",
                             "credentials": {"key": "k"}, "isSharedToAll": True}}))
    assert created.name == "search1" and created.category == "CognitiveSearch"
    # The hub's shared connection is listed in the project.
    assert [c.name for c in ml_mgmt.workspace_connections.list(rg, "proj1")] == ["search1"]
    assert [c.name for c in ml_mgmt.workspace_connections.list(rg, "hub1", category="CognitiveSearch")] == ["search1"]
    ml_mgmt.workspace_connections.delete(rg, "hub1", "search1")
    assert list(ml_mgmt.workspace_connections.list(rg, "hub1")) == []


def test_mgmt_sdk_deletes_project_then_hub(ml_mgmt, hub_and_project):
    rg, _, _ = hub_and_project
    with pytest.raises(HttpResponseError) as refused:
        ml_mgmt.workspaces.begin_delete(rg, "hub1").result(timeout=60)
    assert refused.value.status_code == 409
    ml_mgmt.workspaces.begin_delete(rg, "proj1").result(timeout=60)
    ml_mgmt.workspaces.begin_delete(rg, "hub1").result(timeout=60)
    assert list(ml_mgmt.workspaces.list_by_resource_group(rg)) == []


# -- azure-ai-ml ------------------------------------------------------------------------------

@pytest.fixture
def ml_client_factory(emulator, credential, monkeypatch):
    """MLClient(cloud=..., cloud_metadata=...) bound to the emulator, as docs/hubs-and-projects.md shows."""
    from azure.ai.ml import MLClient

    monkeypatch.setenv("REQUESTS_CA_BUNDLE", emulator.cert_path)
    metadata = {
        "azure_portal": emulator.base_url + "/",
        "resource_manager": emulator.base_url + "/",
        "active_directory": emulator.base_url + "/",
        "aml_resource_id": emulator.base_url + "/",
        "storage_endpoint": "core.windows.net",
        "registry_discovery_endpoint": emulator.base_url + "/",
    }

    def make(resource_group: str, workspace_name: str | None = None) -> MLClient:
        return MLClient(credential, SUBSCRIPTION_ID, resource_group, workspace_name=workspace_name,
                        cloud="FoundryEmulator", cloud_metadata=metadata)

    return make


def test_azure_ai_ml_gets_and_lists_hubs_and_projects(ml_client_factory, hub_and_project):
    from azure.ai.ml.entities import Hub, Project

    rg, hub, _ = hub_and_project
    ml = ml_client_factory(rg)
    got_hub = ml.workspaces.get("hub1")
    assert isinstance(got_hub, Hub)
    assert got_hub.id == hub.id
    got_project = ml.workspaces.get("proj1")
    assert isinstance(got_project, Project)
    assert got_project.hub_id == hub.id
    assert sorted(w.name for w in ml.workspaces.list()) == ["hub1", "proj1"]


def test_azure_ai_ml_creates_and_lists_connections(ml_client_factory, hub_and_project):
    from azure.ai.ml.entities import AzureOpenAIConnection

    rg, _, _ = hub_and_project
    hub_ml = ml_client_factory(rg, "hub1")
    created = hub_ml.connections.create_or_update(
        AzureOpenAIConnection(name="aoai1", azure_endpoint="https://aoai1.openai.azure.com/", api_key="secret-key",
                              api_version="2024-02-01"))
    assert created.name == "aoai1"
    assert created.type == "azure_open_ai"
    # The hub's connection reaches the project; only listsecrets reveals the key.
    project_ml = ml_client_factory(rg, "proj1")
    assert [c.name for c in project_ml.connections.list()] == ["aoai1"]
    fetched = project_ml.connections.get("aoai1", populate_secrets=True)
    assert fetched.api_key == "secret-key"


def test_azure_ai_ml_lists_connections_made_by_other_clients(ml_client_factory, ml_mgmt, hub_and_project):
    # A connection created without metadata (az rest, Bicep, the mgmt SDK) is still listable by MLClient.
    rg, _, _ = hub_and_project
    ml_mgmt.workspace_connections.create(
        rg, "hub1", "search1",
        body({"properties": {"category": "CognitiveSearch", "authType": "ApiKey", "target": "https://s.search.windows.net",
                             "credentials": {"key": "k"}}}))
    names = [c.name for c in ml_client_factory(rg, "proj1").connections.list()]
    assert names == ["search1"]


# -- az ---------------------------------------------------------------------------------------

def test_az_rest_creates_a_hub_and_a_project_and_lists_them(az_sp, unique_name):
    rg = unique_name("rg")
    az_sp.run("group", "create", "-n", rg, "-l", "eastus")
    hub_url = workspace_id(rg, "hub1") + f"?api-version={API}"
    hub = az_sp.run("rest", "--method", "put", "--url", hub_url, "--body",
                    json.dumps({"location": "eastus", "kind": "Hub", "properties": {}})).json
    assert hub["properties"]["provisioningState"] == "Succeeded"
    project = az_sp.run("rest", "--method", "put", "--url", workspace_id(rg, "proj1") + f"?api-version={API}", "--body",
                        json.dumps({"kind": "Project", "properties": {"hubResourceId": hub["id"]}})).json
    assert project["location"] == "eastus"
    assert project["properties"]["storageAccount"] == hub["properties"]["storageAccount"]
    types = sorted(r["type"] for r in az_sp.run("resource", "list", "-g", rg).json)
    assert types == ["Microsoft.KeyVault/vaults", "Microsoft.MachineLearningServices/workspaces",
                     "Microsoft.MachineLearningServices/workspaces", "Microsoft.Storage/storageAccounts"]
    refused = az_sp.run("rest", "--method", "delete", "--url", hub_url, check=False)
    assert refused.returncode != 0 and "Conflict" in refused.stderr
    az_sp.run("group", "delete", "-n", rg, "--yes")


def test_azure_ai_ml_deletes_a_hub_with_its_dependent_resources(ml_client_factory, ml_mgmt, resource_group, http, auth_headers):
    hub = ml_mgmt.workspaces.begin_create_or_update(
        resource_group, "hub2", body({"location": "eastus", "kind": "Hub", "properties": {}})).result(timeout=60)
    ml = ml_client_factory(resource_group)
    ml.workspaces.begin_delete("hub2", delete_dependent_resources=True, permanently_delete=True).result(timeout=60)
    for resource_id in (hub.storage_account, hub.key_vault, hub.id):
        response = http.get(resource_id + "?api-version=2024-10-01", headers=auth_headers)
        assert response.status_code == 404, f"{resource_id}: {response.status_code}"
    # Purged, so the name is free again.
    again = ml_mgmt.workspaces.begin_create_or_update(
        resource_group, "hub2", body({"location": "eastus", "kind": "Hub", "properties": {}})).result(timeout=60)
    assert again.provisioning_state == "Succeeded"


def test_a_projects_identity_is_a_managed_identity_that_gets_tokens(hub_and_project, http, emulator):
    from emulator_support import IDENTITY_HEADER, jwt_payload

    _, _, project = hub_and_project
    response = http.get("/msi/token", params={"api-version": "2019-08-01", "resource": emulator.base_url,
                                              "mi_res_id": project.id},
                        headers={"X-IDENTITY-HEADER": IDENTITY_HEADER, "Metadata": "true"})
    assert response.status_code == 200, response.text[:300]
    assert jwt_payload(response.json()["access_token"])["oid"] == project.identity.principal_id


def test_azure_ai_ml_updates_a_hub_and_a_project(ml_client_factory, hub_and_project):
    rg, _, _ = hub_and_project
    ml = ml_client_factory(rg)
    hub = ml.workspaces.get("hub1")
    hub.description = "updated by azure-ai-ml"
    hub.tags = {"team": "ai"}
    updated = ml.workspaces.begin_update(hub).result(timeout=60)
    assert updated.description == "updated by azure-ai-ml"
    assert updated.tags == {"team": "ai"}
    project = ml.workspaces.get("proj1")
    project.display_name = "Project One"
    assert ml.workspaces.begin_update(project).result(timeout=60).display_name == "Project One"


# -- azure-ai-ml begin_create (ARM template deployments) ----------------------------------------

def test_azure_ai_ml_begin_create_hub_and_project_through_templates(deployments_client, ml_client_factory, resource_client, resource_group,
                                                                     http, auth_headers):
    from azure.ai.ml.entities import Hub, Project

    ml = ml_client_factory(resource_group)
    hub = ml.workspaces.begin_create(Hub(name="hub3", location="eastus")).result(timeout=180)
    assert isinstance(hub, Hub)
    assert hub.id == workspace_id(resource_group, "hub3")
    assert "/providers/Microsoft.Storage/storageAccounts/" in hub.storage_account
    assert "/providers/Microsoft.KeyVault/vaults/" in hub.key_vault
    project = ml.workspaces.begin_create(Project(name="proj3", hub_id=hub.id)).result(timeout=180)
    assert isinstance(project, Project)
    assert project.hub_id == hub.id and project.location == "eastus"
    # The SDK went through Microsoft.Resources/deployments: both deployments are recorded and succeeded.
    deployments = list(deployments_client.deployments.list_by_resource_group(resource_group))
    assert {d.properties.provisioning_state for d in deployments} == {"Succeeded"}
    assert {d.name.split("-")[0] for d in deployments} >= {"hub3", "proj3"}
    types = sorted(r.type for r in resource_client.resources.list_by_resource_group(resource_group))
    assert types == ["Microsoft.KeyVault/vaults", "Microsoft.MachineLearningServices/workspaces",
                     "Microsoft.MachineLearningServices/workspaces", "Microsoft.Storage/storageAccounts"]
    assert sorted(w.name for w in ml.workspaces.list()) == ["hub3", "proj3"]
    assert ml.workspaces.get("proj3").hub_id == hub.id

    ml.workspaces.begin_delete("proj3", delete_dependent_resources=True, permanently_delete=True).result(timeout=120)
    # The project's dependents are the hub's: deleting the project leaves the hub and its storage alone.
    assert http.get(hub.storage_account + "?api-version=2023-05-01", headers=auth_headers).status_code == 200
    ml.workspaces.begin_delete("hub3", delete_dependent_resources=True, permanently_delete=True).result(timeout=120)
    for resource_id in (hub.storage_account, hub.key_vault, hub.id, project.id):
        assert http.get(resource_id + "?api-version=2024-10-01", headers=auth_headers).status_code == 404, resource_id


# -- az deployment group create with a template file ----------------------------------------------

def test_az_deployment_group_create_makes_a_hub_a_project_and_a_connection(az_sp, ml_mgmt, unique_name, http, auth_headers):
    rg = unique_name("rgtpl")
    az_sp.run("group", "create", "-n", rg, "-l", "eastus")
    result = az_sp.run("deployment", "group", "create", "-g", rg, "-n", "foundry", "--template-file", str(TEMPLATE_FILE),
                       "--parameters", "hubName=hub1", "projectName=proj1", "openAIKey=secret-key", timeout=180).json
    assert result["properties"]["provisioningState"] == "Succeeded"
    outputs = result["properties"]["outputs"]
    assert outputs["hubId"]["value"] == workspace_id(rg, "hub1")
    assert outputs["projectId"]["value"] == workspace_id(rg, "proj1")

    hub = ml_mgmt.workspaces.get(rg, "hub1")
    project = ml_mgmt.workspaces.get(rg, "proj1")
    assert outputs["projectWorkspaceId"]["value"] == project.workspace_id
    assert "/providers/Microsoft.Storage/storageAccounts/st" in hub.storage_account
    assert project.storage_account == hub.storage_account and project.key_vault == hub.key_vault
    # The hub's shared connection reaches the project; its key only through listsecrets.
    assert [c.name for c in ml_mgmt.workspace_connections.list(rg, "proj1")] == ["aoai"]
    # (azure-mgmt-machinelearningservices 1.0.1 has no list_secrets: a raw POST.)
    secrets = http.post(workspace_id(rg, "hub1") + f"/connections/aoai/listsecrets?api-version={API}", headers=auth_headers)
    assert secrets.status_code == 200, secrets.text[:300]
    assert secrets.json()["properties"]["credentials"]["key"] == "secret-key"
    got = http.get(workspace_id(rg, "hub1") + f"/connections/aoai?api-version={API}", headers=auth_headers).json()
    assert "key" not in json.dumps(got["properties"].get("credentials") or {})

    types = sorted(r["type"] for r in az_sp.run("resource", "list", "-g", rg).json)
    assert types == ["Microsoft.KeyVault/vaults", "Microsoft.MachineLearningServices/workspaces",
                     "Microsoft.MachineLearningServices/workspaces", "Microsoft.Storage/storageAccounts"]
    operations = az_sp.run("deployment", "operation", "group", "list", "-g", rg, "-n", "foundry").json
    assert sorted(op["properties"]["targetResource"]["resourceType"] for op in operations) == [
        "Microsoft.KeyVault/vaults", "Microsoft.MachineLearningServices/workspaces",
        "Microsoft.MachineLearningServices/workspaces", "Microsoft.MachineLearningServices/workspaces/connections",
        "Microsoft.Storage/storageAccounts"]
    assert {op["properties"]["provisioningState"] for op in operations} == {"Succeeded"}
    az_sp.run("group", "delete", "-n", rg, "--yes", output=None, timeout=120)


def test_az_deployment_of_a_project_naming_a_missing_hub_fails_with_the_projects_error(az_sp, unique_name):
    rg = unique_name("rgtpl")
    az_sp.run("group", "create", "-n", rg, "-l", "eastus")
    failed = az_sp.run("deployment", "group", "create", "-g", rg, "-n", "orphan", "--template-file", str(TEMPLATE_FILE),
                       "--parameters", "deployHub=false", "hubName=ghost", "projectName=orphan", check=False, timeout=180)
    assert failed.returncode != 0
    assert "DeploymentFailed" in failed.stderr, failed.stderr
    assert f"Hub workspace '{workspace_id(rg, 'ghost')}' was not found or is not of kind 'Hub'." in failed.stderr
    shown = az_sp.run("deployment", "group", "show", "-g", rg, "-n", "orphan").json
    assert shown["properties"]["provisioningState"] == "Failed"
    operations = az_sp.run("deployment", "operation", "group", "list", "-g", rg, "-n", "orphan").json
    assert [op["properties"]["provisioningState"] for op in operations] == ["Failed"]
    assert operations[0]["properties"]["statusCode"] == "BadRequest"
    assert operations[0]["properties"]["targetResource"]["resourceName"] == "orphan"
    assert az_sp.run("resource", "list", "-g", rg).json == []
    az_sp.run("group", "delete", "-n", rg, "--yes", output=None, timeout=120)


# -- RBAC: the linked access check on the hub, and the resource-group cascade --------------------

def test_project_creation_needs_hubs_join_on_the_hub_and_group_deletion_cleans_up(
        emulator, http, auth_headers, credential, ml_mgmt, resource_client, unique_name, sdk_kwargs):
    from azure.identity import ClientSecretCredential
    from azure.mgmt.authorization import AuthorizationManagementClient
    from azure.mgmt.machinelearningservices import MachineLearningServicesMgmtClient

    hubs_rg, projects_rg = unique_name("rghub"), unique_name("rgprj")
    for rg in (hubs_rg, projects_rg):
        resource_client.resource_groups.create_or_update(rg, {"location": "eastus"})
    hub = ml_mgmt.workspaces.begin_create_or_update(
        hubs_rg, "hub1", body({"location": "eastus", "kind": "Hub", "properties": {}})).result(timeout=60)

    principal = http.post("/_emulator/principals", json={"displayName": f"ml-dev-{uuid.uuid4().hex[:6]}"}).json()
    authz = AuthorizationManagementClient(credential, SUBSCRIPTION_ID, **sdk_kwargs)

    def assign(scope: str, role_guid: str) -> None:
        authz.role_assignments.create(scope, str(uuid.uuid4()), {"properties": {
            "roleDefinitionId": f"/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/{role_guid}",
            "principalId": principal["objectId"], "principalType": "ServicePrincipal"}})

    contributor, ai_developer = "b24988ac-6180-42a0-ab88-20f7382dd24c", "64702f94-c441-49e6-a78b-ef80e0188fee"
    assign(f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{projects_rg}", contributor)
    developer_credential = ClientSecretCredential(TENANT_ID, principal["clientId"], principal["clientSecret"], authority=emulator.base_url,
                                        disable_instance_discovery=True, connection_verify=emulator.cert_path,
                                        **SDK_TRANSPORT_KWARGS)
    developer = MachineLearningServicesMgmtClient(developer_credential, SUBSCRIPTION_ID, api_version=API, **sdk_kwargs)
    def project_body():  # a fresh stream per request: the SDK reads it to the end
        return body({"kind": "Project", "identity": {"type": "SystemAssigned"}, "properties": {"hubResourceId": hub.id}})

    with pytest.raises(HttpResponseError) as denied:
        developer.workspaces.begin_create_or_update(projects_rg, "proj1", project_body()).result(timeout=60)
    assert denied.value.status_code == 403
    assert denied.value.error.code == "LinkedAuthorizationFailed"
    assert denied.value.error.message == (
        f"The client '{principal['clientId']}' with object id '{principal['objectId']}' has permission to perform action "
        f"'Microsoft.MachineLearningServices/workspaces/write' on scope '{workspace_id(projects_rg, 'proj1')}'; however, it "
        "does not have permission to perform action(s) 'Microsoft.MachineLearningServices/workspaces/hubs/join/action' on "
        f"the linked scope(s) '{hub.id}' (respectively) or the linked scope(s) are invalid.")

    # Azure AI Developer on the hub grants the join (workspaces/*/action).
    assign(hub.id, ai_developer)
    project = developer.workspaces.begin_create_or_update(projects_rg, "proj1", project_body()).result(timeout=60)
    assert project.identity.principal_id
    storage_assignments = [a for a in authz.role_assignments.list_for_scope(hub.storage_account, filter="atScope()")
                           if a.principal_id == project.identity.principal_id]
    assert len(storage_assignments) == 1

    # Deleting the project's group removes what the project held on the hub's side.
    resource_client.resource_groups.begin_delete(projects_rg).result(timeout=120)
    assert [a for a in authz.role_assignments.list_for_scope(hub.storage_account, filter="atScope()")
            if a.principal_id == project.identity.principal_id] == []
    raw_hub = http.get(hub.id + f"?api-version={API}", headers=auth_headers).json()
    assert raw_hub["properties"]["associatedWorkspaces"] == []
    token = http.get("/msi/token", params={"api-version": "2019-08-01", "resource": emulator.base_url, "mi_res_id": project.id},
                     headers={"X-IDENTITY-HEADER": IDENTITY_HEADER, "Metadata": "true"})
    assert token.status_code >= 400, token.text[:200]
    developer.close()
    authz.close()
    resource_client.resource_groups.begin_delete(hubs_rg).result(timeout=120)


def test_azure_ai_ml_begin_create_default_workspace(ml_client_factory, resource_client, resource_group, http, auth_headers):
    """A Default-kind workspace: azure-ai-ml's template also makes Application Insights and its Log
    Analytics workspace (Microsoft.OperationalInsights/workspaces)."""
    from azure.ai.ml.entities import Workspace

    ml = ml_client_factory(resource_group)
    workspace = ml.workspaces.begin_create(Workspace(name="ws1", location="eastus")).result(timeout=180)
    assert workspace.id == workspace_id(resource_group, "ws1")
    assert "/providers/Microsoft.Insights/components/" in workspace.application_insights
    types = sorted(r.type for r in resource_client.resources.list_by_resource_group(resource_group))
    assert types == ["Microsoft.Insights/components", "Microsoft.KeyVault/vaults", "Microsoft.MachineLearningServices/workspaces",
                     "Microsoft.OperationalInsights/workspaces", "Microsoft.Storage/storageAccounts"]
    raw = http.get(workspace.id + f"?api-version={API}", headers=auth_headers).json()
    assert raw["kind"].lower() == "default"
    ml.workspaces.begin_delete("ws1", delete_dependent_resources=True, permanently_delete=True).result(timeout=120)
    for resource_id in (workspace.storage_account, workspace.key_vault, workspace.application_insights, workspace.id):
        assert http.get(resource_id + "?api-version=2023-05-01", headers=auth_headers).status_code == 404, resource_id
