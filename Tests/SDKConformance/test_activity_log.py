"""The activity log (Microsoft.Insights eventtypes/management/values), read by the real
`az monitor activity-log list` (azure-cli 2.91.0) and azure-mgmt-monitor 7.0.0, after a scripted
series of writes: a resource group, an account, a deployment, a write denied by RBAC, and a
deployment refused for quota. docs/activity-log.md describes the contract.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
import requests

from emulator_support import OPERATOR_OBJECT_ID, SUBSCRIPTION_ID, TENANT_ID, AzCli

CS_API = "api-version=2025-06-01"
RG_API = "api-version=2024-11-01"
# A region no other module deploys gpt-4.1 in, so the quota this module exhausts is its own.
QUOTA_REGION = "francecentral"


@pytest.fixture(scope="module")
def scripted(http, auth_headers, emulator):
    """The writes, in order; answers the names and ids the tests look for."""
    group = f"sdk-activity-{uuid.uuid4().hex[:8]}"
    group_id = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{group}"
    account = f"act{uuid.uuid4().hex[:10]}"
    account_id = f"{group_id}/providers/Microsoft.CognitiveServices/accounts/{account}"
    correlation = str(uuid.uuid4())

    def ok(response, *statuses):
        assert response.status_code in statuses, f"{response.request.method} {response.url}: {response.status_code} {response.text}"
        return response

    ok(http.put(f"{group_id}?{RG_API}", headers=auth_headers, json={"location": "eastus"}), 201)
    ok(http.put(f"{account_id}?{CS_API}", headers={**auth_headers, "x-ms-correlation-request-id": correlation},
                json={"location": QUOTA_REGION, "kind": "AIServices", "sku": {"name": "S0"}, "properties": {}}), 200, 201, 202)
    ok(http.put(f"{account_id}/deployments/chat?{CS_API}", headers=auth_headers, json={
        "sku": {"name": "Standard", "capacity": 1},
        "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}}}), 200, 201)
    # Over quota (gpt-4.1 DataZoneStandard: 50 per region by default): the second deployment is refused,
    # and recorded as Failed.
    def big(name):
        return http.put(f"{account_id}/deployments/{name}?{CS_API}", headers=auth_headers, json={
            "sku": {"name": "DataZoneStandard", "capacity": 30},
            "properties": {"model": {"format": "OpenAI", "name": "gpt-4.1", "version": "2025-04-14"}}})
    ok(big("first"), 200, 201)
    refused = ok(big("huge"), 400).json()["error"]["code"]
    # A principal without any role: its write is denied, and recorded under its object id.
    principal = ok(http.post("/_emulator/principals", json={"displayName": f"no-rights-{uuid.uuid4().hex[:6]}"}), 201).json()
    token = ok(http.post(f"/{TENANT_ID}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": principal["clientId"], "client_secret": principal["clientSecret"],
        "scope": emulator.base_url + "/.default"}), 200).json()["access_token"]
    ok(http.put(f"{group_id}?{RG_API}", headers={"Authorization": f"Bearer {token}"},
                json={"location": "eastus", "tags": {"denied": "yes"}}), 403)
    return {"group": group, "group_id": group_id, "account_id": account_id, "correlation": correlation,
            "denied_caller": principal["objectId"], "refused_code": refused}


def activity(az: AzCli, *args: str) -> list[dict]:
    return az.run("monitor", "activity-log", "list", *args).json


def pairs_complete(events: list[dict]) -> bool:
    """Every operation that ended has its BeginRequest too."""
    by_operation: dict[str, set[str]] = {}
    for event in events:
        by_operation.setdefault(event["operationId"], set()).add(event["eventName"]["value"])
    return all(names == {"BeginRequest", "EndRequest"} for names in by_operation.values())


def test_default_window_lists_the_writes_newest_first(az_sp: AzCli, scripted):
    events = activity(az_sp, "--max-events", "1000")
    ours = [e for e in events if e.get("resourceGroupName") == scripted["group"]]
    assert len(ours) >= 10, ours
    stamps = [e["eventTimestamp"] for e in events]
    assert stamps == sorted(stamps, reverse=True)
    assert all(e["category"]["value"] == "Administrative" for e in events)


def test_resource_group_filter_gives_pairs_with_azure_fields(az_sp: AzCli, scripted):
    events = activity(az_sp, "--resource-group", scripted["group"])
    assert events and all(e["resourceGroupName"] == scripted["group"] for e in events)
    assert pairs_complete(events), events
    write = next(e for e in events if e["resourceId"] == scripted["group_id"] and e["status"]["value"] == "Succeeded")
    assert write["subStatus"] == {"value": "Created", "localizedValue": "Created (HTTP Status Code: 201)"}
    assert write["operationName"]["value"] == "Microsoft.Resources/subscriptions/resourceGroups/write"
    assert write["authorization"] == {"action": "Microsoft.Resources/subscriptions/resourceGroups/write",
                                      "scope": scripted["group_id"]}
    assert write["caller"] == OPERATOR_OBJECT_ID
    # `channels` is served, but neither az (aaz activity_log/_list.py) nor mgmt-monitor 7.0.0 models it: both drop it.
    assert write["level"] == "Informational"
    assert write["subscriptionId"] == SUBSCRIPTION_ID and write["tenantId"] == TENANT_ID
    assert write["httpRequest"]["method"] == "PUT"
    assert write["id"].startswith(scripted["group_id"] + "/events/" + write["eventDataId"] + "/ticks/")
    assert all(isinstance(v, str) for v in write["claims"].values())
    assert write["properties"]["statusCode"] == "Created"
    # Reads are not recorded.
    assert all(e["httpRequest"]["method"] != "GET" for e in events)


def test_resource_id_filter(az_sp: AzCli, scripted):
    events = activity(az_sp, "--resource-id", scripted["account_id"])
    assert events and all(e["resourceId"].lower() == scripted["account_id"].lower() for e in events)
    assert {e["eventName"]["value"] for e in events} == {"BeginRequest", "EndRequest"}


def test_correlation_id_filter(az_sp: AzCli, scripted):
    events = activity(az_sp, "--correlation-id", scripted["correlation"])
    assert len(events) >= 2, events
    assert all(e["correlationId"] == scripted["correlation"] for e in events)
    assert len({e["operationId"] for e in events}) == 1
    assert events[-1]["status"]["value"] == "Started"


def test_caller_and_status_show_the_denied_write(az_sp: AzCli, scripted):
    events = activity(az_sp, "--caller", scripted["denied_caller"])
    assert [e["status"]["value"] for e in events] == ["Failed", "Started"]
    denied = events[0]
    assert denied["subStatus"]["value"] == "Forbidden"
    assert denied["level"] == "Error"
    assert "AuthorizationFailed" in denied["properties"]["statusMessage"]

    failed = activity(az_sp, "--resource-group", scripted["group"], "--status", "Failed")
    assert {e["subStatus"]["value"] for e in failed} == {"Forbidden", "BadRequest"}
    quota = next(e for e in failed if e["subStatus"]["value"] == "BadRequest")
    assert quota["resourceId"].endswith("/deployments/huge")
    assert scripted["refused_code"] == "InsufficientQuota"
    assert '"InsufficientQuota"' in quota["properties"]["statusMessage"]


def test_start_time_with_an_offset_and_max_events(az_sp: AzCli, scripted):
    start = (datetime.now(timezone.utc) - timedelta(hours=1)).astimezone(timezone(timedelta(hours=2))).isoformat()
    events = activity(az_sp, "--resource-group", scripted["group"], "--start-time", start)
    assert len(events) >= 10
    future = (datetime.now(timezone.utc) + timedelta(hours=1)).astimezone(timezone(timedelta(hours=-5))).isoformat()
    assert activity(az_sp, "--resource-group", scripted["group"], "--start-time", future) == []
    assert len(activity(az_sp, "--resource-group", scripted["group"], "--max-events", "3")) == 3


def test_select_projects_the_listed_properties(az_sp: AzCli, scripted):
    events = activity(az_sp, "--resource-group", scripted["group"], "--select", "eventTimestamp", "status", "caller")
    assert events
    assert all(set(e) <= {"eventTimestamp", "status", "caller"} and "status" in e for e in events), events[0]


def test_az_follows_next_link_across_pages(az_sp: AzCli, http, auth_headers, scripted):
    # 110 tag updates: 220 more events than one page (200) holds.
    for index in range(110):
        response = http.patch(f"{scripted['group_id']}?{RG_API}", headers=auth_headers, json={"tags": {"n": str(index)}})
        assert response.status_code == 200, response.text
    events = activity(az_sp, "--resource-group", scripted["group"], "--max-events", "1000")
    assert len(events) >= 230
    assert len({e["eventDataId"] for e in events}) == len(events)


def test_bad_filters_are_a_flat_bad_request(http, auth_headers):
    base = f"/subscriptions/{SUBSCRIPTION_ID}/providers/microsoft.insights/eventtypes/management/values?api-version=2015-04-01"
    for query in ("", "&$filter=status eq 'Failed'", "&$filter=eventTimestamp ge 2020-01-01T00:00:00"):
        response = http.get(base + query, headers=auth_headers)
        assert response.status_code == 400, response.text
        body = response.json()
        assert body["code"] == "BadRequest" and "error" not in body


@pytest.fixture(scope="module")
def monitor_client(credential, sdk_kwargs):
    from azure.mgmt.monitor import MonitorManagementClient

    client = MonitorManagementClient(credential, SUBSCRIPTION_ID, **sdk_kwargs)
    yield client
    client.close()


def test_mgmt_monitor_lists_with_filter_select_and_paging(monitor_client, scripted):
    start = (datetime.now(timezone.utc) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (datetime.now(timezone.utc) + timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    events = list(monitor_client.activity_logs.list(
        filter=f"eventTimestamp ge '{start}' and eventTimestamp le '{end}' and resourceGroupName eq '{scripted['group']}'"))
    assert events and all(e.resource_group_name == scripted["group"] for e in events)
    ended = [e for e in events if e.event_name.value == "EndRequest"]
    assert ended and all(e.correlation_id and e.operation_id and e.event_timestamp for e in ended)
    assert any(e.status.value == "Failed" and e.level == "Error" for e in ended)
    assert all(e.category.value == "Administrative" and e.http_request.method != "GET" for e in events)

    selected = list(monitor_client.activity_logs.list(
        filter=f"eventTimestamp ge '{start}' and resourceUri eq '{scripted['account_id']}'",
        select="eventName,operationName,status"))
    assert selected and all(e.caller is None and e.status.value for e in selected)


def test_mgmt_monitor_follows_next_link(monitor_client, http, auth_headers, scripted):
    for index in range(105):
        response = http.patch(f"{scripted['group_id']}?{RG_API}", headers=auth_headers, json={"tags": {"m": str(index)}})
        assert response.status_code == 200, response.text
    start = (datetime.now(timezone.utc) - timedelta(hours=1)).isoformat()
    pages = monitor_client.activity_logs.list(
        filter=f"eventTimestamp ge {start} and resourceGroupName eq '{scripted['group']}'").by_page()
    counts = [len(list(page)) for page in pages]
    assert len(counts) >= 2 and counts[0] == 200, counts


def test_mgmt_monitor_event_categories(monitor_client):
    names = [c.value for c in monitor_client.event_categories.list()]
    assert "Administrative" in names
