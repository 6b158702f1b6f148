"""Long-running operations with --provisioning-delay: the clients must poll, and polling must end.

A second emulator is started for this module with --provisioning-delay, so deletes are really
asynchronous.
"""

from __future__ import annotations

import pytest
from azure.core.exceptions import ResourceNotFoundError

from emulator_support import (
    OPERATOR_CLIENT_ID,
    OPERATOR_SECRET,
    SUBSCRIPTION_ID,
    TENANT_ID,
    AzCli,
    Emulator,
    describe,
    emulator_binary,
    wait_until,
)

DELAY_MS = 2000


@pytest.fixture(scope="module")
def slow_emulator(tmp_path_factory):
    instance = Emulator(binary=emulator_binary(), work_dir=tmp_path_factory.mktemp("slow-emulator"))
    instance.start(extra_args=("--provisioning-delay", str(DELAY_MS)))
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def slow_client(slow_emulator):
    from azure.identity import ClientSecretCredential
    from azure.mgmt.resource.resources import ResourceManagementClient

    credential = ClientSecretCredential(TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_SECRET,
                                        authority=slow_emulator.base_url, disable_instance_discovery=True,
                                        connection_verify=slow_emulator.cert_path)
    client = ResourceManagementClient(credential, SUBSCRIPTION_ID, base_url=slow_emulator.base_url,
                                      credential_scopes=[slow_emulator.base_url + "/.default"],
                                      connection_verify=slow_emulator.cert_path, connection_timeout=10,
                                      read_timeout=60)
    yield client
    client.close()
    credential.close()


def test_sdk_delete_polls_until_the_group_is_gone(slow_client, unique_name):
    name = unique_name("slowdel")
    slow_client.resource_groups.create_or_update(name, {"location": "eastus"})
    poller = slow_client.resource_groups.begin_delete(name)
    assert not poller.done(), "with --provisioning-delay the delete must still be running"
    # While it runs the group is visible in the Deleting state (reference: ARM 4.2).
    assert slow_client.resource_groups.get(name).properties.provisioning_state == "Deleting"
    poller.result(timeout=120)
    with pytest.raises(ResourceNotFoundError) as caught:
        slow_client.resource_groups.get(name)
    assert caught.value.error.code == "ResourceGroupNotFound"


def test_raw_delete_location_answers_202_with_retry_after_then_finishes(slow_emulator, unique_name):
    http = slow_emulator.http()
    token = http.get("/_emulator/token").json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    path = f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{unique_name('slowraw')}?api-version=2025-04-01"
    assert http.put(path, headers=headers, json={"location": "eastus"}).status_code == 201
    response = http.delete(path, headers=headers)
    assert response.status_code == 202, describe(response)
    assert int(response.headers.get("Retry-After", "0")) >= 1, describe(response)
    location = response.headers["Location"]

    first = http.get(location, headers=headers)
    assert first.status_code == 202, f"still running after {DELAY_MS} ms? {describe(first)}"
    assert int(first.headers.get("Retry-After", "0")) >= 1, describe(first)

    def done():
        poll = http.get(location, headers=headers)
        assert poll.status_code in (200, 202, 204), describe(poll)
        return poll.status_code in (200, 204)

    wait_until(done, timeout=60, interval=0.5, message="delete finished")
    assert http.head(path, headers=headers).status_code == 404


def test_az_group_delete_waits_for_the_delayed_operation(slow_emulator, tmp_path, unique_name):
    az = AzCli(slow_emulator, tmp_path / "azure-config")
    az.use_emulator_cloud()
    az.login_service_principal()
    name = unique_name("slowaz")
    az.run("group", "create", "--name", name, "--location", "eastus")
    az.run("group", "delete", "--name", name, "--yes", output=None, timeout=180)
    # A group being deleted still exists (HEAD 204); false proves az polled to the end.
    assert az.run("group", "exists", "--name", name).json is False


