"""azure-mgmt-resource 24.0.0 (ResourceManagementClient, SubscriptionClient) against the emulator's ARM."""

from __future__ import annotations

import pytest
from azure.core.exceptions import ResourceNotFoundError

from emulator_support import SUBSCRIPTION_ID, TENANT_ID, describe, wait_until

RG_ID_PREFIX = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/"


@pytest.fixture
def resource_group(resource_client, unique_name):
    """A fresh resource group, deleted afterwards (best effort)."""
    name = unique_name("rg")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus", "tags": {"env": "test"}})
    yield name
    try:
        resource_client.resource_groups.begin_delete(name).result(timeout=120)
    except ResourceNotFoundError:
        pass


# -- resource groups ---------------------------------------------------------------------------

def test_create_resource_group_returns_the_canonical_id(resource_client, unique_name):
    name = unique_name("rg")
    group = resource_client.resource_groups.create_or_update(
        name, {"location": "eastus", "tags": {"env": "test", "team": "sdk"}})
    # The SDK sends .../resourcegroups/{name}; the id comes back with ARM's canonical casing.
    assert group.id == RG_ID_PREFIX + name
    assert group.name == name
    assert group.type == "Microsoft.Resources/resourceGroups"
    assert group.location == "eastus"
    assert group.tags == {"env": "test", "team": "sdk"}
    assert group.properties.provisioning_state == "Succeeded"


def test_create_or_update_twice_is_idempotent(resource_client, resource_group):
    again = resource_client.resource_groups.create_or_update(resource_group, {"location": "eastus",
                                                                              "tags": {"env": "again"}})
    assert again.id == RG_ID_PREFIX + resource_group
    assert again.tags == {"env": "again"}


def test_get_resource_group(resource_client, resource_group):
    group = resource_client.resource_groups.get(resource_group)
    assert group.id == RG_ID_PREFIX + resource_group
    assert group.name == resource_group
    assert group.location == "eastus"
    assert group.properties.provisioning_state == "Succeeded"


def test_get_is_case_insensitive_and_returns_the_stored_casing(resource_client, resource_group):
    group = resource_client.resource_groups.get(resource_group.upper())
    assert group.name == resource_group
    assert group.id == RG_ID_PREFIX + resource_group


def test_check_existence(resource_client, resource_group, unique_name):
    assert resource_client.resource_groups.check_existence(resource_group) is True
    assert resource_client.resource_groups.check_existence(unique_name("missing")) is False


def test_list_returns_every_group_across_pages(resource_client, unique_name):
    names = [unique_name(f"list{i}") for i in range(7)]
    for name in names:
        resource_client.resource_groups.create_or_update(name, {"location": "westus"})
    try:
        listed = {g.name for g in resource_client.resource_groups.list()}
        assert set(names) <= listed
        # $top=2 forces several pages: the SDK follows nextLink and must still see every group.
        paged = [g.name for g in resource_client.resource_groups.list(top=2)]
        assert set(names) <= set(paged)
        assert len(paged) == len(set(paged)), "a group was returned on two pages"
    finally:
        for name in names:
            resource_client.resource_groups.begin_delete(name).result(timeout=120)


def test_list_with_tag_filter(resource_client, unique_name):
    tagged, other, untagged = unique_name("tagged"), unique_name("other"), unique_name("untagged")
    resource_client.resource_groups.create_or_update(tagged, {"location": "eastus", "tags": {"env": "test"}})
    resource_client.resource_groups.create_or_update(other, {"location": "eastus", "tags": {"env": "prod"}})
    resource_client.resource_groups.create_or_update(untagged, {"location": "eastus"})
    try:
        found = list(resource_client.resource_groups.list(filter="tagName eq 'env' and tagValue eq 'test'"))
        names = {g.name for g in found}
        assert tagged in names
        assert other not in names and untagged not in names
        # Whether ARM returns the tags of groups matched by a tag filter is not asserted: for
        # Resources_List it documents that it leaves them out.
    finally:
        for name in (tagged, other, untagged):
            resource_client.resource_groups.begin_delete(name).result(timeout=120)


def test_update_replaces_tags(resource_client, unique_name):
    name = unique_name("patch")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus",
                                                            "tags": {"env": "test", "team": "a"}})
    try:
        updated = resource_client.resource_groups.update(name, {"tags": {"owner": "me"}})
        assert updated.tags == {"owner": "me"}
        assert updated.location == "eastus"
        assert resource_client.resource_groups.get(name).tags == {"owner": "me"}
    finally:
        resource_client.resource_groups.begin_delete(name).result(timeout=120)


def test_begin_delete_then_get_raises_resource_group_not_found(resource_client, unique_name):
    name = unique_name("del")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus"})
    poller = resource_client.resource_groups.begin_delete(name)
    poller.result(timeout=120)
    assert poller.status().lower() == "succeeded", poller.status()
    with pytest.raises(ResourceNotFoundError) as caught:
        resource_client.resource_groups.get(name)
    assert caught.value.status_code == 404
    assert caught.value.error.code == "ResourceGroupNotFound", str(caught.value)
    assert resource_client.resource_groups.check_existence(name) is False


def test_delete_missing_group_raises_not_found(resource_client, unique_name):
    with pytest.raises(ResourceNotFoundError) as caught:
        resource_client.resource_groups.begin_delete(unique_name("never")).result(timeout=60)
    assert caught.value.error.code == "ResourceGroupNotFound", str(caught.value)


# -- resources -------------------------------------------------------------------------------

def test_list_resources_in_subscription_and_group(resource_client, resource_group, unique_name):
    everything = list(resource_client.resources.list())
    assert all(r.id and r.type for r in everything)
    assert list(resource_client.resources.list_by_resource_group(resource_group)) == []
    with pytest.raises(ResourceNotFoundError) as caught:
        list(resource_client.resources.list_by_resource_group(unique_name("missing")))
    assert caught.value.error.code == "ResourceGroupNotFound", str(caught.value)


