"""Every `az cognitiveservices` command of azure-cli 2.91.0 that reaches ARM, run as a user types it.

COMMANDS below is the walk of `az cognitiveservices --help` (every group, every command) with what the
emulator does for each; `python test_az_cognitiveservices.py` prints it as the table of
docs/accounts-and-deployments.md, and `test_docs_table_is_generated_from_this_module` keeps the two
equal. The expected bodies follow the Azure CLI's recordings of the real service
(src/azure-cli/azure/cli/command_modules/cognitiveservices/tests/latest/recordings in Azure/azure-cli).

One resource group and one AIServices account (created with `-l SOUTHCENTRALUS`) serve the module;
tests that change the account's life (delete, recover, purge) make their own.
"""

from __future__ import annotations

import json
import re
import sys
import uuid
from pathlib import Path

import pytest

from emulator_support import SUBSCRIPTION_ID, AzCli

LOCATION = "southcentralus"
KEY_PATTERN = re.compile(r"^[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}ACOG[A-Za-z0-9]{4}$")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "accounts-and-deployments.md"

SERVED, NOT_IMPLEMENTED, DATA_PLANE = "served", "501 NotImplemented", "data plane (not ARM)"

# (command after `az cognitiveservices`, what happens, note)
COMMANDS: list[tuple[str, str, str]] = [
    ("account create", SERVED, "`location` echoed as sent; AIServices gets `allowProjectManagement` and an identity"),
    ("account show", SERVED, ""),
    ("account list", SERVED, "subscription or `-g`"),
    ("account update", SERVED, "tags, SKU, kind OpenAI<->AIServices, `--storage`, `--encryption`"),
    ("account delete", SERVED, "soft delete"),
    ("account list-deleted", SERVED, ""),
    ("account show-deleted", SERVED, ""),
    ("account recover", SERVED, ""),
    ("account purge", SERVED, ""),
    ("account list-skus", SERVED, "`--kind`/`-l` filter the subscription's SKUs"),
    ("account list-models", SERVED, ""),
    ("account list-usage", SERVED, ""),
    ("account list-kinds", SERVED, ""),
    ("account keys list", SERVED, "84-character keys"),
    ("account keys regenerate", SERVED, ""),
    ("account network-rule add", SERVED, "IP rules; `--subnet` stores the id (no VNet check)"),
    ("account network-rule list", SERVED, ""),
    ("account network-rule remove", SERVED, ""),
    ("account identity assign", SERVED, ""),
    ("account identity show", SERVED, ""),
    ("account identity remove", SERVED, ""),
    ("account deployment create", SERVED, "catalog and quota checks"),
    ("account deployment show", SERVED, ""),
    ("account deployment list", SERVED, ""),
    ("account deployment delete", SERVED, ""),
    ("account commitment-plan create", SERVED, "tiers of `commitment-tier list`; prorated current period"),
    ("account commitment-plan show", SERVED, ""),
    ("account commitment-plan list", SERVED, ""),
    ("account commitment-plan delete", SERVED, ""),
    ("commitment-tier list", SERVED, "the tiers recorded from the real service, every region"),
    ("model list", SERVED, ""),
    ("usage list", SERVED, ""),
    ("account managed-network create", SERVED, "`default` only"),
    ("account managed-network show", SERVED, ""),
    ("account managed-network update", SERVED, ""),
    ("account managed-network provision-network", SERVED, ""),
    ("account managed-network outbound-rule set", SERVED, "FQDN, PrivateEndpoint, ServiceTag"),
    ("account managed-network outbound-rule show", SERVED, ""),
    ("account managed-network outbound-rule list", SERVED, ""),
    ("account managed-network outbound-rule remove", SERVED, ""),
    ("account managed-network outbound-rule bulk-set", SERVED, "JSON or YAML file"),
    ("account connection create", SERVED, "credentials write-only"),
    ("account connection show", SERVED, ""),
    ("account connection list", SERVED, ""),
    ("account connection update", SERVED, ""),
    ("account connection delete", SERVED, ""),
    ("account project create", SERVED, ""),
    ("account project show", SERVED, ""),
    ("account project list", SERVED, ""),
    ("account project update", SERVED, ""),
    ("account project delete", SERVED, ""),
    ("account project connection create", SERVED, ""),
    ("account project connection show", SERVED, ""),
    ("account project connection list", SERVED, ""),
    ("account project connection update", SERVED, ""),
    ("account project connection delete", SERVED, ""),
    ("account managed-compute-deployment create", NOT_IMPLEMENTED, "needs Azure ML managed compute"),
    ("account managed-compute-deployment show", NOT_IMPLEMENTED, ""),
    ("account managed-compute-deployment list", NOT_IMPLEMENTED, ""),
    ("account managed-compute-deployment update", NOT_IMPLEMENTED, ""),
    ("account managed-compute-deployment delete", NOT_IMPLEMENTED, ""),
    ("account compute create", NOT_IMPLEMENTED, "needs Azure ML compute pools"),
    ("account compute show", NOT_IMPLEMENTED, ""),
    ("account compute list", NOT_IMPLEMENTED, ""),
    ("account compute delete", NOT_IMPLEMENTED, ""),
] + [(f"agent {command}", DATA_PLANE, "hosted agents on `{account}.services.ai.azure.com`, not ARM")
     for command in ("create", "update", "start", "stop", "status", "show", "list", "list-versions", "delete",
                     "delete-deployment", "logs show")]


