import FormwrightCore

extension AppChecker {
    /// The names a table tile may sort by besides its fields.
    static let recordProperties = ["created_at", "updated_at", "id"]

    /// Checks a dashboard's tiles: tables and fields exist and have fitting types.
    mutating func checkDashboard(_ dashboard: DashboardDefinition) {
        for (index, tile) in dashboard.tiles.enumerated() {
            let owner = "tile \(index + 1) of dashboard '\(dashboard.name.value)'"
            guard let table = knownTable(tile.table, owner: owner) else { continue }
            for field in tile.measure?.fields ?? [] {
                checkField(field, of: table, kinds: Self.numericFields, role: "a dashboard measure")
            }
            switch tile.groupBy {
            case .field(let field)?: checkCategory(field, of: table, "grouped by")
            case .period(let field, _)?: checkField(field, of: table, kinds: Self.dateFields, role: "a period's field")
            case nil: break
            }
            if let split = tile.split { checkCategory(split, of: table, "split by") }
            if let window = tile.window, tile.groupBy?.field != window.date {
                checkField(window.date, of: table, kinds: Self.dateFields, role: "a window's 'date'")
            }
            for column in tile.columns {
                checkField(column, of: table, kinds: FieldType.allCases, role: "a column")
            }
            if let sort = tile.sort { checkSort(sort, of: table) }
        }
    }

    /// A table tile's `sort`: a field or record property, `-` in front for descending.
    private mutating func checkSort(_ sort: Located<String>, of table: TableDefinition) {
        let name = sort.value.hasPrefix("-") ? String(sort.value.dropFirst()) : sort.value
        guard !Self.recordProperties.contains(name) else { return }
        guard table.field(named: name) != nil else {
            let hint = NameSuggester.hint(for: name, among: table.fields.map(\.name.value) + Self.recordProperties)
            context.error(.unknownField, "'sort' names unknown field '\(name)' in table '\(table.name.value)'\(hint)", at: sort.range)
            return
        }
        checkCategory(Located(name, at: sort.range), of: table, "sorted by")
    }

    /// A field a chart groups or splits by, or a table sorts by: any that holds one value.
    private mutating func checkCategory(_ name: Located<String>, of table: TableDefinition, _ use: String) {
        guard let field = checkField(name, of: table, kinds: FieldType.allCases, role: "a field"), field.type == .multichoice else { return }
        context.error(
            .wrongFieldType, "field '\(name.value)' of table '\(table.name.value)' holds a list of choices and cannot be \(use)", at: name.range)
    }
}
