"""Fixtures of the SDK conformance suite.

One emulator process serves the whole session (started with --port 0 and a temporary --data-dir);
tests isolate themselves by unique resource names, never by resetting shared state. A failed test
carries the part of the emulator's log written while it ran.
"""

from __future__ import annotations

import atexit
import os
import signal
import uuid
from pathlib import Path

import pytest

from emulator_support import (
    OPERATOR_CLIENT_ID,
    OPERATOR_SECRET,
    SUBSCRIPTION_ID,
    TENANT_ID,
    AzCli,
    Emulator,
    emulator_binary,
)

TEST_TIMEOUT = int(os.environ.get("SDK_TEST_TIMEOUT", "300"))

_session_emulator: Emulator | None = None
_LOG_OFFSET_KEY = pytest.StashKey[int]()


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory):
    """The running emulator: .base_url (https://127.0.0.1:PORT), .cert_path, .port, .http()."""
    global _session_emulator
    instance = Emulator(binary=emulator_binary(), work_dir=tmp_path_factory.mktemp("emulator"))
    atexit.register(instance.stop)  # also on KeyboardInterrupt and internal errors
    _session_emulator = instance
    try:
        instance.start()
    except Exception as error:
        pytest.fail(f"could not start the emulator: {error}", pytrace=False)
    yield instance
    was_alive = instance.alive
    code = instance.stop()
    if not was_alive:
        print(f"\n[harness] the emulator had exited on its own with {code} before the end of the session\n"
              + instance.log_tail())
    elif code != 0:
        print(f"\n[harness] the emulator exited with {code} on SIGTERM (the contract says 0)\n"
              + instance.log_tail(4000))


@pytest.fixture(scope="session")
def base_url(emulator: Emulator) -> str:
    return emulator.base_url


@pytest.fixture(scope="session")
def cert_path(emulator: Emulator) -> str:
    return emulator.cert_path


@pytest.fixture(scope="session")
def http(emulator: Emulator):
    return emulator.http()


@pytest.fixture(scope="session")
def operator_token(http) -> str:
    response = http.get("/_emulator/token")
    assert response.status_code == 200, f"GET /_emulator/token -> {response.status_code} {response.text[:500]}"
    return response.json()["access_token"]


