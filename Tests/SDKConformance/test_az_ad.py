"""`az ad` against the emulator's Graph (docs/rbac-and-hub-proxy.md "Graph writes, groups and directory rights"): the
real Azure CLI creates applications, service principals, users and groups, signs in with what it
created, and groups grant their members on the control plane and the data plane.
"""

from __future__ import annotations

import uuid

import pytest

from emulator_support import (
    AOAI_API_VERSION,
    COGNITIVE_SCOPE,
    COGNITIVE_SERVICES_OPENAI_USER,
    SUBSCRIPTION_ID,
    TENANT_ID,
    USER_NAME,
    AzCli,
    tls_context,
)

READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
DOMAIN = USER_NAME.split("@")[1]


@pytest.fixture(scope="module")
def httpx_client(cert_path):
    import openai

    client = openai.DefaultHttpxClient(verify=tls_context(cert_path), timeout=60)
    yield client
    client.close()


def new_az(emulator, tmp_path_factory) -> AzCli:
    cli = AzCli(emulator, tmp_path_factory.mktemp("azure-config-ad"))
    cli.use_emulator_cloud()
    return cli


def test_create_for_rbac_then_login_acts_within_scope_only(az_sp: AzCli, emulator, tmp_path_factory, unique_name):
    inside, outside = unique_name("rbacin"), unique_name("rbacout")
    for group in (inside, outside):
        az_sp.run("group", "create", "-n", group, "-l", "eastus", output=None)
    scope = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{inside}"
    name = f"ci-bot-{uuid.uuid4().hex[:6]}"
    created = az_sp.run("ad", "sp", "create-for-rbac", "--name", name, "--role", "Contributor", "--scopes", scope).json
    assert set(created) == {"appId", "displayName", "password", "tenant"}, created
    assert created["displayName"] == name and created["tenant"] == TENANT_ID
    assignments = az_sp.run("role", "assignment", "list", "--scope", scope, "--assignee", created["appId"]).json
    assert [a["roleDefinitionName"] for a in assignments] == ["Contributor"], assignments
    assert assignments[0]["principalType"] == "ServicePrincipal"

    bot = new_az(emulator, tmp_path_factory)
    accounts = bot.run("login", "--service-principal", "-u", created["appId"], "-p", created["password"],
                       "--tenant", created["tenant"]).json
    assert accounts[0]["user"] == {"name": created["appId"], "type": "servicePrincipal"}
    vault = unique_name("kv")[:20]
    made = bot.run("keyvault", "create", "-n", vault, "-g", inside, "-l", "eastus").json
    assert made["name"] == vault
    denied = bot.run("keyvault", "create", "-n", vault + "x", "-g", outside, "-l", "eastus", check=False)
    assert denied.returncode != 0
    assert "AuthorizationFailed" in denied.stderr, str(denied)
    # The bot has no directory rights: Graph answers Authorization_RequestDenied.
    refused = bot.run("ad", "group", "create", "--display-name", "nope", "--mail-nickname", "nope", check=False)
    assert refused.returncode != 0 and "Insufficient privileges" in refused.stderr, str(refused)

    # Running it again with the same name patches the application and replaces its password.
    again = az_sp.run("ad", "sp", "create-for-rbac", "--name", name).json
    assert again["appId"] == created["appId"] and again["password"] != created["password"]
    stale = new_az(emulator, tmp_path_factory).run(
        "login", "--service-principal", "-u", created["appId"], "-p", created["password"], "--tenant", TENANT_ID, check=False)
    assert stale.returncode != 0 and "AADSTS7000215" in stale.stderr, str(stale)


def test_app_and_service_principal_lifecycle(az_sp: AzCli):
    name = f"app-{uuid.uuid4().hex[:6]}"
    app = az_sp.run("ad", "app", "create", "--display-name", name).json
    assert app["displayName"] == name and app["id"] != app["appId"]
    assert az_sp.run("ad", "app", "show", "--id", app["appId"]).json["id"] == app["id"]
    assert [a["appId"] for a in az_sp.run("ad", "app", "list", "--display-name", name).json] == [app["appId"]]

    reset = az_sp.run("ad", "app", "credential", "reset", "--id", app["appId"]).json
    assert reset["appId"] == app["appId"] and reset["tenant"] == TENANT_ID and len(reset["password"]) >= 32
    credentials = az_sp.run("ad", "app", "credential", "list", "--id", app["appId"]).json
    assert [c["hint"] for c in credentials] == [reset["password"][:3]]
    assert credentials[0]["secretText"] is None

    sp = az_sp.run("ad", "sp", "create", "--id", app["appId"]).json
    assert sp["appId"] == app["appId"] and sp["servicePrincipalType"] == "Application"
    assert az_sp.run("ad", "sp", "show", "--id", app["appId"]).json["id"] == sp["id"]
    assert [s["id"] for s in az_sp.run("ad", "sp", "list", "--display-name", name).json] == [sp["id"]]
    duplicate = az_sp.run("ad", "sp", "create", "--id", app["appId"], check=False)
    assert duplicate.returncode != 0 and "already in use" in duplicate.stderr, str(duplicate)

    az_sp.run("ad", "sp", "delete", "--id", sp["id"], output=None)
    assert az_sp.run("ad", "sp", "list", "--display-name", name).json == []
    az_sp.run("ad", "app", "delete", "--id", app["appId"], output=None)
    missing = az_sp.run("ad", "app", "show", "--id", app["id"], check=False)
    assert missing.returncode != 0 and "does not exist" in missing.stderr, str(missing)


