"""Azure RBAC (issue 5 sections 1-2) through the real clients: azure-mgmt-authorization 5.0.0b2,
azure-mgmt-resource, azure-identity and the Azure CLI 2.91.0.

Every test makes its own principals with POST /_emulator/principals, so they start with no role.
"""

from __future__ import annotations

import uuid

import pytest

from conftest import SDK_TRANSPORT_KWARGS
from emulator_support import OPERATOR_OBJECT_ID, SUBSCRIPTION_ID, TENANT_ID, AzCli

SUB_SCOPE = f"/subscriptions/{SUBSCRIPTION_ID}"
READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c"
OPENAI_USER = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"
BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"


def props(assignment: dict) -> dict:
    """The assignment's properties, nested (az 2.91 output) or flattened (older az)."""
    return assignment.get("properties") or assignment


def role_id(guid: str) -> str:
    return f"{SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/{guid}"


@pytest.fixture
def new_principal(http):
    def make(name: str = "rbac-test") -> dict:
        response = http.post("/_emulator/principals", json={"displayName": f"{name}-{uuid.uuid4().hex[:6]}"})
        assert response.status_code == 201, response.text
        return response.json()

    return make


@pytest.fixture(scope="module")
def authorization_client(credential, sdk_kwargs):
    from azure.mgmt.authorization import AuthorizationManagementClient

    client = AuthorizationManagementClient(credential, SUBSCRIPTION_ID, **sdk_kwargs)
    yield client
    client.close()


@pytest.fixture
def group(resource_client, unique_name):
    name = unique_name("rbac")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus"})
    yield name
    resource_client.resource_groups.begin_delete(name)


def credential_for(emulator, principal: dict):
    from azure.identity import ClientSecretCredential

    return ClientSecretCredential(TENANT_ID, principal["clientId"], principal["clientSecret"], authority=emulator.base_url,
                                  disable_instance_discovery=True, connection_verify=emulator.cert_path,
                                  **SDK_TRANSPORT_KWARGS)


# -- azure-mgmt-authorization -------------------------------------------------------------------

def test_sdk_lists_and_gets_role_definitions(authorization_client):
    readers = list(authorization_client.role_definitions.list(SUB_SCOPE, filter="roleName eq 'Reader'"))
    assert [r.name for r in readers] == [READER]
    assert readers[0].role_name == "Reader"
    assert readers[0].permissions[0].actions == ["*/read"]
    assert readers[0].id == role_id(READER)

    built_ins = list(authorization_client.role_definitions.list(SUB_SCOPE, filter="type eq 'BuiltInRole'"))
    names = {r.role_name for r in built_ins}
    assert {"Owner", "Contributor", "Azure AI Developer", "Cognitive Services OpenAI User", "Key Vault Secrets User"} <= names

    owner = authorization_client.role_definitions.get_by_id(f"/providers/Microsoft.Authorization/roleDefinitions/{CONTRIBUTOR}")
    assert owner.role_name == "Contributor"


def test_sdk_creates_lists_gets_and_deletes_role_assignments(authorization_client, group, new_principal):
    principal = new_principal()
    scope = f"{SUB_SCOPE}/resourceGroups/{group}"
    name = str(uuid.uuid4())
    created = authorization_client.role_assignments.create(
        scope, name, {"properties": {"roleDefinitionId": role_id(READER), "principalId": principal["objectId"],
                                     "principalType": "ServicePrincipal"}})
    assert created.name == name
    assert created.scope == scope
    assert created.principal_id == principal["objectId"]
    assert created.role_definition_id == role_id(READER)

    at_scope = list(authorization_client.role_assignments.list_for_scope(scope, filter="atScope()"))
    assert name in {a.name for a in at_scope}
    assert OPERATOR_OBJECT_ID in {a.principal_id for a in at_scope}  # inherited from the subscription
    for_group = list(authorization_client.role_assignments.list_for_resource_group(group))
    assert name in {a.name for a in for_group}
    by_principal = list(authorization_client.role_assignments.list_for_subscription(
        filter=f"principalId eq '{principal['objectId']}'"))
    assert [a.name for a in by_principal] == [name]
    assert authorization_client.role_assignments.get(scope, name).principal_type == "ServicePrincipal"

    from azure.core.exceptions import ResourceExistsError
    with pytest.raises(ResourceExistsError) as duplicate:
        authorization_client.role_assignments.create(
            scope, str(uuid.uuid4()), {"properties": {"roleDefinitionId": role_id(READER), "principalId": principal["objectId"]}})
    assert duplicate.value.error.code == "RoleAssignmentExists"

    deleted = authorization_client.role_assignments.delete(scope, name)
    assert deleted is not None and deleted.name == name
    assert authorization_client.role_assignments.delete(scope, name) is None  # 204
    assert name not in {a.name for a in authorization_client.role_assignments.list_for_scope(scope)}


