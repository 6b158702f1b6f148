/// A public Azure region as `GET /subscriptions/{s}/locations` describes it (docs/azure-behaviours.md "Subscriptions, tenants and
/// locations"). The catalog itself is data, in `AzureRegion+Catalog.swift`.
import JSON
package struct AzureRegion: Sendable, Equatable {
    /// Lower-case, space-free: `eastus`.
    package let name: String
    /// `East US`.
    package let displayName: String
    /// `(US) East US`.
    package let regionalDisplayName: String
    /// `United States`.
    package let geography: String
    /// `US`, `Europe`, `Asia Pacific`, …
    package let geographyGroup: String
    /// Degrees as strings, as ARM returns them.
    package let latitude: String
    package let longitude: String
    package let physicalLocation: String
    /// Names of the paired regions (empty for regions without a pair).
    package let pairedRegions: [String]
    /// `Recommended` or `Other`.
    package let regionCategory: String
    package let hasAvailabilityZones: Bool

    package init(
        name: String, displayName: String, regionalDisplayName: String, geography: String, geographyGroup: String,
        latitude: String, longitude: String, physicalLocation: String, pairedRegions: [String],
        regionCategory: String = "Recommended", hasAvailabilityZones: Bool = true
    ) {
        self.name = name
        self.displayName = displayName
        self.regionalDisplayName = regionalDisplayName
        self.geography = geography
        self.geographyGroup = geographyGroup
        self.latitude = latitude
        self.longitude = longitude
        self.physicalLocation = physicalLocation
        self.pairedRegions = pairedRegions
        self.regionCategory = regionCategory
        self.hasAvailabilityZones = hasAvailabilityZones
    }

    /// The first paired region, if any.
    package var pairedRegion: String? { pairedRegions.first }

    /// "Resource Providers should ignore whitespace and capitalization when accepting geo regions"
    /// (RPC; docs/azure-behaviours.md "Case-insensitivity and names"): `East US`, `eastus` and `East us` all give `eastus`.
    package static func normalize(_ location: String) -> String {
        String(String.UnicodeScalarView(location.unicodeScalars.filter { !$0.properties.isWhitespace })).lowercased()
    }

    /// The region for a name or display name in any spelling, or nil when unknown.
    package static func lookup(_ location: String) -> AzureRegion? {
        byName[location] ?? byName[normalize(location)]
    }

    /// Every region name, in catalog order (for `LocationNotAvailableFor…` messages).
    package static var allNames: [String] { all.map(\.name) }

    private static let byName: [String: AzureRegion] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

extension AzureRegion {
    /// The `Location` object of `GET /subscriptions/{s}/locations` (api-version 2022-12-01).
    package func locationJSON(subscriptionID: String) -> JSONValue {
        let zones: JSONValue =
            hasAvailabilityZones
            ? .array(
                (1...3).map { zone in
                    ["logicalZone": .string(String(zone)), "physicalZone": .string("\(name)-az\(zone)")]
                })
            : .array([])
        return [
            "id": .string("/subscriptions/\(subscriptionID)/locations/\(name)"),
            "name": .string(name),
            "type": "Region",
            "displayName": .string(displayName),
            "regionalDisplayName": .string(regionalDisplayName),
            "metadata": [
                "regionType": "Physical",
                "regionCategory": .string(regionCategory),
                "geography": .string(geography),
                "geographyGroup": .string(geographyGroup),
                "longitude": .string(longitude),
                "latitude": .string(latitude),
                "physicalLocation": .string(physicalLocation),
                "pairedRegion": .array(
                    pairedRegions.map { paired in
                        ["name": .string(paired), "id": .string("/subscriptions/\(subscriptionID)/locations/\(paired)")]
                    }),
            ],
            "availabilityZoneMappings": zones,
        ]
    }
}