def test_users_lifecycle_and_signed_in_user(az_sp: AzCli, az: AzCli):
    upn = f"ann-{uuid.uuid4().hex[:6]}@{DOMAIN}"
    user = az_sp.run("ad", "user", "create", "--display-name", "Ann", "--password", "Pass-word-1",
                     "--user-principal-name", upn).json
    assert user["userPrincipalName"] == upn
    assert az_sp.run("ad", "user", "show", "--id", upn).json["id"] == user["id"]
    assert upn in [u["userPrincipalName"] for u in az_sp.run("ad", "user", "list").json]
    assert [u["id"] for u in az_sp.run("ad", "user", "list", "--upn", upn).json] == [user["id"]]
    foreign = az_sp.run("ad", "user", "create", "--display-name", "Bob", "--password", "Pass-word-1",
                        "--user-principal-name", "bob@contoso.com", check=False)
    assert foreign.returncode != 0 and "domain portion" in foreign.stderr, str(foreign)
    az_sp.run("ad", "user", "update", "--id", upn, "--display-name", "Ann B", "--password", "New-pass-word-2", output=None)
    assert az_sp.run("ad", "user", "show", "--id", user["id"]).json["displayName"] == "Ann B"
    az_sp.run("ad", "user", "delete", "--id", user["id"], output=None)
    gone = az_sp.run("ad", "user", "show", "--id", user["id"], check=False)
    assert gone.returncode != 0 and "does not exist" in gone.stderr, str(gone)

    # A service principal has no signed-in user; the default user (device code) has.
    app_only = az_sp.run("ad", "signed-in-user", "show", check=False)
    assert app_only.returncode != 0 and "delegated" in app_only.stderr, str(app_only)
    az.run("login", "--use-device-code", timeout=120, output=None)
    assert az.run("ad", "signed-in-user", "show").json["userPrincipalName"] == USER_NAME


def test_groups_and_members(az_sp: AzCli):
    suffix = uuid.uuid4().hex[:6]
    inner = az_sp.run("ad", "group", "create", "--display-name", f"devs-{suffix}", "--mail-nickname", f"devs-{suffix}").json
    outer = az_sp.run("ad", "group", "create", "--display-name", f"all-{suffix}", "--mail-nickname", f"all-{suffix}").json
    assert inner["securityEnabled"] is True and inner["mailEnabled"] is False
    assert az_sp.run("ad", "group", "show", "--group", inner["id"]).json["displayName"] == f"devs-{suffix}"
    user = az_sp.run("ad", "user", "show", "--id", USER_NAME).json

    az_sp.run("ad", "group", "member", "add", "--group", inner["id"], "--member-id", user["id"], output=None)
    again = az_sp.run("ad", "group", "member", "add", "--group", inner["id"], "--member-id", user["id"], check=False)
    assert again.returncode != 0 and "already exist" in again.stderr, str(again)
    az_sp.run("ad", "group", "member", "add", "--group", outer["id"], "--member-id", inner["id"], output=None)
    assert [m["id"] for m in az_sp.run("ad", "group", "member", "list", "--group", inner["id"]).json] == [user["id"]]
    # Membership is transitive: the user is in `outer` through `inner`.
    assert az_sp.run("ad", "group", "member", "check", "--group", outer["id"], "--member-id", user["id"]).json == {"value": True}

    az_sp.run("ad", "group", "member", "remove", "--group", inner["id"], "--member-id", user["id"], output=None)
    assert az_sp.run("ad", "group", "member", "check", "--group", outer["id"], "--member-id", user["id"]).json == {"value": False}
    for group in (inner, outer):
        az_sp.run("ad", "group", "delete", "--group", group["id"], output=None)
    missing = az_sp.run("ad", "group", "show", "--group", inner["id"], check=False)
    assert missing.returncode != 0 and "does not exist" in missing.stderr, str(missing)


