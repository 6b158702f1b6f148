"""Hostile input through the real SDK (issue 6 section 2): the emulator answers ARM errors the SDK
raises as HttpResponseError with the right code, keeps serving, and stores nothing."""

from __future__ import annotations

import pytest
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError


def _group_exists(resource_client, name: str) -> bool:
    return resource_client.resource_groups.check_existence(name)


def test_ten_thousand_tags_are_invalid_tag(resource_client, unique_name):
    name = unique_name("tags")
    tags = {f"tag{i}": f"value{i}" for i in range(10_000)}
    with pytest.raises(HttpResponseError) as caught:
        resource_client.resource_groups.create_or_update(name, {"location": "eastus", "tags": tags})
    assert caught.value.status_code == 400
    assert caught.value.error.code == "InvalidTag"
    assert not _group_exists(resource_client, name)


@pytest.mark.parametrize("bad_name", ["a/b", "..", "a%2Fb", "trailing.", "a b", "a<b>", "x" * 91])
def test_names_arm_rejects_never_create_anything(resource_client, bad_name):
    before = {g.name for g in resource_client.resource_groups.list()}
    with pytest.raises(HttpResponseError) as caught:
        resource_client.resource_groups.create_or_update(bad_name, {"location": "eastus"})
    assert 400 <= caught.value.status_code < 500
    assert {g.name for g in resource_client.resource_groups.list()} == before


def test_overflowing_template_is_invalid_template_and_the_emulator_survives(deployments_client, resource_client, unique_name):
    group = unique_name("ovf")
    resource_client.resource_groups.create_or_update(group, {"location": "eastus"})
    try:
        template = {"resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
                                   "name": "[string(add(9223372036854775807, 1))]", "location": "eastus",
                                   "sku": {"name": "Standard_LRS"}, "kind": "StorageV2"}]}
        body = {"properties": {"mode": "Incremental", "template": template, "parameters": {}}}
        with pytest.raises(HttpResponseError) as caught:
            deployments_client.deployments.begin_create_or_update(group, "overflow", body).result(timeout=60)
        assert caught.value.error.code == "InvalidTemplate"
        assert "64-bit" in str(caught.value)
        # Still serving: the group is there and can be read.
        assert resource_client.resource_groups.get(group).name == group
    finally:
        try:
            resource_client.resource_groups.begin_delete(group).result(timeout=120)
        except ResourceNotFoundError:
            pass
