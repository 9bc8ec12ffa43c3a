import FormwrightCore

extension AppDecoder {
    static let fieldKeys = [
        "type", "label", "help", "placeholder", "required", "unique", "indexed", "readonly", "default", "min", "max",
        "min_length", "max_length", "pattern", "options", "table", "scale", "compute", "renamed_from",
    ]

    mutating func decodeField(_ entry: YAMLNode.Entry, table: String) -> FieldDefinition? {
        let subject = "field '\(entry.key)' of table '\(table)'"
        guard let node = MappingReader(
            entry.value, subject: subject, key: entry.key, allowed: Self.fieldKeys, required: ["type"], context: &context),
            let typeNode = node["type"], let typeName = context.text(typeNode, key: "type")
        else { return nil }
        guard let type = FieldType(rawValue: typeName.value) else {
            let hint = NameSuggester.hint(for: typeName.value, among: FieldType.allCases.map(\.rawValue))
            let all = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
            context.error(.invalidValue, "unknown field type '\(typeName.value)'\(hint) (one of: \(all))", at: typeName.range)
            return nil
        }
        var field = FieldDefinition(name: Located(entry.key, at: entry.keyRange), type: type)
        field.label = node["label"].flatMap { context.localized($0, key: "label") }
        field.help = node["help"].flatMap { context.localized($0, key: "help") }
        field.placeholder = node["placeholder"].flatMap { context.localized($0, key: "placeholder") }
        field.isRequired = node["required"].flatMap { context.bool($0, key: "required") } ?? false
        field.isUnique = node["unique"].flatMap { context.bool($0, key: "unique") } ?? false
        field.isIndexed = node["indexed"].flatMap { context.bool($0, key: "indexed") } ?? false
        field.isReadOnly = node["readonly"].flatMap { context.bool($0, key: "readonly") } ?? false
        field.minimumLength = node["min_length"].flatMap { context.integer($0, key: "min_length") }
        field.maximumLength = node["max_length"].flatMap { context.integer($0, key: "max_length") }
        if let patternNode = node["pattern"], let pattern = context.text(patternNode, key: "pattern") {
            do {
                _ = try LinearRegex(pattern.value)
                field.pattern = pattern
            } catch {
                let at = patternNode.location(ofTextOffset: error.offset)
                context.error(.invalidPattern, "'pattern' is not a valid regular expression: \(error.message)", at: SourceRange(at: at))
            }
        }
        if let scale = node["scale"].flatMap({ context.integer($0, key: "scale", in: 0...6) }) { field.scale = scale.value }
        field.linkedTable = node["table"].flatMap { context.text($0, key: "table") }
        field.renamedFrom = node["renamed_from"].flatMap { formerName($0, kind: "field") }
        if let options = node["options"] { field.options = decodeOptions(options) }
        field.compute = node["compute"].flatMap { context.expression($0, key: "compute") }
        let values = FieldValueDecoder(field: field)
        field.minimum = node["min"].flatMap { values.bound($0, key: "min", context: &context) }
        field.maximum = node["max"].flatMap { values.bound($0, key: "max", context: &context) }
        if let defaultNode = node["default"] {
            field.defaultValue = values.value(defaultNode, key: "default", context: &context)
        }
        checkApplicability(node, field: field, subject: subject)
        return field
    }

    /// Options as plain strings or `{ value, label }` mappings.
    mutating func decodeOptions(_ node: YAMLNode) -> [ChoiceOption] {
        guard let items = node.items, !items.isEmpty else {
            context.wrongType("a non-empty list of options", for: "options", found: node)
            return []
        }
        var options: [ChoiceOption] = []
        var seen: Set<String> = []
        for item in items {
            var option: ChoiceOption?
            if item.entries != nil {
                if let reader = MappingReader(item, subject: "an option", key: "options", allowed: ["value", "label"], required: ["value"], context: &context),
                    let value = reader["value"].flatMap({ context.text($0, key: "value") })
                {
                    option = ChoiceOption(value: value.value, label: reader["label"].flatMap { context.localized($0, key: "label") }, range: item.range)
                }
            } else if let value = context.text(item, key: "options") {
                option = ChoiceOption(value: value.value, label: nil, range: item.range)
            }
            guard let option else { continue }
            if !seen.insert(option.value).inserted {
                context.error(.duplicateName, "option '\(option.value)' is listed twice", at: option.range)
                continue
            }
            options.append(option)
        }
        return options
    }

    /// Reports options given to a type they do not apply to, and options a type needs but lacks.
    mutating func checkApplicability(_ node: MappingReader, field: FieldDefinition, subject: String) {
        let type = field.type
        let rules: [(key: String, applies: Bool, kinds: String)] = [
            ("options", type.hasOptions, "choice and multichoice fields"),
            ("table", type == .link, "link fields"),
            ("scale", type == .money, "money fields"),
            ("min", type.isOrdered, "number, integer, money, date and datetime fields"),
            ("max", type.isOrdered, "number, integer, money, date and datetime fields"),
            ("min_length", type.isTextual, "text fields"),
            ("max_length", type.isTextual, "text fields"),
            ("pattern", type.isTextual, "text fields"),
            // A list of options is stored as one text value: an index on it cannot serve a filter on one option.
            ("indexed", type != .multichoice, "fields that hold one value"),
        ]
        for rule in rules where !rule.applies {
            if let entry = node.entry(rule.key) {
                context.error(.notApplicable, "'\(rule.key)' applies only to \(rule.kinds), not to \(type.rawValue) field '\(field.name.value)'", at: entry.keyRange)
            }
        }
        if field.isIndexed, field.isUnique, let entry = node.entry("indexed") {
            context.warning(
                .redundantKey, "'indexed' is redundant on unique field '\(field.name.value)': a unique field is indexed already", at: entry.keyRange)
        }
        if type.hasOptions, node["options"] == nil {
            context.error(.missingKey, "\(subject) is a \(type.rawValue) field and needs 'options'", at: field.name.range)
        }
        if type == .link, node["table"] == nil {
            context.error(.missingKey, "\(subject) is a link field and needs 'table' (the table it points to)", at: field.name.range)
        }
        if field.compute != nil, let entry = node.entry("default") {
            context.error(.constraintConflict, "a computed field cannot also have a 'default'", at: entry.keyRange)
        }
    }
}