# -- providers -------------------------------------------------------------------------------

def test_providers_list_contains_microsoft_resources(resource_client):
    providers = {p.namespace: p for p in resource_client.providers.list()}
    assert "Microsoft.Resources" in providers, list(providers)
    assert providers["Microsoft.Resources"].registration_state == "Registered"


# Both Foundry namespaces: hubs and projects (issue 3) and AI Services accounts (issue 4).
@pytest.mark.parametrize("namespace, resource_type", [("Microsoft.MachineLearningServices", "workspaces"),
                                                      ("Microsoft.CognitiveServices", "accounts")])
def test_foundry_providers_are_listed_with_their_resource_types(resource_client, namespace, resource_type):
    listed = {p.namespace for p in resource_client.providers.list()}
    assert namespace in listed, listed
    types = {t.resource_type: t for t in resource_client.providers.get(namespace).resource_types}
    assert resource_type in types, list(types)
    assert types[resource_type].api_versions and types[resource_type].locations


def test_provider_get_is_case_insensitive(resource_client):
    provider = resource_client.providers.get("microsoft.resources")
    assert provider.namespace == "Microsoft.Resources"
    assert provider.id == f"/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Resources"
    types = {t.resource_type: t for t in provider.resource_types}
    assert "resourceGroups" in types, list(types)
    assert types["resourceGroups"].api_versions


def test_provider_register(resource_client):
    provider = resource_client.providers.register("Microsoft.Resources")
    assert provider.namespace == "Microsoft.Resources"
    assert provider.registration_state in ("Registered", "Registering"), provider.registration_state
    wait_until(lambda: resource_client.providers.get("Microsoft.Resources").registration_state == "Registered",
               timeout=30, message="registrationState Registered")


def test_unknown_provider_namespace_is_not_found(resource_client):
    with pytest.raises(ResourceNotFoundError) as caught:
        resource_client.providers.get("Microsoft.DoesNotExist")
    assert caught.value.error.code == "InvalidResourceNamespace", str(caught.value)


# -- subscriptions, locations, tenants -------------------------------------------------------

def test_subscription_list_contains_the_default_subscription(subscription_client):
    subscriptions = {s.subscription_id: s for s in subscription_client.subscriptions.list()}
    assert SUBSCRIPTION_ID in subscriptions, list(subscriptions)
    default = subscriptions[SUBSCRIPTION_ID]
    assert default.id == f"/subscriptions/{SUBSCRIPTION_ID}"
    assert default.tenant_id == TENANT_ID
    assert default.state == "Enabled"
    assert default.display_name


def test_subscription_get(subscription_client):
    subscription = subscription_client.subscriptions.get(SUBSCRIPTION_ID)
    assert subscription.id == f"/subscriptions/{SUBSCRIPTION_ID}"
    assert subscription.subscription_id == SUBSCRIPTION_ID
    assert subscription.tenant_id == TENANT_ID


def test_unknown_subscription_is_not_found(subscription_client):
    with pytest.raises(ResourceNotFoundError) as caught:
        subscription_client.subscriptions.get("00000000-0000-4000-8000-00000000dead")
    assert caught.value.error.code == "SubscriptionNotFound", str(caught.value)


def test_subscription_locations(subscription_client):
    locations = {loc.name: loc for loc in subscription_client.subscriptions.list_locations(SUBSCRIPTION_ID)}
    assert "eastus" in locations, list(locations)
    assert locations["eastus"].display_name == "East US"
    assert locations["eastus"].id == f"/subscriptions/{SUBSCRIPTION_ID}/locations/eastus"


def test_tenants_list(subscription_client):
    tenants = [t.tenant_id for t in subscription_client.tenants.list()]
    assert TENANT_ID in tenants, tenants


def test_raw_put_returns_201_then_200_and_the_canonical_id(http, auth_headers, unique_name):
    # The SDK hides status codes; the generated code accepts only 200 and 201 here.
    name = unique_name("raw")
    path = f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{name}?api-version=2025-04-01"
    first = http.put(path, headers=auth_headers, json={"location": "eastus"})
    assert first.status_code == 201, describe(first)
    assert first.json()["id"] == RG_ID_PREFIX + name, describe(first)
    second = http.put(path, headers=auth_headers, json={"location": "eastus"})
    assert second.status_code == 200, describe(second)
    head = http.head(path, headers=auth_headers)
    assert head.status_code == 204, describe(head)
    http.delete(path, headers=auth_headers)


def test_raw_delete_is_async_with_location_and_retry_after(http, auth_headers, emulator, unique_name):
    name = unique_name("lro")
    path = f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{name}?api-version=2025-04-01"
    assert http.put(path, headers=auth_headers, json={"location": "eastus"}).status_code == 201
    response = http.delete(path, headers=auth_headers)
    assert response.status_code == 202, describe(response)
    location = response.headers.get("Location", "")
    assert location.startswith(emulator.base_url + "/"), describe(response)
    # Retry-After missing or "0" makes azure-core wait 30 s per poll.
    assert int(response.headers.get("Retry-After", "0")) >= 1, describe(response)

    def finished():
        poll = http.get(location, headers=auth_headers)
        assert poll.status_code in (200, 202, 204), describe(poll)
        if poll.status_code == 202:
            assert int(poll.headers.get("Retry-After", "0")) >= 1, describe(poll)
        return poll.status_code in (200, 204)

    wait_until(finished, timeout=60, interval=0.5, message="Location poll of DELETE answering 200/204")
    assert http.head(path, headers=auth_headers).status_code == 404
