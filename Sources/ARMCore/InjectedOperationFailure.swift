/// The failure a `failOperation` fault rule asks the current request's long-running operation to
/// end with. Task-local: set by `FaultInjectionMiddleware` around the handler, read by
/// `LongRunningOperations` when the handler starts its operation.
public enum InjectedOperationFailure {
    @TaskLocal public static var current: ARMError?
}
