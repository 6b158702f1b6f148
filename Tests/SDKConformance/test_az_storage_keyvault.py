"""`az storage account`, `az keyvault`, `az feature` and `az provider` against the emulator's
dependents and Microsoft.Features (docs/served.md): the commands a Foundry setup runs on the way.
"""

from __future__ import annotations

import uuid

import pytest

from emulator_support import SUBSCRIPTION_ID, AzCli


@pytest.fixture(scope="module")
def group(az_sp: AzCli) -> str:
    name = f"deps-{uuid.uuid4().hex[:6]}"
    az_sp.run("group", "create", "-n", name, "-l", "eastus", output=None)
    return name


def short(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:10]


def test_storage_account_lifecycle(az_sp: AzCli, group: str):
    name = short("st")
    assert az_sp.run("storage", "account", "check-name", "-n", name).json["nameAvailable"] is True
    invalid = az_sp.run("storage", "account", "check-name", "-n", "Bad-Name").json
    assert invalid["nameAvailable"] is False and invalid["reason"] == "AccountNameInvalid"

    created = az_sp.run("storage", "account", "create", "-n", name, "-g", group, "-l", "eastus", "--sku", "Standard_LRS").json
    assert created["name"] == name and created["kind"] == "StorageV2" and created["sku"]["name"] == "Standard_LRS"
    assert created["primaryEndpoints"]["blob"] == f"https://{name}.blob.core.windows.net/"
    assert az_sp.run("storage", "account", "show", "-n", name, "-g", group).json["id"] == created["id"]
    assert name in [a["name"] for a in az_sp.run("storage", "account", "list", "-g", group).json]
    assert name in [a["name"] for a in az_sp.run("storage", "account", "list").json]
    taken = az_sp.run("storage", "account", "check-name", "-n", name).json
    assert taken == {"message": f"The storage account named {name} is already taken.", "nameAvailable": False,
                     "reason": "AlreadyExists"}

    keys = az_sp.run("storage", "account", "keys", "list", "-n", name, "-g", group).json
    assert [k["keyName"] for k in keys] == ["key1", "key2"]
    assert all(len(k["value"]) == 88 and k["permissions"].upper() == "FULL" for k in keys)
    renewed = az_sp.run("storage", "account", "keys", "renew", "-n", name, "-g", group, "--key", "key2").json
    assert renewed[0]["value"] == keys[0]["value"] and renewed[1]["value"] != keys[1]["value"]

    az_sp.run("storage", "account", "delete", "-n", name, "-g", group, "--yes", output=None)
    gone = az_sp.run("storage", "account", "show", "-n", name, "-g", group, check=False)
    assert gone.returncode != 0 and "ResourceNotFound" in gone.stderr, str(gone)


def test_storage_names_are_global(az_sp: AzCli, group: str):
    name = short("st")
    other = f"deps2-{uuid.uuid4().hex[:6]}"
    az_sp.run("group", "create", "-n", other, "-l", "eastus", output=None)
    az_sp.run("storage", "account", "create", "-n", name, "-g", group, "-l", "eastus", output=None)
    clash = az_sp.run("storage", "account", "create", "-n", name, "-g", other, "-l", "eastus", check=False)
    assert clash.returncode != 0 and "is already taken" in clash.stderr, str(clash)


