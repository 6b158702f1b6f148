"""The management-center page in a real browser: sign in as the Owner (operator) and as a Reader,
walk every view, compare what is shown with ARM's own answers, add and remove a role assignment from
the page, watch a long-running operation finish, and keep a screenshot of each view."""

from __future__ import annotations

import re
import uuid

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import AUTHZ, CS, LOCATION, ML, PROVISIONING_DELAY_MS, screenshot

WAIT = 30


def wait(driver, timeout: float = WAIT) -> WebDriverWait:
    # The views re-render while they poll: an element found a moment ago may be replaced before it is
    # read, so a stale element means "look again", as a missing one does.
    return WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))


def open_view(driver, emulator, view: str) -> None:
    """Navigate to #/view and wait until the view says it has rendered."""
    if not driver.current_url.startswith(emulator.base_url):
        driver.get(emulator.base_url + "/")
    driver.execute_script("document.getElementById('main').dataset.ready = ''")
    # The same hash again fires no hashchange, so that case asks the page to render again.
    driver.execute_script("if (location.hash === arguments[0]) window.dispatchEvent(new HashChangeEvent('hashchange'));"
                          " else location.hash = arguments[0];", "#/" + view)
    wait(driver).until(lambda d: d.find_element(By.ID, "main").get_attribute("data-ready") == view.split("?")[0])


def sign_in_operator(driver, emulator) -> None:
    sign_out(driver, emulator)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "signin-operator"))).click()
    wait(driver).until(lambda d: "operator (Owner)" in d.find_element(By.ID, "who").text)


def sign_in_principal(driver, emulator, client_id: str, secret: str) -> None:
    sign_out(driver, emulator)
    wait(driver).until(EC.visibility_of_element_located((By.ID, "client-id"))).send_keys(client_id)
    driver.find_element(By.ID, "client-secret").send_keys(secret)
    driver.find_element(By.CSS_SELECTOR, "#signin-sp button[type=submit]").click()
    wait(driver).until(lambda d: client_id in d.find_element(By.ID, "who").text)


def sign_out(driver, emulator) -> None:
    """The page's own "Switch principal" button, as a user would."""
    if not driver.current_url.startswith(emulator.base_url):
        driver.get(emulator.base_url + "/")
    wait(driver).until(lambda d: d.find_element(By.ID, "main").get_attribute("data-ready"))
    for button in driver.find_elements(By.CSS_SELECTOR, "#who button"):
        button.click()
    wait(driver).until(lambda d: d.find_element(By.ID, "main").get_attribute("data-ready") == "signin")


def node_ids(driver) -> set[str]:
    return {e.get_attribute("data-id").lower() for e in driver.find_elements(By.CSS_SELECTOR, "#resource-tree [data-id]")}


def no_console_errors(driver) -> None:
    """Nothing but expected HTTP refusals in the console (a CSP violation or a script error fails)."""
    problems = [e["message"] for e in driver.get_log("browser")
                if e["level"] == "SEVERE" and "Failed to load resource" not in e["message"]]
    assert not problems, problems


