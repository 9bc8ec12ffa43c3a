import Foundation
import Testing

/// `formwright new TEMPLATE DEST --set K=V` through the real binary: the app it writes, values of
/// each type, and refusals that write nothing.
@Suite struct NewCommandTests {
    static let template = """
        formwright: 1
        app: team-base
        template: true
        parameters:
          name: { type: text, check: "size(value) >= 2" }
          region: { type: choice, options: [east, west], default: east }
          members: { type: list }
          seats: { type: integer, default: 3, check: "value > 0" }
          target: { type: number, default: 1.5 }
          active: { type: boolean, default: true }
        tables:
          customers:
            fields:
              name: { type: text, required: true, label: Name }
              region: { type: choice, options: [east, west], default: "= params.region" }

        """

    /// A folder of its own holding the template under `templates/base`.
    final class Folder {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-new-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("templates/base"), withIntermediateDirectories: true)
            try NewCommandTests.template.write(to: root.appendingPathComponent("templates/base/app.yaml"), atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

        func text(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
    }

    @Test func createsAnAppThatExtendsTheTemplateAndChecksClean() async throws {
        let folder = try Folder()
        let output = try await CommandRunner.run(
            [
                "new", "templates/base", "pods/pod-east", "--set", "name=East \"pod\"", "--set", "region=west", "--set", "members=ana, ben,chen",
                "--set", "seats=5", "--set", "target=2.5", "--set", "active=false",
            ], in: folder.root)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput == "created app 'pod-east' in 'pods/pod-east/app.yaml', extending 'templates/base'\n")
        let written = try folder.text("pods/pod-east/app.yaml")
        #expect(
            written == """
            formwright: 1
            app: pod-east
            extends: ../../templates/base
            with:
              name: "East \\"pod\\""
              region: "west"
              members: ["ana","ben","chen"]
              seats: 5
              target: 2.5
              active: false

            # This app is the template named by 'extends' with your changes laid over it; see docs/templates.md.
            # The template's later changes reach it on the next reload, and these changes stay.
            # tables:
            #   customers:
            #     fields:
            #       segment: { type: choice, options: [small, large] }    # a field of this app's own
            #       name: { label: Our own label }                        # a label of the template's, overridden

            """
        )
        let check = try await CommandRunner.run(["check", "pods/pod-east"], in: folder.root)
        #expect(check.status == 0)
        #expect(check.standardOutput == "no problems found\n")
    }

    @Test func parametersNotSetTakeTheirDefaults() async throws {
        let folder = try Folder()
        let output = try await CommandRunner.run(["new", "templates/base", "pod-west", "--set", "name=West", "--set", "members="], in: folder.root)
        #expect(output.status == 0, "\(output.standardError)")
        let written = try folder.text("pod-west/app.yaml")
        #expect(
            written.contains(
                "extends: ../templates/base\nwith:\n  name: \"West\"\n  region: \"east\"\n  members: []\n  seats: 3\n  target: 1.5\n  active: true\n")
        )
    }

    @Test func aValueOfTheWrongTypeWritesNothing() async throws {
        let folder = try Folder()
        let output = try await CommandRunner.run(
            [
                "new", "templates/base", "pod-a", "--set", "name=A pod", "--set", "members=ana", "--set", "seats=many", "--set", "active=yes",
                "--set", "region=wset", "--set", "seats=0",
            ],
            in: folder.root)
        #expect(output.status == 1)
        #expect(
            output.standardError == """
                error: parameter 'seats' takes a whole number, not 'many'
                error: parameter 'active' takes true or false, not 'yes'
                error: 'wset' is not an option of parameter 'region' (the options are 'east', 'west'); did you mean 'west'?
                error: the value 0 of parameter 'seats' fails its check 'value > 0'

                """)
        #expect(output.standardOutput.isEmpty)
        #expect(!folder.exists("pod-a"))
    }

    @Test func aNumberAndAnUnknownParameterAreCheckedToo() async throws {
        let folder = try Folder()
        let output = try await CommandRunner.run(
            [
                "new", "templates/base", "pod-a", "--set", "name=A pod", "--set", "members=ana", "--set", "target=1,5", "--set", "regoin=west",
                "--set", "novalue",
            ],
            in: folder.root)
        #expect(output.status == 1)
        #expect(
            output.standardError == """
                error: parameter 'target' takes a number, not '1,5'
                error: the template has no parameter 'regoin'; did you mean 'region'?
                error: --set 'novalue' needs the form key=value

                """)
        #expect(!folder.exists("pod-a"))
    }

    @Test func aMissingRequiredParameterWritesNothing() async throws {
        let folder = try Folder()
        let output = try await CommandRunner.run(["new", "templates/base", "pod-a", "--set", "members=ana"], in: folder.root)
        #expect(output.status == 1)
        #expect(output.standardError == "error: the template's parameter 'name' (text) has no default; give it with --set name=…\n")
        #expect(!folder.exists("pod-a"))
    }

    @Test func anExistingNonEmptyDestinationIsRefused() async throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(at: folder.root.appendingPathComponent("pod-a"), withIntermediateDirectories: true)
        try "keep me\n".write(to: folder.root.appendingPathComponent("pod-a/notes.txt"), atomically: true, encoding: .utf8)
        let output = try await CommandRunner.run(["new", "templates/base", "pod-a", "--set", "name=A pod", "--set", "members=ana"], in: folder.root)
        #expect(output.status == 1)
        #expect(output.standardError == "error: 'pod-a' already exists and is not empty; choose a new folder\n")
        #expect(!folder.exists("pod-a/app.yaml"))
        #expect(try folder.text("pod-a/notes.txt") == "keep me\n")
    }

    @Test func aFolderNameThatIsNotAnAppNameIsRefused() async throws {
        let folder = try Folder()
        let output = try await CommandRunner.run(["new", "templates/base", "Pod_A", "--set", "name=A pod", "--set", "members=ana"], in: folder.root)
        #expect(output.status == 1)
        #expect(output.standardError.hasPrefix("error: the new app is named after its folder, and 'Pod_A' is not an app name"))
        #expect(!folder.exists("Pod_A"))
    }

    @Test func aTemplateThatDoesNotExistIsRefused() async throws {
        let folder = try Folder()
        let output = try await CommandRunner.run(["new", "templates/nowhere", "pod-a"], in: folder.root)
        #expect(output.status == 1)
        #expect(output.standardError == "error: 'templates/nowhere' does not exist\n")
        #expect(!folder.exists("pod-a"))
    }

    @Test func anAppThatIsNotATemplateIsRefused() async throws {
        let folder = try Folder()
        let app = CommandRunner.packageRoot.appendingPathComponent("apps/customer-sentiment").path
        let output = try await CommandRunner.run(["new", app, "pod-a"], in: folder.root)
        #expect(output.status == 1)
        #expect(output.standardError == "error: '\(app)' is not a template; its app.yaml needs 'template: true' and 'parameters:'\n")
        #expect(!folder.exists("pod-a"))
    }

    /// A running server over a workspace serves an app made by `formwright new` without a restart; the template is not served.
    @Test func aNewAppIsServedByARunningServer() async throws {
        let folder = try Folder()
        let token = "new-app-token-0123456789abcdef"
        let workspace = folder.root.appendingPathComponent("templates").path
        let first = try await CommandRunner.run(
            ["new", "templates/base", "templates/pod-one", "--set", "name=One", "--set", "members=ana"], in: folder.root)
        #expect(first.status == 0, "\(first.standardError)")
        let server = try ServerProcess(
            arguments: [workspace, "--store", "sqlite:\(folder.root.path)/data.sqlite", "--reload-interval", "100"], token: token,
            directory: folder.root)
        defer { _ = server.stop() }
        let listed = try await server.request("GET", "api/v1/apps", token: token)
        #expect(listed.body.contains("\"pod-one\""))
        #expect(!listed.body.contains("\"team-base\""))
        let started = ContinuousClock.now
        let made = try await CommandRunner.run(
            ["new", "templates/base", "templates/pod-two", "--set", "name=Two", "--set", "members=ben"], in: folder.root)
        #expect(made.status == 0, "\(made.standardError)")
        var status = 0
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            status = try await server.request("GET", "api/v1/apps/pod-two/tables/customers/records", token: token).status
            if status == 200 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(status == 200)
        print("formwright new to the new app answering over HTTP: \(ContinuousClock.now - started)")
        let created = try await server.request(
            "POST", "api/v1/apps/pod-two/tables/customers/records", token: token, body: #"{"name": "Acme"}"#)
        #expect(created.status == 201)
        #expect(created.body.contains(#""region":"east""#))
        let other = try await server.request("GET", "api/v1/apps/pod-one/tables/customers/records", token: token)
        #expect(other.body == #"{"records":[],"next":null}"#)
    }
}
