import FormwrightCore

extension AppDecoder {
    static let tableKeys = ["label", "description", "fields", "rules", "renamed_from", "ledger"]
    static let ledgerKeys = ["accounts", "balance", "from", "to", "amount"]
    static let ruleKeys = ["check", "message"]

    mutating func decodeTables(_ node: YAMLNode) -> [TableDefinition] {
        guard let entries = context.mapping(node, key: "tables", expected: "a mapping of table names to tables") else { return [] }
        var tables: [TableDefinition] = []
        for entry in entries {
            guard checkName(entry, kind: "table"),
                let table = MappingReader(
                    entry.value, subject: "table '\(entry.key)'", key: entry.key, allowed: Self.tableKeys, required: ["fields"],
                    context: &context)
            else { continue }
            var fields: [FieldDefinition] = []
            if let fieldsNode = table["fields"],
                let fieldEntries = context.mapping(fieldsNode, key: "fields", expected: "a mapping of field names to fields")
            {
                if fieldEntries.isEmpty {
                    context.error(.missingKey, "table '\(entry.key)' needs at least one field", at: fieldsNode.range)
                }
                for fieldEntry in fieldEntries where checkName(fieldEntry, kind: "field") {
                    if let field = decodeField(fieldEntry, table: entry.key) { fields.append(field) }
                }
            }
            var definition = TableDefinition(
                name: Located(entry.key, at: entry.keyRange),
                label: table["label"].flatMap { context.localized($0, key: "label") },
                description: table["description"].flatMap { context.localized($0, key: "description") },
                fields: fields,
                rules: table["rules"].map { decodeRules($0, owner: "table '\(entry.key)'") } ?? [])
            definition.renamedFrom = table["renamed_from"].flatMap { formerName($0, kind: "table") }
            definition.ledger = table.entry("ledger").flatMap { decodeLedger($0, table: entry.key) }
            tables.append(definition)
        }
        checkRenames(tables)
        return tables
    }

    mutating func decodeLedger(_ entry: YAMLNode.Entry, table: String) -> LedgerDefinition? {
        guard
            let ledger = MappingReader(
                entry.value, subject: "the ledger of table '\(table)'", key: "ledger", allowed: Self.ledgerKeys, required: Self.ledgerKeys,
                context: &context)
        else { return nil }
        var names: [String: Located<String>] = [:]
        for key in Self.ledgerKeys {
            guard let node = ledger[key], let name = context.text(node, key: key) else { continue }
            names[key] = name
        }
        guard let accounts = names["accounts"], let balance = names["balance"], let from = names["from"], let to = names["to"],
            let amount = names["amount"]
        else { return nil }
        return LedgerDefinition(range: entry.keyRange, accounts: accounts, balance: balance, from: from, to: to, amount: amount)
    }

    mutating func decodeRules(_ node: YAMLNode, owner: String) -> [Rule] {
        guard let items = node.items else {
            context.wrongType("a list of rules, each with 'check' and 'message'", for: "rules", found: node)
            return []
        }
        var rules: [Rule] = []
        for item in items {
            guard let rule = MappingReader(
                item, subject: "a rule of \(owner)", key: "rules", allowed: Self.ruleKeys, required: ["check", "message"], context: &context),
                let check = rule["check"].flatMap({ context.expression($0, key: "check") }),
                let messageNode = rule["message"], let message = context.localized(messageNode, key: "message")
            else { continue }
            rules.append(Rule(check: check, message: message, messageSources: context.scalarSources(messageNode)))
        }
        return rules
    }
}