def test_ml_workspace_put_and_delete_poll_their_location(slow_emulator, slow_client, unique_name):
    """A hub PUT answers 202 + Location; the poller's final GET of Location returns the workspace."""
    import io
    import json

    from azure.identity import ClientSecretCredential
    from azure.mgmt.machinelearningservices import MachineLearningServicesMgmtClient

    group = unique_name("slowml")
    slow_client.resource_groups.create_or_update(group, {"location": "eastus"})
    credential = ClientSecretCredential(TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_SECRET,
                                        authority=slow_emulator.base_url, disable_instance_discovery=True,
                                        connection_verify=slow_emulator.cert_path)
    ml = MachineLearningServicesMgmtClient(credential, SUBSCRIPTION_ID, api_version="2024-10-01",
                                           base_url=slow_emulator.base_url,
                                           credential_scopes=[slow_emulator.base_url + "/.default"],
                                           connection_verify=slow_emulator.cert_path)
    payload = io.BytesIO(json.dumps({"location": "eastus", "kind": "Hub", "properties": {}}).encode())
    poller = ml.workspaces.begin_create_or_update(group, "hub1", payload)
    assert not poller.done(), "with --provisioning-delay the PUT must still be running"
    hub = poller.result(timeout=120)
    assert hub.name == "hub1" and hub.provisioning_state == "Succeeded"
    ml.workspaces.begin_delete(group, "hub1").result(timeout=120)
    with pytest.raises(ResourceNotFoundError):
        ml.workspaces.get(group, "hub1")
    ml.close()
    credential.close()


def test_azure_ai_ml_begin_create_through_delayed_template_deployments(slow_emulator, slow_client, unique_name, monkeypatch):
    """The template deployment runs in the background; its workspace PUTs answer 202 and are polled
    by the deployment engine, azure-ai-ml polls the deployment, then deleting the group cleans up."""
    from azure.ai.ml import MLClient
    from azure.ai.ml.entities import Hub, Project
    from azure.identity import ClientSecretCredential

    monkeypatch.setenv("REQUESTS_CA_BUNDLE", slow_emulator.cert_path)
    group = unique_name("slowaiml")
    slow_client.resource_groups.create_or_update(group, {"location": "eastus"})
    credential = ClientSecretCredential(TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_SECRET,
                                        authority=slow_emulator.base_url, disable_instance_discovery=True,
                                        connection_verify=slow_emulator.cert_path)
    base = slow_emulator.base_url + "/"
    metadata = {"azure_portal": base, "resource_manager": base, "active_directory": base, "aml_resource_id": base,
                "storage_endpoint": "core.windows.net", "registry_discovery_endpoint": base}
    ml = MLClient(credential, SUBSCRIPTION_ID, group, cloud="FoundryEmulatorSlow", cloud_metadata=metadata)
    hub = ml.workspaces.begin_create(Hub(name="hub1", location="eastus")).result(timeout=180)
    project = ml.workspaces.begin_create(Project(name="proj1", hub_id=hub.id)).result(timeout=180)
    assert project.hub_id == hub.id
    try:  # azure-mgmt-resource 26 moved deployments to azure-mgmt-resource-deployments (see conftest)
        from azure.mgmt.resource.deployments import DeploymentsMgmtClient
        deployments_client = DeploymentsMgmtClient(credential, SUBSCRIPTION_ID, base_url=slow_emulator.base_url,
                                                   credential_scopes=[slow_emulator.base_url + "/.default"],
                                                   connection_verify=slow_emulator.cert_path)
    except ImportError:
        deployments_client = slow_client
    deployments = list(deployments_client.deployments.list_by_resource_group(group))
    assert len(deployments) == 2 and {d.properties.provisioning_state for d in deployments} == {"Succeeded"}
    slow_client.resource_groups.begin_delete(group).result(timeout=120)
    # The identities went with the group (ResourceGroupCascade), also on the asynchronous path.
    principals = {p["objectId"] for p in slow_emulator.http().get("/_emulator/principals").json()["value"]}
    assert hub.identity.principal_id and project.identity.principal_id
    assert hub.identity.principal_id not in principals and project.identity.principal_id not in principals
    credential.close()
