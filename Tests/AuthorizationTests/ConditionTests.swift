import Testing

@testable import Authorization

@Suite struct ConditionTests {
    static let container = "Microsoft.Storage/storageAccounts/blobServices/containers:name"
    static let blobRead = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"

    func context(_ action: String, container: String?) -> ConditionContext {
        ConditionContext(action: action, attributes: container.map { [ConditionContext.key("resource", Self.container): [$0]] } ?? [:])
    }

    @Test func simplePrefixCondition() throws {
        let condition = try ConditionParser.parse("@Resource[\(Self.container)] StringStartsWith 'abc'")
        #expect(condition.evaluate(context(Self.blobRead, container: "abc-azureml")))
        #expect(!condition.evaluate(context(Self.blobRead, container: "ABC-azureml")))  // case-sensitive
        #expect(!condition.evaluate(context(Self.blobRead, container: "other")))
        #expect(!condition.evaluate(context(Self.blobRead, container: nil)))  // unknown attribute never grants
    }

    @Test func guardedFormAllowsUnguardedActions() throws {
        let text = """
            (
             (
              !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'})
              AND !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})
             )
             OR
             (
              @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringStartsWithIgnoreCase 'P1'
             )
            )
            """
        let condition = try ConditionParser.parse(text)
        #expect(condition.evaluate(context(Self.blobRead, container: "p1-blobstore")))
        #expect(!condition.evaluate(context(Self.blobRead, container: "p2-blobstore")))
        #expect(condition.evaluate(context("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete", container: "p2")))
    }

    @Test func symbolsLikeAndSetOperators() throws {
        let like = try ConditionParser.parse(
            "@Resource[\(Self.container)] StringLike '*-azureml-agent' || !(@Resource[\(Self.container)] StringEquals 'x')")
        #expect(like.evaluate(context(Self.blobRead, container: "p-azureml-agent")))
        #expect(like.evaluate(context(Self.blobRead, container: "y")))
        #expect(!like.evaluate(context(Self.blobRead, container: "x")))

        let delegation = try ConditionParser.parse(
            "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals{53ca6127-db72-4b80-b1b0-d745d6d5456d}))"
        )
        let write = "Microsoft.Authorization/roleAssignments/write"
        let key = ConditionContext.key("request", "Microsoft.Authorization/roleAssignments:RoleDefinitionId")
        #expect(
            delegation.evaluate(
                ConditionContext(
                    action: write,
                    attributes: [
                        key: ["/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/53ca6127-db72-4b80-b1b0-d745d6d5456d"]
                    ])))
        #expect(!delegation.evaluate(ConditionContext(action: write, attributes: [key: ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635"]])))
        #expect(delegation.evaluate(ConditionContext(action: "Microsoft.Authorization/roleAssignments/delete")))

        let anyOf = try ConditionParser.parse("@Request[tags:env] ForAnyOfAnyValues:StringEquals {'dev', 'test'}")
        #expect(anyOf.evaluate(ConditionContext(action: "a", attributes: ["request:tags:env": ["test"]])))
        #expect(!anyOf.evaluate(ConditionContext(action: "a", attributes: ["request:tags:env": ["prod"]])))
    }

    @Test(arguments: [
        "", "(", "@Resource[x] StringStartsWith", "@Resource[x] Frobnicates 'a'", "@Nowhere[x] StringEquals 'a'",
        "ActionMatches{'a'} AND", "'a' OR 'b'", "@Resource[x] StringEquals 'unterminated", "a & b",
    ])
    func badConditionsDoNotParse(text: String) {
        #expect(throws: ConditionError.self) { try ConditionParser.parse(text) }
    }
}