def docs_table() -> str:
    lines = ["| `az cognitiveservices ...` | emulator | note |", "|---|---|---|"]
    lines += [f"| `{command}` | {status} | {note} |" for command, status, note in COMMANDS]
    return "\n".join(lines)


# -- fixtures --------------------------------------------------------------------------------

def cs(az: AzCli, *args: str, **kwargs):
    return az.run("cognitiveservices", *args, **kwargs)


def short(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="module")
def group(az_sp: AzCli) -> str:
    name = f"sdk-azcs-{uuid.uuid4().hex[:8]}"
    az_sp.run("group", "create", "-n", name, "-l", LOCATION, output=None)
    return name


@pytest.fixture(scope="module")
def account(az_sp: AzCli, group: str) -> dict:
    name = short("azcs")
    created = cs(az_sp, "account", "create", "-n", name, "-g", group, "--kind", "AIServices", "--sku", "S0",
                 "-l", "SOUTHCENTRALUS", "--custom-domain", name, "--yes").json
    return created


def account_args(account: dict) -> list[str]:
    return ["-n", account["name"], "-g", account["id"].split("/")[4]]


def expect_not_implemented(result, operation_prefix: str):
    assert result.returncode != 0, str(result)
    assert "NotImplemented" in result.stderr, str(result)
    assert operation_prefix in result.stderr, str(result)
    assert "InvalidResourceType" not in result.stderr, str(result)


# -- accounts ---------------------------------------------------------------------------------

def test_account_create_echoes_location_as_sent(account: dict):
    assert account["location"] == "SOUTHCENTRALUS"
    assert account["kind"] == "AIServices"
    assert account["properties"]["provisioningState"] == "Succeeded"
    assert account["properties"]["allowProjectManagement"] is True
    assert account["identity"]["type"] == "SystemAssigned"
    assert account["properties"]["customSubDomainName"] == account["name"]


def test_account_show_and_list(az_sp: AzCli, account: dict, group: str):
    shown = cs(az_sp, "account", "show", *account_args(account)).json
    assert shown["id"] == account["id"] and shown["location"] == "SOUTHCENTRALUS"
    assert account["name"] in [a["name"] for a in cs(az_sp, "account", "list", "-g", group).json]
    assert account["id"] in [a["id"] for a in cs(az_sp, "account", "list").json]


def test_account_update_tags_storage_and_encryption(az_sp: AzCli, account: dict):
    storage = (f'[{{"resourceId": "/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/rg/providers/'
               f'Microsoft.Storage/storageAccounts/st1"}}]')
    updated = cs(az_sp, "account", "update", *account_args(account), "--tags", "env=test",
                 "--storage", storage, "--encryption", '{"keySource": "Microsoft.CognitiveServices"}').json
    assert updated["tags"] == {"env": "test"}
    assert updated["properties"]["userOwnedStorage"][0]["resourceId"].endswith("/storageAccounts/st1")
    assert updated["properties"]["encryption"]["keySource"] == "Microsoft.CognitiveServices"
    assert updated["location"] == "SOUTHCENTRALUS"


def test_account_list_skus_kinds_models_usage(az_sp: AzCli, account: dict):
    skus = cs(az_sp, "account", "list-skus", "--kind", "AIServices", "-l", LOCATION).json
    assert skus and all(s["kind"] == "AIServices" for s in skus)
    assert {"S0"} <= {s["name"] for s in skus}
    kinds = cs(az_sp, "account", "list-kinds").json
    assert {"AIServices", "OpenAI"} <= set(kinds) and kinds == sorted(kinds)
    models = cs(az_sp, "account", "list-models", *account_args(account)).json
    assert any(m["format"] == "OpenAI" for m in models)
    usage = cs(az_sp, "account", "list-usage", *account_args(account)).json
    assert all({"name", "currentValue", "limit"} <= set(u) for u in usage)