def test_api_clients_keep_their_answer_and_browsers_get_the_page(emulator):
    http = emulator.http()
    api = http.get("/", headers={"Accept": "application/json"})
    assert api.status_code == 400 and api.json()["error"]["code"] == "MissingApiVersionParameter", api.text
    page = http.get("/", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    script = http.get("/_portal/app.js")
    assert script.headers["Content-Type"].startswith("text/javascript")


def test_sign_in_page(browser, emulator):
    sign_out(browser, emulator)
    assert browser.find_element(By.ID, "tenant").get_attribute("value") == emulator.http().get("/_emulator/info").json()["tenantId"]
    screenshot(browser, "01-sign-in")


def test_owner_sees_every_resource_arm_lists(browser, emulator, arm, world):
    sign_in_operator(browser, emulator)
    open_view(browser, emulator, "resources")
    wait(browser).until(lambda d: d.find_element(By.ID, "resource-tree").get_attribute("data-busy") == "false")
    expected = {r["id"].lower() for r in arm.list(f"{arm.sub}/resources?api-version=2021-04-01")}
    expected |= {d["id"].lower() for d in arm.list(f"{world['account']}/deployments?{CS}")}
    expected |= {c["id"].lower() for c in arm.list(f"{world['account']}/connections?{CS}")}
    expected |= {c["id"].lower() for c in arm.list(f"{world['project']}/connections?{CS}")}
    expected |= {c["id"].lower() for c in arm.list(f"{world['hub']}/connections?{ML}")}
    expected |= {c["id"].lower() for c in arm.list(f"{world['hub_project']}/connections?{ML}")}
    shown = node_ids(browser)
    assert expected <= shown, f"not shown: {sorted(expected - shown)}"
    # The hub project is nested under its hub, the Foundry project under its account.
    hub = browser.find_element(By.CSS_SELECTOR, f"[data-id='{world['hub']}']")
    assert hub.find_elements(By.CSS_SELECTOR, f"[data-id='{world['hub_project']}']")
    account = browser.find_element(By.CSS_SELECTOR, f"[data-id='{world['account']}']")
    assert account.find_elements(By.CSS_SELECTOR, f"[data-id='{world['project']}']")
    deployment = browser.find_element(By.CSS_SELECTOR, f"[data-id='{world['deployments'][0]}']").text
    assert "gpt-4o" in deployment and "GlobalStandard" in deployment and "50" in deployment
    screenshot(browser, "02-resources")

    # Each item links to its JSON, read from ARM.
    account.find_element(By.CSS_SELECTOR, ".json-link").click()
    wait(browser).until(lambda d: d.find_element(By.ID, "main").get_attribute("data-ready") == "json")
    shown_json = browser.find_element(By.CSS_SELECTOR, "pre.json").text
    assert '"kind": "AIServices"' in shown_json and world["account"] in shown_json
    screenshot(browser, "03-resource-json")
    no_console_errors(browser)


def test_a_foundry_project_lists_its_agents(browser, emulator, arm, world):
    # Given an agent created on the project endpoint with the account key
    keys = arm.http.post(f"{world['account']}/listKeys?{CS}", headers=arm.headers).json()
    endpoint = "/dataplane/portal-ai.services.ai.azure.com/api/projects/portal-project"
    created = arm.http.post(f"{endpoint}/agents/helper/versions?api-version=v1", headers={"api-key": keys["key1"]},
                            json={"definition": {"kind": "prompt", "model": "gpt-4o", "instructions": "Help."}})
    assert created.status_code == 200, created.text
    # When the Owner, who holds no data actions, opens All resources, then the agent service's refusal shows
    sign_in_operator(browser, emulator)
    open_view(browser, emulator, "resources")
    project = f"[data-id='{world['project']}']"
    refusal = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, f"{project} .error"))
    assert "Agents" in refusal.text and "PermissionDenied" in refusal.text and "agents/read" in refusal.text
    # And once the Owner is an Azure AI User of the project, the project lists the agent with its version and model
    operator = emulator.http().get("/_emulator/info").json()["operator"]["objectId"]
    arm.put(f"{world['project']}/providers/Microsoft.Authorization/roleAssignments/{uuid.uuid4()}?{AUTHZ}", {"properties": {
        "roleDefinitionId": f"{arm.sub}/providers/Microsoft.Authorization/roleDefinitions/53ca6127-db72-4b80-b1b0-d745d6d5456d",
        "principalId": operator, "principalType": "ServicePrincipal"}}, wait=False)
    open_view(browser, emulator, "resources")
    agent = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, f"{project} [data-agent='helper']"))
    lines = agent.text.lower().split("\n")
    assert lines[:2] == ["agent", "helper"] and "version\n1" in "\n".join(lines) and "model\ngpt-4o" in "\n".join(lines)
    listed = arm.http.get(f"{endpoint}/agents?api-version=v1", headers={"api-key": keys["key1"]}).json()["data"]
    shown = {e.get_attribute("data-agent") for e in browser.find_elements(By.CSS_SELECTOR, f"{project} [data-agent]")}
    assert shown == {a["name"] for a in listed}
    browser.execute_script("arguments[0].scrollIntoView()", agent)
    screenshot(browser, "02b-project-agents")
    no_console_errors(browser)


