import FormwrightCore
import FormwrightDefinition
import Foundation
import Testing

/// Each conflict between an app and its template, reported with its exact message at its place
/// in the app's file (or at `extends:`), and no definition.
@Suite struct TemplateConflictTests {
    /// Loads `pod` (an app with one marker) beside the test template and expects exactly one error there.
    func expectOne(
        _ marked: String, id: String, message: String, template: String = TemplateFolder.template, extra: [String: String] = [:],
        expectingAlso second: (marker: String, id: String, message: String)? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let folder = try TemplateFolder()
        try folder.write("base", template)
        for (name, text) in extra { try folder.write(name, text) }
        let fixture = try folder.write("pod", marked)
        var loaded = try folder.load("pod")
        if let second {
            let found = loaded.diagnostics.first { $0.id == second.id }
            #expect(found?.message == second.message, sourceLocation: sourceLocation)
            #expect(found?.range.start == fixture.markers[second.marker], sourceLocation: sourceLocation)
            loaded.diagnostics.removeAll { $0.id == second.id }
        }
        fixture.expectOne(
            loaded, id: id, message: message.replacingOccurrences(of: "ROOT", with: folder.root), severity: .error, sourceLocation: sourceLocation)
        #expect(loaded.diagnostics.first?.file == folder.file("pod"), sourceLocation: sourceLocation)
    }