def test_model_and_usage_list_by_location(az_sp: AzCli):
    models = cs(az_sp, "model", "list", "-l", LOCATION).json
    assert models and all({"kind", "skuName", "model"} <= set(m) for m in models)
    usages = cs(az_sp, "usage", "list", "-l", LOCATION).json
    assert any(u["name"]["value"].startswith("OpenAI.") for u in usages)


def test_account_keys_are_84_characters(az_sp: AzCli, account: dict):
    keys = cs(az_sp, "account", "keys", "list", *account_args(account)).json
    assert KEY_PATTERN.match(keys["key1"]) and KEY_PATTERN.match(keys["key2"]), keys
    regenerated = cs(az_sp, "account", "keys", "regenerate", *account_args(account), "--key-name", "key1").json
    assert regenerated["key2"] == keys["key2"] and regenerated["key1"] != keys["key1"]
    assert len(regenerated["key1"]) == 84


def test_account_network_rules(az_sp: AzCli, account: dict):
    added = cs(az_sp, "account", "network-rule", "add", *account_args(account), "--ip-address", "200.0.0.1").json
    assert {"value": "200.0.0.1"} in added["properties"]["networkAcls"]["ipRules"]
    cs(az_sp, "account", "network-rule", "add", *account_args(account), "--ip-address", "100.0.0.0/24")
    listed = cs(az_sp, "account", "network-rule", "list", *account_args(account)).json
    assert [r["value"] for r in listed["ipRules"]] == ["200.0.0.1", "100.0.0.0/24"]
    removed = cs(az_sp, "account", "network-rule", "remove", *account_args(account), "--ip-address", "200.0.0.1").json
    assert [r["value"] for r in removed["properties"]["networkAcls"]["ipRules"]] == ["100.0.0.0/24"]
    bad = cs(az_sp, "account", "network-rule", "add", *account_args(account), "--ip-address", "300.1.1.1", check=False)
    assert bad.returncode != 0 and "InvalidResourceProperties" in bad.stderr, str(bad)


def test_account_identity(az_sp: AzCli, account: dict):
    shown = cs(az_sp, "account", "identity", "show", *account_args(account)).json
    assert shown["type"] == "SystemAssigned" and len(shown["principalId"]) == 36
    removed = cs(az_sp, "account", "identity", "remove", *account_args(account)).json
    assert removed["identity"]["type"] == "None"
    assigned = cs(az_sp, "account", "identity", "assign", *account_args(account)).json
    assert assigned["type"] == "SystemAssigned" and len(assigned["principalId"]) == 36


def test_account_deployment_commands(az_sp: AzCli, account: dict):
    args = account_args(account)
    created = cs(az_sp, "account", "deployment", "create", *args, "--deployment-name", "mini",
                 "--model-name", "gpt-4o-mini", "--model-version", "2024-07-18", "--model-format", "OpenAI",
                 "--sku-name", "GlobalStandard", "--sku-capacity", "1").json
    assert created["properties"]["provisioningState"] == "Succeeded"
    shown = cs(az_sp, "account", "deployment", "show", *args, "--deployment-name", "mini").json
    assert shown["properties"]["model"]["name"] == "gpt-4o-mini"
    assert [d["name"] for d in cs(az_sp, "account", "deployment", "list", *args).json] == ["mini"]
    cs(az_sp, "account", "deployment", "delete", *args, "--deployment-name", "mini", output=None)
    assert cs(az_sp, "account", "deployment", "list", *args).json == []


def test_account_delete_list_show_deleted_recover_purge(az_sp: AzCli, group: str):
    name = short("azdel")
    cs(az_sp, "account", "create", "-n", name, "-g", group, "--kind", "OpenAI", "--sku", "S0", "-l", LOCATION,
       "--yes", output=None)
    cs(az_sp, "account", "delete", "-n", name, "-g", group, output=None)
    assert name in [a["name"] for a in cs(az_sp, "account", "list-deleted").json]
    deleted = cs(az_sp, "account", "show-deleted", "-n", name, "-g", group, "-l", LOCATION).json
    assert deleted["properties"]["deletionDate"] and deleted["properties"]["scheduledPurgeDate"]
    recovered = cs(az_sp, "account", "recover", "-n", name, "-g", group, "-l", LOCATION).json
    assert recovered["name"] == name and recovered["kind"] == "OpenAI"
    cs(az_sp, "account", "delete", "-n", name, "-g", group, output=None)
    cs(az_sp, "account", "purge", "-n", name, "-g", group, "-l", LOCATION, output=None)
    assert name not in [a["name"] for a in cs(az_sp, "account", "list-deleted").json]