@pytest.fixture(scope="session")
def auth_headers(operator_token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {operator_token}"}


@pytest.fixture
def unique_name(request: pytest.FixtureRequest):
    """unique_name("rg") -> "sdk-rg-<test>-<8 hex>": valid resource group names that never collide."""
    test = "".join(c for c in request.node.name.lower() if c.isalnum())[-20:]

    def make(prefix: str = "rg") -> str:
        return f"sdk-{prefix}-{test}-{uuid.uuid4().hex[:8]}"

    return make


# -- clients ---------------------------------------------------------------------------------

SDK_TRANSPORT_KWARGS = {"connection_timeout": 10, "read_timeout": 60}


@pytest.fixture(scope="session")
def sdk_kwargs(emulator: Emulator) -> dict:
    """Keyword arguments every mgmt client gets: the emulator as ARM, its cert, timeouts."""
    return dict(base_url=emulator.base_url, credential_scopes=[emulator.base_url + "/.default"],
                connection_verify=emulator.cert_path, **SDK_TRANSPORT_KWARGS)


@pytest.fixture(scope="session")
def credential(emulator: Emulator):
    from azure.identity import ClientSecretCredential

    cred = ClientSecretCredential(TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_SECRET, authority=emulator.base_url,
                                  disable_instance_discovery=True, connection_verify=emulator.cert_path,
                                  **SDK_TRANSPORT_KWARGS)
    yield cred
    cred.close()


@pytest.fixture(scope="session")
def resource_client(credential, sdk_kwargs):
    from azure.mgmt.resource.resources import ResourceManagementClient

    client = ResourceManagementClient(credential, SUBSCRIPTION_ID, **sdk_kwargs)
    yield client
    client.close()


@pytest.fixture(scope="session")
def subscription_client(credential, sdk_kwargs):
    from azure.mgmt.resource.subscriptions import SubscriptionClient

    client = SubscriptionClient(credential, **sdk_kwargs)
    yield client
    client.close()


@pytest.fixture(scope="session")
def deployments_client(credential, sdk_kwargs, resource_client):
    """Template deployments: azure-mgmt-resource-deployments (the current lane; azure-mgmt-resource 26 moved
    them out of ResourceManagementClient), else ResourceManagementClient itself (the previous lane, 24)."""
    try:
        from azure.mgmt.resource.deployments import DeploymentsMgmtClient
    except ImportError:
        yield resource_client
        return
    client = DeploymentsMgmtClient(credential, SUBSCRIPTION_ID, **sdk_kwargs)
    yield client
    client.close()


@pytest.fixture
def az(emulator: Emulator, tmp_path: Path) -> AzCli:
    """A fresh az with its own AZURE_CONFIG_DIR, the emulator registered and set as the cloud."""
    cli = AzCli(emulator, tmp_path / "azure-config")
    cli.use_emulator_cloud()
    return cli


@pytest.fixture(scope="module")
def az_sp(emulator: Emulator, tmp_path_factory: pytest.TempPathFactory) -> AzCli:
    """An az logged in as the operator service principal (shared by one module's tests)."""
    cli = AzCli(emulator, tmp_path_factory.mktemp("azure-config-sp"))
    cli.use_emulator_cloud()
    cli.login_service_principal()
    return cli


# -- the data plane ------------------------------------------------------------------------
#
# One AIServices account (custom subdomain, allowProjectManagement) serves the data-plane modules:
# deployments gpt-4o (chat, GlobalStandard at the whole default quota of 50) and text-embedding-3-small, a
# capacity-1 Standard gpt-4o (1 request per 10 s, the catalog's rate) for throttling,
# a Foundry project. It lives in swedencentral, where no other module deploys, so its quota is its
# own. Tests that change the account itself (keys, disableLocalAuth) make their own with
# `make_dataplane_account`.

DATAPLANE_LOCATION = "swedencentral"
CS_API = "api-version=2025-06-01"


@pytest.fixture(scope="session")
def cognitive_client(credential, sdk_kwargs):
    from azure.mgmt.cognitiveservices import CognitiveServicesManagementClient

    client = CognitiveServicesManagementClient(credential, SUBSCRIPTION_ID, polling_interval=1, **sdk_kwargs)
    yield client
    client.close()


@pytest.fixture(scope="session")
def make_dataplane_account(cognitive_client, resource_client, http, auth_headers, emulator):
    """make(deployments={"name": (model, version, sku, capacity)}, project=None) -> DataPlaneAccount,
    created through the real control plane (azure-mgmt-cognitiveservices; projects by REST)."""
    from azure.mgmt.cognitiveservices.models import (Account, AccountProperties, Deployment, DeploymentModel,
                                                     DeploymentProperties, Identity, Sku)

    from emulator_support import DataPlaneAccount

    group = f"sdk-dataplane-{uuid.uuid4().hex[:8]}"
    resource_client.resource_groups.create_or_update(group, {"location": DATAPLANE_LOCATION})

    def make(deployments: dict, project: str | None = None) -> DataPlaneAccount:
        name = f"dp{uuid.uuid4().hex[:12]}"
        account = cognitive_client.accounts.begin_create(group, name, Account(
            location=DATAPLANE_LOCATION, kind="AIServices", sku=Sku(name="S0"), identity=Identity(type="SystemAssigned"),
            properties=AccountProperties(custom_sub_domain_name=name, allow_project_management=True))).result(timeout=60)
        assert account.properties.provisioning_state == "Succeeded"
        for deployment, (model, version, sku, capacity) in deployments.items():
            created = cognitive_client.deployments.begin_create_or_update(group, name, deployment, Deployment(
                sku=Sku(name=sku, capacity=capacity),
                properties=DeploymentProperties(model=DeploymentModel(format="OpenAI", name=model, version=version)),
            )).result(timeout=60)
            assert created.properties.provisioning_state == "Succeeded", created
        keys = cognitive_client.accounts.list_keys(group, name)
        endpoints = dict(account.properties.endpoints or {})
        result = DataPlaneAccount(
            group=group, name=name, subdomain=name, id=account.id, key1=keys.key1, key2=keys.key2,
            endpoint=account.properties.endpoint, endpoints=endpoints,
            openai_endpoint=f"{emulator.base_url}/dataplane/{name}.openai.azure.com/",
            services_endpoint=f"{emulator.base_url}/dataplane/{name}.services.ai.azure.com/")
        if project:
            response = http.put(f"{account.id}/projects/{project}?{CS_API}", headers=auth_headers, json={
                "location": DATAPLANE_LOCATION, "identity": {"type": "SystemAssigned"}, "properties": {}})
            assert response.status_code in (200, 201), response.text
            result.project = project
            result.project_endpoint = wait_for_project_endpoint(http, auth_headers, f"{account.id}/projects/{project}")
        return result

    return make


def wait_for_project_endpoint(http, auth_headers, project_id: str) -> str:
    from emulator_support import wait_until

    def ready():
        body = http.get(f"{project_id}?{CS_API}", headers=auth_headers).json()
        properties = body.get("properties", {})
        return properties.get("provisioningState") == "Succeeded" and properties.get("endpoints", {}).get("AI Foundry API")

    return wait_until(ready, timeout=60, message=f"project {project_id} Succeeded with an AI Foundry API endpoint")


@pytest.fixture(scope="session")
def dataplane_account(make_dataplane_account):
    return make_dataplane_account({
        "gpt-4o": ("gpt-4o", "2024-11-20", "GlobalStandard", 50),
        "text-embedding-3-small": ("text-embedding-3-small", "1", "GlobalStandard", 200),
        "tiny": ("gpt-4o", "2024-11-20", "Standard", 1),
    }, project="proj")


@pytest.fixture
def data_principal(http, emulator):
    """A new service principal of the emulator (no role) and an azure-identity credential for it."""
    from azure.identity import ClientSecretCredential

    response = http.post("/_emulator/principals", json={"displayName": f"dataplane-{uuid.uuid4().hex[:6]}"})
    assert response.status_code == 201, response.text
    principal = response.json()
    cred = ClientSecretCredential(TENANT_ID, principal["clientId"], principal["clientSecret"], authority=emulator.base_url,
                                  disable_instance_discovery=True, connection_verify=emulator.cert_path,
                                  **SDK_TRANSPORT_KWARGS)
    yield principal, cred
    cred.close()


@pytest.fixture(scope="session")
def assign_role(http, auth_headers):
    """assign_role(scope, role_guid, principal_object_id): a role assignment through ARM."""
    def assign(scope: str, role: str, principal_id: str) -> dict:
        response = http.put(
            f"{scope}/providers/Microsoft.Authorization/roleAssignments/{uuid.uuid4()}?api-version=2022-04-01",
            headers=auth_headers, json={"properties": {
                "roleDefinitionId": f"/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/{role}",
                "principalId": principal_id, "principalType": "ServicePrincipal"}})
        assert response.status_code in (200, 201), response.text
        return response.json()

    return assign


@pytest.fixture
def dataplane_rules(http):
    """The operator's scripted answers: add(rule) -> the stored rule; every rule added is removed after the test."""
    added: list[str] = []

    class Rules:
        def add(self, rule: dict) -> dict:
            response = http.post("/_emulator/dataplane/rules", json=rule)
            assert response.status_code in (200, 201), f"POST /_emulator/dataplane/rules -> {response.status_code} {response.text}"
            body = response.json()
            added.append(body["id"])
            return body

        def list(self) -> list[dict]:
            response = http.get("/_emulator/dataplane/rules")
            assert response.status_code == 200, response.text
            return response.json()["value"]

    yield Rules()
    for rule_id in added:
        http.delete(f"/_emulator/dataplane/rules/{rule_id}")


@pytest.fixture(scope="module")
def projects():
    """azure-ai-projects 2.x, imported from the current lane's venv."""
    from emulator_support import import_ai_projects_2

    return import_ai_projects_2()


@pytest.fixture
def project_user(dataplane_account, data_principal, assign_role):
    """A principal holding "Azure AI User" on the data-plane account's project, and its credential."""
    from emulator_support import AZURE_AI_USER

    principal, cred = data_principal
    assign_role(f"{dataplane_account.id}/projects/{dataplane_account.project}", AZURE_AI_USER, principal["objectId"])
    return principal, cred


@pytest.fixture
def project_client(projects, dataplane_account, project_user, cert_path):
    """An AIProjectClient on the project endpoint, as `project_user`."""
    _, cred = project_user
    client = projects.AIProjectClient(endpoint=dataplane_account.project_endpoint, credential=cred,
                                      connection_verify=cert_path, **SDK_TRANSPORT_KWARGS)
    yield client
    client.close()


# -- emulators of a test's own, with a data directory ----------------------------------------

@pytest.fixture
def own_emulator(tmp_path):
    """start() -> a new emulator process on tmp_path's data directory; every one started is stopped after
    the test. Same work_dir, so the same data directory on every start; the previous process's log moves
    aside so that its banner is not taken for the new one's."""
    instances: list[Emulator] = []

    def start() -> Emulator:
        log = tmp_path / "emulator.log"
        if log.exists():
            log.rename(tmp_path / f"emulator-{len(instances)}.log")
        instance = Emulator(binary=emulator_binary(), work_dir=tmp_path).start()
        instances.append(instance)
        return instance

    yield start
    for instance in instances:
        if instance.alive:
            instance.stop()


def create_project_account(instance: Emulator, account_name: str, chat: str) -> tuple[str, str]:
    """Resource group `durable-agents`, an AIServices account `account_name` with a GlobalStandard `chat`
    deployment (capacity 10) and project `p1`, through ARM as the operator: (account id, key1)."""
    http = instance.http()
    headers = {"Authorization": "Bearer " + http.request("GET", "/_emulator/token").json()["access_token"]}
    group = f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/durable-agents"
    account = f"{group}/providers/Microsoft.CognitiveServices/accounts/{account_name}"
    for path, body in [
        (f"{group}?api-version=2021-04-01", {"location": "eastus"}),
        (f"{account}?{CS_API}", {"location": "eastus", "kind": "AIServices", "sku": {"name": "S0"},
                                 "identity": {"type": "SystemAssigned"},
                                 "properties": {"customSubDomainName": account_name, "allowProjectManagement": True}}),
        (f"{account}/deployments/{chat}?{CS_API}", {"sku": {"name": "GlobalStandard", "capacity": 10}, "properties": {
            "model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}}}),
        (f"{account}/projects/p1?{CS_API}", {"location": "eastus", "identity": {"type": "SystemAssigned"}, "properties": {}}),
    ]:
        response = http.request("PUT", path, headers=headers, json=body)
        assert response.status_code in (200, 201), response.text
    return account, http.request("POST", f"{account}/listKeys?{CS_API}", headers=headers).json()["key1"]

# -- robustness: per-test timeout and the emulator log on failure ---------------------------

@pytest.fixture(autouse=True)
def _per_test_timeout():
    """Fail (not hang) a test that runs longer than SDK_TEST_TIMEOUT seconds."""

    def on_alarm(signum, frame):
        raise TimeoutError(f"test exceeded SDK_TEST_TIMEOUT={TEST_TIMEOUT}s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(TEST_TIMEOUT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    item.stash[_LOG_OFFSET_KEY] = _session_emulator.log_size() if _session_emulator else 0


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if report.failed and _session_emulator is not None and _session_emulator.log_path is not None:
        offset = item.stash.get(_LOG_OFFSET_KEY, 0)
        text = _session_emulator.log_text(offset)
        if len(text) > 30000:
            text = f"... ({len(text) - 30000} characters before this)\n" + text[-30000:]
        state = "running" if _session_emulator.alive else f"EXITED with {_session_emulator.process.returncode}"
        report.sections.append((f"emulator log during this test (emulator {state})", text or "(nothing)"))


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [f"foundry-emulator binary: {emulator_binary()}",
            f"per-test timeout: {TEST_TIMEOUT}s (SDK_TEST_TIMEOUT)"]

