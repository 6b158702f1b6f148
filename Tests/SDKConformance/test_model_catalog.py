"""The model catalog and the quota, through the real `az` and azure-mgmt-cognitiveservices
(docs/accounts-and-deployments.md "Model catalog" and "Quota and model lifecycle"): the catalog is the recorded
`model list` with Learn's regional availability, the quota is separate from the SKUs' ranges,
and retired versions get the service's error."""
import uuid

from emulator_support import SUBSCRIPTION_ID, AzCli

# A region no other module deploys in, so the quota these tests read and spend is their own.
QUOTA_REGION = "japaneast"


def test_az_model_list_by_location_lists_every_kind_and_publisher(az_sp: AzCli):
    listed = az_sp.run("cognitiveservices", "model", "list", "-l", "eastus").json
    assert len(listed) >= 290, len(listed)
    assert {entry["kind"] for entry in listed} == {"OpenAI", "AIServices", "MaaS"}
    formats = {entry["model"]["format"] for entry in listed}
    assert {"OpenAI", "Meta", "Mistral AI", "Microsoft", "DeepSeek", "Cohere", "xAI"} <= formats, formats
    gpt4o = next(entry["model"] for entry in listed
                 if entry["kind"] == "OpenAI" and entry["model"]["name"] == "gpt-4o" and entry["model"]["version"] == "2024-11-20")
    global_standard = next(sku for sku in gpt4o["skus"] if sku["name"] == "GlobalStandard")
    assert global_standard["usageName"] == "OpenAI.GlobalStandard.gpt-4o"
    assert global_standard["capacity"]["maximum"] == 1000000
    # az renders the SDK's CallRateLimit (count, renewalPeriod, rules): 1 request per 10 s, 1,000 tokens per 60 s.
    assert [(int(rule["renewalPeriod"]), int(rule["count"])) for rule in global_standard["rateLimits"]] == [(10, 1), (60, 1000)]
    assert gpt4o["lifecycleStatus"] == "GenerallyAvailable"
    assert gpt4o["deprecation"]["inference"].startswith("2026-03-01")

    # Regions differ as Learn's tables say: o3-mini Global Standard is listed in East US, not in Southeast Asia.
    elsewhere = az_sp.run("cognitiveservices", "model", "list", "-l", "southeastasia").json
    assert len(elsewhere) < len(listed)

    def o3_skus(entries):
        return {sku["name"] for entry in entries if entry["model"]["name"] == "o3-mini" for sku in entry["model"]["skus"]}

    assert "GlobalStandard" in o3_skus(listed)
    assert "GlobalStandard" not in o3_skus(elsewhere)


def test_az_usage_list_reports_the_default_quota(az_sp: AzCli):
    usages = {u["name"]["value"]: u for u in az_sp.run("cognitiveservices", "usage", "list", "-l", QUOTA_REGION).json}
    gpt4o = usages["OpenAI.GlobalStandard.gpt-4o"]
    assert gpt4o["limit"] == 50
    assert gpt4o["name"]["localizedValue"] == "Tokens Per Minute (thousands) - gpt-4o - GlobalStandard"
    assert usages["AIServices.GlobalStandard.MaaS"]["limit"] == 600


