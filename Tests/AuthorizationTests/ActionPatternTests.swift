import Testing

@testable import Authorization

@Suite struct ActionPatternTests {
    // The worked examples of docs/azure-behaviours.md "How access is evaluated".
    @Test(arguments: [
        ("Microsoft.MachineLearningServices/workspaces/*/read", "Microsoft.MachineLearningServices/workspaces/connections/read", true),
        ("Microsoft.MachineLearningServices/workspaces/*/read", "Microsoft.MachineLearningServices/workspaces/read", true),
        (
            "Microsoft.MachineLearningServices/workspaces/*/action",
            "Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action", true
        ),
        ("*/read", "Microsoft.Storage/storageAccounts/blobServices/containers/read", true),
        ("*/read", "Microsoft.Storage/storageAccounts/write", false),
        ("Microsoft.Authorization/*/Write", "microsoft.authorization/roleassignments/write", true),
        ("*", "Microsoft.Anything/at/all/action", true),
        ("Microsoft.Compute/*", "Microsoft.Compute/virtualMachines/start/action", true),
        ("Microsoft.Compute/*", "Microsoft.Network/virtualNetworks/read", false),
        ("Microsoft.CognitiveServices/accounts/listkeys/action", "Microsoft.CognitiveServices/accounts/listKeys/action", true),
        ("Microsoft.CognitiveServices/accounts/listkeys/action", "Microsoft.CognitiveServices/accounts/listKeys/actions", false),
        ("Microsoft.MachineLearningServices/workspaces/*/write", "Microsoft.MachineLearningServices/workspacesX/write", false),
        // Letters fold, other bytes do not; non-ASCII text folds as `lowercased()` does.
        ("MICROSOFT.STORAGE/*", "microsoft.storage/x/read", true),
        ("Microsoft.Storage/[a]/read", "Microsoft.Storage/{a}/read", false),
        ("Microsoft.Ünicode/*", "microsoft.ünicode/x/read", true),
        ("Microsoft.Ünicode/read", "Microsoft.Unicode/read", false),
        ("", "", true),
        ("", "x", false),
    ])
    func matches(pattern: String, action: String, expected: Bool) {
        #expect(ActionPattern.matches(pattern, action) == expected)
    }
}