# -- commitment plans and tiers ------------------------------------------------------------------

def test_commitment_tier_list(az_sp: AzCli):
    tiers = cs(az_sp, "commitment-tier", "list", "-l", LOCATION).json
    found = [t for t in tiers if (t["kind"], t["skuName"], t["hostingModel"], t["planType"], t["tier"])
             == ("TextAnalytics", "S", "Web", "TA", "T1")]
    assert len(found) == 1, tiers[:3]
    assert found[0]["quota"] == {"quantity": 1000000, "unit": "Transaction"}
    disconnected = [t for t in tiers if t["hostingModel"] == "DisconnectedContainer"]
    assert disconnected and all(t["skuName"] == "DC0" and t["maxCount"] == 10 for t in disconnected)


def test_commitment_plan_commands(az_sp: AzCli, group: str):
    name = short("azta")
    cs(az_sp, "account", "create", "-n", name, "-g", group, "--kind", "TextAnalytics", "--sku", "S", "-l", LOCATION,
       "--yes", output=None)
    args = ["-n", name, "-g", group]
    assert cs(az_sp, "account", "commitment-plan", "list", *args).json == []
    created = cs(az_sp, "account", "commitment-plan", "create", *args, "--commitment-plan-name", "plan",
                 "--hosting-model", "Web", "--plan-type", "TA", "--auto-renew", "false", "--current-tier", "T1",
                 "--next-tier", "T2").json
    assert created["name"] == "plan"
    assert created["properties"]["current"]["tier"] == "T1"
    assert created["properties"]["next"]["quota"] == {"quantity": 3000000, "unit": "Transaction"}
    shown = cs(az_sp, "account", "commitment-plan", "show", *args, "--commitment-plan-name", "plan").json
    assert shown["properties"]["hostingModel"] == "Web"
    assert [p["name"] for p in cs(az_sp, "account", "commitment-plan", "list", *args).json] == ["plan"]
    bad = cs(az_sp, "account", "commitment-plan", "create", *args, "--commitment-plan-name", "bad",
             "--hosting-model", "Web", "--plan-type", "TA", "--auto-renew", "false", "--current-tier", "T9", check=False)
    assert bad.returncode != 0 and "InvalidResourceProperties" in bad.stderr, str(bad)
    cs(az_sp, "account", "commitment-plan", "delete", *args, "--commitment-plan-name", "plan", output=None)
    assert cs(az_sp, "account", "commitment-plan", "list", *args).json == []


# -- managed network ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def managed_network(az_sp: AzCli, account: dict) -> dict:
    return cs(az_sp, "account", "managed-network", "create", *account_args(account),
              "--managed-network", "allow_internet_outbound").json


def test_managed_network_create_and_show(az_sp: AzCli, account: dict, managed_network: dict):
    settings = managed_network["properties"]["managedNetwork"]
    assert settings["isolationMode"] == "AllowInternetOutbound"
    assert settings["outboundRules"] == {} and settings["status"] == {"status": "Active"}
    assert settings["firewallSku"] == "Standard" and settings["managedNetworkKind"] == "V2"
    assert settings["networkId"].replace("-", "") == account["properties"]["internalId"]
    shown = cs(az_sp, "account", "managed-network", "show", *account_args(account)).json
    assert shown["properties"]["managedNetwork"]["isolationMode"] == "AllowInternetOutbound"


def test_managed_network_update_and_provision(az_sp: AzCli, account: dict, managed_network: dict):
    updated = cs(az_sp, "account", "managed-network", "update", *account_args(account),
                 "--managed-network", "allow_only_approved_outbound", "--firewall-sku", "Standard").json
    rules = updated["properties"]["managedNetwork"]["outboundRules"]
    assert rules["__SYS_ST_AzureActiveDirectory_TCP"]["category"] == "Required"
    provisioned = cs(az_sp, "account", "managed-network", "provision-network", *account_args(account)).json
    assert provisioned == {"status": "Active"}


