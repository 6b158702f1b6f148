import ARMCore
import Identity

/// A provider suite's world built on `ProviderTestWorld`: its directory, store, operations, fault
/// injector and internal requests.
package protocol ProviderWorld {
    var base: ProviderTestWorld { get }
}

extension ProviderWorld {
    package var directory: Directory { base.directory }
    package var store: ResourceStore { base.store }
    package var operations: LongRunningOperations { base.operations }
    package var faults: FaultInjector { base.faults }
    package var internalRequests: InternalRequests { base.internalRequests }
}
