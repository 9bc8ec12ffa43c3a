import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

/// Writes imported rows into one table, each through the same checks as a form submission.
///
/// Validation runs in two stages: the pure one (``validate(_:)``: each value read as its field's
/// type and checked against the field's rules, ids checked) before any transaction, and the one
/// that needs other records (``write(_:in:now:)``: links resolve, unique values are free, ids are
/// unused) inside it. Read-only fields may be set: an import writes data, not a person's edit.
struct RowImporter: Sendable {
    /// A row that passed the pure checks, with its values as they will be stored.
    struct ValidRow: Sendable {
        let line: Int
        let id: String?
        let values: [String: Value]
    }

    let table: TableDefinition
    let revision: String
    private let definition: AppDefinition
    private let pipeline: SubmissionPipeline

    init(definition: AppDefinition, table: TableDefinition) {
        self.table = table.allowingReadOnlyWrites
        self.definition = definition
        revision = definition.revision
        pipeline = SubmissionPipeline(app: definition)
    }

    /// The rows whose values pass every check that needs no other record, and the others' problems.
    func validate(_ rows: [ImportRow]) -> (valid: [ValidRow], rejections: [RowRejection]) {
        var valid: [ValidRow] = []
        var rejections: [RowRejection] = []
        var firstLineOfID: [String: Int] = [:]
        for row in rows {
            var problems: [RowRejection] = []
            if let id = row.id {
                if !RecordID.isValid(id) {
                    problems.append(
                        RowRejection(
                            line: row.line, field: "id", message: "'\(id)' is not a valid id: use 1 to 128 letters, digits, '-', '_', '.' or '~'."))
                } else if let first = firstLineOfID[id] {
                    problems.append(RowRejection(line: row.line, field: "id", message: "'\(id)' is already the id of line \(first)."))
                } else {
                    firstLineOfID[id] = row.line
                }
            }
            let input = SubmissionInput(values: row.values, format: .form)
            switch pipeline.valuesForCreate(table: table, form: nil, input: input) {
            case .success(let values):
                if problems.isEmpty { valid.append(ValidRow(line: row.line, id: row.id, values: values)) }
            case .failure(let rejected):
                problems += rejected.errors.map { RowRejection(line: row.line, field: $0.field, message: $0.problem.message(for: [])) }
            }
            rejections += problems
        }
        return (valid, rejections)
    }

    /// Inserts the rows that pass the checks needing other records; returns how many were written
    /// and the others' problems. A refused row writes nothing; the transaction stays usable.
    func write(_ rows: [ValidRow], in transaction: any WriteTransaction, now: Timestamp) throws -> (created: Int, rejections: [RowRejection]) {
        let name = table.name.value
        var created = 0
        var rejections: [RowRejection] = []
        for row in rows {
            if let id = row.id, try transaction.record(table: name, id: id) != nil {
                rejections.append(RowRejection(line: row.line, field: "id", message: "A record with id '\(id)' already exists."))
                continue
            }
            let problems = try RecordReferences(table: table).problems(row.values, in: transaction, excludingID: nil)
            guard problems.isEmpty else {
                rejections += problems.map { RowRejection(line: row.line, field: $0.field, message: $0.problem.message(for: [])) }
                continue
            }
            var posting: LedgerPosting?
            if let ledger = table.ledger {
                switch try LedgerPosting.check(ledger, values: row.values, app: definition, in: transaction) {
                case .success(let checked): posting = checked
                case .failure(let rejected):
                    rejections += rejected.errors.map { RowRejection(line: row.line, field: $0.field, message: $0.problem.message(for: [])) }
                    continue
                }
            }
            do {
                _ = try transaction.insert(table: name, id: row.id, fields: row.values, revision: revision, now: now)
                try posting?.apply(in: transaction, revision: revision, now: now)
                created += 1
            } catch let error as StorageError where [.uniqueViolation, .alreadyExists, .invalidValue].contains(error.code) {
                let message = error.code == .uniqueViolation ? FieldProblem.duplicate.message(for: []) : error.message
                rejections.append(RowRejection(line: row.line, field: error.field, message: message))
            }
        }
        return (created, rejections)
    }
}