def test_outbound_rule_set_show_list_remove(az_sp: AzCli, account: dict, managed_network: dict):
    args = account_args(account)
    created = cs(az_sp, "account", "managed-network", "outbound-rule", "set", *args, "--rule", "test-fqdn-rule",
                 "--type", "fqdn", "--destination", "*.openai.azure.com", "--category", "UserDefined").json
    # az fills the model's other fields with null; the service sent exactly these.
    assert {k: v for k, v in created["properties"].items() if v is not None} == {
        "status": "Active", "category": "UserDefined", "type": "FQDN", "destination": "*.openai.azure.com"}
    shown = cs(az_sp, "account", "managed-network", "outbound-rule", "show", *args, "--rule", "test-fqdn-rule").json
    assert shown["properties"]["destination"] == "*.openai.azure.com"
    listed = cs(az_sp, "account", "managed-network", "outbound-rule", "list", *args).json
    assert "*.openai.azure.com" in [r["properties"]["destination"] for r in listed]
    cs(az_sp, "account", "managed-network", "outbound-rule", "remove", *args, "--rule", "test-fqdn-rule", "--yes",
       output=None)
    missing = cs(az_sp, "account", "managed-network", "outbound-rule", "show", *args, "--rule", "test-fqdn-rule",
                 check=False)
    assert missing.returncode != 0 and "ResourceNotFound" in missing.stderr, str(missing)


def test_outbound_rule_bulk_set(az_sp: AzCli, account: dict, managed_network: dict, tmp_path: Path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"rules": {
        "pypi": {"type": "FQDN", "destination": "pypi.org", "category": "UserDefined"},
        "storage-tag": {"type": "ServiceTag", "destination": {"serviceTag": "Storage", "protocol": "TCP",
                                                               "portRanges": "443"}},
    }}))
    result = cs(az_sp, "account", "managed-network", "outbound-rule", "bulk-set", *account_args(account),
                "--file", str(rules)).json
    assert [r["properties"]["type"] for r in result] == ["FQDN", "ServiceTag"]
    listed = cs(az_sp, "account", "managed-network", "outbound-rule", "list", *account_args(account)).json
    assert {"pypi.org"} <= {r["properties"]["destination"] for r in listed if r["properties"]["type"] == "FQDN"}


# -- connections and projects --------------------------------------------------------------------

def connection_file(tmp_path: Path, target: str) -> str:
    path = tmp_path / "connection.json"
    path.write_text(json.dumps({"name": "c", "type": "azure_open_ai", "target": target, "api_key": "not-shown"}))
    return str(path)


def test_account_connection_commands(az_sp: AzCli, account: dict, tmp_path: Path):
    args = account_args(account)
    created = cs(az_sp, "account", "connection", "create", *args, "--connection-name", "aoai1",
                 "--file", connection_file(tmp_path, "https://other.openai.azure.com/")).json
    assert created["name"] == "aoai1"
    assert created["properties"]["authType"] == "ApiKey" and not created["properties"].get("credentials")
    shown = cs(az_sp, "account", "connection", "show", *args, "--connection-name", "aoai1").json
    assert shown["properties"]["target"] == "https://other.openai.azure.com/"
    assert [c["name"] for c in cs(az_sp, "account", "connection", "list", *args).json] == ["aoai1"]
    updated = cs(az_sp, "account", "connection", "update", *args, "--connection-name", "aoai1",
                 "--set", "properties.target=https://third.openai.azure.com/").json
    assert updated["properties"]["target"] == "https://third.openai.azure.com/"
    cs(az_sp, "account", "connection", "delete", *args, "--connection-name", "aoai1", output=None)
    assert cs(az_sp, "account", "connection", "list", *args).json == []


