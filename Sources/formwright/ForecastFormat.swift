import ArgumentParser

/// How `formwright forecast` writes its report.
enum ForecastFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned plain text for a terminal.
    case table
    /// The report as the API returns it.
    case json
    /// One row per group and period, history and forecast.
    case csv
}
