"""Template deployments (Microsoft.Resources/deployments) with azure-mgmt-resource and `az deployment group`.

Templates use only resource types this branch serves: nested Microsoft.Resources/deployments, parameters
and outputs (the hub/project template test comes with the MachineLearningServices provider).
"""

from __future__ import annotations

import json

import pytest
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

from emulator_support import SUBSCRIPTION_ID, AzCli

TEMPLATE = {
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "contentVersion": "1.0.0.0",
    "parameters": {
        "prefix": {"type": "string", "defaultValue": "app"},
        "enabled": {"type": "bool", "defaultValue": False},
        "count": {"type": "int", "defaultValue": 2, "allowedValues": [1, 2, 3]},
    },
    "variables": {"suffix": "[uniqueString(resourceGroup().id)]"},
    "resources": [
        {
            "type": "Microsoft.Resources/deployments",
            "apiVersion": "2022-09-01",
            "name": "[concat(parameters('prefix'), '-inner-', copyIndex())]",
            "copy": {"name": "inners", "count": "[parameters('count')]"},
            "properties": {
                "mode": "Incremental",
                "expressionEvaluationOptions": {"scope": "inner"},
                "parameters": {"index": {"value": "[copyIndex()]"}},
                "template": {
                    "parameters": {"index": {"type": "int"}},
                    "resources": [],
                    "outputs": {"square": {"type": "int", "value": "[mul(parameters('index'), parameters('index'))]"}},
                },
            },
        }
    ],
    "outputs": {
        "name": {"type": "string", "value": "[concat(parameters('prefix'), '-', variables('suffix'))]"},
        "enabled": {"type": "bool", "value": "[parameters('enabled')]"},
        "lastSquare": {"type": "int",
                       "value": "[reference(concat(parameters('prefix'), '-inner-1')).outputs.square.value]"},
        "roleName": {"type": "string", "value": "[guid(resourceGroup().id, 'reader')]"},
    },
}


@pytest.fixture
def resource_group(resource_client, unique_name):
    name = unique_name("rgdep")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus"})
    yield name
    try:
        resource_client.resource_groups.begin_delete(name).result(timeout=120)
    except ResourceNotFoundError:
        pass


def deployment_body(template=TEMPLATE, parameters=None):
    return {"properties": {"mode": "Incremental", "template": template, "parameters": parameters or {}}}


def test_create_get_list_and_operations(deployments_client, resource_client, resource_group):
    poller = deployments_client.deployments.begin_create_or_update(
        resource_group, "dep1", deployment_body(parameters={"prefix": {"value": "web"}, "enabled": {"value": "true"}}))
    deployment = poller.result(timeout=120)
    assert deployment.id == (f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{resource_group}"
                             "/providers/Microsoft.Resources/deployments/dep1")
    assert deployment.properties.provisioning_state == "Succeeded"
    outputs = deployment.properties.outputs
    assert outputs["enabled"] == {"type": "Bool", "value": True}
    assert outputs["lastSquare"]["value"] == 1
    assert outputs["name"]["value"].startswith("web-") and len(outputs["name"]["value"]) == 4 + 13
    assert len(outputs["roleName"]["value"]) == 36
    assert deployment.properties.duration.startswith("PT")

    got = deployments_client.deployments.get(resource_group, "dep1")
    assert got.properties.outputs == outputs
    names = {d.name for d in deployments_client.deployments.list_by_resource_group(resource_group)}
    assert {"dep1", "web-inner-0", "web-inner-1"} <= names

    operations = list(deployments_client.deployment_operations.list(resource_group, "dep1"))
    assert len(operations) == 2
    assert {op.properties.target_resource.resource_name for op in operations} == {"web-inner-0", "web-inner-1"}
    assert all(op.properties.provisioning_state == "Succeeded" for op in operations)
    assert all(op.properties.target_resource.resource_type == "Microsoft.Resources/deployments" for op in operations)


def test_validate_accepts_a_good_template_and_rejects_a_bad_one(deployments_client, resource_client, resource_group):
    result = deployments_client.deployments.begin_validate(resource_group, "val", deployment_body()).result(timeout=60)
    assert result.properties.provisioning_state == "Succeeded"
    with pytest.raises(HttpResponseError) as caught:
        deployments_client.deployments.begin_validate(
            resource_group, "val", deployment_body(parameters={"count": {"value": 7}})).result(timeout=60)
    assert caught.value.status_code == 400
    assert caught.value.error.code == "InvalidTemplate"


def test_unknown_function_fails_with_a_clear_error(deployments_client, resource_client, resource_group):
    template = {"resources": [], "outputs": {"x": {"type": "string", "value": "[frobnicate('a')]"}}}
    with pytest.raises(HttpResponseError) as caught:
        deployments_client.deployments.begin_create_or_update(resource_group, "bad", deployment_body(template)).result(timeout=60)
    assert "frobnicate" in str(caught.value)


def test_delete_removes_the_record(deployments_client, resource_client, resource_group):
    deployments_client.deployments.begin_create_or_update(
        resource_group, "gone", deployment_body({"resources": []})).result(timeout=60)
    deployments_client.deployments.begin_delete(resource_group, "gone").result(timeout=60)
    with pytest.raises(ResourceNotFoundError):
        deployments_client.deployments.get(resource_group, "gone")


def test_az_deployment_group_create_with_template_file_and_parameters(az_sp: AzCli, unique_name, tmp_path):
    group = unique_name("rgaz")
    az_sp.run("group", "create", "--name", group, "--location", "eastus")
    template_file = tmp_path / "main.json"
    template_file.write_text(json.dumps(TEMPLATE))
    result = az_sp.run("deployment", "group", "create", "--resource-group", group, "--name", "azdep",
                       "--template-file", str(template_file), "--parameters", "prefix=cli", "enabled=true", "count=3",
                       timeout=180).json
    assert result["properties"]["provisioningState"] == "Succeeded"
    assert result["properties"]["outputs"]["enabled"]["value"] is True
    assert result["properties"]["outputs"]["name"]["value"].startswith("cli-")
    operations = az_sp.run("deployment", "operation", "group", "list", "--resource-group", group, "--name", "azdep").json
    assert len(operations) == 3
    az_sp.run("group", "delete", "--name", group, "--yes", output=None, timeout=120)


def test_failed_nested_resource_fails_the_deployment_through_the_status_poll(deployments_client, resource_client, resource_group):
    template = {"resources": [{
        "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "broken",
        "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
                       "template": {"resources": [{"type": "No.Such/things", "apiVersion": "2024-01-01", "name": "x"}]}}}]}
    with pytest.raises(HttpResponseError) as caught:
        deployments_client.deployments.begin_create_or_update(resource_group, "outer", deployment_body(template)).result(timeout=60)
    assert caught.value.error.code == "DeploymentFailed"
    assert "InvalidTemplateDeployment" in str(caught.value)
    failed = deployments_client.deployments.get(resource_group, "outer")
    assert failed.properties.provisioning_state == "Failed"
    operations = list(deployments_client.deployment_operations.list(resource_group, "outer"))
    assert operations[0].properties.provisioning_state == "Failed"
