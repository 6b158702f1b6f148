import ARMCore
import DataPlane
import Foundation
import Identity
import InsightsProvider
import JSON
import Persistence

/// The whole world as a document (`/_emulator/state`), so a test suite can save and restore it.
extension EmulatorWorld {
    func exportState() -> StateDocument {
        StateDocument(
            resources: store.snapshot(), directory: directory.snapshot(), operations: operations.allStatuses,
            activityLog: activityLog.all.map { .object($0.json) })
    }

    /// Replaces the world. Everything is validated before anything changes: the document's shape
    /// (`StateDocument(json:)`) and then the directory's consistency, the only check that can still
    /// fail and that runs before the stores are touched. Operations still running in the document
    /// are settled as on a restart. Fault rules are left alone: they are not state.
    /// The state document plus the data plane's scripted rules (`dataPlaneRules`), which tests set
    /// up as part of their world.
    func exportStateJSON() -> JSONValue {
        var json = exportState().json
        json["dataPlaneRules"] = .array(dataPlane.handlers.models.rules.all.map(\.json))
        return json
    }

    func importState(_ json: JSONValue) throws {
        let document: StateDocument
        let rules: [ScriptedRule]
        let events: [ActivityEvent]
        do {
            document = try StateDocument(json: json).settlingInterruptedOperations(at: Date())
        } catch {
            throw ARMError.invalidStateDocument(error.description)
        }
        do {
            rules = try ScriptedRules.parse(json["dataPlaneRules"]?.arrayValue ?? [])
        } catch {
            throw ARMError.invalidStateDocument("'dataPlaneRules': \(error.message)")
        }
        do {
            events = try ActivityLog.events(from: document.activityLog)
        } catch {
            throw ARMError.invalidStateDocument("'activityLog': \(error.message)")
        }
        do {
            try directory.restore(document.directory)
        } catch {
            throw ARMError.invalidStateDocument("'directory': \(error.message)")
        }
        dataPlane.handlers.agentRuns.reset()
        store.restore(document.resources)
        // Runs imported in progress have no task here: they end as after a restart (docs/agents.md).
        dataPlane.handlers.agentRuns.settleInterrupted()
        operations.restore(document.operations)
        activityRecorder.reset()
        activityLog.replace(with: events)
        dataPlane.handlers.models.rules.replace(with: rules)
    }
}
