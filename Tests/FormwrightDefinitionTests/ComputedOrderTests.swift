import FormwrightCore
import FormwrightDefinition
import Testing

/// Computed fields are ordered by what they read, however long the chain.
@Suite struct ComputedOrderTests {
    static func load(_ yaml: String) -> LoadedApp {
        DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
    }

    @Test func computedFieldsComeAfterWhatTheyRead() throws {
        let loaded = Self.load(
            """
            formwright: 1
            app: order
            tables:
              things:
                fields:
                  c: { type: integer, compute: "b + 1" }
                  b: { type: integer, compute: "record.a + 1" }
                  a: { type: integer, compute: "1" }
                  d: { type: integer, compute: "2" }
            """)
        let definition = try #require(loaded.definition)
        #expect(definition.expressions.tables["things"]?.computed.map(\.field) == ["a", "b", "c", "d"])
    }

    @Test func aLongChainIsOrderedWithoutDeepRecursion() throws {
        let length = 3_000
        var yaml = "formwright: 1\napp: chain\ntables:\n  things:\n    fields:\n      f0: { type: integer, required: true }\n"
        for index in (1...length).reversed() { yaml += "      f\(index): { type: integer, compute: \"f\(index - 1) + 1\" }\n" }
        let loaded = Self.load(yaml)
        let definition = try #require(loaded.definition, "\(loaded.diagnostics.prefix(3).map(\.message))")
        let order = try #require(definition.expressions.tables["things"]?.computed.map(\.field))
        #expect(order.count == length)
        #expect(order.first == "f1" && order.last == "f\(length)")
    }
}
