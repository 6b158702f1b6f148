/// The files of `Assets/`, embedded by SwiftPM (`.embedInCode` in Package.swift). A file added there
/// is listed in both places; `GET /_portal/{name}` serves only what this table names.
extension PortalAsset {
    static let page = PortalAsset(name: "index.html", bytes: PackageResources.index_html)

    static let all: [String: PortalAsset] = Dictionary(
        uniqueKeysWithValues: [
            page,
            PortalAsset(name: "style.css", bytes: PackageResources.style_css),
            PortalAsset(name: "icon.svg", bytes: PackageResources.icon_svg),
            PortalAsset(name: "app.js", bytes: PackageResources.app_js),
            PortalAsset(name: "api.js", bytes: PackageResources.api_js),
            PortalAsset(name: "ui.js", bytes: PackageResources.ui_js),
            PortalAsset(name: "signin.js", bytes: PackageResources.signin_js),
            PortalAsset(name: "resources.js", bytes: PackageResources.resources_js),
            PortalAsset(name: "quota.js", bytes: PackageResources.quota_js),
            PortalAsset(name: "roles.js", bytes: PackageResources.roles_js),
            PortalAsset(name: "activity.js", bytes: PackageResources.activity_js),
            PortalAsset(name: "connections.js", bytes: PackageResources.connections_js),
        ].map { ($0.name, $0) })

    static func named(_ name: String) -> PortalAsset? { all[name] }

    /// The file names, for Package.swift's resource list and the tests.
    static var names: [String] { all.keys.sorted() }
}
