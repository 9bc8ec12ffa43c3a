import FormwrightCore

extension AppChecker {
    /// Checks a table's `ledger:` key: the accounts table exists and is another table, its balance
    /// is a read-only money or integer field with `min: 0`, `from` and `to` are two different required links to
    /// the accounts table, and `amount` has the balance's type (and scale).
    mutating func checkLedger(_ ledger: LedgerDefinition, of table: TableDefinition) {
        let owner = "the ledger of table '\(table.name.value)'"
        // Links to an accounts table that does not exist would only repeat the first error.
        guard checkLedgerAccounts(ledger, owner: owner, table: table) else { return }
        let balance = app.table(named: ledger.accounts.value)?.field(named: ledger.balance.value)
        for link in [ledger.from, ledger.to] {
            guard let field = ledgerField(link, of: table, owner: owner) else { continue }
            if field.type != .link || field.linkedTable?.value != ledger.accounts.value {
                context.error(
                    .wrongFieldType, "field '\(link.value)' of \(owner) must be a link to table '\(ledger.accounts.value)'", at: link.range)
            } else if !field.isRequired {
                context.error(.constraintConflict, "field '\(link.value)' of \(owner) must be 'required: true'", at: link.range)
            }
        }
        if ledger.from.value == ledger.to.value {
            context.error(.constraintConflict, "'from' and 'to' of \(owner) must be two different fields", at: ledger.to.range)
        }
        guard let amount = ledgerField(ledger.amount, of: table, owner: owner) else { return }
        if !Self.ledgerTypes.contains(amount.type) {
            context.error(
                .wrongFieldType, "amount field '\(amount.name.value)' of \(owner) is \(amount.type.rawValue); it must be money or integer",
                at: ledger.amount.range)
        } else if let balance, Self.ledgerTypes.contains(balance.type), balance.type != amount.type || balance.scale != amount.scale {
            let type = { (field: FieldDefinition) in field.type == .money ? "money of scale \(field.scale)" : field.type.rawValue }
            context.error(
                .wrongFieldType,
                "amount field '\(amount.name.value)' of \(owner) is \(type(amount)), "
                    + "but balance field '\(balance.name.value)' is \(type(balance)); they must match",
                at: ledger.amount.range)
        }
        if amount.compute != nil {
            context.error(.constraintConflict, "amount field '\(amount.name.value)' of \(owner) cannot be computed", at: ledger.amount.range)
        }
    }

    static let ledgerTypes: [FieldType] = [.money, .integer]

    /// Checks the accounts table and its balance field; false when the accounts table is unusable.
    private mutating func checkLedgerAccounts(_ ledger: LedgerDefinition, owner: String, table: TableDefinition) -> Bool {
        let tableNames = app.tables.map(\.name.value)
        guard let accounts = app.table(named: ledger.accounts.value) else {
            let hint = NameSuggester.hint(for: ledger.accounts.value, among: tableNames.filter { $0 != table.name.value })
            context.error(.unknownTable, "\(owner) names unknown accounts table '\(ledger.accounts.value)'\(hint)", at: ledger.accounts.range)
            return false
        }
        if accounts.name.value == table.name.value {
            context.error(.constraintConflict, "\(owner) must keep its accounts in another table", at: ledger.accounts.range)
            return false
        }
        guard let balance = accounts.field(named: ledger.balance.value) else {
            let hint = NameSuggester.hint(for: ledger.balance.value, among: accounts.fields.map(\.name.value))
            context.error(
                .unknownField, "\(owner) names unknown balance field '\(ledger.balance.value)' of table '\(accounts.name.value)'\(hint)",
                at: ledger.balance.range)
            return true
        }
        let name = "balance field '\(balance.name.value)' of table '\(accounts.name.value)'"
        if !Self.ledgerTypes.contains(balance.type) {
            context.error(.wrongFieldType, "\(name) is \(balance.type.rawValue); a ledger balance must be money or integer", at: ledger.balance.range)
        } else if balance.compute != nil {
            context.error(.constraintConflict, "\(name) cannot be computed: the ledger moves it", at: ledger.balance.range)
        } else if !balance.isReadOnly {
            context.error(.constraintConflict, "\(name) must be 'readonly: true', so that only the ledger moves it", at: ledger.balance.range)
        } else if balance.minimum.map({ $0.value.isLess(than: .int(0)) != false }) ?? true {
            context.error(.constraintConflict, "\(name) needs 'min: 0', so that no account is given a balance below 0", at: ledger.balance.range)
        }
        return true
    }

    private mutating func ledgerField(_ name: Located<String>, of table: TableDefinition, owner: String) -> FieldDefinition? {
        if let field = table.field(named: name.value) { return field }
        let hint = NameSuggester.hint(for: name.value, among: table.fields.map(\.name.value))
        context.error(.unknownField, "\(owner) names unknown field '\(name.value)'\(hint)", at: name.range)
        return nil
    }

    /// Reports a workflow step that would change a ledger balance or a ledger entry: only new
    /// entries move balances.
    mutating func checkLedgerWrite(table: TableDefinition, values: [FieldAssignment], creates: Bool) {
        for assignment in values where !creates && table.isLedgerBalance(assignment.field.value, in: app) {
            context.error(
                .constraintConflict,
                "a workflow step cannot change field '\(assignment.field.value)' of table '\(table.name.value)': "
                    + "it is a ledger balance, moved only by new ledger entries",
                at: assignment.field.range)
        }
        if !creates, table.ledger != nil, let first = values.first {
            context.error(
                .constraintConflict,
                "a workflow step cannot change records of table '\(table.name.value)': they are ledger entries; create a new entry instead",
                at: first.field.range)
        }
    }
}