def test_a_long_running_operation_shows_in_progress_then_finishes(browser, emulator, arm, world):
    sign_in_operator(browser, emulator)
    deployment = f"{world['account']}/deployments/late-arrival"
    arm.put(f"{deployment}?{CS}", {"sku": {"name": "Standard", "capacity": 5},
                                   "properties": {"model": {"format": "OpenAI", "name": "gpt-4o-mini",
                                                            "version": "2024-07-18"}}}, wait=False)
    open_view(browser, emulator, "resources")
    selector = f"[data-id='{deployment}'] .badge"
    state = browser.find_element(By.CSS_SELECTOR, selector).text
    assert state in ("Creating", "Accepted"), f"{state}: the page read the tree after the {PROVISIONING_DELAY_MS} ms operation ended"
    assert browser.find_element(By.ID, "resource-tree").get_attribute("data-busy") == "true"
    assert browser.find_elements(By.CSS_SELECTOR, f"[data-id='{deployment}'] .badge .spinner")
    screenshot(browser, "04-operation-in-progress")
    # No reload: the view polls while anything is in progress.
    wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, selector).text == "Succeeded")
    assert arm.get(f"{deployment}?{CS}")["properties"]["provisioningState"] == "Succeeded"


def test_quota_matches_usages_and_shows_live_counters(browser, emulator, arm, world):
    sign_in_operator(browser, emulator)
    open_view(browser, emulator, "quota")
    usages = arm.list(f"{arm.sub}/providers/Microsoft.CognitiveServices/locations/{LOCATION}/usages?api-version=2024-10-01")
    used = [u for u in usages if u["currentValue"] > 0]
    assert used, usages
    section = browser.find_element(By.CSS_SELECTOR, f"[data-region='{LOCATION}']")
    for usage in used:
        cells = section.find_element(By.CSS_SELECTOR, f"tr[data-usage='{usage['name']['value']}']").find_elements(By.TAG_NAME, "td")
        numbers = [int(c.text.replace(",", "")) for c in cells[1:4]]
        assert numbers == [int(usage["limit"]), int(usage["currentValue"]), int(usage["limit"] - usage["currentValue"])], usage
        assert cells[4].find_element(By.CSS_SELECTOR, ".bar-fill").get_attribute("style").startswith("width:")
    chat_row = browser.find_element(By.CSS_SELECTOR, f"tr[data-deployment='{world['deployments'][0]}']").find_elements(By.TAG_NAME, "td")
    assert chat_row[4].text == "50"
    counters = {c["deploymentId"].lower(): c for c in emulator.http().get("/_emulator/dataplane/usage").json()["value"]}
    assert int(chat_row[6].text) == counters[world["deployments"][0].lower()]["requests"] >= 1
    assert int(chat_row[8].text) == counters[world["deployments"][0].lower()]["totalTokens"] > 0
    screenshot(browser, "05-quota")


def test_roles_match_arm_and_the_owner_adds_and_removes_one(browser, emulator, arm, world, reader):
    sign_in_operator(browser, emulator)
    open_view(browser, emulator, "roles")
    assignments = arm.list(f"{arm.sub}/providers/Microsoft.Authorization/roleAssignments?{AUTHZ}")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr[data-assignment]")
    assert {r.get_attribute("data-assignment") for r in rows} == {a["name"] for a in assignments}
    reader_row = next(r for r in rows if reader["objectId"] in r.text)
    assert "Reader" in reader_row.text and "portal-reader" in reader_row.text
    screenshot(browser, "06-roles")

    # Add: Reader for the reader principal on the resource group, through the page's form.
    scope = browser.find_element(By.ID, "assign-scope")
    scope.clear()
    scope.send_keys(world["group"])
    browser.find_element(By.ID, "assign-principal").send_keys(reader["objectId"])
    browser.find_element(By.ID, "add-assignment").submit()
    wait(browser).until(lambda d: "added" in d.find_element(By.ID, "roles-status").text)
    at_group = [a for a in arm.list(f"{world['group']}/providers/Microsoft.Authorization/roleAssignments?{AUTHZ}")
                if a["properties"]["scope"].lower() == world["group"].lower()
                and a["properties"]["principalId"] == reader["objectId"]]
    assert len(at_group) == 1 and at_group[0]["properties"]["roleDefinitionId"].endswith("acdd72a7-3385-48ef-bd42-f606fba81ae7")
    name = at_group[0]["name"]
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-assignment='{name}']")))
    screenshot(browser, "07-roles-added")

    # Remove it again from its row (the page asks first).
    browser.find_element(By.CSS_SELECTOR, f"tr[data-assignment='{name}'] button.danger").click()
    wait(browser).until(EC.alert_is_present()).accept()
    wait(browser).until(lambda d: "removed" in d.find_element(By.ID, "roles-status").text)
    wait(browser).until(lambda d: not d.find_elements(By.CSS_SELECTOR, f"tr[data-assignment='{name}']"))
    response = arm.http.get(f"{world['group']}/providers/Microsoft.Authorization/roleAssignments/{name}?{AUTHZ}",
                            headers=arm.headers)
    assert response.status_code == 404, response.text
    no_console_errors(browser)


