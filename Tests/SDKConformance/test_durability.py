"""Durable state (docs/durability-and-load.md) seen by the real clients: --data-dir survives SIGKILL, state export and
import, refusal to start on a damaged journal, and a short run of scripts/crash-test.

Each test runs its own emulator process on its own data directory (the session emulator is shared
and must not be killed or have its state replaced).
"""

from __future__ import annotations

import sys

import pytest

from emulator_support import (
    OPERATOR_CLIENT_ID,
    OPERATOR_OBJECT_ID,
    OPERATOR_SECRET,
    REPO_ROOT,
    SUBSCRIPTION_ID,
    TENANT_ID,
    Emulator,
    clean_env,
    emulator_binary,
    run_process,
)

API = "api-version=2024-11-01"
SDK_TRANSPORT_KWARGS = {"connection_timeout": 10, "read_timeout": 60}


def resource_client(instance: Emulator):
    from azure.identity import ClientSecretCredential
    from azure.mgmt.resource.resources import ResourceManagementClient

    credential = ClientSecretCredential(TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_SECRET, authority=instance.base_url,
                                        disable_instance_discovery=True, connection_verify=instance.cert_path,
                                        **SDK_TRANSPORT_KWARGS)
    return ResourceManagementClient(credential, SUBSCRIPTION_ID, base_url=instance.base_url,
                                    credential_scopes=[instance.base_url + "/.default"],
                                    connection_verify=instance.cert_path, **SDK_TRANSPORT_KWARGS)


def operator_headers(instance: Emulator) -> dict[str, str]:
    token = instance.http().request("GET", "/_emulator/token").json()["access_token"]
    return {"Authorization": "Bearer " + token}


def test_acknowledged_sdk_writes_survive_sigkill(own_emulator):
    # Given resource groups created and updated through azure-mgmt-resource
    first = own_emulator()
    client = resource_client(first)
    client.resource_groups.create_or_update("durable-a", {"location": "eastus", "tags": {"v": "1"}})
    client.resource_groups.create_or_update("durable-b", {"location": "westus"})
    client.resource_groups.update("durable-a", {"tags": {"v": "2"}})
    client.resource_groups.begin_delete("durable-b").result()
    before = client.resource_groups.get("durable-a").as_dict()
    # When the process is killed without any chance to flush or shut down
    first.process.kill()
    first.process.wait(timeout=30)
    # Then a new process on the same data directory serves exactly the acknowledged state
    second = own_emulator()
    client = resource_client(second)
    group = client.resource_groups.get("durable-a")
    assert group.tags == {"v": "2"}
    assert group.as_dict() == before
    assert not client.resource_groups.check_existence("durable-b")


def test_state_export_and_import_round_trip(own_emulator):
    instance = own_emulator()
    http = instance.http()
    headers = operator_headers(instance)
    http.request("PUT", f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/kept?{API}", headers=headers,
                 json={"location": "eastus", "tags": {"k": "v"}})
    saved = http.request("GET", "/_emulator/state")
    assert saved.status_code == 200
    document = saved.json()
    assert document["format"] == "foundry-emulator-state" and document["version"] == 1
    assert any(item["id"].endswith("/resourceGroups/kept") for item in document["resources"])
    assert document["directory"]["servicePrincipals"], "the directory (principals, secrets) is part of the state"

    # A group made after the export disappears when the export is imported back
    http.request("PUT", f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/later?{API}", headers=headers,
                 json={"location": "eastus"})
    restored = http.request("PUT", "/_emulator/state", json=document)
    assert restored.status_code == 200, restored.text
    client = resource_client(instance)
    assert client.resource_groups.check_existence("kept")
    assert not client.resource_groups.check_existence("later")
    assert client.resource_groups.get("kept").tags == {"k": "v"}


