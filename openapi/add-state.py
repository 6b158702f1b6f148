#!/usr/bin/env python3
"""Adds GET/PUT /_emulator/state (issue 6 §1) to openapi/foundry-emulator.json. Idempotent."""
import json
from pathlib import Path

path = Path(__file__).with_name("foundry-emulator.json")
document = json.loads(path.read_text())
schemas = document["components"]["schemas"]

schemas["StoredResource"] = {
    "type": "object",
    "description": "One stored resource: the envelope clients get back (body) and the emulator's bookkeeping.",
    "properties": {
        "id": {"type": "string"},
        "etag": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
        "modifiedAt": {"type": "string", "format": "date-time"},
        "body": {"type": "object", "additionalProperties": True},
        "privateState": {"type": "object", "additionalProperties": True,
                         "description": "Provider-private state never rendered to clients (keys, soft-delete bookkeeping)."},
    },
    "required": ["id", "etag", "createdAt", "body"],
}
schemas["StoredOperation"] = {
    "type": "object",
    "description": "The record of one asynchronous operation.",
    "properties": {
        "id": {"type": "string"},
        "subscriptionId": {"type": "string"},
        "namespace": {"type": "string"},
        "location": {"type": "string"},
        "kind": {"type": "string", "enum": ["create", "update", "delete", "action"]},
        "status": {"type": "string", "enum": ["InProgress", "Succeeded", "Failed", "Canceled"]},
        "startTime": {"type": "string", "format": "date-time"},
        "endTime": {"type": "string", "format": "date-time"},
        "error": {"type": "object", "properties": {
            "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"},
            "target": {"type": "string"}, "details": {"type": "array", "items": {"type": "object"}}},
            "required": ["status", "code", "message"]},
        "result": {},
        "resourceId": {"type": "string"},
    },
    "required": ["id", "subscriptionId", "namespace", "location", "kind", "status", "startTime"],
}
schemas["EmulatorState"] = {
    "type": "object",
    "description": "The whole emulated world: every stored resource, the directory (tenants, subscriptions, "
                   "principals with their secrets) and the operations' records.",
    "properties": {
        "format": {"type": "string", "const": "foundry-emulator-state"},
        "version": {"type": "integer", "const": 1},
        "resources": {"type": "array", "items": {"$ref": "#/components/schemas/StoredResource"}},
        "directory": {"type": "object", "properties": {
            "tenants": {"type": "array", "items": {"type": "object"}},
            "subscriptions": {"type": "array", "items": {"type": "object"}},
            "servicePrincipals": {"type": "array", "items": {"type": "object"}},
            "users": {"type": "array", "items": {"type": "object"}},
            "managedIdentities": {"type": "array", "items": {"type": "object"}},
        }, "required": ["tenants", "subscriptions", "servicePrincipals", "users", "managedIdentities"]},
        "operations": {"type": "array", "items": {"$ref": "#/components/schemas/StoredOperation"}},
    },
    "required": ["format", "version", "resources", "directory"],
}

state_content = {"application/json": {"schema": {"$ref": "#/components/schemas/EmulatorState"}}}
document["paths"]["/_emulator/state"] = {
    "get": {
        "operationId": "Emulator_ExportState",
        "tags": ["Operator"],
        "security": [],
        "summary": "Exports the whole state (resources, directory, operations) as one JSON document.",
        "responses": {"200": {"description": "The state.", "content": state_content}},
    },
    "put": {
        "operationId": "Emulator_ImportState",
        "tags": ["Operator"],
        "security": [],
        "summary": "Replaces the whole state with an exported document. The document is validated first; "
                   "an invalid one changes nothing (400 InvalidStateDocument). Operations still InProgress "
                   "in it are settled as on a restart. Fault rules are not state and are kept.",
        "requestBody": {"required": True, "content": state_content},
        "responses": {
            "200": {"description": "The state as now stored.", "content": state_content},
            "400": {"$ref": "#/components/responses/BadRequest"},
            "413": {"description": "RequestContentTooLarge: the body exceeds 4 MiB.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}},
        },
    },
}
path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
