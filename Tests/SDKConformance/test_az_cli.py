"""The Azure CLI 2.91.0, run as a subprocess with its own AZURE_CONFIG_DIR, against the emulator.

The command lines are the ones a user types.
"""

from __future__ import annotations

import json

from emulator_support import (
    IDENTITY_HEADER,
    OPERATOR_CLIENT_ID,
    SUBSCRIPTION_ID,
    TENANT_ID,
    USER_NAME,
    AzCli,
    same_origin,
    wait_until,
)

RG_ID_PREFIX = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/"


# -- cloud registration and logins -----------------------------------------------------------

def test_cloud_register_discovers_the_emulator_endpoints(az: AzCli, emulator):
    cloud = az.run("cloud", "show", "--name", "LocalEmulator").json
    endpoints = cloud["endpoints"]
    assert endpoints["resourceManager"].rstrip("/") == emulator.base_url
    assert same_origin(endpoints["activeDirectory"], emulator.base_url), endpoints
    assert endpoints["activeDirectoryResourceId"], endpoints
    assert cloud["isActive"] is True


def test_service_principal_login_and_account_show(az: AzCli):
    accounts = az.login_service_principal().json
    subscription = next((a for a in accounts if a["id"] == SUBSCRIPTION_ID), None)
    assert subscription is not None, accounts
    assert subscription["tenantId"] == TENANT_ID
    assert subscription["user"] == {"name": OPERATOR_CLIENT_ID, "type": "servicePrincipal"}
    assert subscription["state"] == "Enabled"

    account = az.run("account", "show").json
    assert account["id"] == SUBSCRIPTION_ID
    assert account["tenantId"] == TENANT_ID
    assert account["isDefault"] is True
    assert account["environmentName"] == "LocalEmulator"


def test_service_principal_login_with_wrong_secret_fails(az: AzCli):
    result = az.run("login", "--service-principal", "-u", OPERATOR_CLIENT_ID, "-p", "not-the-secret",
                    "--tenant", TENANT_ID, check=False)
    assert result.returncode != 0, str(result)
    assert "AADSTS7000215" in result.stderr, str(result)
    assert az.run("account", "list").json == []


def test_device_code_login_is_auto_approved_and_user_can_list_groups(az: AzCli):
    # The emulator approves the code for the default user at once, so this finishes without input.
    accounts = az.run("login", "--use-device-code", timeout=120).json
    subscription = next((a for a in accounts if a["id"] == SUBSCRIPTION_ID), None)
    assert subscription is not None, accounts
    assert subscription["tenantId"] == TENANT_ID
    assert subscription["user"] == {"name": USER_NAME, "type": "user"}

    account = az.run("account", "show").json
    assert account["user"]["name"] == USER_NAME
    groups = az.run("group", "list").json
    assert isinstance(groups, list)
    assert all(g["id"].startswith(RG_ID_PREFIX) for g in groups), groups


def test_managed_identity_login(az: AzCli, emulator):
    identity = {"IDENTITY_ENDPOINT": emulator.base_url + "/msi/token", "IDENTITY_HEADER": IDENTITY_HEADER}
    accounts = az.run("login", "--identity", extra_env=identity).json
    subscription = next((a for a in accounts if a["id"] == SUBSCRIPTION_ID), None)
    assert subscription is not None, accounts
    assert subscription["tenantId"] == TENANT_ID
    assert subscription["user"]["type"] == "servicePrincipal"
    assert subscription["user"]["name"] in ("systemAssignedIdentity", "userAssignedIdentity"), subscription
    account = az.run("account", "show", extra_env=identity).json
    assert account["id"] == SUBSCRIPTION_ID


# -- resource groups as the service principal ------------------------------------------------

def test_group_create_show_list_exists(az_sp: AzCli, unique_name):
    name = unique_name("az")
    created = az_sp.run("group", "create", "--name", name, "--location", "eastus", "--tags", "env=test").json
    assert created["id"] == RG_ID_PREFIX + name
    assert created["name"] == name
    assert created["location"] == "eastus"
    assert created["tags"] == {"env": "test"}
    assert created["properties"]["provisioningState"] == "Succeeded"

    shown = az_sp.run("group", "show", "--name", name).json
    assert shown["id"] == RG_ID_PREFIX + name

    listed = az_sp.run("group", "list").json
    assert name in {g["name"] for g in listed}
    by_tag = az_sp.run("group", "list", "--tag", "env=test").json
    assert name in {g["name"] for g in by_tag}
    assert all(g["name"] != name or g["id"] == RG_ID_PREFIX + name for g in by_tag), by_tag

    assert az_sp.run("group", "exists", "--name", name).json is True
    assert az_sp.run("group", "exists", "--name", unique_name("missing")).json is False
    az_sp.run("group", "delete", "--name", name, "--yes", output=None)


def test_group_delete_waits_for_the_operation(az_sp: AzCli, unique_name):
    name = unique_name("azdel")
    az_sp.run("group", "create", "--name", name, "--location", "eastus")
    # Without --no-wait az polls the Location header to the end: it must come back, and the group be gone.
    az_sp.run("group", "delete", "--name", name, "--yes", output=None, timeout=120)
    assert az_sp.run("group", "exists", "--name", name).json is False
    shown = az_sp.run("group", "show", "--name", name, check=False)
    assert shown.returncode != 0
    assert "ResourceGroupNotFound" in shown.stderr, str(shown)


def test_group_delete_no_wait_finishes_on_its_own(az_sp: AzCli, unique_name):
    name = unique_name("aznowait")
    az_sp.run("group", "create", "--name", name, "--location", "eastus")
    az_sp.run("group", "delete", "--name", name, "--yes", "--no-wait", output=None)
    wait_until(lambda: az_sp.run("group", "exists", "--name", name).json is False, timeout=60, interval=1,
               message=f"resource group {name} deleted after --no-wait")


def test_group_update_tags(az_sp: AzCli, unique_name):
    name = unique_name("aztags")
    az_sp.run("group", "create", "--name", name, "--location", "eastus", "--tags", "a=1")
    updated = az_sp.run("group", "update", "--name", name, "--tags", "b=2").json
    assert updated["tags"] == {"b": "2"}
    az_sp.run("group", "delete", "--name", name, "--yes", "--no-wait", output=None)


def test_group_show_missing_reports_the_arm_error(az_sp: AzCli, unique_name):
    result = az_sp.run("group", "show", "--name", unique_name("missing"), check=False)
    assert result.returncode == 3, str(result)  # az maps ResourceNotFoundError to exit code 3
    assert "ResourceGroupNotFound" in result.stderr, str(result)


def test_account_list_and_locations(az_sp: AzCli):
    accounts = az_sp.run("account", "list").json
    assert [a["id"] for a in accounts] == [SUBSCRIPTION_ID]
    locations = az_sp.run("account", "list-locations").json
    assert "eastus" in {loc["name"] for loc in locations}, json.dumps(locations)[:500]


def test_provider_show_and_register(az_sp: AzCli):
    shown = az_sp.run("provider", "show", "--namespace", "microsoft.resources").json
    assert shown["namespace"] == "Microsoft.Resources"
    az_sp.run("provider", "register", "--namespace", "Microsoft.Resources", "--wait", output=None, timeout=120)
    shown = az_sp.run("provider", "show", "--namespace", "Microsoft.Resources").json
    assert shown["registrationState"] == "Registered"
    listed = az_sp.run("provider", "list", "--query", "[].namespace").json
    assert "Microsoft.Resources" in listed
