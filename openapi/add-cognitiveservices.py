#!/usr/bin/env python3
"""Adds (or refreshes) the Microsoft.CognitiveServices paths and schemas of issue 4 in
openapi/foundry-emulator.json. Idempotent: rerun it after a merge that touched the document.
The operationIds equal the Route operationIDs in Sources/Providers/CognitiveServices."""
import json
import sys
from pathlib import Path

doc_path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("foundry-emulator.json"))
doc = json.loads(doc_path.read_text())
TAG = "Cognitive Services"
RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.CognitiveServices"
SUB = "/subscriptions/{subscriptionId}/providers/Microsoft.CognitiveServices"
ACCT = RG + "/accounts/{accountName}"
ref = lambda name: {"$ref": f"#/components/parameters/{name}"}
schema = lambda name: {"$ref": f"#/components/schemas/{name}"}


def path_param(name, description):
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string"}}


PARAMS = {
    "subscriptionId": ref("SubscriptionIdParameter"),
    "resourceGroupName": ref("ResourceGroupNameParameter"),
    "location": ref("LocationParameter"),
    "accountName": path_param("accountName", "Account name: 2-64 characters, ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$."),
    "deploymentName": path_param("deploymentName", "Deployment name."),
    "projectName": path_param("projectName", "Foundry project name."),
    "connectionName": path_param("connectionName", "Connection name: ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$."),
    "raiPolicyName": path_param("raiPolicyName", "Content filter (RAI policy) name."),
}
ERRORS = {code: {"$ref": f"#/components/responses/{name}"} for code, name in
          [("400", "BadRequest"), ("401", "Unauthorized"), ("403", "Forbidden"), ("404", "NotFound"), ("409", "Conflict")]}
ERRORS["default"] = {"$ref": "#/components/responses/ErrorDefault"}
ASYNC_HEADERS = {"Azure-AsyncOperation": {"schema": {"type": "string"}}, "Location": {"$ref": "#/components/headers/Location"},
                 "Retry-After": {"$ref": "#/components/headers/RetryAfter"}}


def body(name):
    return {"content": {"application/json": {"schema": schema(name)}}}


def op(method, path, op_id, summary, ok, request=None, query=(), extra=None):
    names = [part.strip("{}") for part in path.split("/") if part.startswith("{")]
    parameters = [PARAMS[n] for n in names] + [
        {"name": q, "in": "query", "required": False, "schema": {"type": "string"}} for q in query] + [ref("ApiVersionParameter")]
    responses = dict(ok)
    responses.update(ERRORS)
    if extra:
        responses.update(extra)
    operation = {"operationId": op_id, "summary": summary, "tags": [TAG], "parameters": parameters, "responses": responses}
    if request:
        operation["requestBody"] = {"required": True, **body(request)}
    doc["paths"].setdefault(path, {})[method] = operation


def resp(description, name=None, headers=None):
    answer = {"description": description}
    if name:
        answer.update(body(name))
    if headers:
        answer["headers"] = headers
    return answer


generic = {"type": "object", "additionalProperties": True}
resource = {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "type": {"type": "string"},
                                             "etag": {"type": "string"}, "systemData": schema("SystemData"),
                                             "properties": generic}, "additionalProperties": True}
