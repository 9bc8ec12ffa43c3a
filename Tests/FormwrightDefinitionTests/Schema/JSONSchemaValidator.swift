import FormwrightCore

/// A small JSON Schema (draft 2020-12) validator over `Value`, for tests.
///
/// It supports exactly the keywords the app schema uses (see `SchemaCompiler.supportedKeywords`) and throws on any
/// other, so the schema cannot silently depend on an unchecked rule. Objects are `.map`s with string keys, arrays
/// `.list`s, integers `.int` (or `.uint`, or integral `.double`s), numbers `.double`.
///
/// ```swift
/// let validator = try JSONSchemaValidator(schema: schemaDocument)
/// let violations = validator.validate(app)   // [] when the app is valid
/// ```
struct JSONSchemaValidator {
    /// Deeper than this, a chain of `$ref`s is taken to loop without ever descending into the document.
    static let maximumDepth = 512

    private let root: SchemaNode
    private let definitions: [String: SchemaNode]

    /// Compiles `schema`, throwing `JSONSchemaError` for anything the validator cannot check.
    init(schema: Value) throws {
        (root, definitions) = try SchemaCompiler.compileDocument(schema)
    }

    /// Every violation of the schema by `document`, in document order; empty when the document is valid.
    func validate(_ document: Value) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        check(document, against: root, at: "", depth: 0, into: &violations)
        return violations
    }

    /// Whether `document` satisfies the schema.
    func accepts(_ document: Value) -> Bool { validate(document).isEmpty }

    /// Whether `value` satisfies `node`, discarding the reasons (for `anyOf`, `oneOf`, `not` and `if`).
    private func passes(_ value: Value, _ node: SchemaNode, at path: String, depth: Int) -> Bool {
        var violations: [SchemaViolation] = []
        check(value, against: node, at: path, depth: depth, into: &violations)
        return violations.isEmpty
    }

    /// Appends to `violations` every way in which `value`, found at `path`, fails `node`.
    private func check(_ value: Value, against node: SchemaNode, at path: String, depth: Int, into violations: inout [SchemaViolation]) {
        guard depth < Self.maximumDepth else {
            violations.append(SchemaViolation(path: path, message: "schema references nest too deeply"))
            return
        }
        switch node {
        case .boolean(true):
            return
        case .boolean(false):
            violations.append(SchemaViolation(path: path, message: "not allowed here"))
        case .keywords(let keywords):
            checkKeywords(value, keywords, at: path, depth: depth + 1, into: &violations)
        }
    }

    /// Checks every keyword of one schema object; keywords that do not apply to the value's type pass.
    private func checkKeywords(
        _ value: Value, _ keywords: SchemaKeywords, at path: String, depth: Int, into violations: inout [SchemaViolation]
    ) {
        func report(_ message: String) { violations.append(SchemaViolation(path: path, message: message)) }

        if let name = keywords.reference {
            if let target = definitions[name] {
                check(value, against: target, at: path, depth: depth, into: &violations)
            } else {
                report("'$ref' names the missing definition '\(name)'")
            }
        }
        if let types = keywords.types, !types.contains(where: value.isOfJSONType) {
            report("expected \(types.map(\.rawValue).joined(separator: " or ")), found \(value.jsonTypeName)")
        }
        if let allowed = keywords.allowedValues, !allowed.contains(where: value.jsonEquals) {
            report("\(value.briefDescription) is not one of \(allowed.map(\.briefDescription).joined(separator: ", "))")
        }
        if let constant = keywords.constant, !value.jsonEquals(constant) {
            report("expected \(constant.briefDescription), found \(value.briefDescription)")
        }
        switch value {
        case .map(let map): checkObject(map, keywords, at: path, depth: depth, into: &violations)
        case .list(let items): checkArray(items, keywords, at: path, depth: depth, into: &violations)
        case .string(let text): checkString(text, keywords, report: report)
        default: break
        }
        if let number = value.jsonNumber {
            if let minimum = keywords.minimum, number < minimum {
                report("\(value.briefDescription) is less than the minimum \(minimum.compactText)")
            }
            if let maximum = keywords.maximum, number > maximum {
                report("\(value.briefDescription) is more than the maximum \(maximum.compactText)")
            }
        }
        checkCombinations(value, keywords, at: path, depth: depth, into: &violations)
    }

    /// Checks `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`.
    private func checkCombinations(
        _ value: Value, _ keywords: SchemaKeywords, at path: String, depth: Int, into violations: inout [SchemaViolation]
    ) {
        for part in keywords.allOf { check(value, against: part, at: path, depth: depth, into: &violations) }
        if let choices = keywords.anyOf, !choices.contains(where: { passes(value, $0, at: path, depth: depth) }) {
            violations.append(SchemaViolation(path: path, message: "\(value.briefDescription) matches none of the \(choices.count) allowed forms"))
        }
        if let choices = keywords.oneOf {
            let matching = choices.filter { passes(value, $0, at: path, depth: depth) }.count
            if matching != 1 {
                let message =
                    matching == 0 ? "matches none of the \(choices.count) allowed forms" : "matches \(matching) forms, but exactly one is allowed"
                violations.append(SchemaViolation(path: path, message: "\(value.briefDescription) \(message)"))
            }
        }
        if let negated = keywords.negated, passes(value, negated, at: path, depth: depth) {
            violations.append(SchemaViolation(path: path, message: "\(value.briefDescription) matches a form that is not allowed"))
        }
        if let condition = keywords.condition {
            let branch = passes(value, condition, at: path, depth: depth) ? keywords.then : keywords.otherwise
            if let branch { check(value, against: branch, at: path, depth: depth, into: &violations) }
        }
    }

    /// Checks the object keywords, reporting an unknown key at the key itself.
    private func checkObject(_ map: ValueMap, _ keywords: SchemaKeywords, at path: String, depth: Int, into violations: inout [SchemaViolation]) {
        if let minimum = keywords.minProperties, map.count < minimum {
            violations.append(
                SchemaViolation(path: path, message: "has \(map.count) \(map.count == 1 ? "key" : "keys"), fewer than the minimum \(minimum)"))
        }
        if let maximum = keywords.maxProperties, map.count > maximum {
            violations.append(SchemaViolation(path: path, message: "has \(map.count) keys, more than the maximum \(maximum)"))
        }
        for name in keywords.required where map[.string(name)] == nil {
            violations.append(SchemaViolation(path: path, message: "missing required key '\(name)'"))
        }
        for (key, member) in map.entries {
            guard case .string(let name) = key else {
                violations.append(SchemaViolation(path: path, message: "key \(key.briefDescription) is not a string"))
                continue
            }
            let memberPath = JSONPointer.appending(name, to: path)
            if let names = keywords.propertyNames, !passes(.string(name), names, at: memberPath, depth: depth) {
                violations.append(SchemaViolation(path: memberPath, message: "'\(name)' is not an allowed key here"))
            }
            var isDeclared = false
            if let declared = keywords.properties.first(where: { $0.name == name }) {
                isDeclared = true
                check(member, against: declared.schema, at: memberPath, depth: depth, into: &violations)
            }
            for entry in keywords.patternProperties where entry.pattern.matches(name) {
                isDeclared = true
                check(member, against: entry.schema, at: memberPath, depth: depth, into: &violations)
            }
            guard !isDeclared, let additional = keywords.additionalProperties else { continue }
            if case .boolean(false) = additional {
                violations.append(SchemaViolation(path: memberPath, message: "unknown key '\(name)'"))
            } else {
                check(member, against: additional, at: memberPath, depth: depth, into: &violations)
            }
        }
    }

    /// Checks `minItems` and every item against `items`.
    private func checkArray(_ items: [Value], _ keywords: SchemaKeywords, at path: String, depth: Int, into violations: inout [SchemaViolation]) {
        if let minimum = keywords.minItems, items.count < minimum {
            violations.append(
                SchemaViolation(path: path, message: "has \(items.count) \(items.count == 1 ? "item" : "items"), fewer than the minimum \(minimum)"))
        }
        guard let itemSchema = keywords.items else { return }
        for (index, item) in items.enumerated() {
            check(item, against: itemSchema, at: JSONPointer.appending(index, to: path), depth: depth, into: &violations)
        }
    }

    /// Checks the string keywords; lengths count Unicode scalars, as JSON Schema specifies.
    private func checkString(_ text: String, _ keywords: SchemaKeywords, report: (String) -> Void) {
        let length = text.unicodeScalars.count
        if let minimum = keywords.minLength, length < minimum { report("'\(text)' is shorter than \(minimum) characters") }
        if let maximum = keywords.maxLength, length > maximum { report("'\(text)' is longer than \(maximum) characters") }
        if let pattern = keywords.pattern, !pattern.matches(text) { report("'\(text)' does not match the pattern '\(pattern.source)'") }
    }
}

extension Double {
    /// The number without a needless `.0`, for messages.
    fileprivate var compactText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
