import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

/// The move a new ledger entry makes, worked out and checked inside the entry's write transaction
/// before anything is written, then applied after the entry's insert in the same transaction.
struct LedgerPosting {
    /// One account's balance after the move.
    struct Change {
        let id: String
        let balance: Int64
    }

    let accounts: String
    let balance: String
    let changes: [Change]

    /// Checks the move an entry's values make against the accounts as stored in `transaction`.
    ///
    /// - Returns: the posting, or the field errors that refuse the entry: an amount that is not above 0,
    ///   the same account on both sides, or a paying account whose balance would go below 0.
    static func check(
        _ ledger: LedgerDefinition, values: [String: Value], app: AppDefinition, in transaction: any WriteTransaction
    ) throws -> Result<LedgerPosting, SubmissionRejected> {
        let scale = app.table(named: ledger.accounts.value)?.field(named: ledger.balance.value)?.scale ?? 2
        let isMoney = app.table(named: ledger.accounts.value)?.field(named: ledger.balance.value)?.type == .money
        guard case .int(let amount)? = values[ledger.amount.value], amount > 0 else {
            return .failure(SubmissionRejected([FieldError(field: ledger.amount.value, problem: .notPositive)]))
        }
        guard case .string(let from)? = values[ledger.from.value], case .string(let to)? = values[ledger.to.value] else {
            let missing = values[ledger.from.value] == nil ? ledger.from.value : ledger.to.value
            return .failure(SubmissionRejected([FieldError(field: missing, problem: .required)]))
        }
        guard from != to else { return .failure(SubmissionRejected([FieldError(field: ledger.to.value, problem: .sameAccount)])) }
        let table = ledger.accounts.value
        guard let payer = try transaction.record(table: table, id: from) else {
            return .failure(SubmissionRejected([FieldError(field: ledger.from.value, problem: .missingLink)]))
        }
        guard let payee = try transaction.record(table: table, id: to) else {
            return .failure(SubmissionRejected([FieldError(field: ledger.to.value, problem: .missingLink)]))
        }
        let available = Self.balance(of: payer, field: ledger.balance.value)
        guard available >= amount else {
            let text = isMoney ? MoneyText.format(available, scale: scale) : String(available)
            return .failure(SubmissionRejected([FieldError(field: ledger.amount.value, problem: .insufficientBalance(available: text))]))
        }
        let (received, overflow) = Self.balance(of: payee, field: ledger.balance.value).addingReportingOverflow(amount)
        guard !overflow else { return .failure(SubmissionRejected([FieldError(field: ledger.amount.value, problem: .outOfRange)])) }
        return .success(
            LedgerPosting(
                accounts: table, balance: ledger.balance.value,
                changes: [Change(id: from, balance: available - amount), Change(id: to, balance: received)]))
    }

    /// Writes the new balances.
    func apply(in transaction: any WriteTransaction, revision: String, now: Timestamp) throws {
        for change in changes {
            _ = try transaction.update(
                table: accounts, id: change.id, fields: [balance: .int(change.balance)], expectedVersion: nil, revision: revision, now: now)
        }
    }

    /// An account's stored balance; an empty balance is 0.
    static func balance(of record: StoredRecord, field: String) -> Int64 {
        if case .int(let value)? = record.fields[field] { return value }
        return 0
    }
}
