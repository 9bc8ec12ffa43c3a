import FormwrightCore
import FormwrightDefinition
import Foundation

/// A folder of its own holding a small template and apps that extend it, written as files,
/// with `MarkedFixture` markers in an app's text giving the places diagnostics are expected at.
final class TemplateFolder {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `folder/app.yaml` (markers removed) and returns the fixture for its markers.
    @discardableResult
    func write(_ folder: String, _ marked: String) throws -> MarkedFixture {
        let fixture = MarkedFixture(marked: marked)
        let path = (root as NSString).appendingPathComponent(folder)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try fixture.text.write(toFile: file(folder), atomically: true, encoding: .utf8)
        return fixture
    }

    func file(_ folder: String) -> String {
        ((root as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent("app.yaml")
    }

    func load(_ folder: String) throws -> LoadedApp {
        try DefinitionLoader().loadFile(file(folder))
    }

    /// The small template the tests build on: two tables, a form, a workflow and a forecast, with
    /// a parameter of every type.
    static let template = """
        formwright: 1
        app: crm-base
        template: true
        title: Base
        timezone: Europe/Berlin
        parameters:
          team: { type: text, label: Team name, check: "size(value) >= 2" }
          region: { type: choice, options: [east, west], default: east }
          members: { type: list, default: [ana] }
          seats: { type: integer, default: 3, check: "value > 0" }
          target: { type: number, default: 1.5 }
          active: { type: boolean, default: true }
        tables:
          customers:
            label: Customers
            fields:
              name: { type: text, required: true, label: Name }
              region: { type: choice, options: [east, west], default: "= params.region" }
              size: { type: integer }
              note: { type: text }
              score: { type: integer }
            rules:
              - check: "size == null || size <= params.seats * 100"
                message: "Too large for {{ params.team }}."
              - check: "region != 'west' || size != null"
                message: A customer in the west needs a size.
          deals:
            fields:
              customer: { type: link, table: customers, required: true }
              amount: { type: money }
              closes_on: { type: date }
          ads:
            fields:
              day: { type: date }
              spend: { type: number }
        forms:
          add_customer:
            table: customers
            title: Add a customer
            fields: [name, region]
        workflows:
          tag:
            on: { created: customers }
            steps:
              - id: first
                update: { note: "= 'new for ' + params.team" }
        forecasts:
          revenue:
            target: { table: deals, measure: amount, date: closes_on }
            period: week
            horizon: 4
            baseline: moving_average
            drivers:
              ads: { table: ads, value: spend, date: day, weight: 0.1 }

        """

    /// A pod app extending `../base` with the given `with:` and overlay.
    static func pod(_ with: String = "with: { team: north }", _ overlay: String = "") -> String {
        """
        formwright: 1
        app: pod-north
        extends: ../base
        \(with)
        \(overlay)
        """
    }
}
