import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import Foundation

/// The JSON Schema of one field, as a record shows its value or as input may send it.
///
/// A record always has every field: an empty one is null. Input that leaves a field out or
/// sends null leaves it empty, which only a required field refuses.
struct FieldSchema {
    /// Which way the value travels.
    enum Direction {
        /// In a record the API answers with.
        case record
        /// In a body sent to create or change a record.
        case input
    }

    let field: FieldDefinition
    let table: TableDefinition

    /// The field's schema with its title, description, default and read-only mark.
    func schema(_ direction: Direction) -> Value {
        let isReadOnly = field.compute != nil || field.isReadOnly
        var members: [(String, Value?)]
        if field.isRequired && field.compute == nil {
            members = valueMembers(direction)
        } else {
            members = [("anyOf", .list([JSONSchema.object(valueMembers(direction)), JSONSchema.typed("null")]))]
        }
        members += [
            ("title", .string(field.displayLabel(for: ["en"]))),
            ("description", description.isEmpty ? nil : .string(description.joined(separator: " "))),
            ("readOnly", direction == .record && isReadOnly ? .bool(true) : nil),
            ("default", direction == .input ? literalDefault : nil),
        ]
        return JSONSchema.object(members)
    }

    /// The schema of a non-empty value.
    private func valueMembers(_ direction: Direction) -> [(String, Value?)] {
        let lengths: [(String, Value?)] = [
            ("minLength", field.minimumLength.map { .int(Int64($0.value)) }), ("maxLength", field.maximumLength.map { .int(Int64($0.value)) }),
        ]
        switch field.type {
        case .text, .longtext, .phone, .link:
            return [("type", .string("string"))] + lengths
        case .email:
            return [("type", .string("string")), ("format", .string("email"))] + lengths
        case .url:
            return [("type", .string("string")), ("format", .string("uri"))] + lengths
        case .integer:
            return [("type", .string("integer")), ("minimum", field.minimum?.value), ("maximum", field.maximum?.value)]
        case .number:
            return [("type", .string("number")), ("minimum", field.minimum?.value), ("maximum", field.maximum?.value)]
        case .money:
            let text = JSONSchema.object([("type", .string("string")), ("pattern", .string(moneyPattern(direction)))])
            guard direction == .input else { return [("type", .string("string")), ("pattern", .string(moneyPattern(direction)))] }
            return [("anyOf", .list([text, JSONSchema.typed("number")]))]
        case .boolean:
            return [("type", .string("boolean"))]
        case .date:
            return [("type", .string("string")), ("format", .string("date"))]
        case .datetime:
            return [("type", .string("string")), ("format", .string("date-time"))]
        case .choice:
            return [("type", .string("string")), ("enum", JSONSchema.strings(field.options.map(\.value)))]
        case .multichoice:
            let item = JSONSchema.object([("type", .string("string")), ("enum", JSONSchema.strings(field.options.map(\.value)))])
            return [("type", .string("array")), ("items", item), ("minItems", direction == .record ? .int(1) : nil)]
        }
    }

    /// A record shows an amount with exactly the field's scale of decimals (`"1234.50"`); input may
    /// have a sign and fewer decimals, or more that are all zeros.
    private func moneyPattern(_ direction: Direction) -> String {
        let scale = field.scale
        switch direction {
        case .record: return scale == 0 ? "^-?[0-9]+$" : "^-?[0-9]+\\.[0-9]{\(scale)}$"
        case .input: return scale == 0 ? "^[-+]?[0-9]+(\\.0*)?$" : "^[-+]?([0-9]+(\\.[0-9]{0,\(scale)}0*)?|\\.[0-9]{1,\(scale)}0*)$"
        }
    }

    /// What the schema's keywords cannot say, in sentences.
    private var description: [String] {
        var sentences: [String] = []
        if let help = field.help?.resolve(for: ["en"]) { sentences.append(help) }
        switch field.type {
        case .money:
            sentences.append("An amount with \(field.scale) decimal places, as a decimal string; input may also send a JSON number.")
        case .phone:
            sentences.append("A phone number: 5 to 20 digits, with '+', spaces, '-', '.', '(' and ')', at most 32 characters.")
        case .link:
            sentences.append("The id of a record of table '\(field.linkedTable?.value ?? "")'.")
        default: break
        }
        if field.type == .money || field.type == .date || field.type == .datetime {
            if let minimum = field.minimum?.value { sentences.append("At least \(boundText(minimum)).") }
            if let maximum = field.maximum?.value { sentences.append("At most \(boundText(maximum)).") }
        }
        if let pattern = field.pattern?.value { sentences.append("The whole value matches the pattern `\(pattern)` (RE2 syntax).") }
        if field.isUnique { sentences.append("No two records share a value.") }
        if let compute = field.compute {
            sentences.append("Computed on every write as `\(compute.text)`; input may not set it.")
        } else if field.isReadOnly {
            sentences.append("Read-only: set by workflows, imports and seed data; input may not set it.")
        }
        if case .expression(let expression)? = field.defaultValue?.value {
            sentences.append("When not given: `= \(expression.text.trimmingCharacters(in: .whitespaces))`.")
        }
        return sentences
    }

    /// A literal default as a record shows it.
    private var literalDefault: Value? {
        guard case .literal(let value)? = field.defaultValue?.value else { return nil }
        return RecordPresenter(table: table).display(value, of: field)
    }

    private func boundText(_ bound: Value) -> String {
        switch bound {
        case .int(let minor) where field.type == .money: MoneyText.format(minor, scale: field.scale)
        case .string(let text): text
        case .timestamp(let timestamp): timestamp.rfc3339
        default: JSONWriter.write(bound)
        }
    }
}