def test_project_and_project_connection_commands(az_sp: AzCli, account: dict, tmp_path: Path):
    args = account_args(account)
    created = cs(az_sp, "account", "project", "create", *args, "--project-name", "proj1", "-l", LOCATION,
                 "--display-name", "Project one").json
    assert created["name"] == f"{account['name']}/proj1"
    assert created["properties"]["displayName"] == "Project one"
    shown = cs(az_sp, "account", "project", "show", *args, "--project-name", "proj1").json
    assert shown["properties"]["isDefault"] is True
    assert [p["name"] for p in cs(az_sp, "account", "project", "list", *args).json] == [f"{account['name']}/proj1"]
    updated = cs(az_sp, "account", "project", "update", *args, "--project-name", "proj1",
                 "--description", "changed").json
    assert updated["properties"]["description"] == "changed"

    project = [*args, "--project-name", "proj1"]
    connection = cs(az_sp, "account", "project", "connection", "create", *project, "--connection-name", "pc1",
                    "--file", connection_file(tmp_path, "https://p.openai.azure.com/")).json
    assert connection["name"] == "pc1"
    assert cs(az_sp, "account", "project", "connection", "show", *project, "--connection-name", "pc1").json[
        "properties"]["target"] == "https://p.openai.azure.com/"
    assert [c["name"] for c in cs(az_sp, "account", "project", "connection", "list", *project).json] == ["pc1"]
    changed = cs(az_sp, "account", "project", "connection", "update", *project, "--connection-name", "pc1",
                 "--set", "properties.target=https://q.openai.azure.com/").json
    assert changed["properties"]["target"] == "https://q.openai.azure.com/"
    cs(az_sp, "account", "project", "connection", "delete", *project, "--connection-name", "pc1", output=None)
    assert cs(az_sp, "account", "project", "connection", "list", *project).json == []

    cs(az_sp, "account", "project", "delete", *args, "--project-name", "proj1", output=None)
    assert cs(az_sp, "account", "project", "list", *args).json == []


# -- what answers 501 ------------------------------------------------------------------------------

def test_managed_compute_deployment_commands_answer_501(az_sp: AzCli, account: dict):
    args = account_args(account)
    expect_not_implemented(cs(az_sp, "account", "managed-compute-deployment", "list", *args, check=False),
                           "ManagedComputeDeployments_List")
    expect_not_implemented(cs(az_sp, "account", "managed-compute-deployment", "show", *args, "--deployment-name", "d1",
                              check=False), "ManagedComputeDeployments_Get")
    expect_not_implemented(cs(az_sp, "account", "managed-compute-deployment", "create", *args, "--deployment-name", "d1",
                              "--model", "azureml://registries/azureml/models/Phi-4/versions/1", check=False),
                           "ManagedComputeDeployments_CreateOrUpdate")
    expect_not_implemented(cs(az_sp, "account", "managed-compute-deployment", "update", *args, "--deployment-name", "d1",
                              "--tags", "a=b", check=False), "ManagedComputeDeployments_Update")
    expect_not_implemented(cs(az_sp, "account", "managed-compute-deployment", "delete", *args, "--deployment-name", "d1",
                              check=False), "ManagedComputeDeployments_Delete")


def test_compute_commands_answer_501(az_sp: AzCli, account: dict):
    args = account_args(account)
    expect_not_implemented(cs(az_sp, "account", "compute", "list", *args, check=False), "Computes_List")
    expect_not_implemented(cs(az_sp, "account", "compute", "show", *args, "--compute-name", "c1", check=False),
                           "Computes_Get")
    expect_not_implemented(cs(az_sp, "account", "compute", "create", *args, "--compute-name", "c1", "-l", LOCATION,
                              "--pool-name", "p1", "--instance-type", "Standard_DS3_v2", "--node-count", "1",
                              check=False), "Computes_CreateOrUpdate")
    expect_not_implemented(cs(az_sp, "account", "compute", "delete", *args, "--compute-name", "c1", check=False),
                           "Computes_Delete")


# -- the table ---------------------------------------------------------------------------------------

def test_docs_table_is_generated_from_this_module():
    text = DOCS.read_text()
    start, end = "<!-- az-commands-table:start -->", "<!-- az-commands-table:end -->"
    assert start in text and end in text, f"{DOCS} lacks the generated table markers"
    current = text.split(start, 1)[1].split(end, 1)[0].strip()
    assert current == docs_table(), ("docs/accounts-and-deployments.md is stale: run "
                                     "`python Tests/SDKConformance/test_az_cognitiveservices.py` and paste its output")


def test_every_command_of_the_cli_is_in_the_table(az_sp: AzCli):
    """The walk itself: every command `az cognitiveservices --help` lists, recursively, is in COMMANDS."""
    found: list[str] = []

    def walk(path: list[str]):
        text = az_sp.run("cognitiveservices", *path, "--help", output=None).stdout
        section = None
        for line in text.splitlines():
            if line.startswith("Subgroups:"):
                section = "groups"
            elif line.startswith("Commands:"):
                section = "commands"
            elif line and not line.startswith(" "):
                section = None
            elif section and re.match(r"^    [a-z]", line):
                name = line.split()[0]
                if section == "groups":
                    walk(path + [name])
                else:
                    found.append(" ".join(path + [name]))

    walk([])
    assert sorted(found) == sorted(command for command, _, _ in COMMANDS)


if __name__ == "__main__":
    sys.stdout.write(docs_table() + "\n")