def test_reader_sees_but_cannot_write(browser, emulator, arm, world, reader):
    sign_in_principal(browser, emulator, reader["clientId"], reader["clientSecret"])
    open_view(browser, emulator, "resources")
    assert world["account"].lower() in node_ids(browser) and world["hub"].lower() in node_ids(browser)
    screenshot(browser, "09-reader-resources")

    open_view(browser, emulator, "roles")
    before = {a["name"] for a in arm.list(f"{arm.sub}/providers/Microsoft.Authorization/roleAssignments?{AUTHZ}")}
    browser.find_element(By.ID, "assign-principal").send_keys(reader["objectId"])
    browser.find_element(By.ID, "add-assignment").submit()
    refused = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "#roles-status .error"))
    assert "AuthorizationFailed" in refused.text and reader["objectId"] in refused.text
    assert "Microsoft.Authorization/roleAssignments/write" in refused.text
    after = {a["name"] for a in arm.list(f"{arm.sub}/providers/Microsoft.Authorization/roleAssignments?{AUTHZ}")}
    assert after == before
    screenshot(browser, "10-reader-refused")


def test_activity_log_shows_the_page_writes_and_the_refusal(browser, emulator, arm, world):
    """After the Owner's add/remove and the Reader's refused add: the writes are in the log, newest
    first, and the refused one shows its error."""
    sign_in_operator(browser, emulator)
    open_view(browser, emulator, "activity")
    body = browser.find_element(By.ID, "activity-body")
    wait(browser).until(lambda d: "Microsoft.Authorization/roleAssignments/write" in d.find_element(By.ID, "activity-body").text)
    assert "Microsoft.Authorization/roleAssignments/delete" in body.text
    times = [e.get_attribute("datetime") for e in body.find_elements(By.TAG_NAME, "time")]
    assert times and times == sorted(times, reverse=True)
    failed = [r for r in body.find_elements(By.CSS_SELECTOR, "tr.failed") if "roleAssignments/write" in r.text]
    assert failed and "AuthorizationFailed" in failed[0].text
    screenshot(browser, "08-activity-log")

    # Filters go to the service as $filter: only failed events, then only the demo group.
    Select(browser.find_element(By.ID, "filter-status")).select_by_value("Failed")
    wait(browser).until(lambda d: all("failed" in (r.get_attribute("class") or "")
                                      for r in d.find_elements(By.CSS_SELECTOR, "#activity-body tr[data-correlation]")))
    Select(browser.find_element(By.ID, "filter-status")).select_by_value("")
    Select(browser.find_element(By.ID, "filter-group")).select_by_value("portal-demo")
    # The Reader's refused write was at subscription scope, so the group shows no failure.
    wait(browser).until(lambda d: "roleAssignments/delete" in d.find_element(By.ID, "activity-body").text
                        and not d.find_elements(By.CSS_SELECTOR, "#activity-body tr.failed"))
    no_console_errors(browser)


