import FormwrightCore
import Foundation

/// Turns a JSON Schema document, read as a `Value`, into `SchemaNode`s, refusing whatever it cannot check.
///
/// Refused: a keyword outside the supported set, a keyword value of the wrong shape, a pattern that does not compile,
/// `$defs` anywhere but at the root, a `$ref` other than `#/$defs/NAME`, a `$ref` to a missing definition, `then` or
/// `else` without `if`, and a `$schema` other than draft 2020-12.
struct SchemaCompiler {
    /// The one `$schema` value accepted.
    static let draft202012 = "https://json-schema.org/draft/2020-12/schema"

    /// Keywords that only annotate and never affect validity.
    static let annotationKeywords: Set<String> = ["$schema", "$id", "$defs", "title", "description", "default", "examples"]

    /// Every keyword that `compile` understands.
    static let supportedKeywords: Set<String> = annotationKeywords.union([
        "type", "enum", "const", "properties", "patternProperties", "additionalProperties", "propertyNames", "required",
        "minProperties", "maxProperties", "items", "minItems", "minimum", "maximum", "minLength", "maxLength", "pattern",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref",
    ])

    /// The `$ref`s met so far with the schema pointer of each, checked once everything is compiled.
    private var references: [(name: String, schemaPath: String)] = []

    /// Compiles a whole document: its root schema and its `$defs`.
    static func compileDocument(_ document: Value) throws -> (root: SchemaNode, definitions: [String: SchemaNode]) {
        var compiler = SchemaCompiler()
        var definitions: [String: SchemaNode] = [:]
        if case .map(let map) = document, let defs = map[.string("$defs")] {
            let path = JSONPointer.appending("$defs", to: "")
            guard case .map(let entries) = defs else { throw JSONSchemaError(schemaPath: path, message: "'$defs' must be an object") }
            for (key, value) in entries.entries {
                guard case .string(let name) = key else { throw JSONSchemaError(schemaPath: path, message: "definition names must be strings") }
                definitions[name] = try compiler.compile(value, at: JSONPointer.appending(name, to: path))
            }
        }
        let root = try compiler.compile(document, at: "", isRoot: true)
        for reference in compiler.references where definitions[reference.name] == nil {
            throw JSONSchemaError(schemaPath: reference.schemaPath, message: "'$ref' names the missing definition '\(reference.name)'")
        }
        return (root, definitions)
    }

    /// Compiles one schema found at `path` in the document.
    mutating func compile(_ schema: Value, at path: String, isRoot: Bool = false) throws -> SchemaNode {
        switch schema {
        case .bool(let flag):
            return .boolean(flag)
        case .map(let map):
            let keywords = SchemaKeywords()
            for (key, value) in map.entries {
                guard case .string(let keyword) = key else { throw JSONSchemaError(schemaPath: path, message: "keywords must be strings") }
                try compileKeyword(keyword, value, into: keywords, map: map, at: path, isRoot: isRoot)
            }
            return .keywords(keywords)
        default:
            throw JSONSchemaError(schemaPath: path, message: "a schema must be an object or a boolean, not \(schema.jsonTypeName)")
        }
    }