def test_sdk_reads_permissions(emulator, authorization_client, group, new_principal, sdk_kwargs):
    from azure.mgmt.authorization import AuthorizationManagementClient

    principal = new_principal()
    scope = f"{SUB_SCOPE}/resourceGroups/{group}"
    authorization_client.role_assignments.create(
        scope, str(uuid.uuid4()), {"properties": {"roleDefinitionId": role_id(READER), "principalId": principal["objectId"],
                                                  "principalType": "ServicePrincipal"}})
    cred = credential_for(emulator, principal)
    client = AuthorizationManagementClient(cred, SUBSCRIPTION_ID, **sdk_kwargs)
    try:
        permissions = list(client.permissions.list_for_resource_group(group))
        assert [p.actions for p in permissions] == [["*/read"]]
        assert permissions[0].not_actions == []
    finally:
        client.close()
        cred.close()


def test_a_principal_without_a_role_gets_the_exact_authorization_failed(emulator, new_principal, sdk_kwargs, unique_name):
    from azure.core.exceptions import HttpResponseError
    from azure.mgmt.resource.resources import ResourceManagementClient

    principal = new_principal("no-role")
    cred = credential_for(emulator, principal)
    client = ResourceManagementClient(cred, SUBSCRIPTION_ID, **sdk_kwargs)
    name = unique_name("denied")
    try:
        with pytest.raises(HttpResponseError) as denied:
            client.resource_groups.create_or_update(name, {"location": "eastus"})
        assert denied.value.status_code == 403
        assert denied.value.error.code == "AuthorizationFailed"
        assert denied.value.error.message == (
            f"The client '{principal['clientId']}' with object id '{principal['objectId']}' does not have authorization to "
            f"perform action 'Microsoft.Resources/subscriptions/resourceGroups/write' over scope "
            f"'{SUB_SCOPE}/resourceGroups/{name}' or the scope is invalid. If access was recently granted, please refresh "
            f"your credentials.")
        # Lists are filtered, not refused: nothing is visible without a role.
        assert list(client.resource_groups.list()) == []
    finally:
        client.close()
        cred.close()


# -- the Azure CLI ------------------------------------------------------------------------------

def test_az_role_definition_list_by_name(az_sp: AzCli):
    roles = az_sp.run("role", "definition", "list", "--name", "Cognitive Services OpenAI User").json
    assert [r["name"] for r in roles] == [OPENAI_USER]
    assert roles[0]["roleName"] == "Cognitive Services OpenAI User"


def test_az_role_assignment_create_list_delete_by_app_id_and_upn(az_sp: AzCli, http, group, new_principal):
    principal = new_principal("az")
    scope = f"{SUB_SCOPE}/resourceGroups/{group}"
    # --assignee <appId> makes az look the principal up in Graph (servicePrincipalNames/any).
    created = az_sp.run("role", "assignment", "create", "--assignee", principal["clientId"], "--role", "Reader",
                        "--scope", scope).json
    # az 2.91 prints the assignment as ARM returns it, properties nested.
    assert props(created)["principalId"] == principal["objectId"]
    assert props(created)["scope"] == scope
    assert props(created)["roleDefinitionId"].endswith(READER)

    upn = f"rbac-{uuid.uuid4().hex[:6]}@foundryemulator.onmicrosoft.com"
    user = http.post("/_emulator/principals", json={"userPrincipalName": upn, "password": "Pa55word!"}).json()
    by_upn = az_sp.run("role", "assignment", "create", "--assignee", upn, "--role", "Contributor", "--scope", scope).json
    assert props(by_upn)["principalId"] == user["objectId"]
    assert props(by_upn)["principalType"] == "User"

    listed = az_sp.run("role", "assignment", "list", "--scope", scope).json
    assert {(props(a)["principalId"], a.get("roleDefinitionName") or props(a).get("roleDefinitionName")) for a in listed} >= {
        (principal["objectId"], "Reader"), (user["objectId"], "Contributor")}
    every = az_sp.run("role", "assignment", "list", "--all").json
    assert created["id"] in {a["id"] for a in every}
    assert OPERATOR_OBJECT_ID in {props(a)["principalId"] for a in every}

    az_sp.run("role", "assignment", "delete", "--assignee", principal["clientId"], "--role", "Reader", "--scope", scope,
              output=None)
    az_sp.run("role", "assignment", "delete", "--ids", by_upn["id"], output=None)
    remaining = az_sp.run("role", "assignment", "list", "--scope", scope).json
    assert not {principal["objectId"], user["objectId"]} & {props(a)["principalId"] for a in remaining}


