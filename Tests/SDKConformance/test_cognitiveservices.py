"""Microsoft.CognitiveServices through the real clients: azure-mgmt-cognitiveservices and
`az cognitiveservices` (issue 4). Quota is shared by the whole session, so the tests that exhaust
it use a region nobody else deploys to.
"""

from __future__ import annotations

import uuid
from importlib.metadata import version

import pytest

from emulator_support import SUBSCRIPTION_ID, AzCli

# 15.x (the current lane) takes body models where 14.x (the previous lane) took flattened arguments.
SDK_MAJOR = int(version("azure-mgmt-cognitiveservices").split(".")[0])


@pytest.fixture(scope="module")
def cs_client(credential, sdk_kwargs):
    from azure.mgmt.cognitiveservices import CognitiveServicesManagementClient

    client = CognitiveServicesManagementClient(credential, SUBSCRIPTION_ID, polling_interval=1, **sdk_kwargs)
    yield client
    client.close()


@pytest.fixture
def group(resource_client, unique_name):
    name = unique_name("cs")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus"})
    return name


def short(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def account_body(kind="AIServices", location="eastus", subdomain=None):
    from azure.mgmt.cognitiveservices.models import Account, AccountProperties, Identity, Sku

    return Account(location=location, kind=kind, sku=Sku(name="S0"), identity=Identity(type="SystemAssigned"),
                   properties=AccountProperties(custom_sub_domain_name=subdomain, allow_project_management=True))


def deployment_body(model="gpt-4o", version="2024-11-20", sku="Standard", capacity=10):
    from azure.mgmt.cognitiveservices.models import Deployment, DeploymentModel, DeploymentProperties, Sku

    return Deployment(sku=Sku(name=sku, capacity=capacity),
                      properties=DeploymentProperties(model=DeploymentModel(format="OpenAI", name=model, version=version)))


# -- azure-mgmt-cognitiveservices ------------------------------------------------------------

def test_sdk_account_lifecycle_keys_and_lists(cs_client, group, emulator):
    name = short("acct")
    account = cs_client.accounts.begin_create(group, name, account_body(subdomain=name)).result(timeout=60)
    assert account.id.endswith(f"/resourceGroups/{group}/providers/Microsoft.CognitiveServices/accounts/{name}")
    assert account.properties.provisioning_state == "Succeeded"
    assert account.properties.endpoint == f"{emulator.base_url}/dataplane/{name}.cognitiveservices.azure.com/"
    assert account.identity.principal_id

    assert name in [a.name for a in cs_client.accounts.list_by_resource_group(group)]
    assert name in [a.name for a in cs_client.accounts.list()]

    from azure.mgmt.cognitiveservices.models import Account
    updated = cs_client.accounts.begin_update(group, name, Account(tags={"env": "test"})).result(timeout=60)
    assert updated.tags == {"env": "test"}

    keys = cs_client.accounts.list_keys(group, name)
    if SDK_MAJOR >= 15:  # the current lane takes a body model, the previous lane (14.x) the key name itself
        from azure.mgmt.cognitiveservices.models import RegenerateKeyParameters
        regenerated = cs_client.accounts.regenerate_key(group, name, RegenerateKeyParameters(key_name="Key1"))
    else:
        regenerated = cs_client.accounts.regenerate_key(group, name, "Key1")
    assert regenerated.key1 != keys.key1 and regenerated.key2 == keys.key2

    assert {s.sku.name for s in cs_client.accounts.list_skus(group, name).value} == {"S0"}
    models = list(cs_client.accounts.list_models(group, name))
    assert any(m.name == "gpt-4o" and m.is_default_version for m in models)
    usages = cs_client.accounts.list_usages(group, name).value
    assert any(u.name.value == "OpenAI.Standard.gpt-4o" for u in usages)
    assert any(m.model.name == "gpt-4o" for m in cs_client.models.list("eastus"))
    assert any(u.name.value == "OpenAI.GlobalStandard.gpt-4o" for u in cs_client.usages.list("eastus"))


def test_sdk_deployments_create_list_update_delete(cs_client, group):
    name = short("acct")
    cs_client.accounts.begin_create(group, name, account_body()).result(timeout=60)
    created = cs_client.deployments.begin_create_or_update(group, name, "chat", deployment_body()).result(timeout=60)
    assert created.properties.provisioning_state == "Succeeded"
    assert created.properties.model.version == "2024-11-20"
    assert created.sku.capacity == 10
    assert [d.name for d in cs_client.deployments.list(group, name)] == ["chat"]
    scaled = cs_client.deployments.begin_update(group, name, "chat", {"sku": {"name": "Standard", "capacity": 5}}).result(timeout=60)
    assert scaled.sku.capacity == 5
    cs_client.deployments.begin_delete(group, name, "chat").result(timeout=60)
    assert list(cs_client.deployments.list(group, name)) == []


def test_sdk_unknown_model_and_quota_errors(cs_client, group):
    from azure.core.exceptions import HttpResponseError

    name = short("acct")
    cs_client.accounts.begin_create(group, name, account_body(location="westus3")).result(timeout=60)
    with pytest.raises(HttpResponseError) as unknown:
        cs_client.deployments.begin_create_or_update(group, name, "bad", deployment_body(model="gpt-9", version="1")).result()
    assert unknown.value.status_code == 400
    assert unknown.value.error.code == "DeploymentModelNotSupported"

    # Standard gpt-4o: the catalog allows 1 to 1,000,000 units; the default quota is 50 per region.
    cs_client.deployments.begin_create_or_update(group, name, "first", deployment_body(capacity=30)).result(timeout=60)
    with pytest.raises(HttpResponseError) as quota:
        cs_client.deployments.begin_create_or_update(group, name, "second", deployment_body(capacity=30)).result()
    assert quota.value.status_code == 400
    assert quota.value.error.code == "InsufficientQuota"
    assert quota.value.error.message == (
        "This operation require 30 new capacity in quota Tokens Per Minute (thousands) - gpt-4o, which is bigger than the "
        "current available capacity 20. The current quota usage is 30 and the quota limit is 50 for quota Tokens Per "
        "Minute (thousands) - gpt-4o.")


def test_sdk_soft_delete_restore_and_purge(cs_client, group):
    name = short("acct")
    cs_client.accounts.begin_create(group, name, account_body(subdomain=name)).result(timeout=60)
    cs_client.accounts.begin_delete(group, name).result(timeout=60)
    deleted = cs_client.deleted_accounts.get("eastus", group, name)
    assert deleted.properties.deletion_date
    assert name in [a.name for a in cs_client.deleted_accounts.list()]

    from azure.core.exceptions import HttpResponseError, ResourceExistsError
    with pytest.raises((ResourceExistsError, HttpResponseError)) as conflict:
        cs_client.accounts.begin_create(group, name, account_body(subdomain=name)).result()
    assert conflict.value.error.code == "FlagMustBeSetForRestore"

    from azure.mgmt.cognitiveservices.models import Account, AccountProperties
    restored = cs_client.accounts.begin_create(
        group, name, Account(location="eastus", properties=AccountProperties(restore=True))).result(timeout=60)
    assert restored.kind == "AIServices"
    assert restored.properties.custom_sub_domain_name == name

    cs_client.accounts.begin_delete(group, name).result(timeout=60)
    cs_client.deleted_accounts.begin_purge("eastus", group, name).result(timeout=60)
    assert name not in [a.name for a in cs_client.deleted_accounts.list()]
    if SDK_MAJOR >= 15:  # the current lane takes a body model, the previous lane (14.x) flattened arguments
        from azure.mgmt.cognitiveservices.models import CheckDomainAvailabilityParameter
        availability = cs_client.check_domain_availability(CheckDomainAvailabilityParameter(
            subdomain_name=name, type="Microsoft.CognitiveServices/accounts"))
    else:
        availability = cs_client.check_domain_availability(name, "Microsoft.CognitiveServices/accounts")
    assert availability.is_subdomain_available is True


# -- az cognitiveservices --------------------------------------------------------------------

def test_az_account_and_deployment_commands(az_sp: AzCli, unique_name):
    group = unique_name("azcs")
    az_sp.run("group", "create", "-n", group, "-l", "eastus")
    name = short("azacct")
    created = az_sp.run("cognitiveservices", "account", "create", "-n", name, "-g", group, "--kind", "OpenAI",
                        "--sku", "S0", "-l", "eastus", "--custom-domain", name, "--yes").json
    assert created["properties"]["provisioningState"] == "Succeeded"
    assert az_sp.run("cognitiveservices", "account", "show", "-n", name, "-g", group).json["name"] == name
    assert name in [a["name"] for a in az_sp.run("cognitiveservices", "account", "list", "-g", group).json]

    keys = az_sp.run("cognitiveservices", "account", "keys", "list", "-n", name, "-g", group).json
    regenerated = az_sp.run("cognitiveservices", "account", "keys", "regenerate", "-n", name, "-g", group,
                            "--key-name", "key2").json
    assert regenerated["key1"] == keys["key1"] and regenerated["key2"] != keys["key2"]

    models = az_sp.run("cognitiveservices", "account", "list-models", "-n", name, "-g", group).json
    assert any(m["name"] == "gpt-4o-mini" for m in models)
    usage = az_sp.run("cognitiveservices", "account", "list-usage", "-n", name, "-g", group).json
    assert any(u["name"]["value"] == "OpenAI.Standard.gpt-4o-mini" for u in usage)

    # `deployment create` never polls: the PUT's answer is what the user sees.
    deployment = az_sp.run("cognitiveservices", "account", "deployment", "create", "-g", group, "-n", name,
                           "--deployment-name", "mini", "--model-name", "gpt-4o-mini", "--model-version", "2024-07-18",
                           "--model-format", "OpenAI", "--sku-name", "Standard", "--sku-capacity", "10").json
    assert deployment["properties"]["provisioningState"] == "Succeeded"
    shown = az_sp.run("cognitiveservices", "account", "deployment", "show", "-g", group, "-n", name,
                      "--deployment-name", "mini").json
    assert (shown["sku"]["name"], shown["sku"]["capacity"]) == ("Standard", 10)
    listed = az_sp.run("cognitiveservices", "account", "deployment", "list", "-g", group, "-n", name).json
    assert [d["name"] for d in listed] == ["mini"]
    az_sp.run("cognitiveservices", "account", "deployment", "delete", "-g", group, "-n", name,
              "--deployment-name", "mini", output=None)
    assert az_sp.run("cognitiveservices", "account", "deployment", "list", "-g", group, "-n", name).json == []

    az_sp.run("cognitiveservices", "account", "delete", "-n", name, "-g", group, output=None)
    assert name not in [a["name"] for a in az_sp.run("cognitiveservices", "account", "list", "-g", group).json]


def test_az_unknown_model_and_quota_errors(az_sp: AzCli, unique_name):
    group = unique_name("azq")
    az_sp.run("group", "create", "-n", group, "-l", "northcentralus")
    name = short("azq")
    az_sp.run("cognitiveservices", "account", "create", "-n", name, "-g", group, "--kind", "OpenAI",
              "--sku", "S0", "-l", "northcentralus", "--yes")

    def deploy(deployment: str, model: str, version: str, capacity: str, check=True):
        return az_sp.run("cognitiveservices", "account", "deployment", "create", "-g", group, "-n", name,
                         "--deployment-name", deployment, "--model-name", model, "--model-version", version,
                         "--model-format", "OpenAI", "--sku-name", "Standard", "--sku-capacity", capacity, check=check)

    unknown = deploy("bad", "gpt-9", "1", "1", check=False)
    assert unknown.returncode != 0
    assert "DeploymentModelNotSupported" in unknown.stderr, str(unknown)

    deploy("first", "gpt-4o", "2024-11-20", "30")
    over = deploy("second", "gpt-4o", "2024-11-20", "30", check=False)
    assert over.returncode != 0
    assert "InsufficientQuota" in over.stderr, str(over)
    assert "The current quota usage is 30 and the quota limit is 50" in over.stderr, str(over)
