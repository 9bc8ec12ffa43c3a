import FormwrightCore
import FormwrightDefinition
import Foundation
import Testing

/// An app that extends a template: the template checked on its own, the overlay's additions and
/// overrides merged in, parameters read as constants, and the revision following both files.
@Suite struct TemplateMergeTests {
    @Test func templateChecksOnItsOwnWithItsDefaults() throws {
        let folder = try TemplateFolder()
        try folder.write("base", TemplateFolder.template)
        let loaded = try folder.load("base")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        #expect(loaded.isTemplate)
        let definition = try #require(loaded.definition)
        #expect(definition.parameters.map(\.name.value) == ["team", "region", "members", "seats", "target", "active"])
        #expect(definition.parameters.map(\.kind) == [.text, .choice, .list, .integer, .number, .boolean])
        #expect(definition.arguments["region"] == .string("east"))
        #expect(definition.arguments["team"] == .string(""))
        #expect(definition.arguments["members"] == .list([.string("ana")]))
        #expect(definition.arguments["target"] == .double(1.5))
        let region = try #require(definition.expressions.tables["customers"]?.defaults["region"])
        #expect(region.evaluate() == .success(.string("east")))
    }

    @Test func overlayAddsAndOverrides() throws {
        let folder = try TemplateFolder()
        try folder.write("base", TemplateFolder.template)
        try folder.write(
            "pod",
            TemplateFolder.pod(
                "with: { team: north, region: west, members: [ana, ben], seats: 5, target: 2, active: false }",
                """
                title: North pod
                tables:
                  customers:
                    label: Our customers
                    fields:
                      name: { label: Company }
                      region: { options: [east, west, south] }
                      note: { type: longtext }
                      score: { type: number }
                      segment: { type: choice, options: [small, large] }
                  visits:
                    fields:
                      customer: { type: link, table: customers }
                      notes: { type: text }
                forms:
                  add_customer:
                    title: New customer
                    fields+: [segment]
                  log_visit:
                    table: visits
                    fields: [customer]
                workflows:
                  tag:
                    steps:
                      - id: only
                        update: { note: "= 'replaced'" }
                  ping:
                    on: { created: visits }
                    steps:
                      - id: touch
                        update: { notes: "= 'seen by ' + params.team" }
                forecasts:
                  revenue:
                    drivers:
                      ads: { weight: 0.3 }
                  deal_count:
                    target: { table: deals, measure: count, date: closes_on }
                    period: month
                    horizon: 2
                    baseline: moving_average
                """))
        let loaded = try folder.load("pod")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { "\($0.file):\($0.range.start) \($0.message)" })")
        let app = try #require(loaded.definition)
        #expect(app.name.value == "pod-north")
        #expect(!app.isTemplate)
        #expect(app.timezone == "UTC")
        #expect(app.title?.resolve() == "North pod")
        #expect(app.template == folder.file("base"))
        #expect(app.tables.map(\.name.value) == ["customers", "deals", "ads", "visits"])
        let customers = try #require(app.table(named: "customers"))
        #expect(customers.label?.resolve() == "Our customers")
        #expect(customers.fields.map(\.name.value) == ["name", "region", "size", "note", "score", "segment"])
        #expect(customers.fields[0].label?.resolve() == "Company")
        #expect(customers.fields[0].isRequired)
        #expect(customers.fields[1].options.map(\.value) == ["east", "west", "south"])
        #expect(customers.fields[3].type == .longtext)
        #expect(customers.fields[4].type == .number)
        #expect(customers.rules.count == 2)
        let form = try #require(app.form(named: "add_customer"))
        #expect(form.title?.resolve() == "New customer")
        #expect(form.fields.map(\.name.value) == ["name", "region", "segment"])
        #expect(app.form(named: "log_visit") != nil)
        #expect(app.workflow(named: "tag")?.steps.map(\.id.value) == ["only"])
        #expect(app.workflow(named: "ping") != nil)
        #expect(app.forecast(named: "revenue")?.drivers.first?.weight.value == 0.3)
        #expect(app.forecast(named: "deal_count") != nil)
        #expect(app.arguments["region"] == .string("west"))
        #expect(app.arguments["members"] == .list([.string("ana"), .string("ben")]))
        #expect(app.arguments["seats"] == .int(5))
        #expect(app.arguments["active"] == .bool(false))
        let region = try #require(app.expressions.tables["customers"]?.defaults["region"])
        #expect(region.evaluate() == .success(.string("west")))
    }

    @Test func theOverlaysListReplacesTheTemplates() throws {
        let folder = try TemplateFolder()
        try folder.write("base", TemplateFolder.template)
        try folder.write("pod", TemplateFolder.pod("with: { team: north }", "forms:\n  add_customer:\n    fields: [region]"))
        let app = try #require(try folder.load("pod").definition)
        #expect(app.form(named: "add_customer")?.fields.map(\.name.value) == ["region"])
        #expect(app.arguments["region"] == .string("east"))
        #expect(app.arguments["seats"] == .int(3))
    }

    @Test func aTemplateProblemTheOverlayCausesIsReportedInTheTemplatesFile() throws {
        let folder = try TemplateFolder()
        let template = try folder.write(
            "base",
            TemplateFolder.template.replacingOccurrences(
                of: "check: \"region != 'west' || size != null\"", with: "check: \"region != 1️⃣'west' || size != null\""))
        try folder.write(
            "pod", TemplateFolder.pod("with: { team: north }", "tables:\n  customers:\n    fields:\n      region: { options: [north, south] }"))
        let loaded = try folder.load("pod")
        let diagnostic = try #require(loaded.diagnostics.first { $0.id == "definition.unknownOption" })
        let marker = try #require(template.markers["1"])
        #expect(diagnostic.file == folder.file("base"))
        #expect(diagnostic.range.start.line == marker.line)
        #expect(diagnostic.range.start.column == marker.column)
        #expect(diagnostic.range.start.offset == marker.offset)
        #expect(loaded.sources.map(\.path) == [folder.file("pod"), folder.file("base")])
    }

    @Test func revisionChangesWhenEitherFileChanges() throws {
        let folder = try TemplateFolder()
        try folder.write("base", TemplateFolder.template)
        try folder.write("pod", TemplateFolder.pod())
        let first = try #require(try folder.load("pod").definition?.revision)
        try folder.write("base", TemplateFolder.template.replacingOccurrences(of: "title: Base", with: "title: Base two"))
        let second = try #require(try folder.load("pod").definition?.revision)
        try folder.write("pod", TemplateFolder.pod("with: { team: south }"))
        let third = try #require(try folder.load("pod").definition?.revision)
        #expect(first != second)
        #expect(second != third)
        #expect(third == (try folder.load("pod").definition?.revision))
    }

    @Test func aWorkspaceServesAppsAndKeepsTemplatesApart() throws {
        let folder = try TemplateFolder()
        try folder.write("base", TemplateFolder.template)
        try folder.write("pod", TemplateFolder.pod())
        try folder.write("pod-two", TemplateFolder.pod("with: { team: south }").replacingOccurrences(of: "app: pod-north", with: "app: pod-south"))
        let apps = try DefinitionLoader().load(path: folder.root)
        #expect(apps.map(\.isTemplate) == [true, false, false])
        #expect(apps.allSatisfy { !$0.hasErrors })
        #expect(apps.compactMap(\.definition?.name.value) == ["crm-base", "pod-north", "pod-south"])
    }

    /// The pod of docs/templates.md and the overlay of the README, each on `apps/pod-workbench`.
    @Test func theDocumentedPodsCheckCleanOnTheExampleTemplate() throws {
        let folder = try TemplateFolder()
        let template = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("apps/pod-workbench/app.yaml"), encoding: .utf8)
        try folder.write("pod-workbench", template)
        #expect(try folder.load("pod-workbench").diagnostics.isEmpty)
        let documented = try #require(try DocumentationExampleTests.examples(in: "templates.md").first)
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let overlay = try #require(readme.components(separatedBy: "```yaml\ntables:\n").dropFirst().first?.components(separatedBy: "```").first)
        let pods = [
            documented,
            "formwright: 1\napp: pod-east\nextends: ../pod-workbench\nwith: { name: East pod, members: [ana] }\ntables:\n" + overlay,
        ]
        for pod in pods {
            try folder.write("pod-east", pod)
            let loaded = try folder.load("pod-east")
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { "\($0.file):\($0.range.start) \($0.message)" })")
            let app = try #require(loaded.definition)
            #expect(app.form(named: "add_customer")?.fields.map(\.name.value) == ["name", "region", "owner", "segment"])
            #expect(app.table(named: "customers")?.fields.first?.label?.resolve() == "Company")
            #expect(app.arguments["region"] == .string("east"))
        }
    }
}
