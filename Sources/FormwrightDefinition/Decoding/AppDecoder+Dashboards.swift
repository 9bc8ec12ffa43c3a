import FormwrightCore

extension AppDecoder {
    static let dashboardKeys = ["title", "description", "tiles"]
    static let tileKeys = [
        "kind", "title", "table", "measure", "by", "split", "filter", "date", "period", "last", "current", "compare", "columns", "sort",
        "limit",
    ]
    /// The tile keys that apply to some kinds only, and those kinds.
    static let tileOptions: [(key: String, kinds: [DashboardTile.Kind])] = [
        ("measure", [.kpi, .bar, .line]), ("by", [.bar, .line]), ("split", [.bar, .line]), ("compare", [.kpi]),
        ("columns", [.table]), ("sort", [.table]), ("limit", [.table]),
    ]
    /// Whether a tile key applies to a tile of `kind`.
    static func tileOption(_ key: String, appliesTo kind: DashboardTile.Kind) -> Bool {
        tileOptions.first { $0.key == key }?.kinds.contains(kind) ?? true
    }

    /// How a measure is written, for messages.
    static let measureForms = "count, sum(field), avg(field), a field (summed) or { ratio: [numerator, denominator] }"

    /// Decodes `dashboards:`; references to tables and fields are checked by `AppChecker`.
    mutating func decodeDashboards(_ node: YAMLNode) -> [DashboardDefinition] {
        guard let entries = context.mapping(node, key: "dashboards", expected: "a mapping of dashboard names to dashboards") else { return [] }
        var dashboards: [DashboardDefinition] = []
        for entry in entries {
            guard checkName(entry, kind: "dashboard", reservedApplies: false),
                let reader = MappingReader(
                    entry.value, subject: "dashboard '\(entry.key)'", key: entry.key, allowed: Self.dashboardKeys, required: ["tiles"],
                    context: &context)
            else { continue }
            let title = reader["title"].flatMap { context.localized($0, key: "title") }
            let description = reader["description"].flatMap { context.localized($0, key: "description") }
            guard let tilesNode = reader["tiles"] else { continue }
            guard let items = tilesNode.items, !items.isEmpty else {
                context.wrongType(
                    "a non-empty list of tiles such as [{ kind: kpi, table: deals, measure: count }]", for: "tiles", found: tilesNode)
                continue
            }
            let tiles = items.enumerated().compactMap { index, item in decodeTile(item, number: index + 1, dashboard: entry.key) }
            guard tiles.count == items.count else { continue }
            dashboards.append(
                DashboardDefinition(name: Located(entry.key, at: entry.keyRange), title: title, description: description, tiles: tiles))
        }
        return dashboards
    }