# -- Graph-lite and the operator API -----------------------------------------------------------

def test_graph_lookups_return_the_tokens_object_id(http, auth_headers, new_principal):
    principal = new_principal("graph")
    found = http.get(f"/v1.0/servicePrincipals?$filter=servicePrincipalNames/any(c:c eq '{principal['clientId']}')",
                     headers=auth_headers)
    assert found.status_code == 200, found.text
    assert [p["id"] for p in found.json()["value"]] == [principal["objectId"]]
    by_app = http.get(f"/v1.0/servicePrincipals?$filter=appId eq '{principal['clientId']}'", headers=auth_headers).json()
    assert by_app["value"][0]["appId"] == principal["clientId"]
    one = http.get(f"/v1.0/servicePrincipals/{principal['objectId']}", headers=auth_headers)
    assert one.json()["displayName"] == principal["displayName"]
    missing = http.get(f"/v1.0/users/{uuid.uuid4()}", headers=auth_headers)
    assert missing.status_code == 404
    objects = http.post("/v1.0/directoryObjects/getByIds", json={"ids": [principal["objectId"], OPERATOR_OBJECT_ID]},
                        headers=auth_headers).json()["value"]
    assert {o["id"] for o in objects} == {principal["objectId"], OPERATOR_OBJECT_ID}
    assert all(o["@odata.type"] == "#microsoft.graph.servicePrincipal" for o in objects)
    # The object id equals the token's oid.
    from emulator_support import jwt_payload
    token = http.post(f"/{TENANT_ID}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": principal["clientId"], "client_secret": principal["clientSecret"],
        "scope": "https://management.azure.com/.default"}).json()["access_token"]
    assert jwt_payload(token)["oid"] == principal["objectId"]
    listed = http.get("/_emulator/principals").json()["value"]
    assert principal["objectId"] in {p["objectId"] for p in listed}
    assert {"ServicePrincipal", "User", "ManagedIdentity"} <= {p["type"] for p in listed}


def test_check_access_evaluates_abac_conditions(http, authorization_client, group, new_principal):
    principal = new_principal("project-identity")
    scope = f"{SUB_SCOPE}/resourceGroups/{group}"
    prefix = str(uuid.uuid4())
    condition = ("((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'})) OR "
                 f"(@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringStartsWith '{prefix}'))")
    authorization_client.role_assignments.create(
        scope, str(uuid.uuid4()), {"properties": {"roleDefinitionId": role_id(BLOB_DATA_CONTRIBUTOR),
                                                  "principalId": principal["objectId"], "principalType": "ServicePrincipal",
                                                  "condition": condition, "conditionVersion": "2.0"}})
    account = f"{scope}/providers/Microsoft.Storage/storageAccounts/hubstorage/blobServices/default/containers"

    def check(container: str) -> dict:
        response = http.post("/_emulator/checkAccess", json={
            "principalId": principal["objectId"],
            "dataAction": "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
            "scope": f"{account}/{container}",
            "attributes": {"@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name]": container}})
        assert response.status_code == 200, response.text
        return response.json()

    own = check(f"{prefix}-azureml-blobstore")
    assert own["allowed"] is True and own["roleName"] == "Storage Blob Data Contributor"
    sibling = check(f"{uuid.uuid4()}-azureml-blobstore")
    assert sibling["allowed"] is False and sibling["deniedByCondition"] is True

    bad = authorization_client.role_assignments.create
    from azure.core.exceptions import HttpResponseError
    with pytest.raises(HttpResponseError) as invalid:
        bad(scope, str(uuid.uuid4()), {"properties": {"roleDefinitionId": role_id(READER), "principalId": principal["objectId"],
                                                      "principalType": "ServicePrincipal", "condition": "@Resource[x] Nope 'y'",
                                                      "conditionVersion": "2.0"}})
    assert invalid.value.status_code == 400
