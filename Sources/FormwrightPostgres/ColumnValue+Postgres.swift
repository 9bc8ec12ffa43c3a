import FormwrightStorage
import PostgresNIO

extension ColumnValue {
    /// Appends the value as a bind parameter of the SQL type `type` is stored in.
    func bind(as type: ColumnType, into bindings: inout PostgresBindings) {
        switch self {
        case .null: bindings.appendNull()
        case .text(let text): bindings.append(text)
        case .real(let number): bindings.append(number)
        case .integer(let number):
            switch type {
            case .boolean: bindings.append(number != 0)
            case .timestamp: bindings.append(PostgresMicroseconds(number))
            default: bindings.append(number)
            }
        }
    }

    /// Reads a cell of a column of type `type`; nil when the cell does not hold such a value.
    init?(_ cell: PostgresCell, as type: ColumnType) {
        do {
            switch type {
            case .text, .date, .textList, .link:
                self = try cell.decode(String?.self).map(ColumnValue.text) ?? .null
            case .integer, .money:
                self = try cell.decode(Int64?.self).map(ColumnValue.integer) ?? .null
            case .double:
                self = try cell.decode(Double?.self).map(ColumnValue.real) ?? .null
            case .boolean:
                self = try cell.decode(Bool?.self).map { ColumnValue.integer($0 ? 1 : 0) } ?? .null
            case .timestamp:
                self = try cell.decode(PostgresMicroseconds?.self).map { ColumnValue.integer($0.value) } ?? .null
            }
        } catch {
            return nil
        }
    }
}
