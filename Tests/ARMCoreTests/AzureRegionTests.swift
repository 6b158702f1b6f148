import Testing

@testable import ARMCore

@Suite struct AzureRegionTests {
    @Test func normalizeIgnoresCaseAndSpaces() {
        #expect(AzureRegion.normalize("East US") == "eastus")
        #expect(AzureRegion.normalize("West us 2") == "westus2")
        #expect(AzureRegion.normalize("  eastus ") == "eastus")
    }

    @Test func lookupByNameOrDisplayName() throws {
        let region = try #require(AzureRegion.lookup("Germany West Central"))
        #expect(region.name == "germanywestcentral")
        #expect(region.regionalDisplayName == "(Europe) Germany West Central")
        #expect(AzureRegion.lookup("UK South")?.displayName == "UK South")
        #expect(AzureRegion.lookup("mars") == nil)
    }

    @Test func catalogCoversTheRequiredRegions() {
        let required = [
            "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "northcentralus", "southcentralus", "westcentralus",
            "canadacentral", "canadaeast", "brazilsouth", "northeurope", "westeurope", "uksouth", "ukwest", "francecentral",
            "germanywestcentral", "swedencentral", "switzerlandnorth", "norwayeast", "polandcentral", "italynorth", "australiaeast",
            "japaneast", "japanwest", "koreacentral", "southeastasia", "eastasia", "centralindia", "southindia", "uaenorth",
            "southafricanorth",
        ]
        for name in required { #expect(AzureRegion.lookup(name) != nil, "\(name)") }
        // Names are normalised forms of display names, and unique
        for region in AzureRegion.all { #expect(AzureRegion.normalize(region.displayName) == region.name) }
        #expect(Set(AzureRegion.allNames).count == AzureRegion.all.count)
    }

    @Test func knownDisplayNames() {
        #expect(AzureRegion.lookup("eastus")?.displayName == "East US")
        #expect(AzureRegion.lookup("eastus")?.pairedRegion == "westus")
        #expect(AzureRegion.lookup("eastus")?.physicalLocation == "Virginia")
        #expect(AzureRegion.lookup("southeastasia")?.displayName == "Southeast Asia")
        #expect(AzureRegion.lookup("uaenorth")?.displayName == "UAE North")
        #expect(AzureRegion.lookup("polandcentral")?.pairedRegions == [])
    }

    @Test func locationJSONMatchesTheListLocationsShape() {
        let json = AzureRegion.lookup("eastus")!.locationJSON(subscriptionID: Fixture.subscription)
        #expect(json["id"] == .string("/subscriptions/\(Fixture.subscription)/locations/eastus"))
        #expect(json["type"] == "Region")
        #expect(json["metadata"]?["geographyGroup"] == "US")
        #expect(json["metadata"]?["latitude"] == "37.3719")
        #expect(json["metadata"]?["pairedRegion"]?[0]?["name"] == "westus")
        #expect(json["availabilityZoneMappings"]?.arrayValue?.count == 3)
    }
}
