import FormwrightCore
import Testing

@Suite struct JSONSchemaValidatorTests {
    private func validator(_ schema: Value) throws -> JSONSchemaValidator { try JSONSchemaValidator(schema: schema) }

    private func paths(_ violations: [SchemaViolation]) -> [String] { violations.map(\.path) }

    @Test func typeAcceptsOnlyItsKind() throws {
        let string = try validator(.object(["type": .string("string")]))
        #expect(string.accepts(.string("x")))
        #expect(string.validate(.int(1)) == [SchemaViolation(path: "", message: "expected string, found integer")])
        let object = try validator(.object(["type": .string("object")]))
        #expect(object.accepts(.object([:])))
        #expect(!object.accepts(.list([])))
        let array = try validator(.object(["type": .string("array")]))
        #expect(array.accepts(.list([])))
        #expect(!array.accepts(.object([:])))
        let boolean = try validator(.object(["type": .string("boolean")]))
        #expect(boolean.accepts(.bool(false)))
        #expect(!boolean.accepts(.string("true")))
        let null = try validator(.object(["type": .string("null")]))
        #expect(null.accepts(.null))
        #expect(!null.accepts(.bool(false)))
    }

    @Test func integerTakesIntegralNumbersOnly() throws {
        let integer = try validator(.object(["type": .string("integer")]))
        #expect(integer.accepts(.int(-3)))
        #expect(integer.accepts(.uint(3)))
        #expect(integer.accepts(.double(2.0)))
        #expect(!integer.accepts(.double(2.5)))
        #expect(!integer.accepts(.double(.infinity)))
        #expect(!integer.accepts(.string("2")))
        let number = try validator(.object(["type": .string("number")]))
        #expect(number.accepts(.int(2)))
        #expect(number.accepts(.double(2.5)))
        #expect(!number.accepts(.string("2.5")))
    }

    @Test func typeListAcceptsAnyOfItsKinds() throws {
        let either = try validator(.object(["type": .strings("number", "string")]))
        #expect(either.accepts(.int(1)))
        #expect(either.accepts(.string("2024-01-01")))
        #expect(either.validate(.bool(true)) == [SchemaViolation(path: "", message: "expected number or string, found boolean")])
    }

    @Test func valuesWithoutJSONFormMatchNoType() throws {
        let any = try validator(.object(["type": .strings("null", "boolean", "object", "array", "number", "string")]))
        #expect(!any.accepts(.bytes([1])))
        #expect(!any.accepts(.timestamp(Timestamp(seconds: 0))))
    }

    @Test func enumComparesAsJSON() throws {
        let choice = try validator(.object(["enum": .list([.string("a"), .int(1), .object(["k": .strings("x")])])]))
        #expect(choice.accepts(.string("a")))
        #expect(choice.accepts(.double(1.0)))
        #expect(choice.accepts(.object(["k": .strings("x")])))
        #expect(!choice.accepts(.string("b")))
        #expect(!choice.accepts(.object(["k": .strings("y")])))
        #expect(choice.validate(.string("b")) == [SchemaViolation(path: "", message: "'b' is not one of 'a', 1, an object with 1 key")])
    }

    @Test func constAcceptsOneValue() throws {
        let one = try validator(.object(["const": .int(1)]))
        #expect(one.accepts(.int(1)))
        #expect(one.accepts(.uint(1)))
        #expect(one.validate(.int(2)) == [SchemaViolation(path: "", message: "expected 1, found 2")])
        #expect(!one.accepts(.string("1")))
        let null = try validator(.object(["const": .null]))
        #expect(null.accepts(.null))
        #expect(!null.accepts(.bool(false)))
    }

    @Test func propertiesCheckTheirMembersOnly() throws {
        let schema = try validator(.object(["properties": .object(["age": .object(["type": .string("integer")])])]))
        #expect(schema.accepts(.object(["age": .int(3), "other": .string("x")])))
        #expect(schema.accepts(.object([:])))
        #expect(schema.accepts(.string("not an object")))
        #expect(paths(schema.validate(.object(["age": .string("x")]))) == ["/age"])
    }