tracked = json.loads(json.dumps(resource))
tracked["properties"].update({"location": {"type": "string"}, "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                              "kind": {"type": "string"}, "sku": generic, "identity": generic})


def listing(item):
    return {"type": "object", "properties": {"value": {"type": "array", "items": schema(item)}, "nextLink": {"type": "string"}}}


schemas = doc["components"]["schemas"]
schemas.update({
    "CognitiveServicesAccount": tracked,
    "CognitiveServicesAccountListResult": listing("CognitiveServicesAccount"),
    "CognitiveServicesApiKeys": {"type": "object", "properties": {"key1": {"type": "string"}, "key2": {"type": "string"}}},
    "CognitiveServicesRegenerateKeyParameters": {"type": "object", "required": ["keyName"],
                                                 "properties": {"keyName": {"type": "string", "enum": ["Key1", "Key2"]}}},
    "CognitiveServicesDeployment": resource,
    "CognitiveServicesDeploymentListResult": listing("CognitiveServicesDeployment"),
    "CognitiveServicesProject": tracked,
    "CognitiveServicesProjectListResult": listing("CognitiveServicesProject"),
    "CognitiveServicesConnection": resource,
    "CognitiveServicesConnectionListResult": listing("CognitiveServicesConnection"),
    "CognitiveServicesRaiPolicy": resource,
    "CognitiveServicesRaiPolicyListResult": listing("CognitiveServicesRaiPolicy"),
    "CognitiveServicesValueList": {"type": "object", "properties": {"value": {"type": "array", "items": generic},
                                                                    "nextLink": {"type": "string"}}},
    "CognitiveServicesObject": generic,
})

A = "CognitiveServicesAccount"
op("get", SUB + "/accounts", "Accounts_List", "Lists the accounts of a subscription.", {"200": resp("The accounts.", A + "ListResult")})
op("get", RG + "/accounts", "Accounts_ListByResourceGroup", "Lists the accounts of a resource group.",
   {"200": resp("The accounts.", A + "ListResult")})
op("put", ACCT, "Accounts_Create", "Creates or replaces an account; restores a soft-deleted one with properties.restore.",
   {"200": resp("Replaced or restored.", A), "201": resp("Created (Creating plus polling headers with --provisioning-delay).", A, ASYNC_HEADERS)},
   request=A)
op("patch", ACCT, "Accounts_Update", "Updates tags, sku, identity, kind (OpenAI<->AIServices) and merges properties.",
   {"200": resp("Updated.", A)}, request=A)
op("get", ACCT, "Accounts_Get", "Gets an account.", {"200": resp("The account.", A)})
op("delete", ACCT, "Accounts_Delete", "Soft-deletes an account and removes its children.",
   {"200": resp("Deleted."), "202": resp("Accepted (with --provisioning-delay).", headers=ASYNC_HEADERS), "204": resp("Did not exist.")})
op("post", ACCT + "/listKeys", "Accounts_ListKeys", "Lists the two account keys.", {"200": resp("The keys.", "CognitiveServicesApiKeys")})
op("post", ACCT + "/regenerateKey", "Accounts_RegenerateKey", "Regenerates Key1 or Key2.", {"200": resp("The keys.", "CognitiveServicesApiKeys")},
   request="CognitiveServicesRegenerateKeyParameters")
op("get", ACCT + "/skus", "Accounts_ListSkus", "Lists the SKUs the account's kind offers.", {"200": resp("The SKUs.", "CognitiveServicesValueList")})
op("get", ACCT + "/usages", "Accounts_ListUsages", "Lists quota usages for the account's region.",
   {"200": resp("The usages.", "CognitiveServicesValueList")}, query=["$filter"])
op("get", ACCT + "/models", "Accounts_ListModels", "Lists the models the account can deploy (one entry per version).",
   {"200": resp("The models.", "CognitiveServicesValueList")})
op("get", SUB + "/deletedAccounts", "DeletedAccounts_List", "Lists soft-deleted accounts.", {"200": resp("The accounts.", A + "ListResult")})
DEL = SUB + "/locations/{location}/resourceGroups/{resourceGroupName}/deletedAccounts/{accountName}"
op("get", DEL, "DeletedAccounts_Get", "Gets a soft-deleted account.", {"200": resp("The account.", A)})
op("delete", DEL, "DeletedAccounts_Purge", "Purges a soft-deleted account, freeing its name and subdomain.",
   {"200": resp("Purged."), "202": resp("Accepted (with --provisioning-delay).", headers=ASYNC_HEADERS), "204": resp("Did not exist.")})
op("get", SUB + "/locations/{location}/models", "LocationModels_List", "Lists the models of a region.",
   {"200": resp("The models.", "CognitiveServicesValueList")})
op("get", SUB + "/locations/{location}/usages", "LocationUsages_List", "Lists quota usages of a region.",
   {"200": resp("The usages.", "CognitiveServicesValueList")}, query=["$filter"])
op("get", SUB + "/skus", "ResourceSkus_List", "Lists the account SKUs per kind.", {"200": resp("The SKUs.", "CognitiveServicesValueList")})
op("post", SUB + "/locations/{location}/checkSkuAvailability", "Accounts_CheckSkuAvailability", "Checks SKUs for a kind and region.",
   {"200": resp("Availability.", "CognitiveServicesValueList")}, request="CognitiveServicesObject")
op("post", SUB + "/checkDomainAvailability", "Accounts_CheckDomainAvailability", "Checks whether a custom subdomain is free.",
   {"200": resp("Availability.", "CognitiveServicesObject")}, request="CognitiveServicesObject")

D = "CognitiveServicesDeployment"
DEP = ACCT + "/deployments/{deploymentName}"
op("get", ACCT + "/deployments", "AccountDeployments_List", "Lists deployments.", {"200": resp("The deployments.", D + "ListResult")})
op("put", DEP, "AccountDeployments_CreateOrUpdate", "Creates or replaces a model deployment (200/201 only).",
   {"200": resp("Replaced.", D), "201": resp("Created (Creating plus polling headers with --provisioning-delay).", D, ASYNC_HEADERS)},
   request=D)
op("patch", DEP, "AccountDeployments_Update", "Scales or retags a deployment.", {"200": resp("Updated.", D)}, request=D)
op("get", DEP, "AccountDeployments_Get", "Gets a deployment.", {"200": resp("The deployment.", D)})
op("delete", DEP, "AccountDeployments_Delete", "Deletes a deployment and returns its quota.",
   {"200": resp("Deleted."), "202": resp("Accepted (with --provisioning-delay).", headers=ASYNC_HEADERS), "204": resp("Did not exist.")})
op("get", DEP + "/skus", "AccountDeployments_ListSkus", "Lists the SKUs the deployed model offers.",
   {"200": resp("The SKUs.", "CognitiveServicesValueList")})

P = "CognitiveServicesProject"
PRJ = ACCT + "/projects/{projectName}"
op("get", ACCT + "/projects", "Projects_List", "Lists Foundry projects.", {"200": resp("The projects.", P + "ListResult")})
op("put", PRJ, "Projects_Create", "Creates or replaces a Foundry project.",
   {"200": resp("Replaced.", P), "201": resp("Created.", P, ASYNC_HEADERS)}, request=P)
op("patch", PRJ, "Projects_Update", "Updates a project.", {"200": resp("Updated.", P)}, request=P)
op("get", PRJ, "Projects_Get", "Gets a project.", {"200": resp("The project.", P)})
op("delete", PRJ, "Projects_Delete", "Deletes a project and its connections.",
   {"202": resp("Accepted (with --provisioning-delay).", headers=ASYNC_HEADERS), "204": resp("Deleted or did not exist.")})

C = "CognitiveServicesConnection"
for prefix, parent in (("AccountConnections", ACCT), ("ProjectConnections", PRJ)):
    item = parent + "/connections/{connectionName}"
    op("get", parent + "/connections", f"{prefix}_List", "Lists connections (credentials left out).",
       {"200": resp("The connections.", C + "ListResult")}, query=["category", "target", "includeAll"])
    op("put", item, f"{prefix}_Create", "Creates or replaces a connection (200 only; credentials are write-only).",
       {"200": resp("Stored.", C)}, request=C)
    op("patch", item, f"{prefix}_Update", "Updates a connection.", {"200": resp("Updated.", C)}, request=C)
    op("get", item, f"{prefix}_Get", "Gets a connection (credentials left out).", {"200": resp("The connection.", C)})
    op("delete", item, f"{prefix}_Delete", "Deletes a connection.", {"200": resp("Deleted."), "204": resp("Did not exist.")})
    op("post", item + "/listsecrets", f"{prefix}_ListSecrets", "Returns the connection with its credentials.",
       {"200": resp("The connection with credentials.", C)})

R = "CognitiveServicesRaiPolicy"
RAI = ACCT + "/raiPolicies/{raiPolicyName}"
op("get", ACCT + "/raiPolicies", "RaiPolicies_List", "Lists content filters, built-ins included.", {"200": resp("The policies.", R + "ListResult")})
op("get", RAI, "RaiPolicies_Get", "Gets a content filter.", {"200": resp("The policy.", R)})
op("put", RAI, "RaiPolicies_CreateOrUpdate", "Creates or replaces a custom content filter.",
   {"200": resp("Replaced.", R), "201": resp("Created.", R)}, request=R)
op("delete", RAI, "RaiPolicies_Delete", "Deletes a custom content filter.", {"204": resp("Deleted or did not exist.")})

NI = {"501": {"$ref": "#/components/responses/NotImplemented"}}
for method, path, op_id in [
        ("get", SUB + "/locations/{location}/commitmentTiers", "CommitmentTiers_List"),
        ("get", SUB + "/modelCapacities", "ModelCapacities_List"),
        ("get", SUB + "/locations/{location}/modelCapacities", "LocationBasedModelCapacities_List"),
        ("post", SUB + "/calculateModelCapacity", "CognitiveServicesManagement_CalculateModelCapacity"),
        ("get", ACCT + "/commitmentPlans", "CommitmentPlans_List"),
        ("get", ACCT + "/privateEndpointConnections", "PrivateEndpointConnections_List"),
        ("get", ACCT + "/capabilityHosts", "AccountCapabilityHosts_List"),
        ("get", ACCT + "/raiBlocklists", "RaiBlocklists_List")]:
    op(method, path, op_id, "Not implemented by the emulator.", NI)

if not any(tag.get("name") == TAG for tag in doc.get("tags", [])):
    doc.setdefault("tags", []).append({"name": TAG})
doc_path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
print(f"{doc_path}: Microsoft.CognitiveServices paths written")
