"""Fixtures of the browser suite: a fresh emulator (started like the SDK suite starts it), a world of
resources made through ARM, and headless chromium driven by selenium."""

from __future__ import annotations

import atexit
import os
import sys
import time
import uuid
from pathlib import Path

import pytest

# The process helpers are the SDK suite's; they import only requests and urllib3.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "SDKConformance"))
from emulator_support import Emulator, SUBSCRIPTION_ID, emulator_binary, wait_until  # noqa: E402

OUTPUT = Path(__file__).resolve().parent / "output"
CS = "api-version=2025-06-01"
ML = "api-version=2024-10-01"
AUTHZ = "api-version=2022-04-01"
READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
LOCATION = "swedencentral"
# Long enough to see a long-running operation in progress in the page, short enough for setup.
PROVISIONING_DELAY_MS = 4000


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory):
    instance = Emulator(binary=emulator_binary(), work_dir=tmp_path_factory.mktemp("emulator"))
    atexit.register(instance.stop)
    try:
        instance.start(extra_args=("--provisioning-delay", str(PROVISIONING_DELAY_MS)))
    except Exception as error:
        pytest.fail(f"could not start the emulator: {error}", pytrace=False)
    yield instance
    instance.stop()


class ARM:
    """ARM calls with the operator's token, for setting up the world and checking what the page shows."""

    def __init__(self, emulator: Emulator):
        self.http = emulator.http()
        token = self.http.get("/_emulator/token").json()["access_token"]
        self.headers = {"Authorization": f"Bearer {token}"}
        self.sub = f"/subscriptions/{SUBSCRIPTION_ID}"

    def get(self, path: str) -> dict:
        response = self.http.get(path, headers=self.headers)
        assert response.status_code == 200, response.text
        return response.json()

    def list(self, path: str) -> list[dict]:
        return self.get(path).get("value", [])

    def put(self, path: str, body: dict, wait: bool = True) -> dict:
        response = self.http.put(path, headers=self.headers, json=body)
        assert response.status_code in (200, 201, 202), f"PUT {path}: {response.status_code} {response.text}"
        if wait:
            wait_until(lambda: self.get(path).get("properties", {}).get("provisioningState", "Succeeded") == "Succeeded",
                       timeout=60, message=f"{path} Succeeded")
        return response.json() if response.content else {}

    def delete(self, path: str) -> None:
        response = self.http.delete(path, headers=self.headers)
        assert response.status_code in (200, 202, 204), response.text


@pytest.fixture(scope="session")
def arm(emulator: Emulator) -> ARM:
    return ARM(emulator)


@pytest.fixture(scope="session")
def world(arm: ARM, emulator: Emulator) -> dict:
    """A resource group with an AI Services account (two deployments, a Foundry project, connections)
    and a hub with a project and connections; one chat call so the data-plane counters move."""
    group = f"{arm.sub}/resourceGroups/portal-demo"
    arm.put(f"{group}?api-version=2021-04-01", {"location": LOCATION})
    account = f"{group}/providers/Microsoft.CognitiveServices/accounts/portal-ai"
    arm.put(f"{account}?{CS}", {"location": LOCATION, "kind": "AIServices", "sku": {"name": "S0"},
                                 "identity": {"type": "SystemAssigned"},
                                 "properties": {"customSubDomainName": "portal-ai", "allowProjectManagement": True}})
    deployments = {"gpt-4o": ("gpt-4o", "2024-11-20", "GlobalStandard", 50),
                   "embeddings": ("text-embedding-3-small", "1", "GlobalStandard", 20)}
    for name, (model, version, sku, capacity) in deployments.items():
        arm.put(f"{account}/deployments/{name}?{CS}", {
            "sku": {"name": sku, "capacity": capacity},
            "properties": {"model": {"format": "OpenAI", "name": model, "version": version}}})
    project = f"{account}/projects/portal-project"
    arm.put(f"{project}?{CS}", {"location": LOCATION, "identity": {"type": "SystemAssigned"}, "properties": {}})
    connection = {"properties": {"category": "AzureOpenAI", "target": "https://portal-ai.openai.azure.com/",
                                 "authType": "AAD", "isSharedToAll": True}}
    arm.put(f"{account}/connections/shared-openai?{CS}", connection, wait=False)
    arm.put(f"{project}/connections/project-search?{CS}", {"properties": {
        "category": "CognitiveSearch", "target": "https://search.example.net", "authType": "AAD"}}, wait=False)

    hub = f"{group}/providers/Microsoft.MachineLearningServices/workspaces/portal-hub"
    arm.put(f"{hub}?{ML}", {"location": LOCATION, "kind": "Hub", "identity": {"type": "SystemAssigned"}, "properties": {}})
    hub_project = f"{group}/providers/Microsoft.MachineLearningServices/workspaces/portal-hub-project"
    arm.put(f"{hub_project}?{ML}", {"location": LOCATION, "kind": "Project", "identity": {"type": "SystemAssigned"},
                                    "properties": {"hubResourceId": hub}})
    arm.put(f"{hub}/connections/hub-openai?{ML}", {"properties": {
        "category": "AzureOpenAI", "target": "https://portal-ai.openai.azure.com/", "authType": "AAD",
        "isSharedToAll": True}}, wait=False)
    arm.put(f"{hub_project}/connections/project-only?{ML}", {"properties": {
        "category": "CustomKeys", "target": "https://api.example.net", "authType": "CustomKeys",
        "credentials": {"keys": {"x": "y"}}}}, wait=False)

    # One chat completion: the Quota view shows live data-plane counters.
    keys = arm.http.post(f"{account}/listKeys?{CS}", headers=arm.headers).json()
    chat = arm.http.post(
        f"/dataplane/portal-ai.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
        headers={"api-key": keys["key1"]}, json={"messages": [{"role": "user", "content": "hello"}]})
    assert chat.status_code == 200, chat.text
    return {"group": group, "account": account, "project": project, "hub": hub, "hub_project": hub_project,
            "deployments": [f"{account}/deployments/{name}" for name in deployments]}


@pytest.fixture(scope="session")
def reader(arm: ARM, emulator: Emulator) -> dict:
    """A service principal made with the operator API, given Reader on the subscription through ARM."""
    principal = arm.http.post("/_emulator/principals", json={"displayName": "portal-reader"}).json()
    arm.put(f"{arm.sub}/providers/Microsoft.Authorization/roleAssignments/{uuid.uuid4()}?{AUTHZ}", {"properties": {
        "roleDefinitionId": f"{arm.sub}/providers/Microsoft.Authorization/roleDefinitions/{READER}",
        "principalId": principal["objectId"], "principalType": "ServicePrincipal"}}, wait=False)
    return principal


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,860", "--lang=en-US", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    # The emulator's self-signed certificate: the page is what is under test, not the trust store.
    options.accept_insecure_certs = True
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    OUTPUT.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def screenshot(driver, name: str) -> Path:
    """A full-height PNG of the page as it is now, under Tests/Browser/output/."""
    OUTPUT.mkdir(exist_ok=True)
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, min(max(height + 120, 600), 1800))
    time.sleep(0.2)
    path = OUTPUT / f"{name}.png"
    driver.save_screenshot(str(path))
    return path