    @Test func requiredNamesMissingKeys() throws {
        let schema = try validator(.object(["required": .strings("a", "b")]))
        #expect(schema.accepts(.object(["a": .null, "b": .int(0)])))
        #expect(schema.validate(.object(["a": .null])) == [SchemaViolation(path: "", message: "missing required key 'b'")])
        #expect(schema.accepts(.list([])))
    }

    @Test func additionalPropertiesFalseNamesTheUnknownKey() throws {
        let schema = try validator(
            .object(["properties": .object(["a": .bool(true)]), "additionalProperties": .bool(false)])
        )
        #expect(schema.accepts(.object(["a": .int(1)])))
        #expect(schema.validate(.object(["a": .int(1), "b/c": .int(2)])) == [SchemaViolation(path: "/b~1c", message: "unknown key 'b/c'")])
    }

    @Test func additionalPropertiesSchemaChecksUndeclaredMembers() throws {
        let schema = try validator(
            .object(["properties": .object(["a": .bool(true)]), "additionalProperties": .object(["type": .string("integer")])])
        )
        #expect(schema.accepts(.object(["a": .string("free"), "b": .int(2)])))
        #expect(paths(schema.validate(.object(["b": .string("x"), "c": .int(1), "d": .null]))) == ["/b", "/d"])
    }

    @Test func patternPropertiesCheckMatchingKeys() throws {
        let schema = try validator(
            .object([
                "patternProperties": .object(["^x_": .object(["type": .string("string")])]),
                "additionalProperties": .bool(false),
            ])
        )
        #expect(schema.accepts(.object(["x_a": .string("ok")])))
        #expect(paths(schema.validate(.object(["x_a": .int(1), "y": .int(1)]))) == ["/x_a", "/y"])
    }

