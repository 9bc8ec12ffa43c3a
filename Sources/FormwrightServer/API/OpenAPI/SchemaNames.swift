import FormwrightDefinition

/// The names of an app's tables, forms, forecasts and dashboards in component and operation names: `log_conversation`
/// is `LogConversation`. Two names that would read the same are told apart by a number.
struct SchemaNames {
    private var tables: [String: String] = [:]
    private var forms: [String: String] = [:]
    private var forecasts: [String: String] = [:]
    private var dashboards: [String: String] = [:]

    init(app: AppDefinition) {
        tables = Self.assign(app.tables.map(\.name.value))
        forms = Self.assign(app.forms.map(\.name.value))
        forecasts = Self.assign(app.forecasts.map(\.name.value))
        dashboards = Self.assign(app.dashboards.map(\.name.value))
    }

    /// `<Table>Record`: a record as the API answers with it.
    func record(_ table: String) -> String { (tables[table] ?? table) + "Record" }

    /// `<Table>Input`: the fields input may set.
    func input(_ table: String) -> String { (tables[table] ?? table) + "Input" }

    /// `<Form>Submission`: a form's submission.
    func submission(_ form: String) -> String { (forms[form] ?? form) + "Submission" }

    /// The table's name in operation names.
    func table(_ table: String) -> String { tables[table] ?? table }

    /// The form's name in operation names.
    func form(_ form: String) -> String { forms[form] ?? form }

    /// The forecast's name in operation names.
    func forecast(_ forecast: String) -> String { forecasts[forecast] ?? forecast }

    /// The dashboard's name in operation names.
    func dashboard(_ dashboard: String) -> String { dashboards[dashboard] ?? dashboard }

    private static func assign(_ names: [String]) -> [String: String] {
        var assigned: [String: String] = [:]
        var taken: Set<String> = []
        for name in names {
            let base = name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            var candidate = base
            var number = 2
            while !taken.insert(candidate).inserted {
                candidate = base + String(number)
                number += 1
            }
            assigned[name] = candidate
        }
        return assigned
    }
}
