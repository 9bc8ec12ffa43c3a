import FormwrightStorage
import PostgresNIO

/// SQL text with numbered parameters, built piece by piece: every value is a bind parameter.
struct PostgresStatement {
    var sql: String
    var bindings = PostgresBindings()

    init(_ sql: String = "") {
        self.sql = sql
    }

    /// Binds `value` as a column of type `type` and returns its placeholder (`$n`).
    mutating func parameter(_ value: ColumnValue, as type: ColumnType) -> String {
        value.bind(as: type, into: &bindings)
        return "$\(bindings.count)"
    }

    /// Binds a text value and returns its placeholder.
    mutating func parameter(_ text: String) -> String {
        bindings.append(text)
        return "$\(bindings.count)"
    }

    /// Binds a 64-bit integer and returns its placeholder.
    mutating func parameter(_ number: Int64) -> String {
        bindings.append(number)
        return "$\(bindings.count)"
    }

    /// The statement as PostgresNIO runs it.
    var query: PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
