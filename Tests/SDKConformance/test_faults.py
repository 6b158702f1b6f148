"""Fault injection (/_emulator/faults) seen through the real SDKs: azure-core's retry policy recovers
from injected 429 and 503 answers, and an LRO poller surfaces an injected failed operation as the real
HttpResponseError with the chosen code."""
from __future__ import annotations

import pytest
from azure.core.exceptions import HttpResponseError

from emulator_support import SUBSCRIPTION_ID


@pytest.fixture
def faults(http):
    """Adds rules through the operator API; every rule is cleared after the test."""

    def add(**rule) -> dict:
        response = http.post("/_emulator/faults", json=rule)
        assert response.status_code == 201, response.text
        return response.json()

    yield add
    assert http.delete("/_emulator/faults").status_code == 204


def remaining_rules(http) -> list:
    response = http.get("/_emulator/faults")
    assert response.status_code == 200
    return response.json()["value"]


@pytest.mark.parametrize("status", [429, 503])
def test_sdk_retry_policy_recovers_from_injected_errors(resource_client, faults, http, unique_name, status):
    name = unique_name("retry")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus"})
    # Given the next two GETs of the group fail with a retryable status
    faults(method="GET", path=f"/subscriptions/*/resourceGroups/{name}", status=status, count=2, retryAfter=1)
    # When the SDK reads it, its retry policy sleeps Retry-After and tries again until it succeeds
    group = resource_client.resource_groups.get(name)
    assert group.name == name
    # Then both injected failures were consumed by the SDK's retries
    assert remaining_rules(http) == []
    resource_client.resource_groups.begin_delete(name).result()


def test_throttling_answer_reaches_the_caller_when_retries_run_out(credential, sdk_kwargs, faults, unique_name):
    from azure.mgmt.resource.resources import ResourceManagementClient

    # A client that does not retry sees ARM's throttling error as it is
    client = ResourceManagementClient(credential, SUBSCRIPTION_ID, retry_total=0, **sdk_kwargs)
    try:
        faults(method="GET", path="/subscriptions/*/resourcegroups", status=429, count=1, retryAfter=3)
        with pytest.raises(HttpResponseError) as caught:
            list(client.resource_groups.list())
        assert caught.value.status_code == 429
        assert caught.value.error.code == "SubscriptionRequestsThrottled"
        assert caught.value.response.headers["Retry-After"] == "3"
        assert caught.value.response.headers["x-ms-ratelimit-remaining-subscription-reads"] == "0"
    finally:
        client.close()


def test_poller_surfaces_an_injected_failed_operation(resource_client, faults, unique_name):
    name = unique_name("failop")
    resource_client.resource_groups.create_or_update(name, {"location": "eastus"})
    faults(method="DELETE", path=f"/subscriptions/*/resourcegroups/{name}", failOperation=True, count=1,
           code="ResourceGroupDeletionBlocked", message="Deletion blocked by a test fault.")
    poller = resource_client.resource_groups.begin_delete(name)
    with pytest.raises(HttpResponseError) as caught:
        poller.result()
    assert caught.value.status_code == 400
    assert "ResourceGroupDeletionBlocked" in str(caught.value)
    # The injected failure changed nothing: the group is still there and can be deleted for real
    assert resource_client.resource_groups.get(name).properties.provisioning_state == "Succeeded"
    resource_client.resource_groups.begin_delete(name).result()