    @Test func propertyNamesCheckEveryKey() throws {
        let schema = try validator(.object(["propertyNames": .object(["pattern": .string("^[a-z]+$")])]))
        #expect(schema.accepts(.object(["abc": .null])))
        #expect(
            schema.validate(.object(["abc": .null, "Abc": .null])) == [SchemaViolation(path: "/Abc", message: "'Abc' is not an allowed key here")])
    }

    @Test func nonStringKeysAreReported() throws {
        let schema = try validator(.object(["type": .string("object")]))
        let document: Value = .map(ValueMap([(.int(1), .string("one"))]))
        #expect(schema.validate(document) == [SchemaViolation(path: "", message: "key 1 is not a string")])
    }

    @Test func propertyCountsAreBounded() throws {
        let schema = try validator(.object(["minProperties": .int(1), "maxProperties": .int(2)]))
        #expect(schema.accepts(.object(["a": .null])))
        #expect(schema.accepts(.object(["a": .null, "b": .null])))
        #expect(schema.validate(.object([:])) == [SchemaViolation(path: "", message: "has 0 keys, fewer than the minimum 1")])
        #expect(
            schema.validate(.object(["a": .null, "b": .null, "c": .null])) == [
                SchemaViolation(path: "", message: "has 3 keys, more than the maximum 2")
            ])
    }

    @Test func itemsCheckEveryItemAndMinItemsCounts() throws {
        let schema = try validator(.object(["items": .object(["type": .string("string")]), "minItems": .int(1)]))
        #expect(schema.accepts(.strings("a", "b")))
        #expect(schema.validate(.list([])) == [SchemaViolation(path: "", message: "has 0 items, fewer than the minimum 1")])
        #expect(paths(schema.validate(.list([.string("a"), .int(2), .string("c"), .null]))) == ["/1", "/3"])
    }

    @Test func numbersAreBoundedInclusively() throws {
        let schema = try validator(.object(["minimum": .int(0), "maximum": .double(6)]))
        #expect(schema.accepts(.int(0)))
        #expect(schema.accepts(.double(6.0)))
        #expect(schema.validate(.int(-1)) == [SchemaViolation(path: "", message: "-1 is less than the minimum 0")])
        #expect(schema.validate(.double(6.5)) == [SchemaViolation(path: "", message: "6.5 is more than the maximum 6")])
        #expect(schema.accepts(.string("100")))
    }

    @Test func lengthsCountCharactersNotBytes() throws {
        let schema = try validator(.object(["minLength": .int(2), "maxLength": .int(3)]))
        #expect(schema.accepts(.string("客户")))
        #expect(schema.accepts(.string("abc")))
        #expect(schema.validate(.string("a")) == [SchemaViolation(path: "", message: "'a' is shorter than 2 characters")])
        #expect(schema.validate(.string("abcd")) == [SchemaViolation(path: "", message: "'abcd' is longer than 3 characters")])
        #expect(schema.accepts(.int(12345)))
    }

    @Test func patternSearchesUnlessAnchored() throws {
        let unanchored = try validator(.object(["pattern": .string("[0-9]")]))
        #expect(unanchored.accepts(.string("abc1def")))
        #expect(!unanchored.accepts(.string("abc")))
        let anchored = try validator(.object(["pattern": .string("^[a-z][a-z0-9-]*$")]))
        #expect(anchored.accepts(.string("customer-sentiment")))
        #expect(
            anchored.validate(.string("Customer")) == [
                SchemaViolation(path: "", message: "'Customer' does not match the pattern '^[a-z][a-z0-9-]*$'")
            ])
        #expect(!anchored.accepts(.string("")))
    }

    @Test func allOfNeedsEveryPart() throws {
        let schema = try validator(.object(["allOf": .list([.object(["type": .string("integer")]), .object(["minimum": .int(10)])])]))
        #expect(schema.accepts(.int(10)))
        #expect(schema.validate(.double(2.5)).count == 2)
    }

    @Test func anyOfNeedsOnePart() throws {
        let schema = try validator(.object(["anyOf": .list([.object(["type": .string("string")]), .object(["type": .string("integer")])])]))
        #expect(schema.accepts(.string("x")))
        #expect(schema.accepts(.int(1)))
        #expect(schema.validate(.bool(true)) == [SchemaViolation(path: "", message: "true matches none of the 2 allowed forms")])
    }

    @Test func oneOfNeedsExactlyOnePart() throws {
        let schema = try validator(.object(["oneOf": .list([.object(["type": .string("number")]), .object(["type": .string("integer")])])]))
        #expect(schema.accepts(.double(1.5)))
        #expect(schema.validate(.int(1)) == [SchemaViolation(path: "", message: "1 matches 2 forms, but exactly one is allowed")])
        #expect(schema.validate(.string("x")) == [SchemaViolation(path: "", message: "'x' matches none of the 2 allowed forms")])
    }

    @Test func notRefusesWhatItsSchemaAccepts() throws {
        let schema = try validator(.object(["not": .object(["required": .strings("scale")])]))
        #expect(schema.accepts(.object(["type": .string("text")])))
        #expect(
            schema.validate(.object(["scale": .int(2)])) == [
                SchemaViolation(path: "", message: "an object with 1 key matches a form that is not allowed")
            ])
    }

    @Test func ifChoosesThenOrElse() throws {
        let schema = try validator(
            .object([
                "if": .object(["properties": .object(["type": .object(["const": .string("link")])]), "required": .strings("type")]),
                "then": .object(["required": .strings("table")]),
                "else": .object(["properties": .object(["table": .bool(false)])]),
            ])
        )
        #expect(schema.accepts(.object(["type": .string("link"), "table": .string("customers")])))
        #expect(schema.validate(.object(["type": .string("link")])) == [SchemaViolation(path: "", message: "missing required key 'table'")])
        #expect(schema.accepts(.object(["type": .string("text")])))
        #expect(
            schema.validate(.object(["type": .string("text"), "table": .string("x")])) == [
                SchemaViolation(path: "/table", message: "not allowed here")
            ])
    }

    @Test func ifWithoutElseAcceptsWhatFailsTheCondition() throws {
        let schema = try validator(.object(["if": .object(["type": .string("string")]), "then": .object(["minLength": .int(2)])]))
        #expect(schema.accepts(.int(1)))
        #expect(!schema.accepts(.string("a")))
    }

    @Test func booleanSchemasAcceptAllOrNothing() throws {
        #expect(try validator(.bool(true)).accepts(.object(["anything": .null])))
        #expect(try validator(.bool(false)).validate(.null) == [SchemaViolation(path: "", message: "not allowed here")])
    }

    @Test func refsResolveToDefinitionsAndMayRecurse() throws {
        let schema = try validator(
            .object([
                "$defs": .object([
                    "tree": .object([
                        "type": .string("object"),
                        "properties": .object(["children": .object(["type": .string("array"), "items": .object(["$ref": .string("#/$defs/tree")])])]),
                        "additionalProperties": .bool(false),
                    ])
                ]),
                "$ref": .string("#/$defs/tree"),
            ])
        )
        let leaf: Value = .object(["children": .list([])])
        #expect(schema.accepts(.object(["children": .list([leaf, .object(["children": .list([leaf])])])])))
        #expect(paths(schema.validate(.object(["children": .list([.object(["leaves": .list([])])])]))) == ["/children/0/leaves"])
    }

    @Test func annotationsAreIgnored() throws {
        let schema = try validator(
            .object([
                "$schema": .string(SchemaCompiler.draft202012), "$id": .string("https://example.com/s.json"), "title": .string("T"),
                "description": .string("D"), "default": .int(2), "examples": .list([.int(1)]), "type": .string("integer"),
            ])
        )
        #expect(schema.accepts(.int(7)))
        #expect(!schema.accepts(.string("7")))
    }

    @Test func pathsEscapeAndNest() throws {
        let schema = try validator(
            .object([
                "additionalProperties": .object([
                    "items": .object(["properties": .object(["x": .object(["type": .string("string")])])])
                ])
            ])
        )
        #expect(paths(schema.validate(.object(["a~b": .list([.object([:]), .object(["x": .int(1)])])]))) == ["/a~0b/1/x"])
    }

    @Test(arguments: [
        ("unknown keyword", Value.object(["maxItems": .int(3)]), ""),
        ("unknown nested keyword", .object(["properties": .object(["a": .object(["format": .string("email")])])]), "/properties/a"),
        ("missing definition", .object(["$ref": .string("#/$defs/nowhere")]), "/$ref"),
        ("foreign reference", .object(["$ref": .string("other.json#/a")]), "/$ref"),
        ("nested definitions", .object(["properties": .object(["a": .object(["$defs": .object([:])])])]), "/properties/a/$defs"),
        ("bad type name", .object(["type": .string("text")]), "/type"),
        ("negative count", .object(["minItems": .int(-1)]), "/minItems"),
        ("empty anyOf", .object(["anyOf": .list([])]), "/anyOf"),
        ("then without if", .object(["then": .bool(true)]), "/then"),
        ("bad pattern", .object(["pattern": .string("(")]), "/pattern"),
        ("older draft", .object(["$schema": .string("http://json-schema.org/draft-07/schema#")]), "/$schema"),
        ("not a schema", .object(["not": .int(1)]), "/not"),
    ])
    func refusesSchemasItCannotCheck(reason: String, schema: Value, schemaPath: String) {
        do {
            _ = try JSONSchemaValidator(schema: schema)
            Issue.record("accepted a schema with a \(reason)")
        } catch let error as JSONSchemaError {
            #expect(error.schemaPath == schemaPath, "\(reason): \(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
