/// Set on a request by the authorization step when the caller may call a list operation but not
/// read everything it spans: ARM filters subscription-wide lists of resource groups and resources
/// to what the caller can read. `Pager.list(_:under:…)` applies it.
///
/// The decision is made from the caller's role assignments fetched *before* the list runs, because
/// the pager's filter runs under the store's lock and must not read the store again.
package struct ReadFilter: Sendable {
    package let canRead: @Sendable (ResourceID) -> Bool

    package init(canRead: @escaping @Sendable (ResourceID) -> Bool) {
        self.canRead = canRead
    }
}