    /// One tile: `{ kind, table, measure, by, split, filter, date, period, last, current, compare, columns, sort, limit, title }`.
    private mutating func decodeTile(_ node: YAMLNode, number: Int, dashboard: String) -> DashboardTile? {
        let subject = "tile \(number) of dashboard '\(dashboard)'"
        guard
            let reader = MappingReader(
                node, subject: subject, key: "tiles", allowed: Self.tileKeys, required: ["kind", "table"], context: &context),
            let kindWord = reader["kind"].flatMap({ context.word($0, key: "kind", among: DashboardTile.Kind.allCases.map(\.rawValue)) }),
            let kind = DashboardTile.Kind(rawValue: kindWord.value)
        else { return nil }
        var valid = true
        for option in Self.tileOptions where !option.kinds.contains(kind) {
            guard let entry = reader.entry(option.key) else { continue }
            let kinds = option.kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            context.error(.notApplicable, "'\(option.key)' applies only to \(kinds) tiles, not to '\(kind.rawValue)'", at: entry.keyRange)
            valid = false
        }
        let required: [String] =
            switch kind {
            case .kpi: ["measure"]
            case .bar, .line: ["measure", "by"]
            case .table: []
            }
        for key in required where reader.entry(key) == nil {
            context.error(.missingKey, "a '\(kind.rawValue)' tile needs '\(key)'", at: kindWord.range)
            valid = false
        }
        let table = reader["table"].flatMap { context.text($0, key: "table") }
        let measure = reader["measure"].flatMap { Self.tileOption("measure", appliesTo: kind) ? decodeDashboardMeasure($0) : nil }
        let groupBy = reader["by"].flatMap { Self.tileOption("by", appliesTo: kind) ? decodeGrouping($0) : nil }
        let split = reader["split"].flatMap { context.text($0, key: "split") }
        let filter = reader["filter"].flatMap { context.expression($0, key: "filter") }
        let window = decodeWindow(reader, groupBy: groupBy, valid: &valid)
        var compares = false
        if let node = reader["compare"], kind == .kpi {
            if context.word(node, key: "compare", among: ["previous"]) != nil {
                compares = true
                if window == nil, reader.entry("last") == nil {
                    context.error(
                        .missingKey, "'compare: previous' needs 'last': the previous window is the 'last' periods before the current ones",
                        at: node.range)
                    valid = false
                }
            } else {
                valid = false
            }
        }
        let columns = reader["columns"].map { fieldNames($0, key: "columns") } ?? []
        let sort = reader["sort"].flatMap { context.text($0, key: "sort") }
        let limit = reader["limit"].flatMap { context.integer($0, key: "limit", in: 1...DashboardTile.maximumLimit) }
        if reader.entry("limit") != nil, limit == nil { valid = false }
        let title = reader["title"].flatMap { context.localized($0, key: "title") }
        guard valid, let table else { return nil }
        if required.contains("measure"), measure == nil { return nil }
        if required.contains("by"), groupBy == nil { return nil }
        if reader.entry("filter") != nil, filter == nil { return nil }
        return DashboardTile(
            kind: Located(kind, at: kindWord.range), title: title, table: table, measure: measure, groupBy: groupBy, split: split,
            filter: filter, window: window, comparesWithPrevious: compares, columns: columns, sort: sort,
            limit: limit?.value ?? DashboardTile.defaultLimit, range: node.range)
    }

    /// `date`, `period`, `last` and `current`: the window of time the records must fall in.
    ///
    /// A chart by periods takes its date field and period from `by`; elsewhere `last` needs `date` and `period`.
    private mutating func decodeWindow(_ reader: MappingReader, groupBy: DashboardGrouping?, valid: inout Bool) -> DashboardWindow? {
        let last = reader["last"].flatMap { context.integer($0, key: "last", in: 1...DashboardWindow.maximumCount) }
        if reader.entry("last") != nil, last == nil { valid = false }
        var includesCurrent = true
        if let entry = reader.entry("current") {
            if let flag = context.bool(entry.value, key: "current") { includesCurrent = flag } else { valid = false }
            if reader.entry("last") == nil {
                context.error(.missingKey, "'current' needs 'last', how many periods to count back", at: entry.keyRange)
                valid = false
            }
        }
        if case .period(let field, let period)? = groupBy {
            for key in ["date", "period"] {
                guard let entry = reader.entry(key) else { continue }
                context.error(
                    .constraintConflict, "'\(key)' comes from 'by: \(period.rawValue)(\(field.value))' in a chart by periods; remove '\(key)'",
                    at: entry.keyRange)
                valid = false
            }
            return last.map { DashboardWindow(date: field, period: period, count: $0, includesCurrent: includesCurrent) }
        }
        let date = reader["date"].flatMap { context.text($0, key: "date") }
        var period: ForecastPeriod?
        if let node = reader["period"] {
            if let word = context.word(node, key: "period", among: ForecastPeriod.allCases.map(\.rawValue)) {
                period = ForecastPeriod(rawValue: word.value)
            } else {
                valid = false
            }
        }
        if reader.entry("date") != nil, date == nil { valid = false }
        guard let lastEntry = reader.entry("last") else {
            for key in ["date", "period"] {
                guard let entry = reader.entry(key) else { continue }
                context.error(.missingKey, "'\(key)' needs 'last', how many periods to count back from the current one", at: entry.keyRange)
                valid = false
            }
            return nil
        }
        if reader.entry("date") == nil {
            context.error(.missingKey, "'last' needs 'date', the date or datetime field that puts a record in a period", at: lastEntry.keyRange)
            valid = false
        }
        if reader.entry("period") == nil {
            context.error(.missingKey, "'last' needs 'period': day, week or month", at: lastEntry.keyRange)
            valid = false
        }
        guard let date, let period, let last else { return nil }
        return DashboardWindow(date: date, period: period, count: last, includesCurrent: includesCurrent)
    }