@pytest.mark.parametrize("mutate", ["format", "duplicate", "directory"])
def test_invalid_import_changes_nothing(own_emulator, mutate):
    instance = own_emulator()
    http = instance.http()
    headers = operator_headers(instance)
    http.request("PUT", f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/stays?{API}", headers=headers,
                 json={"location": "eastus"})
    before = http.request("GET", "/_emulator/state").json()
    document = http.request("GET", "/_emulator/state").json()
    document["resources"] = []  # would remove everything if it were applied
    if mutate == "format":
        document["format"] = "something-else"
    elif mutate == "duplicate":
        group = next(item for item in before["resources"] if item["id"].endswith("/resourceGroups/stays"))
        document["resources"] = [group, dict(group, id=group["id"].upper())]
    else:
        document["directory"]["tenants"] = []  # the well-known tenant must stay
    answer = http.request("PUT", "/_emulator/state", json=document)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == "InvalidStateDocument"
    assert http.request("GET", "/_emulator/state").json() == before


def test_a_damaged_journal_refuses_to_start(own_emulator, tmp_path):
    instance = own_emulator()
    client = resource_client(instance)
    for name in ("j1", "j2", "j3"):
        client.resource_groups.create_or_update(name, {"location": "eastus"})
    instance.process.kill()
    instance.process.wait(timeout=30)
    journal = next(instance.data_dir.glob("journal-*.log"))
    data = bytearray(journal.read_bytes())
    data[20] ^= 0x55  # inside the first record, with whole records after it
    journal.write_bytes(bytes(data))
    result = run_process([str(emulator_binary()), "--port", "0", "--data-dir", str(instance.data_dir)],
                         timeout=60, env=clean_env(), cwd=str(tmp_path))
    assert result.returncode != 0
    assert "corrupt" in result.stderr and journal.name in result.stderr, result.stderr


def test_short_crash_test_loses_no_acknowledged_write():
    env = clean_env({"FOUNDRY_EMULATOR_BIN": str(emulator_binary())})
    script = str(REPO_ROOT / "scripts" / "crash-test")
    result = run_process([sys.executable, script, "--runs", "6", "--writers", "4", "--keys", "8", "--seed", "7"],
                         timeout=240, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ", 0 lost, 0 half-present," in result.stdout, result.stdout
    # And the checker does see losses when the journals are taken away
    sabotage = run_process([sys.executable, script, "--runs", "3", "--writers", "2", "--keys", "8", "--seed", "7",
                            "--self-check"], timeout=240, env=env)
    assert sabotage.returncode == 0, sabotage.stdout + sabotage.stderr


def test_graph_objects_and_feature_state_survive_sigkill(own_emulator):
    # Given an application with a password, a group with a member and an unregistered feature
    first = own_emulator()
    http, headers = first.http(), operator_headers(first)
    app = http.request("POST", "/v1.0/applications", headers=headers, json={"displayName": "durable-app"}).json()
    secret = http.request("POST", f"/v1.0/applications/{app['id']}/addPassword", headers=headers, json={}).json()["secretText"]
    http.request("POST", "/v1.0/servicePrincipals", headers=headers, json={"appId": app["appId"]})
    group = http.request("POST", "/v1.0/groups", headers=headers, json={"displayName": "durable", "mailNickname": "durable"}).json()
    added = http.request("POST", f"/v1.0/groups/{group['id']}/members/$ref", headers=headers,
                         json={"@odata.id": f"https://graph.microsoft.com/v1.0/directoryObjects/{OPERATOR_OBJECT_ID}"})
    assert added.status_code == 204, added.text
    feature = (f"/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Features/providers/Microsoft.Storage/features/AllowNFSV3"
               "?api-version=2021-07-01")
    assert http.request("POST", feature.replace("?", "/unregister?"), headers=headers).status_code == 200
    # When the process is killed
    first.process.kill()
    first.process.wait(timeout=30)
    # Then the next one has them, and the application's password still signs in
    second = own_emulator()
    http, headers = second.http(), operator_headers(second)
    members = http.request("GET", f"/v1.0/groups/{group['id']}/members", headers=headers).json()["value"]
    assert [m["id"] for m in members] == [OPERATOR_OBJECT_ID]
    assert http.request("GET", feature, headers=headers).json()["properties"]["state"] == "Unregistered"
    token = http.request("POST", f"/{TENANT_ID}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": app["appId"], "client_secret": secret,
        "scope": "https://management.azure.com/.default"})
    assert token.status_code == 200, token.text
