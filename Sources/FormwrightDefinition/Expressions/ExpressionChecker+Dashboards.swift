import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// Compiles the filters of a dashboard's tiles against their tables, and reports a part of one
    /// that the store could not evaluate: a tile is computed by the store, so its filter must be.
    mutating func checkDashboard(_ dashboard: DashboardDefinition) {
        var result = DashboardExpressions()
        for tile in dashboard.tiles {
            guard let filter = tile.filter, let table = app.table(named: tile.table.value) else {
                result.filters.append(nil)
                continue
            }
            let scope = expressions.tables[table.name.value]?.scope ?? TableScope(table: table)
            let program = compile(filter, scalarText: filter.text, in: scope, for: .condition(key: "filter"))
            if let checked = program?.checked, let part = StoreFilterShape(table: table, checked: checked).unsupportedPart() {
                let map = ScalarTextMap(file: file(for: filter.range), range: filter.range, style: filter.style, text: filter.text)
                let range = map.range(ofText: (part.span.lowerBound + filter.contentOffset)..<(part.span.upperBound + filter.contentOffset))
                context.error(
                    .unsupportedFilter,
                    "the store computes a dashboard tile itself, so its 'filter' may only compare fields with values (==, !=, <, <=, >, >=, "
                        + "in, startsWith, contains, joined by &&, || and !); this part needs more",
                    at: range)
                result.filters.append(nil)
                continue
            }
            result.filters.append(program)
        }
        expressions.dashboards[dashboard.name.value] = result
    }
}