def test_key_vault_lifecycle_with_soft_delete(az_sp: AzCli, group: str):
    name = short("kv-")
    vault = az_sp.run("keyvault", "create", "-n", name, "-g", group, "-l", "eastus").json
    assert vault["properties"]["vaultUri"] == f"https://{name}.vault.azure.net/"
    assert vault["properties"]["enableSoftDelete"] is True and vault["properties"]["tenantId"]
    assert az_sp.run("keyvault", "show", "-n", name).json["id"] == vault["id"]
    assert name in [v["name"] for v in az_sp.run("keyvault", "list", "-g", group).json]

    az_sp.run("keyvault", "delete", "-n", name, output=None)
    assert name in [v["name"] for v in az_sp.run("keyvault", "list-deleted").json]
    deleted = az_sp.run("keyvault", "show-deleted", "-n", name).json
    assert deleted["properties"]["vaultId"] == vault["id"] and deleted["properties"]["scheduledPurgeDate"]
    blocked = az_sp.run("keyvault", "create", "-n", name, "-g", group, "-l", "eastus", check=False)
    assert blocked.returncode != 0 and "deleted state" in blocked.stderr, str(blocked)

    recovered = az_sp.run("keyvault", "recover", "-n", name).json
    assert recovered["id"] == vault["id"]
    assert az_sp.run("keyvault", "list-deleted").json == [] or name not in [
        v["name"] for v in az_sp.run("keyvault", "list-deleted").json]

    az_sp.run("keyvault", "delete", "-n", name, output=None)
    az_sp.run("keyvault", "purge", "-n", name, output=None)
    assert name not in [v["name"] for v in az_sp.run("keyvault", "list-deleted").json]
    assert az_sp.run("keyvault", "create", "-n", name, "-g", group, "-l", "eastus").json["name"] == name
    assert az_sp.run("keyvault", "check-name", "-n", short("hsm")).json["nameAvailable"] is True


def test_features_gate_and_provider_registration(az_sp: AzCli, group: str):
    listed = az_sp.run("feature", "list", "--namespace", "Microsoft.Storage").json
    assert {"name": "Microsoft.Storage/AllowNFSV3", "state": "Registered"} in [
        {"name": f["name"], "state": f["properties"]["state"]} for f in listed]
    shown = az_sp.run("feature", "show", "--namespace", "Microsoft.Storage", "--name", "AllowNFSV3").json
    assert shown["id"] == f"/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Features/providers/Microsoft.Storage/features/AllowNFSV3"
    assert shown["type"] == "Microsoft.Features/providers/features"

    nfs = ["--enable-nfs-v3", "true", "--enable-hierarchical-namespace", "true", "--sku", "Premium_LRS", "--kind", "BlockBlobStorage"]
    try:
        assert az_sp.run("feature", "unregister", "--namespace", "Microsoft.Storage", "--name", "AllowNFSV3").json[
            "properties"]["state"] == "Unregistered"
        gated = az_sp.run("storage", "account", "create", "-n", short("nfs"), "-g", group, "-l", "eastus", *nfs, check=False)
        assert gated.returncode != 0 and "SubscriptionNotRegisteredForFeature" in gated.stderr, str(gated)
    finally:
        az_sp.run("feature", "register", "--namespace", "Microsoft.Storage", "--name", "AllowNFSV3", output=None)
    assert az_sp.run("storage", "account", "create", "-n", short("nfs"), "-g", group, "-l", "eastus", *nfs).json["enableNfsV3"] is True

    preview = az_sp.run("feature", "show", "--namespace", "Microsoft.KeyVault", "--name", "SomePreview").json
    assert preview["properties"]["state"] == "NotRegistered"
    unknown = az_sp.run("feature", "show", "--namespace", "Contoso.Nothing", "--name", "x", check=False)
    assert unknown.returncode != 0 and "InvalidResourceNamespace" in unknown.stderr, str(unknown)

    try:
        az_sp.run("provider", "unregister", "-n", "Microsoft.KeyVault", output=None)
        assert az_sp.run("provider", "show", "-n", "Microsoft.KeyVault").json["registrationState"] == "Unregistered"
        refused = az_sp.run("keyvault", "create", "-n", short("kv-"), "-g", group, "-l", "eastus", check=False)
        assert refused.returncode != 0 and "MissingSubscriptionRegistration" in refused.stderr, str(refused)
    finally:
        az_sp.run("provider", "register", "-n", "Microsoft.KeyVault", "--wait", output=None)
    assert az_sp.run("provider", "show", "-n", "Microsoft.KeyVault").json["registrationState"] == "Registered"
    permanent = az_sp.run("provider", "unregister", "-n", "Microsoft.Resources", check=False)
    assert permanent.returncode != 0, str(permanent)
