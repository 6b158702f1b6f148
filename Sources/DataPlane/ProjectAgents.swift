import ARMCore
import Foundation
import JSON

/// A project's agents and their versions in the store (`ProjectObjects`). An agent's record keeps
/// its endpoint configuration, its state and the next version number (versions count up per agent
/// and are never reused); each version is immutable. An agent without versions does not exist.
struct ProjectAgents {
    let store: ResourceStore
    let project: ResourceID
    let now: Date

    /// `POST /agents/{name}/versions`: a new version (and the agent on its first version).
    func createVersion(name: String, _ definition: AgentDefinition) throws -> JSONValue {
        try AgentDefinition.checkName(name)
        let agentID = ProjectObjects.agent(project, name)
        let existing = store.get(agentID)
        if existing == nil, store.children(of: project, type: ProjectObjects.agentType).count >= ProjectLimits.agents {
            throw DataPlaneError.limitExceeded("agents", limit: ProjectLimits.agents)
        }
        if store.children(of: agentID, type: ProjectObjects.versionType).count >= ProjectLimits.versionsPerAgent {
            throw DataPlaneError.limitExceeded("versions of one agent", limit: ProjectLimits.versionsPerAgent)
        }
        let canonical = existing?.body["name"]?.stringValue ?? name
        var number = 1
        try store.upsert(agentID, bodyETag: false) { current in
            let body =
                current?.body ?? [
                    "object": "agent", "id": .string(canonical), "name": .string(canonical), "state": "enabled",
                    "configuration_state": "enabled",
                ]
            var state = current?.privateState ?? JSONObject()
            number = state["nextVersion"]?.intValue ?? 1
            state["nextVersion"] = .int(Int64(number + 1))
            return (body, state)
        }
        let version: JSONValue = [
            "metadata": .object(definition.metadata), "object": "agent.version", "id": .string("\(canonical):\(number)"),
            "name": .string(canonical), "version": .string(String(number)), "description": .string(definition.description),
            "created_at": .int(Int64(now.timeIntervalSince1970)), "definition": .object(definition.definition), "status": "active",
        ]
        try store.put(ProjectObjects.version(project, canonical, String(number)), body: version.objectValue ?? [:], bodyETag: false)
        return version
    }

    func record(_ name: String) throws -> StoredResource {
        guard let agent = store.get(ProjectObjects.agent(project, name)) else { throw DataPlaneError.agentObjectNotFound("Agent", name) }
        return agent
    }

    /// Versions oldest first (by number).
    func versions(_ name: String) throws -> [JSONValue] {
        let agent = try record(name)
        return store.children(of: agent.id, type: ProjectObjects.versionType)
            .sorted { (Int($0.id.name) ?? 0) < (Int($1.id.name) ?? 0) }
            .map { .object($0.body) }
    }

    func version(_ name: String, _ version: String) throws -> JSONValue {
        let agent = try record(name)
        guard let stored = store.get(agent.id.child(type: "versions", name: version)) else {
            throw DataPlaneError.agentObjectNotFound("Version", "\(name):\(version)")
        }
        return .object(stored.body)
    }

    /// The Agent object: the record with `versions.latest`.
    func agent(_ name: String) throws -> JSONValue {
        let stored = try record(name)
        return Self.json(stored, latest: try versions(name).last ?? .null)
    }

    static func json(_ stored: StoredResource, latest: JSONValue) -> JSONValue {
        var body = stored.body
        body["versions"] = ["latest": latest]
        return .object(body)
    }

    /// Every agent, oldest first, optionally of one kind (of its latest version).
    func list(kind: String?) -> [JSONValue] {
        store.children(of: project, type: ProjectObjects.agentType)
            .sorted { ($0.createdAt, $0.id.key) < ($1.createdAt, $1.id.key) }
            .compactMap { stored in
                guard let latest = try? versions(stored.id.name).last else { return nil }
                if let kind, latest["definition"]?["kind"]?.stringValue?.lowercased() != kind.lowercased() { return nil }
                return Self.json(stored, latest: latest)
            }
    }

