import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

extension DashboardReader {
    /// A table tile's records: those its filter and window select, in its order, at most its limit.
    func records(_ plan: TilePlan, _ transaction: any ReadTransaction) throws -> DashboardRecords {
        let table = plan.table
        let sort = try RecordSort(parameter: plan.tile.sort?.value ?? "-created_at", table: table)
        let query = RecordQuery(table: table.name.value, condition: plan.condition(plan.window?.condition), sort: sort, limit: plan.tile.limit)
        let page = try transaction.records(query)
        let fields = plan.tile.columns.isEmpty ? table.fields : plan.tile.columns.compactMap { table.field(named: $0.value) }
        let presenter = RecordPresenter(table: table)
        let rows = page.records.map { record in
            var object = ValueMap([(.string("id"), .string(record.id))])
            var texts: [String] = []
            for field in fields {
                let value = record.fields[field.name.value] ?? .null
                object[.string(field.name.value)] = presenter.display(value, of: field)
                texts.append(presenter.text(value, of: field))
            }
            return DashboardRecords.Row(id: record.id, object: .map(object), texts: texts)
        }
        return DashboardRecords(columns: fields.map(\.name.value), rows: rows)
    }
}