    /// Compiles one keyword of the schema object at `path` into `keywords`, or throws.
    private mutating func compileKeyword(
        _ keyword: String, _ value: Value, into keywords: SchemaKeywords, map: ValueMap, at path: String, isRoot: Bool
    ) throws {
        let here = JSONPointer.appending(keyword, to: path)
        func fail(_ message: String) -> JSONSchemaError { JSONSchemaError(schemaPath: here, message: message) }
        switch keyword {
        case "$schema":
            guard isRoot, value == .string(Self.draft202012) else { throw fail("only draft 2020-12 is supported, and only at the root") }
        case "$defs":
            guard isRoot else { throw fail("'$defs' is only supported at the root") }
        case "$id", "title", "description":
            guard case .string = value else { throw fail("'\(keyword)' must be a string") }
        case "default":
            break
        case "examples":
            guard case .list = value else { throw fail("'examples' must be an array") }
        case "type":
            keywords.types = try Self.types(value, fail: fail)
        case "enum":
            guard case .list(let values) = value, !values.isEmpty else { throw fail("'enum' must be a non-empty array") }
            keywords.allowedValues = values
        case "const":
            keywords.constant = value
        case "properties":
            keywords.properties = try schemaMap(value, at: here).map { (name: $0.key, schema: $0.schema) }
        case "patternProperties":
            keywords.patternProperties = try schemaMap(value, at: here).map { entry in
                (pattern: try Self.pattern(entry.key, fail: fail), schema: entry.schema)
            }
        case "additionalProperties":
            keywords.additionalProperties = try compile(value, at: here)
        case "propertyNames":
            keywords.propertyNames = try compile(value, at: here)
        case "required":
            guard case .list(let items) = value else { throw fail("'required' must be an array of strings") }
            keywords.required = try items.map { item in
                guard case .string(let name) = item else { throw fail("'required' must be an array of strings") }
                return name
            }
        case "minProperties": keywords.minProperties = try Self.count(value, fail: fail)
        case "maxProperties": keywords.maxProperties = try Self.count(value, fail: fail)
        case "minItems": keywords.minItems = try Self.count(value, fail: fail)
        case "minLength": keywords.minLength = try Self.count(value, fail: fail)
        case "maxLength": keywords.maxLength = try Self.count(value, fail: fail)
        case "minimum", "maximum":
            guard let number = value.jsonNumber else { throw fail("'\(keyword)' must be a number") }
            if keyword == "minimum" { keywords.minimum = number } else { keywords.maximum = number }
        case "items":
            keywords.items = try compile(value, at: here)
        case "pattern":
            guard case .string(let source) = value else { throw fail("'pattern' must be a string") }
            keywords.pattern = try Self.pattern(source, fail: fail)
        case "allOf": keywords.allOf = try schemaList(value, at: here)
        case "anyOf": keywords.anyOf = try schemaList(value, at: here)
        case "oneOf": keywords.oneOf = try schemaList(value, at: here)
        case "not": keywords.negated = try compile(value, at: here)
        case "if": keywords.condition = try compile(value, at: here)
        case "then", "else":
            guard map[.string("if")] != nil else { throw fail("'\(keyword)' without 'if' has no effect") }
            let branch = try compile(value, at: here)
            if keyword == "then" { keywords.then = branch } else { keywords.otherwise = branch }
        case "$ref":
            let prefix = "#/$defs/"
            guard case .string(let target) = value, target.hasPrefix(prefix), target.count > prefix.count else {
                throw fail("only '$ref' values of the form '#/$defs/NAME' are supported")
            }
            let name = String(target.dropFirst(prefix.count))
            guard !name.contains("/"), !name.contains("~") else { throw fail("only '$ref' values of the form '#/$defs/NAME' are supported") }
            keywords.reference = name
            references.append((name: name, schemaPath: here))
        default:
            throw JSONSchemaError(schemaPath: path, message: "unsupported keyword '\(keyword)'")
        }
    }

    /// Compiles an object whose members are schemas (`properties`, `patternProperties`).
    private mutating func schemaMap(_ value: Value, at path: String) throws -> [(key: String, schema: SchemaNode)] {
        guard case .map(let map) = value else { throw JSONSchemaError(schemaPath: path, message: "expected an object of schemas") }
        return try map.entries.map { entry in
            guard case .string(let key) = entry.key else { throw JSONSchemaError(schemaPath: path, message: "keys must be strings") }
            return (key: key, schema: try compile(entry.value, at: JSONPointer.appending(key, to: path)))
        }
    }

    /// Compiles a non-empty array of schemas (`allOf`, `anyOf`, `oneOf`).
    private mutating func schemaList(_ value: Value, at path: String) throws -> [SchemaNode] {
        guard case .list(let items) = value, !items.isEmpty else {
            throw JSONSchemaError(schemaPath: path, message: "expected a non-empty array of schemas")
        }
        return try items.enumerated().map { index, item in try compile(item, at: JSONPointer.appending(index, to: path)) }
    }

    /// Reads `type`: one type name or a non-empty array of them.
    private static func types(_ value: Value, fail: (String) -> JSONSchemaError) throws -> [SchemaNode.JSONType] {
        let names: [Value]
        switch value {
        case .string: names = [value]
        case .list(let items) where !items.isEmpty: names = items
        default: throw fail("'type' must be a type name or a non-empty array of them")
        }
        return try names.map { name in
            guard case .string(let text) = name, let type = SchemaNode.JSONType(rawValue: text) else {
                throw fail("unknown type \(name.briefDescription)")
            }
            return type
        }
    }

    /// Reads a non-negative integer keyword such as `minItems`.
    private static func count(_ value: Value, fail: (String) -> JSONSchemaError) throws -> Int {
        guard value.jsonTypeName == "integer", let number = value.jsonNumber, number >= 0, number <= Double(Int32.max) else {
            throw fail("expected a non-negative integer")
        }
        return Int(number)
    }

    /// Compiles a regular expression, throwing when it is not valid.
    private static func pattern(_ source: String, fail: (String) -> JSONSchemaError) throws -> SchemaNode.Pattern {
        do {
            return SchemaNode.Pattern(source: source, expression: try NSRegularExpression(pattern: source))
        } catch {
            throw fail("pattern '\(source)' does not compile")
        }
    }
}