    /// `PATCH /agents/{name}` (merge-patch): the endpoint configuration; its version selection
    /// rules must name existing versions.
    func update(_ name: String, patch: JSONValue) throws -> JSONValue {
        guard let patch = patch.objectValue else { throw DataPlaneError.agentInvalid("The body must be a JSON object.", param: nil) }
        let agent = try record(name)
        if let endpoint = patch["agent_endpoint"], !endpoint.isNull {
            guard endpoint.objectValue != nil else {
                throw DataPlaneError.agentInvalid("Invalid 'agent_endpoint': expected an object.", param: "agent_endpoint")
            }
            let rules = endpoint["version_selector"]?["version_selection_rules"]?.arrayValue ?? []
            for (index, rule) in rules.enumerated() {
                let version = rule["agent_version"]?.stringValue ?? ""
                guard store.contains(agent.id.child(type: "versions", name: version)) else {
                    throw DataPlaneError.agentInvalid(
                        "Invalid 'agent_endpoint.version_selector.version_selection_rules[\(index)].agent_version': the agent '\(name)' "
                            + "has no version '\(version)'.", param: "agent_endpoint")
                }
            }
        }
        try store.update(agent.id) { body in
            for key in ["agent_endpoint", "agent_card", "digital_worker_type"] {
                guard let value = patch[key] else { continue }
                body[key] = value.isNull ? nil : body[key].map { $0.mergingPatch(value) } ?? value
            }
        }
        return try self.agent(name)
    }

    func delete(_ name: String) throws -> JSONValue {
        let agent = try record(name)
        store.removeAll(under: agent.id)
        return ["object": "agent.deleted", "name": .string(agent.id.name), "deleted": true]
    }

    /// Deleting the last version deletes the agent.
    func deleteVersion(_ name: String, _ version: String) throws -> JSONValue {
        let agent = try record(name)
        guard try store.delete(agent.id.child(type: "versions", name: version)) != nil else {
            throw DataPlaneError.agentObjectNotFound("Version", "\(name):\(version)")
        }
        if store.children(of: agent.id, type: ProjectObjects.versionType).isEmpty { store.removeAll(under: agent.id) }
        return ["object": "agent.version.deleted", "name": .string(agent.id.name), "version": .string(version), "deleted": true]
    }

    /// `:enable` / `:disable`.
    func setEnabled(_ name: String, _ enabled: Bool) throws {
        let agent = try record(name)
        try store.update(agent.id) { body in
            body["state"] = .string(enabled ? "enabled" : "disabled")
            body["configuration_state"] = .string(enabled ? "enabled" : "disabled")
        }
    }

    /// The version a call runs: the one named, else the endpoint's selection (the rule with the
    /// largest traffic share; EMULATOR CHOICE, docs/agents.md: no random split), else the latest.
    func resolve(_ name: String, version: String?, useEndpoint: Bool) throws -> JSONValue {
        let agent = try record(name)
        if agent.body["state"]?.stringValue == "disabled" { throw DataPlaneError.agentDisabled(agent.id.name) }
        if let version { return try self.version(name, version) }
        if useEndpoint {
            let rules = agent.body["agent_endpoint"]?["version_selector"]?["version_selection_rules"]?.arrayValue ?? []
            let chosen = rules.enumerated().max { left, right in
                let (a, b) = (left.element["traffic_percentage"]?.doubleValue ?? 0, right.element["traffic_percentage"]?.doubleValue ?? 0)
                return a < b || (a == b && left.offset > right.offset)
            }
            if let selected = chosen?.element["agent_version"]?.stringValue { return try self.version(name, selected) }
        }
        guard let latest = try versions(name).last else { throw DataPlaneError.agentObjectNotFound("Agent", name) }
        return latest
    }
}
