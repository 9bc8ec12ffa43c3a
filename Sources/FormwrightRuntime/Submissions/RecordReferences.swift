import FormwrightCore
import FormwrightDefinition
import FormwrightStorage

/// The checks that need other records, run inside the write transaction: links point at records
/// that exist, and unique fields hold values no other record holds.
struct RecordReferences {
    let table: TableDefinition

    func problems(_ values: [String: Value], in transaction: any ReadTransaction, excludingID: String?) throws -> [FieldError] {
        var errors: [FieldError] = []
        for field in table.fields {
            let name = field.name.value
            guard let value = values[name], value != .null else { continue }
            if field.type == .link, let target = field.linkedTable?.value, case .string(let id) = value,
                try transaction.record(table: target, id: id) == nil
            {
                errors.append(FieldError(field: name, problem: .missingLink))
            } else if field.isUnique, try transaction.exists(table: table.name.value, field: name, value: value, excludingID: excludingID) {
                errors.append(FieldError(field: name, problem: .duplicate))
            }
        }
        return errors
    }
}
