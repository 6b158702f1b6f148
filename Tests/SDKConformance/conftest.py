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