    @Test func overridingAFieldThatDoesNotExist() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }", "tables:\n  customers:\n    fields:\n      1️⃣nmae: { label: Full name }"),
            id: "definition.unknownOverride",
            message: "field 'nmae' is not in the template, so there is nothing to override (a new field needs 'type'); did you mean 'name'?")
    }

    @Test func overridingATableThatDoesNotExist() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }", "tables:\n  1️⃣customer:\n    label: People"),
            id: "definition.unknownOverride",
            message:
                "table 'customer' is not in the template, so there is nothing to override (a new table needs 'fields'); did you mean 'customers'?")
    }

    @Test func overridingADriverThatDoesNotExist() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }", "forecasts:\n  revenue:\n    drivers:\n      1️⃣adz: { weight: 0.2 }"),
            id: "definition.unknownOverride",
            message: "driver 'adz' is not in the template, so there is nothing to override (a new driver needs 'table'); did you mean 'ads'?")
    }

    @Test func changingAFieldsTypeIncompatibly() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }", "tables:\n  deals:\n    fields:\n      amount: { type: 1️⃣text }"),
            id: "definition.incompatibleOverride",
            message: "field 'amount' of table 'deals' is 'money' in the template and cannot become 'text'; "
                + "an app may only widen a field's type (text to longtext, integer to number) or add a field of its own")
    }

    @Test func appendingToAListTheTemplateDoesNotHave() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }", "forms:\n  add_customer:\n    1️⃣fieldz+: [size]"),
            id: "definition.badAppend",
            message: "'fieldz+' appends to the template's list 'fieldz', but the template has no list there; did you mean 'fields'?")
    }

    @Test func aWithValueOfTheWrongType() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north, seats: 1️⃣many }"), id: "definition.wrongType",
            message: "expected a whole number for 'seats' but found 'many'")
    }

    @Test func aWithValueFailingItsCheck() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north, seats: 1️⃣0 }"), id: "definition.parameterCheck",
            message: "the value 0 of parameter 'seats' fails its check 'value > 0'")
    }

    @Test func aWithValueThatIsNotAnOption() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north, region: 1️⃣wset }"), id: "definition.unknownOption",
            message: "'wset' is not an option of parameter 'region' (the options are 'east', 'west'); did you mean 'west'?")
    }

    @Test func aMissingRequiredParameter() throws {
        try expectOne(
            TemplateFolder.pod("1️⃣with: { region: west }"), id: "definition.missingParameter",
            message: "the template's parameter 'team' (text) has no default; give it under 'with:'")
    }

    @Test func anUnknownParameter() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north, 1️⃣regoin: west }"), id: "definition.unknownParameter",
            message: "the template has no parameter 'regoin'; did you mean 'region'?")
    }

    @Test func extendsNamingAFolderThatDoesNotExist() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }").replacingOccurrences(of: "extends: ../base", with: "extends: 1️⃣../bsae"),
            id: "definition.templateNotFound", message: "no template at '../bsae': 'ROOT/bsae' holds no app.yaml; did you mean '../base'?")
    }

    @Test func extendsNamingAnAppThatIsNotATemplate() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }").replacingOccurrences(of: "extends: ../base", with: "extends: 1️⃣../plain"),
            id: "definition.notATemplate",
            message: "'../plain' is an app, not a template; add 'template: true' to its app.yaml to build apps on it",
            extra: ["plain": "formwright: 1\napp: plain\ntables:\n  t:\n    fields:\n      a: { type: text }\n"])
    }

    @Test func extendsNamingATemplateThatExtendsAnother() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }").replacingOccurrences(of: "extends: ../base", with: "extends: 1️⃣../middle"),
            id: "definition.extendsChain",
            message: "the template '../middle' extends another template itself; only one level of 'extends' is allowed",
            extra: ["middle": "formwright: 1\napp: middle\ntemplate: true\nextends: ../base\nwith: { team: mid }\n"])
    }

    @Test func extendsNamingATemplateWithErrors() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }").replacingOccurrences(of: "extends: ../base", with: "extends: 1️⃣../base"),
            id: "definition.templateErrors",
            message: "the template '../base' has 1 error; run 'formwright check ROOT/base' and fix it first",
            template: TemplateFolder.template.replacingOccurrences(of: "score: { type: integer }", with: "score: { type: integr }"))
    }

    @Test func aLoopOfExtendsEndsWithAnError() throws {
        let folder = try TemplateFolder()
        try folder.write("a", "formwright: 1\napp: a\ntemplate: true\nextends: ../b\n")
        try folder.write("b", "formwright: 1\napp: b\ntemplate: true\nextends: ../a\n")
        let loaded = try folder.load("a")
        #expect(loaded.diagnostics.map(\.id) == ["definition.extendsChain", "definition.extendsChain"])
        #expect(
            loaded.diagnostics.map(\.message) == [
                "an app that extends a template cannot be a template itself ('template'); only one level of 'extends' is allowed",
                "the template '../b' extends another template itself; only one level of 'extends' is allowed",
            ])
        #expect(loaded.definition == nil)
    }

    @Test func aTemplatesDefaultFailingItsCheckIsAnErrorInTheTemplate() throws {
        let folder = try TemplateFolder()
        let fixture = try folder.write(
            "base",
            TemplateFolder.template.replacingOccurrences(of: "seats: { type: integer, default: 3,", with: "seats: { type: integer, default: 1️⃣0,"))
        let loaded = try folder.load("base")
        fixture.expectOne(
            loaded, id: "definition.parameterCheck", message: "the value 0 of parameter 'seats' fails its check 'value > 0'", severity: .error,
            sourceLocation: #_sourceLocation)
    }

    @Test func anUnknownParameterType() throws {
        let folder = try TemplateFolder()
        let fixture = try folder.write(
            "base", TemplateFolder.template.replacingOccurrences(of: "target: { type: number,", with: "target: { type: 1️⃣nubmer,"))
        fixture.expectOne(
            try folder.load("base"), id: "definition.invalidValue",
            message: "unknown parameter type 'nubmer' (use one of text, integer, number, boolean, choice, list); did you mean 'number'?",
            severity: .error,
            sourceLocation: #_sourceLocation)
    }

    @Test func extendsNamingTheAppsOwnFolder() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }").replacingOccurrences(of: "extends: ../base", with: "extends: 1️⃣."),
            id: "definition.extendsChain",
            message: "the template '.' extends another template itself; only one level of 'extends' is allowed")
    }

    @Test func extendsThatIsNotText() throws {
        try expectOne(
            TemplateFolder.pod("with: { team: north }").replacingOccurrences(of: "extends: ../base", with: "extends: 1️⃣[../base]"),
            id: "definition.wrongType", message: "expected text for 'extends' but found a list")
    }

    @Test func withThatIsNotAMapping() throws {
        try expectOne(
            TemplateFolder.pod("1️⃣with: north").replacingOccurrences(of: "with: north", with: "with: 2️⃣north"),
            id: "definition.missingParameter",
            message: "the template's parameter 'team' (text) has no default; give it under 'with:'",
            expectingAlso: ("2", "definition.wrongType", "expected a mapping of parameter names to values for 'with' but found 'north'"))
    }
}
