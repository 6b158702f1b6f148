import ARMCore
import Identity

/// A provider suite's world built on `ProviderTestWorld`: its directory, store, operations, fault
/// injector and internal requests.
public protocol ProviderWorld {
    var base: ProviderTestWorld { get }
}

extension ProviderWorld {
    public var directory: Directory { base.directory }
    public var store: ResourceStore { base.store }
    public var operations: LongRunningOperations { base.operations }
    public var faults: FaultInjector { base.faults }
    public var internalRequests: InternalRequests { base.internalRequests }
}
