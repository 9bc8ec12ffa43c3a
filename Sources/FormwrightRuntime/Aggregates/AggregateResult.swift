public import FormwrightCore
import FormwrightDefinition
import FormwrightStorage
import Foundation

/// The answer to an aggregate request, shown as the app shows its values.
///
/// Each group is one flat object: its keys and measures by the names the request gave them.
/// A field's value reads as in a record (money as decimal text at the field's scale, datetimes
/// as RFC 3339, booleans as true or false); a period as the `YYYY-MM-DD` date it starts; a count
/// as a whole number; a sum as the field's values read (money exact, as decimal text); an
/// average as a number, or for money as decimal text rounded to the field's scale.
public struct AggregateResult: Sendable {
    /// The IANA zone datetimes were put into days, weeks and months in.
    public let timeZone: String
    /// The groups in key order, each a map of names to values.
    public let groups: [Value]

    /// Shapes storage's rows for a request.
    init(_ rows: [AggregateRow], spec: AggregateSpec, timeZone: String) {
        self.timeZone = timeZone
        let presenter = RecordPresenter(table: spec.table)
        groups = rows.map { row in
            var map = ValueMap()
            for (index, group) in spec.groups.enumerated() {
                let stored = index < row.keys.count ? row.keys[index] : .null
                switch group.group {
                case .field(let name): map[.string(group.name)] = Self.fieldValue(stored, name, spec.table, presenter)
                case .period: map[.string(group.name)] = Self.plain(stored)
                }
            }
            for (index, measure) in spec.measures.enumerated() {
                let stored = index < row.values.count ? row.values[index] : .null
                switch measure.measure {
                case .count: map[.string(measure.name)] = Self.plain(stored)
                case .sum(let name), .minimum(let name), .maximum(let name):
                    map[.string(measure.name)] = Self.fieldValue(stored, name, spec.table, presenter)
                case .average(let name): map[.string(measure.name)] = Self.average(stored, spec.table.field(named: name))
                }
            }
            return .map(map)
        }
    }

    /// The answer as JSON: `{"time_zone": …, "groups": [{…}, …]}`.
    public var json: Value {
        .map(ValueMap([(.string("time_zone"), .string(timeZone)), (.string("groups"), .list(groups))]))
    }

    private static func fieldValue(_ stored: ColumnValue, _ name: String, _ table: TableDefinition, _ presenter: RecordPresenter) -> Value {
        guard let field = table.field(named: name) else { return plain(stored) }
        // A number field's sum may be a whole float: it is still a number field's value.
        guard let value = StoreSchemaMapper.columnType(of: field).decode(stored) else { return plain(stored) }
        return presenter.display(value, of: field)
    }

    private static func average(_ stored: ColumnValue, _ field: FieldDefinition?) -> Value {
        guard case .real(let minor) = stored else { return plain(stored) }
        guard let field, field.type == .money else { return .double(minor) }
        // Minor units shown at the field's scale, rounded: an average need not be exact.
        return .string(String(format: "%.\(field.scale)f", minor / pow(10, Double(field.scale))))
    }

    private static func plain(_ stored: ColumnValue) -> Value {
        switch stored {
        case .null: .null
        case .integer(let number): .int(number)
        case .real(let number): .double(number)
        case .text(let text): .string(text)
        }
    }
}