def test_a_group_role_grants_its_members_on_the_control_plane(az_sp: AzCli, emulator, tmp_path_factory, unique_name):
    group_name = unique_name("grp")
    az_sp.run("group", "create", "-n", group_name, "-l", "eastus", output=None)
    scope = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{group_name}"
    bot = az_sp.run("ad", "sp", "create-for-rbac", "--name", f"member-{uuid.uuid4().hex[:6]}").json
    sp_id = az_sp.run("ad", "sp", "show", "--id", bot["appId"]).json["id"]
    team = az_sp.run("ad", "group", "create", "--display-name", group_name, "--mail-nickname", group_name).json
    assignment = az_sp.run("role", "assignment", "create", "--assignee-object-id", team["id"],
                           "--assignee-principal-type", "Group", "--role", "Reader", "--scope", scope).json
    assert assignment["properties"]["principalType"] == "Group"

    member = new_az(emulator, tmp_path_factory)
    member.run("login", "--service-principal", "-u", bot["appId"], "-p", bot["password"], "--tenant", TENANT_ID, output=None)
    outsider = member.run("group", "show", "-n", group_name, check=False)
    assert outsider.returncode != 0 and "AuthorizationFailed" in outsider.stderr, str(outsider)
    az_sp.run("ad", "group", "member", "add", "--group", team["id"], "--member-id", sp_id, output=None)
    assert member.run("group", "show", "-n", group_name).json["name"] == group_name
    # `az role assignment list --assignee` includes what the principal's groups hold.
    listed = az_sp.run("role", "assignment", "list", "--assignee", sp_id, "--scope", scope, "--include-groups").json
    assert [a["principalId"] for a in listed] == [team["id"]], listed
    az_sp.run("ad", "group", "member", "remove", "--group", team["id"], "--member-id", sp_id, output=None)
    again = member.run("group", "show", "-n", group_name, check=False)
    assert again.returncode != 0 and "AuthorizationFailed" in again.stderr, str(again)


def test_a_group_role_grants_its_members_on_the_data_plane(az_sp: AzCli, dataplane_account, data_principal, httpx_client):
    import openai
    from azure.identity import get_bearer_token_provider

    principal, cred = data_principal
    team = az_sp.run("ad", "group", "create", "--display-name", f"users-{uuid.uuid4().hex[:6]}",
                     "--mail-nickname", f"users-{uuid.uuid4().hex[:6]}").json
    az_sp.run("role", "assignment", "create", "--assignee-object-id", team["id"], "--assignee-principal-type", "Group",
              "--role", COGNITIVE_SERVICES_OPENAI_USER, "--scope", dataplane_account.id, output=None)
    client = openai.AzureOpenAI(azure_endpoint=dataplane_account.openai_endpoint, api_version=AOAI_API_VERSION,
                                azure_ad_token_provider=get_bearer_token_provider(cred, COGNITIVE_SCOPE),
                                http_client=httpx_client, max_retries=0)
    messages = [{"role": "user", "content": "Who am I?"}]
    with pytest.raises(openai.AuthenticationError):
        client.chat.completions.create(model="gpt-4o", messages=messages)
    az_sp.run("ad", "group", "member", "add", "--group", team["id"], "--member-id", principal["objectId"], output=None)
    assert client.chat.completions.create(model="gpt-4o", messages=messages).choices[0].message.content


def test_graph_errors_have_graphs_shape(http, auth_headers):
    missing = http.get(f"/v1.0/groups/{uuid.uuid4()}", headers=dict(auth_headers, **{"client-request-id": "c-1"}))
    assert missing.status_code == 404
    error = missing.json()["error"]
    assert error["code"] == "Request_ResourceNotFound"
    assert set(error["innerError"]) == {"date", "request-id", "client-request-id"}
    assert error["innerError"]["client-request-id"] == "c-1" and missing.headers["client-request-id"] == "c-1"
    bad = http.post("/v1.0/users", headers=auth_headers, json={"displayName": "x"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "Request_BadRequest"
    unsupported = http.get("/v1.0/users?$filter=displayName gt 'a'", headers=auth_headers)
    assert unsupported.status_code == 400 and unsupported.json()["error"]["code"] == "Request_UnsupportedQuery"


def test_new_directory_objects_are_in_the_state_and_removable(http, az_sp: AzCli):
    name = f"state-{uuid.uuid4().hex[:6]}"
    team = az_sp.run("ad", "group", "create", "--display-name", name, "--mail-nickname", name).json
    app = az_sp.run("ad", "app", "create", "--display-name", name).json
    state = http.get("/_emulator/state").json()["directory"]
    assert team["id"] in [g["objectId"] for g in state["groups"]]
    assert app["appId"] in [a["appId"] for a in state["applications"]]
    az_sp.run("ad", "group", "delete", "--group", team["id"], output=None)
    az_sp.run("ad", "app", "delete", "--id", app["id"], output=None)
    state = http.get("/_emulator/state").json()["directory"]
    assert team["id"] not in [g["objectId"] for g in state["groups"]]
    assert app["appId"] not in [a["appId"] for a in state["applications"]]
