/// Public Azure regions with the values `az account list-locations` shows for them. The regional
/// display name is always `({geographyGroup}) {displayName}`.
extension AzureRegion {
    package static let all: [AzureRegion] = [
        // name, displayName, geography, geographyGroup, latitude, longitude, physicalLocation, paired
        region("eastus", "East US", "United States", "US", "37.3719", "-79.8164", "Virginia", ["westus"]),
        region("eastus2", "East US 2", "United States", "US", "36.6681", "-78.3889", "Virginia", ["centralus"]),
        region("westus", "West US", "United States", "US", "37.783", "-122.417", "California", ["eastus"], other: true),
        region("westus2", "West US 2", "United States", "US", "47.233", "-119.852", "Washington", ["westcentralus"]),
        region("westus3", "West US 3", "United States", "US", "33.448376", "-112.074036", "Phoenix", ["eastus"]),
        region("centralus", "Central US", "United States", "US", "41.5908", "-93.6208", "Iowa", ["eastus2"]),
        region(
            "northcentralus", "North Central US", "United States", "US", "41.8819", "-87.6278",
            "Illinois", ["southcentralus"], other: true),
        region("southcentralus", "South Central US", "United States", "US", "29.4167", "-98.5", "Texas", ["northcentralus"]),
        region("westcentralus", "West Central US", "United States", "US", "40.89", "-110.234", "Wyoming", ["westus2"], other: true),
        region("canadacentral", "Canada Central", "Canada", "Canada", "43.653", "-79.383", "Toronto", ["canadaeast"]),
        region("canadaeast", "Canada East", "Canada", "Canada", "46.817", "-71.217", "Quebec", ["canadacentral"], other: true),
        region("mexicocentral", "Mexico Central", "Mexico", "Mexico", "20.588818", "-100.389888", "Querétaro State", []),
        region("brazilsouth", "Brazil South", "Brazil", "South America", "-23.55", "-46.633", "Sao Paulo State", ["southcentralus"]),
        region("northeurope", "North Europe", "Europe", "Europe", "53.3478", "-6.2597", "Ireland", ["westeurope"]),
        region("westeurope", "West Europe", "Europe", "Europe", "52.3667", "4.9", "Netherlands", ["northeurope"]),
        region("uksouth", "UK South", "United Kingdom", "Europe", "50.941", "-0.799", "London", ["ukwest"]),
        region("ukwest", "UK West", "United Kingdom", "Europe", "53.427", "-3.084", "Cardiff", ["uksouth"], other: true),
        region("francecentral", "France Central", "France", "Europe", "46.3772", "2.373", "Paris", ["francesouth"]),
        region("germanywestcentral", "Germany West Central", "Germany", "Europe", "50.110924", "8.682127", "Frankfurt", ["germanynorth"]),
        region("swedencentral", "Sweden Central", "Sweden", "Europe", "60.67488", "17.14127", "Gävle", ["swedensouth"]),
        region("switzerlandnorth", "Switzerland North", "Switzerland", "Europe", "47.451542", "8.564572", "Zurich", ["switzerlandwest"]),
        region("norwayeast", "Norway East", "Norway", "Europe", "59.913868", "10.752245", "Norway", ["norwaywest"]),
        region("polandcentral", "Poland Central", "Poland", "Europe", "52.23334", "21.01666", "Warsaw", []),
        region("italynorth", "Italy North", "Italy", "Europe", "45.46888", "9.18109", "Milan", []),
        region("spaincentral", "Spain Central", "Spain", "Europe", "40.4259", "-3.4209", "Madrid", []),
        region(
            "australiaeast", "Australia East", "Australia", "Asia Pacific", "-33.86", "151.2094",
            "New South Wales", ["australiasoutheast"]),
        region(
            "australiasoutheast", "Australia Southeast", "Australia", "Asia Pacific", "-37.8136", "144.9631",
            "Victoria", ["australiaeast"],
            other: true),
        region("japaneast", "Japan East", "Japan", "Asia Pacific", "35.68", "139.77", "Tokyo, Saitama", ["japanwest"]),
        region("japanwest", "Japan West", "Japan", "Asia Pacific", "34.6939", "135.5022", "Osaka", ["japaneast"], other: true),
        region("koreacentral", "Korea Central", "Korea", "Asia Pacific", "37.5665", "126.978", "Seoul", ["koreasouth"]),
        region("koreasouth", "Korea South", "Korea", "Asia Pacific", "35.1796", "129.0756", "Busan", ["koreacentral"], other: true),
        region("southeastasia", "Southeast Asia", "Asia Pacific", "Asia Pacific", "1.283", "103.833", "Singapore", ["eastasia"]),
        region("eastasia", "East Asia", "Asia Pacific", "Asia Pacific", "22.267", "114.188", "Hong Kong", ["southeastasia"]),
        region("centralindia", "Central India", "India", "Asia Pacific", "18.5822", "73.9197", "Pune", ["southindia"]),
        region("southindia", "South India", "India", "Asia Pacific", "12.9822", "80.1636", "Chennai", ["centralindia"], other: true),
        region("uaenorth", "UAE North", "UAE", "Middle East", "25.266666", "55.316666", "Dubai", ["uaecentral"]),
        region(
            "southafricanorth", "South Africa North", "South Africa", "Africa", "-25.73134", "28.21837",
            "Johannesburg", ["southafricawest"]),
    ]

    /// One catalog row. `other` marks the regions `az` lists under the `Other` category, which
    /// also have no availability zones.
    private static func region(
        _ name: String, _ displayName: String, _ geography: String, _ geographyGroup: String, _ latitude: String, _ longitude: String,
        _ physicalLocation: String, _ paired: [String], other: Bool = false
    ) -> AzureRegion {
        AzureRegion(
            name: name, displayName: displayName, regionalDisplayName: "(\(geographyGroup)) \(displayName)", geography: geography,
            geographyGroup: geographyGroup, latitude: latitude, longitude: longitude, physicalLocation: physicalLocation,
            pairedRegions: paired, regionCategory: other ? "Other" : "Recommended", hasAvailabilityZones: !other)
    }
}
