import ARMCore
import Foundation
import JSON

/// An account's association with a shared commitment plan
/// (`Microsoft.CognitiveServices/commitmentPlans/accountAssociations`, the REST spec's
/// `CommitmentPlanAccountAssociation`): `{properties: {accountId}}`, naming an existing account.
struct CommitmentPlanAccountAssociation {
    let body: JSONObject

    /// `isAccount` says whether an id names a stored account.
    init(
        id: ResourceID, input: JSONObject, existing: StoredResource?, isAccount: (ResourceID) -> Bool, caller: Caller?, date: Date
    ) throws {
        guard let accountText = input["properties"]?["accountId"]?.stringValue else {
            throw ARMError.invalidResourceProperties("The association property 'properties.accountId' is required.")
        }
        guard let accountID = ResourceID(accountText), isAccount(accountID) else {
            throw ARMError.invalidResourceProperties("The account '\(accountText)' of the association does not exist.")
        }
        var body = JSONObject([
            ("id", .string(id.description)), ("type", .string(CognitiveServicesProvider.commitmentPlanAssociationType)),
            ("name", .string(id.name)),
        ])
        body["properties"] = ["accountId": .string(accountID.description)]
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        self.body = body
    }
}
