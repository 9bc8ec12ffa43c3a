import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

/// Fills the fields a migration adds to existing records from their `=` default or their
/// computation, inside the migration's own transaction.
///
/// Each record is read with its values as they are after the migration's other steps; the
/// expression sees them and `now` (the time of the migration) and no user. A record on which
/// the expression fails, or gives a value the field refuses, keeps the field empty — the
/// migration itself goes on. A filled record is written like any update: its version goes up.
struct FieldFiller: Sendable {
    let definition: AppDefinition
    let pipeline: SubmissionPipeline

    /// How many records are read at a time.
    static let pageSize = 500

    /// The work to run at the end of a migration's transaction.
    func finisher(now: Timestamp) -> MigrationFinisher {
        { plan, transaction in try fill(plan, transaction, now: now) }
    }

    private func fill(_ plan: MigrationPlan, _ transaction: any WriteTransaction, now: Timestamp) throws {
        var added: [String: Set<String>] = [:]
        for case .addField(let table, let column, nil) in plan.steps where column.fillExpression != nil {
            added[table, default: []].insert(column.name)
        }
        let context = EvaluationContext(now: now, user: .map(ValueMap()))
        for (tableName, fields) in added.sorted(by: { $0.key < $1.key }) {
            guard let table = definition.tables.first(where: { $0.name.value == tableName }) else { continue }
            var query = RecordQuery(table: tableName, limit: Self.pageSize)
            while true {
                let page = try transaction.records(query)
                for record in page.records {
                    let values = pipeline.filledValues(table: table, existing: record.fields, fields: fields, context: context)
                    guard !values.isEmpty else { continue }
                    _ = try transaction.update(
                        table: tableName, id: record.id, fields: values, expectedVersion: nil, revision: plan.revision, now: now)
                }
                guard let next = page.next else { break }
                query.after = next
            }
        }
    }
}