def test_connections_audit_matches_arm_and_filters(browser, emulator, arm, world):
    """Every connection of every hub, hub project, account and Foundry project, as ARM lists them,
    in one table; the filters narrow it; no credential reaches the page."""
    secret = f"audit-secret-{uuid.uuid4().hex}"
    audited = f"{world['hub_project']}/connections/audit-keys"
    arm.put(f"{audited}?{ML}", {"properties": {"category": "CustomKeys", "target": "https://audit.example.net",
                                               "authType": "CustomKeys", "credentials": {"keys": {"token": secret}}}},
            wait=False)
    # What ARM lists, owner by owner: the page must show exactly this.
    owners = [(w["id"], ML) for w in arm.list(f"{arm.sub}/providers/Microsoft.MachineLearningServices/workspaces?{ML}")
              if w.get("kind", "").lower() in ("hub", "project")]
    for account in arm.list(f"{arm.sub}/providers/Microsoft.CognitiveServices/accounts?{CS}"):
        owners.append((account["id"], CS))
        owners += [(p["id"], CS) for p in arm.list(f"{account['id']}/projects?{CS}")]
    kinds = {w["id"].lower(): w["kind"].lower() for w in
             arm.list(f"{arm.sub}/providers/Microsoft.MachineLearningServices/workspaces?{ML}")}
    expected = {}
    for owner, version in owners:
        for c in arm.list(f"{owner}/connections?{version}"):
            # A hub project also lists its hub's shared connections, with the hub's id: the owner is the id's.
            owned_by = c["id"].lower().rsplit("/connections/", 1)[0]
            kind = kinds.get(owned_by, "account" if owned_by.count("/projects/") == 0 else "project")
            flag = c["properties"].get("isSharedToAll")
            shared = {"hub": flag is not False, "project": False}.get(kind, flag is True)
            expected[c["id"].lower()] = (c["name"], c["properties"]["category"], shared, owned_by)
    hub_connection = f"{world['hub']}/connections/hub-openai".lower()
    project_connection = f"{world['hub_project']}/connections/project-only".lower()
    assert expected[hub_connection][2] and not expected[project_connection][2], expected

    sign_in_operator(browser, emulator)
    open_view(browser, emulator, "connections")

    def shown() -> dict:
        rows = browser.find_elements(By.CSS_SELECTOR, "#conn-body tr[data-connection]")
        result = {}
        for r in rows:
            cells = r.find_elements(By.TAG_NAME, "td")
            result[r.get_attribute("data-connection").lower()] = (
                cells[0].text, cells[1].text, r.get_attribute("data-shared") == "true", r.get_attribute("data-owner").lower())
        assert len(result) == len(rows), f"a connection is listed twice: {[r.get_attribute('data-connection') for r in rows]}"
        return result

    assert shown() == expected
    hub_row = browser.find_element(By.CSS_SELECTOR, f"tr[data-connection='{world['hub']}/connections/hub-openai']").text
    assert "Shared to all" in hub_row and "portal-hub" in hub_row and "AAD" in hub_row
    project_row = browser.find_element(By.CSS_SELECTOR, f"tr[data-connection='{world['hub_project']}/connections/project-only']").text
    assert "Project-only" in project_row and "portal-hub-project" in project_row and "https://api.example.net" in project_row
    assert secret not in browser.page_source
    assert browser.find_element(By.ID, "conn-count").text == f"{len(expected)} of {len(expected)} connections"
    screenshot(browser, "12-connections")

    # The category filter, then the owner filter, then the text filter: each narrows to what it names.
    Select(browser.find_element(By.ID, "conn-category")).select_by_value("CustomKeys")
    custom = {k: v for k, v in expected.items() if v[1] == "CustomKeys"}
    assert 0 < len(custom) < len(expected) and shown() == custom
    Select(browser.find_element(By.ID, "conn-category")).select_by_value("")
    Select(browser.find_element(By.ID, "conn-owner")).select_by_value(
        next(o for o, _ in owners if o.lower() == world["hub"].lower()))
    assert shown() == {k: v for k, v in expected.items() if v[3] == world["hub"].lower()}
    Select(browser.find_element(By.ID, "conn-owner")).select_by_value("")
    text = browser.find_element(By.ID, "conn-filter")
    text.send_keys("hub-openai")
    assert set(shown()) == {hub_connection}
    text.clear()
    text.send_keys("no such connection")
    assert shown() == {} and "Nothing to show." in browser.find_element(By.ID, "conn-body").text
    no_console_errors(browser)


@pytest.mark.parametrize("view", ["resources", "roles", "connections"])
def test_phone_width(browser, emulator, world, view):
    sign_in_operator(browser, emulator)
    browser.set_window_size(390, 844)
    try:
        open_view(browser, emulator, view)
        # Nothing wider than the screen but the tables, which scroll inside their own box.
        overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at phone width"
        screenshot(browser, f"11-phone-{view}")
    finally:
        browser.set_window_size(1280, 860)


def test_keyboard_reaches_the_views(browser, emulator):
    sign_in_operator(browser, emulator)
    links = browser.find_elements(By.CSS_SELECTOR, "#nav a")
    assert [l.text for l in links] == ["All resources", "Quota", "Users and roles", "Activity log", "Connections"]
    links[1].send_keys("\n")
    wait(browser).until(lambda d: d.find_element(By.ID, "main").get_attribute("data-ready") == "quota")
    assert browser.find_element(By.CSS_SELECTOR, "#nav a[aria-current=page]").text == "Quota"
