import FormwrightCore

extension AppDecoder {
    /// Reads a `renamed_from:` value: a table or field name the item had before.
    mutating func formerName(_ node: YAMLNode, kind: String) -> Located<String>? {
        guard let name = context.text(node, key: "renamed_from") else { return nil }
        if let problem = NameRules.problem(with: name.value) {
            context.error(.invalidName, "former \(kind) name '\(name.value)' \(problem)", at: name.range)
            return nil
        }
        return name
    }

    /// Reports a `renamed_from:` naming a table or field that still exists: the rename could not
    /// tell which of the two keeps the stored data.
    mutating func checkRenames(_ tables: [TableDefinition]) {
        let tableNames = Set(tables.map(\.name.value))
        for table in tables {
            if let old = table.renamedFrom, old.value != table.name.value, tableNames.contains(old.value) {
                context.error(
                    .duplicateName, "table '\(table.name.value)' is renamed from '\(old.value)', which is also a current table; remove one of them",
                    at: old.range)
            }
            let fieldNames = Set(table.fields.map(\.name.value))
            for field in table.fields {
                guard let old = field.renamedFrom, old.value != field.name.value, fieldNames.contains(old.value) else { continue }
                let subject = "field '\(field.name.value)' of table '\(table.name.value)'"
                context.error(
                    .duplicateName, "\(subject) is renamed from '\(old.value)', which is also a current field; remove one of them", at: old.range)
            }
        }
    }
}