    /// `count`, `sum(field)`, `avg(field)`, a bare field (summed) or `{ ratio: [numerator, denominator] }`.
    private mutating func decodeDashboardMeasure(_ node: YAMLNode) -> DashboardMeasure? {
        guard node.scalar != nil else {
            guard
                let reader = MappingReader(
                    node, subject: "'measure'", key: "measure", allowed: ["ratio"], required: ["ratio"], context: &context),
                let ratio = reader["ratio"]
            else { return nil }
            guard let items = ratio.items, items.count == 2 else {
                context.wrongType("a list of two fields, [numerator, denominator]", for: "ratio", found: ratio)
                return nil
            }
            guard let numerator = context.text(items[0], key: "ratio"), let denominator = context.text(items[1], key: "ratio") else {
                return nil
            }
            return .ratio(numerator: numerator, denominator: denominator)
        }
        guard let text = context.text(node, key: "measure") else { return nil }
        guard let term = Self.term(text.value) else {
            context.error(.invalidValue, "cannot read measure '\(text.value)'; write \(Self.measureForms)", at: text.range)
            return nil
        }
        let field = Located(term.argument, at: Self.range(of: term, in: node))
        switch term.function {
        case nil: return term.argument == "count" ? .count : .sum(field)
        case "sum": return .sum(field)
        case "avg": return .average(field)
        default:
            context.error(.invalidValue, "unknown measure '\(text.value)'; write \(Self.measureForms)", at: text.range)
            return nil
        }
    }

    /// `field`, or `day(field)`, `week(field)` or `month(field)`.
    private mutating func decodeGrouping(_ node: YAMLNode) -> DashboardGrouping? {
        guard let text = context.text(node, key: "by") else { return nil }
        guard let term = Self.term(text.value) else {
            context.error(.invalidValue, "cannot read 'by: \(text.value)'; write a field, day(field), week(field) or month(field)", at: text.range)
            return nil
        }
        let field = Located(term.argument, at: Self.range(of: term, in: node))
        guard let function = term.function else { return .field(field) }
        guard let period = ForecastPeriod(rawValue: function) else {
            let hint = NameSuggester.hint(for: function, among: ForecastPeriod.allCases.map(\.rawValue))
            context.error(
                .invalidValue, "unknown period '\(function)' in 'by'; group by a field, day(field), week(field) or month(field)\(hint)",
                at: text.range)
            return nil
        }
        return .period(field, period)
    }

    /// One term, `name` or `function(name)`, with the offset of the name in the text; nil when it cannot be read.
    static func term(_ text: String) -> (function: String?, argument: String, offset: Int)? {
        let scalars = Array(text.unicodeScalars)
        func trimmed(_ range: Range<Int>) -> (text: String, offset: Int) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            return (String(String.UnicodeScalarView(scalars[lower..<upper])), lower)
        }
        guard let open = scalars.firstIndex(of: "(") else {
            let name = trimmed(0..<scalars.count)
            guard !name.text.isEmpty, !name.text.contains(")") else { return nil }
            return (nil, name.text, name.offset)
        }
        let whole = trimmed(0..<scalars.count)
        guard whole.text.hasSuffix(")"), let close = scalars.lastIndex(of: ")") else { return nil }
        let function = trimmed(0..<open)
        let argument = trimmed((open + 1)..<close)
        guard !function.text.isEmpty, !argument.text.isEmpty, !argument.text.contains("("), !argument.text.contains(")") else { return nil }
        return (function.text, argument.text, argument.offset)
    }

    /// Where a term's name stands in the file: inside the scalar when it is on one line, else the scalar.
    private static func range(of term: (function: String?, argument: String, offset: Int), in node: YAMLNode) -> SourceRange {
        let start = node.location(ofTextOffset: term.offset)
        guard start != node.range.start || term.offset == 0 else { return node.range }
        let end = node.location(ofTextOffset: term.offset + term.argument.unicodeScalars.count)
        return SourceRange(start: start, end: end)
    }
}
