import FormwrightCore
import FormwrightDefinition
import Testing

/// One test per dashboard diagnostic: its id, its exact message and its line and column.
@Suite struct DashboardDiagnosticTests {
    static func expect(_ entries: String, _ id: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        DashboardFixture.expectOne(DashboardFixture.tile(entries), id: id, message: message, sourceLocation: sourceLocation)
    }

    @Test func unknownTable() {
        Self.expect(
            "kind: kpi, table: 1️⃣opportunity, measure: count", "definition.unknownTable",
            "tile 1 of dashboard 'd' names unknown table 'opportunity'; did you mean 'opportunities'?")
    }

    @Test func sumOfTextField() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: sum(1️⃣note)", "definition.wrongFieldType",
            "field 'note' of table 'opportunities' is longtext; a dashboard measure must be integer, number or money")
    }

    @Test func averageOfUnknownField() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: \"avg( 1️⃣amont )\"", "definition.unknownField",
            "unknown field 'amont' in table 'opportunities'; did you mean 'amount'?")
    }

    @Test func bareFieldIsSummed() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: 1️⃣stage", "definition.wrongFieldType",
            "field 'stage' of table 'opportunities' is choice; a dashboard measure must be integer, number or money")
    }

    @Test func ratioFieldsMustBeNumeric() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: { ratio: [accepted, 1️⃣region] }", "definition.wrongFieldType",
            "field 'region' of table 'opportunities' is choice; a dashboard measure must be integer, number or money")
    }

    @Test func ratioTakesTwoFields() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: { ratio: 1️⃣[accepted] }", "definition.wrongType",
            "expected a list of two fields, [numerator, denominator] for 'ratio' but found a list")
    }

    @Test func unknownMeasureFunction() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: 1️⃣median(amount)", "definition.invalidValue",
            "unknown measure 'median(amount)'; write count, sum(field), avg(field), a field (summed) or { ratio: [numerator, denominator] }")
    }

    @Test func unreadableMeasure() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: 1️⃣sum(amount", "definition.invalidValue",
            "cannot read measure 'sum(amount'; write count, sum(field), avg(field), a field (summed) or { ratio: [numerator, denominator] }")
    }

    @Test func unknownGroupField() {
        Self.expect(
            "kind: bar, table: opportunities, measure: count, by: 1️⃣regoin", "definition.unknownField",
            "unknown field 'regoin' in table 'opportunities'; did you mean 'region'?")
    }

    @Test func periodOfAFieldThatIsNotADate() {
        Self.expect(
            "kind: line, table: opportunities, measure: count, by: week(1️⃣region)", "definition.wrongFieldType",
            "field 'region' of table 'opportunities' is choice; a period's field must be date or datetime")
    }

    @Test func unknownPeriod() {
        Self.expect(
            "kind: line, table: opportunities, measure: count, by: 1️⃣weak(closed_at)", "definition.invalidValue",
            "unknown period 'weak' in 'by'; group by a field, day(field), week(field) or month(field); did you mean 'week'?")
    }

    @Test func groupByAListOfChoices() {
        Self.expect(
            "kind: bar, table: opportunities, measure: count, by: 1️⃣tags", "definition.wrongFieldType",
            "field 'tags' of table 'opportunities' holds a list of choices and cannot be grouped by")
    }

    @Test func unknownSplitField() {
        Self.expect(
            "kind: bar, table: opportunities, measure: count, by: stage, split: 1️⃣regions", "definition.unknownField",
            "unknown field 'regions' in table 'opportunities'; did you mean 'region'?")
    }

    @Test func keyOfAnotherKind() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, 1️⃣by: stage", "definition.notApplicable",
            "'by' applies only to 'bar', 'line' tiles, not to 'kpi'")
    }

    @Test func chartWithoutMeasure() {
        Self.expect(
            "kind: 1️⃣bar, table: opportunities, by: stage", "definition.missingKey", "a 'bar' tile needs 'measure'")
    }

    @Test func tileWithoutKind() {
        DashboardFixture.expectOne(
            "dashboards:\n  d:\n    tiles:\n      - 1️⃣{ table: opportunities, measure: count }", id: "definition.missingKey",
            message: "tile 1 of dashboard 'd' is missing the key 'kind'")
    }

    @Test func unknownKind() {
        Self.expect(
            "kind: 1️⃣pie, table: opportunities, measure: count", "definition.invalidValue",
            "'pie' is not a valid 'kind' (one of: kpi, bar, line, table)")
    }

    @Test func unknownTileKey() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, 1️⃣filters: \"stage == 'won'\"", "definition.unknownKey",
            "unknown key 'filters' in tile 1 of dashboard 'd'; did you mean 'filter'?")
    }

    @Test func unknownDashboardKey() {
        DashboardFixture.expectOne(
            "dashboards:\n  d:\n    1️⃣titel: Pipeline\n    tiles: [{ kind: kpi, table: opportunities, measure: count }]",
            id: "definition.unknownKey", message: "unknown key 'titel' in dashboard 'd'; did you mean 'title'?")
    }

    @Test func noTiles() {
        DashboardFixture.expectOne(
            "dashboards:\n  d:\n    tiles: 1️⃣[]", id: "definition.wrongType",
            message: "expected a non-empty list of tiles such as [{ kind: kpi, table: deals, measure: count }] for 'tiles' but found a list")
    }

    @Test func lastWithoutDate() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, period: week, 1️⃣last: 4", "definition.missingKey",
            "'last' needs 'date', the date or datetime field that puts a record in a period")
    }

    @Test func periodWithoutLast() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, 1️⃣period: week", "definition.missingKey",
            "'period' needs 'last', how many periods to count back from the current one")
    }

    @Test func currentNeedsLast() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, 1️⃣current: false", "definition.missingKey",
            "'current' needs 'last', how many periods to count back")
    }

    @Test func currentIsTrueOrFalse() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, date: closed_at, period: week, last: 4, current: 1️⃣no",
            "definition.wrongType", "expected true or false for 'current' but found 'no'; write true or false")
    }

    @Test func windowDateMustBeADate() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, date: 1️⃣stage, period: week, last: 4", "definition.wrongFieldType",
            "field 'stage' of table 'opportunities' is choice; a window's 'date' must be date or datetime")
    }

    @Test func chartByPeriodsTakesItsDateFromBy() {
        Self.expect(
            "kind: line, table: opportunities, measure: count, by: week(closed_at), 1️⃣date: expected_close, last: 4",
            "definition.constraintConflict", "'date' comes from 'by: week(closed_at)' in a chart by periods; remove 'date'")
    }

    @Test func compareNeedsLast() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, compare: 1️⃣previous", "definition.missingKey",
            "'compare: previous' needs 'last': the previous window is the 'last' periods before the current ones")
    }

    @Test func compareTakesPrevious() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, date: closed_at, period: week, last: 4, compare: 1️⃣next",
            "definition.invalidValue", "'next' is not a valid 'compare' (one of: previous)")
    }

    @Test func lastOutOfRange() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, date: closed_at, period: week, last: 1️⃣0", "definition.outOfRange",
            "'last' must be between 1 and 520, not 0")
    }

    @Test func unknownColumn() {
        Self.expect(
            "kind: table, table: opportunities, columns: [name, 1️⃣amont]", "definition.unknownField",
            "unknown field 'amont' in table 'opportunities'; did you mean 'amount'?")
    }

    @Test func unknownSortField() {
        Self.expect(
            "kind: table, table: opportunities, sort: 1️⃣-amont", "definition.unknownField",
            "'sort' names unknown field 'amont' in table 'opportunities'; did you mean 'amount'?")
    }

    @Test func limitOutOfRange() {
        Self.expect(
            "kind: table, table: opportunities, limit: 1️⃣500", "definition.outOfRange", "'limit' must be between 1 and 100, not 500")
    }

    @Test func filterMustBeACondition() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, filter: \"1️⃣size(name)\"", "expression.typeMismatch",
            "expected 'bool' but found 'int' for 'filter'")
    }

    @Test func filterNamesTheTablesFields() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, filter: \"1️⃣regoin == 'east'\"", "expression.undeclaredReference",
            "undeclared reference to 'regoin'; did you mean 'region'?")
    }

    static let unsupported =
        "the store computes a dashboard tile itself, so its 'filter' may only compare fields with values (==, !=, <, <=, >, >=, "
        + "in, startsWith, contains, joined by &&, || and !); this part needs more"

    @Test func filterTheStoreCannotEvaluate() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, filter: \"1️⃣size(name) > 3\"", "definition.unsupportedFilter", Self.unsupported)
    }

    @Test func filterComparingTwoFields() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, "
                + "filter: \"stage == 'won' && offered != null && accepted != null && (1️⃣offered > accepted || region == null)\"",
            "definition.unsupportedFilter", Self.unsupported)
    }

    @Test func filterOnAListOfChoices() {
        Self.expect(
            "kind: table, table: opportunities, filter: \"1️⃣'vip' in tags\"", "definition.unsupportedFilter", Self.unsupported)
    }

    @Test func filtersTheStoreEvaluatesCheckClean() {
        let filters = [
            "stage == 'won' && amount != null && amount >= 100.0", "!(region in ['east', 'west']) || region == null",
            "name.startsWith('A') && record.score != null && record.score < 0.5",
            "expected_close != null && expected_close >= timestamp('2026-01-01T00:00:00Z')", "closed_at != null && closed_at < now - duration('24h')",
            "true",
        ]
        for filter in filters {
            let (loaded, _) = DashboardFixture.load(DashboardFixture.tile("kind: kpi, table: opportunities, measure: count, filter: \"\(filter)\""))
            #expect(loaded.diagnostics.isEmpty, "\(filter): \(loaded.diagnostics.map(\.message))")
        }
    }

    @Test func chartWithoutCategories() {
        Self.expect("kind: 1️⃣line, table: opportunities, measure: count", "definition.missingKey", "a 'line' tile needs 'by'")
    }

    @Test func unreadableGrouping() {
        Self.expect(
            "kind: bar, table: opportunities, measure: count, by: 1️⃣week(", "definition.invalidValue",
            "cannot read 'by: week('; write a field, day(field), week(field) or month(field)")
    }

    @Test func lastWithoutPeriod() {
        Self.expect(
            "kind: kpi, table: opportunities, measure: count, date: closed_at, 1️⃣last: 4", "definition.missingKey",
            "'last' needs 'period': day, week or month")
    }

    @Test func splitByAListOfChoices() {
        Self.expect(
            "kind: bar, table: opportunities, measure: count, by: stage, split: 1️⃣tags", "definition.wrongFieldType",
            "field 'tags' of table 'opportunities' holds a list of choices and cannot be split by")
    }

    @Test func sortByAListOfChoices() {
        Self.expect(
            "kind: table, table: opportunities, sort: 1️⃣-tags", "definition.wrongFieldType",
            "field 'tags' of table 'opportunities' holds a list of choices and cannot be sorted by")
    }

    @Test func dashboardsMustBeAMapping() {
        DashboardFixture.expectOne(
            "dashboards: 1️⃣[pipeline]", id: "definition.wrongType",
            message: "expected a mapping of dashboard names to dashboards for 'dashboards' but found a list")
    }

    @Test func dashboardWithoutTiles() {
        DashboardFixture.expectOne(
            "dashboards:\n  d:\n    1️⃣title: Pipeline", id: "definition.missingKey", message: "dashboard 'd' is missing the key 'tiles'")
    }

    @Test func badDashboardName() {
        DashboardFixture.expectOne(
            "dashboards:\n  1️⃣Pipeline:\n    tiles: [{ kind: kpi, table: opportunities, measure: count }]", id: "definition.invalidName",
            message: "dashboard name 'Pipeline' must start with a lower-case letter; try 'pipeline'")
    }
}