def test_az_quota_is_separate_from_the_sku_range_and_retired_versions_are_refused(az_sp: AzCli, unique_name):
    group = unique_name("catalog")
    az_sp.run("group", "create", "-n", group, "-l", QUOTA_REGION)
    name = f"cat{uuid.uuid4().hex[:10]}"
    az_sp.run("cognitiveservices", "account", "create", "-n", name, "-g", group, "--kind", "OpenAI", "--sku", "S0",
              "-l", QUOTA_REGION, "--yes")

    def deploy(deployment, model, version, sku, capacity):
        return az_sp.run("cognitiveservices", "account", "deployment", "create", "-g", group, "-n", name,
                         "--deployment-name", deployment, "--model-name", model, "--model-version", version,
                         "--model-format", "OpenAI", "--sku-name", sku, "--sku-capacity", capacity, check=False)

    above_quota = deploy("big", "gpt-4o", "2024-11-20", "GlobalStandard", "1000")
    assert above_quota.returncode != 0
    assert "(InsufficientQuota) This operation require 1000 new capacity in quota Tokens Per Minute (thousands) - gpt-4o - " \
           "GlobalStandard, which is bigger than the current available capacity 50. The current quota usage is 0 and the " \
           "quota limit is 50 for quota Tokens Per Minute (thousands) - gpt-4o - GlobalStandard." in above_quota.stderr, \
        str(above_quota)

    outside = deploy("big", "gpt-4o", "2024-11-20", "GlobalStandard", "2000000")
    assert outside.returncode != 0
    assert "(InvalidCapacity) The specified capacity '2000000' of account deployment should be at least 1 and no more " \
           "than 1000000." in outside.stderr, str(outside)

    retired = deploy("old", "gpt-35-turbo", "0613", "Standard", "10")
    assert retired.returncode != 0
    assert "(ServiceModelDeprecated) The model 'Format:OpenAI,Name:gpt-35-turbo,Version:0613' has been deprecated since " \
           "04/30/2025 00:00:00." in retired.stderr, str(retired)

    fits = deploy("fits", "gpt-4o", "2024-11-20", "GlobalStandard", "50")
    assert fits.returncode == 0, str(fits)
    assert [(rule["key"], int(rule["renewalPeriod"]), int(rule["count"])) for rule in fits.json["properties"]["rateLimits"]] == [
        ("request", 10, 50), ("token", 60, 50000)]
    usage = {u["name"]["value"]: u for u in az_sp.run("cognitiveservices", "usage", "list", "-l", QUOTA_REGION).json}
    assert usage["OpenAI.GlobalStandard.gpt-4o"]["currentValue"] == 50


def test_sdk_account_models_are_the_regions_catalog(credential, sdk_kwargs, resource_client, unique_name):
    from azure.mgmt.cognitiveservices import CognitiveServicesManagementClient
    from azure.mgmt.cognitiveservices.models import Account, Sku

    client = CognitiveServicesManagementClient(credential, SUBSCRIPTION_ID, polling_interval=1, **sdk_kwargs)
    group = unique_name("catalogsdk")
    resource_client.resource_groups.create_or_update(group, {"location": "eastus"})
    name = f"cat{uuid.uuid4().hex[:10]}"
    client.accounts.begin_create(group, name, Account(location="eastus", kind="AIServices", sku=Sku(name="S0"))).result(timeout=60)
    models = list(client.accounts.list_models(group, name))
    # AIServices lists OpenAI and partner models alike, one entry per version.
    assert len(models) >= 140
    deepseek = next(m for m in models if m.name == "DeepSeek-R1")
    assert (deepseek.format, deepseek.lifecycle_status, deepseek.skus[0].name) == ("DeepSeek", "Stable", "GlobalStandard")
    assert deepseek.skus[0].usage_name == "AIServices.GlobalStandard.MaaS"
    ptu = next(s for m in models if m.name == "gpt-4o" and m.version == "2024-11-20" for s in m.skus
               if s.name == "ProvisionedManaged")
    assert (ptu.capacity.minimum, ptu.capacity.step, ptu.capacity.maximum) == (50, 50, 30000)
    client.close()


def test_sdk_location_without_models_lists_none(credential, sdk_kwargs):
    from azure.mgmt.cognitiveservices import CognitiveServicesManagementClient

    client = CognitiveServicesManagementClient(credential, SUBSCRIPTION_ID, polling_interval=1, **sdk_kwargs)
    # No Learn availability table names West US 2.
    assert list(client.models.list("westus2")) == []
    assert any(m.model.name == "gpt-4o" for m in client.models.list("swedencentral"))
    client.close()
