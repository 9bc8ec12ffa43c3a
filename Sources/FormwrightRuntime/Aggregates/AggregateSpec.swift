import FormwrightCore
public import FormwrightDefinition
public import FormwrightStorage

/// The groups and measures of an aggregate request as written, `week(closed_at)` and
/// `sum(amount)`, checked against a table and turned into a storage query.
///
/// A group is a field name, or `day(field)`, `week(field)` or `month(field)` of a date or
/// datetime field. A measure is `count`, or `sum(field)`, `avg(field)`, `min(field)` or
/// `max(field)`. Each is named in the answer exactly as written here, spaces removed.
public struct AggregateSpec: Sendable {
    /// The table the request reads.
    public let table: TableDefinition
    /// The grouping keys and the names the answer gives them, in order.
    public let groups: [(name: String, group: AggregateGroup)]
    /// The measures and the names the answer gives them, in order.
    public let measures: [(name: String, measure: AggregateMeasure)]

    /// The most groups and measures one request may name together.
    public static let maximumTerms = 32

    /// Parses and checks a request.
    ///
    /// - Parameters:
    ///   - groups: the grouping keys, such as `region` and `week(closed_at)`; empty for one group.
    ///   - measures: the measures, such as `count` and `sum(amount)`; empty for `count` alone.
    ///   - table: the table read.
    /// - Throws: `RuntimeError(.badRequest)` for a term that cannot be read, an unknown function
    ///   or field (with a suggestion), a period of a field that is not a date or datetime, a sum
    ///   or average of a field that is not a number, a multichoice field, or a name given twice.
    public init(groups: [String], measures: [String], table: TableDefinition) throws {
        self.table = table
        let measures = measures.isEmpty ? ["count"] : measures
        guard groups.count + measures.count <= Self.maximumTerms else {
            throw RuntimeError(.badRequest, "an aggregate takes at most \(Self.maximumTerms) groups and measures together")
        }
        var seen: Set<String> = []
        func unique(_ name: String) throws -> String {
            guard seen.insert(name).inserted else { throw RuntimeError(.badRequest, "'\(name)' is named twice; each group and measure once") }
            return name
        }
        self.groups = try groups.map { text -> (name: String, group: AggregateGroup) in
            let term = try Self.term(text, what: "group")
            guard let function = term.function else {
                return (try unique(term.name), .field(try Self.field(term.argument, table, .group).name.value))
            }
            guard let period = DatePeriod(rawValue: function) else {
                throw RuntimeError(.badRequest, "unknown group '\(term.name)'; group by a field, day(field), week(field) or month(field)")
            }
            let field = try Self.field(term.argument, table, .period(period))
            return (try unique(term.name), .period(field.name.value, period))
        }
        self.measures = try measures.map { text -> (name: String, measure: AggregateMeasure) in
            let term = try Self.term(text, what: "measure")
            switch (term.function, term.argument) {
            case (nil, "count"): return (try unique(term.name), .count)
            case ("sum"?, let name): return (try unique(term.name), .sum(try Self.field(name, table, .number("sum")).name.value))
            case ("avg"?, let name): return (try unique(term.name), .average(try Self.field(name, table, .number("avg")).name.value))
            case ("min"?, let name): return (try unique(term.name), .minimum(try Self.field(name, table, .sortable("min")).name.value))
            case ("max"?, let name): return (try unique(term.name), .maximum(try Self.field(name, table, .sortable("max")).name.value))
            default:
                throw RuntimeError(.badRequest, "unknown measure '\(term.name)'; measure count, sum(field), avg(field), min(field) or max(field)")
            }
        }
    }

    /// The terms of a comma-separated list (`region,week(closed_at)`); empty terms are dropped.
    public static func terms(_ list: String) -> [String] {
        list.split(separator: ",").map { String($0) }.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The storage query for this request.
    ///
    /// - Parameter timeZone: the IANA zone datetimes fall into days, weeks and months in.
    public func query(timeZone: String) -> AggregateQuery {
        AggregateQuery(table: table.name.value, groups: groups.map(\.group), measures: measures.map(\.measure), timeZone: timeZone)
    }

    /// One term: `name` or `function(name)`, spaces removed.
    private static func term(_ text: String, what: String) throws -> (name: String, function: String?, argument: String) {
        let name = String(text.filter { !$0.isWhitespace })
        guard let open = name.firstIndex(of: "(") else {
            guard !name.isEmpty, !name.contains(")") else { throw unreadable(text, what) }
            return (name, nil, name)
        }
        let function = String(name[..<open])
        let rest = name[name.index(after: open)...]
        guard !function.isEmpty, rest.last == ")" else { throw unreadable(text, what) }
        let argument = String(rest.dropLast())
        guard !argument.isEmpty, !argument.contains("("), !argument.contains(")") else { throw unreadable(text, what) }
        return (name, function, argument)
    }

    private static func unreadable(_ text: String, _ what: String) -> RuntimeError {
        let example = what == "group" ? "region or week(closed_at)" : "count or sum(amount)"
        return RuntimeError(.badRequest, "cannot read \(what) '\(text)'; write a field or function(field), such as \(example)")
    }

    private enum Use {
        case group
        case period(DatePeriod)
        case number(String)
        case sortable(String)
    }

    /// The field named `name`, if it can be used as asked.
    private static func field(_ name: String, _ table: TableDefinition, _ use: Use) throws -> FieldDefinition {
        guard let field = table.field(named: name) else {
            let hint = NameSuggester.hint(for: name, among: table.fields.map(\.name.value))
            throw RuntimeError(.badRequest, "unknown field '\(name)' in table '\(table.name.value)'\(hint)")
        }
        let problem: String?
        switch (use, field.type) {
        case (.period, .date), (.period, .datetime): problem = nil
        case (.period(let period), _): problem = "is not a date or datetime, so it has no \(period.rawValue)"
        case (.number, .integer), (.number, .number), (.number, .money): problem = nil
        case (.number(let function), _): problem = "is not an integer, number or money field, so it has no \(function)"
        case (.group, .multichoice): problem = "holds a list of choices and cannot be grouped by"
        case (.sortable(let function), .multichoice): problem = "holds a list of choices and has no \(function)"
        default: problem = nil
        }
        if let problem { throw RuntimeError(.badRequest, "field '\(name)' of table '\(table.name.value)' \(problem)") }
        return field
    }
}
