import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct HTMLTests {
    static let form = "/apps/customer-sentiment/forms/log_conversation"

    /// Signs in through a one-time login link and returns the session cookie.
    static func signIn(_ client: some TestClientProtocol, _ harness: ServerHarness) async throws -> String {
        let code = harness.server.access.makeLoginCode()
        return try await client.execute(uri: "/login?token=\(code)", method: .get) { response in
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            return String(cookie.prefix { $0 != ";" })
        }
    }

    static func csrf(in page: String) -> String {
        guard let range = page.range(of: "name=\"_csrf\" value=\"") else { return "" }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func formBody(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
    }

    @Test func pagesNeedASignIn() async throws {
        try await ServerHarness().test { client in
            for uri in ["/", "/apps/customer-sentiment", Self.form, "/apps/customer-sentiment/tables/customers"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                    #expect(response.text.contains("login link"), "\(uri)")
                }
            }
        }
    }

    @Test func aLoginLinkWorksOnce() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            let code = harness.server.access.makeLoginCode()
            try await client.execute(uri: "/login?token=\(code)", method: .get) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/login?token=\(code)", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/login?token=guess", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func fillsInAFormKeepsInputOnErrorsAndStoresTheRecord() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            let cookie = try await Self.signIn(client, harness)
            let customerID = try await harness.runtime.create(
                table: "customers", input: .init(values: ["name": .string("<b>Acme</b>")], format: .json)
            ).id
            let page = try await client.execute(uri: Self.form, method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                return response.text
            }
            #expect(page.contains("<select id=\"f-channel\" name=\"channel\">"))
            #expect(page.contains("<textarea id=\"f-transcript\" name=\"transcript\" rows=\"6\" required>"))
            #expect(page.contains("&lt;b&gt;Acme&lt;/b&gt;"))
            #expect(!page.contains("<b>Acme</b>"))
            #expect(page.contains("name=\"viewport\""))
            let csrf = Self.csrf(in: page)
            #expect(csrf.count >= 32)
            let bad = Self.formBody([("_csrf", csrf), ("customer", customerID), ("channel", "phone"), ("transcript", "<script>x</script>"), ("follow_up_on", "2026-13-01")])
            let again = try await client.execute(uri: Self.form, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: bad) { response in
                #expect(response.status == .unprocessableContent)
                return response.text
            }
            #expect(again.contains("&lt;script&gt;x&lt;/script&gt;</textarea>"))
            #expect(again.contains("<p class=\"error\" id=\"e-follow_up_on\">"))
            #expect(again.contains("value=\"2026-13-01\""))
            let good = Self.formBody([("_csrf", csrf), ("customer", customerID), ("channel", "phone"), ("transcript", "They want a demo next week."), ("follow_up_on", "")])
            try await client.execute(uri: Self.form, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: good) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("\(Self.form)/done?table=conversations&id=") == true)
            }
            let stored = try await harness.runtime.records(table: "conversations", limit: 10, after: nil).records
            #expect(stored.count == 1)
            #expect(stored.first?.fields["transcript"] == .string("They want a demo next week."))
        }
    }

    @Test func refusesAFormPostWithoutTheCSRFTokenWith403() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            let cookie = try await Self.signIn(client, harness)
            let body = Self.formBody([("_csrf", "forged"), ("channel", "phone"), ("transcript", "text")])
            try await client.execute(uri: Self.form, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: body) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: Self.form, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: Self.formBody([("transcript", "x")])) {
                #expect($0.status == .forbidden)
            }
            #expect(try await harness.runtime.records(table: "conversations", limit: 10, after: nil).records.isEmpty)
        }
    }

    @Test func anonymousPeopleFillInPublicFormsWithADoubleSubmitToken() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            let uri = "/apps/customer-sentiment/forms/feedback"
            let (page, cookie) = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "zh-CN"]) { response in
                #expect(response.status == .ok)
                return (response.text, String((response.headers[.setCookie] ?? "").prefix { $0 != ";" }))
            }
            #expect(page.contains("意见反馈"))
            let csrf = Self.csrf(in: page)
            try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: Self.formBody([("_csrf", csrf), ("message", "hi")])) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: uri, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: Self.formBody([("_csrf", csrf), ("message", "很好用")])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "\(uri)/done")
            }
            let stored = try await harness.runtime.records(table: "feedback", limit: 10, after: nil).records
            #expect(stored.map { $0.fields["message"] } == [.string("很好用")])
        }
    }

    @Test func listsRecordsAndShowsOne() async throws {
        let harness = try await ServerHarness()
        try await harness.test { client in
            let cookie = try await Self.signIn(client, harness)
            let record = try await harness.runtime.create(table: "customers", input: .init(values: ["name": .string("Acme & Co")], format: .json))
            try await client.execute(uri: "/apps/customer-sentiment/tables/customers", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Acme &amp; Co"))
                #expect(response.text.contains("/apps/customer-sentiment/tables/customers/records/\(record.id)"))
            }
            try await client.execute(uri: "/apps/customer-sentiment/tables/customers/records/\(record.id)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Acme &amp; Co"))
            }
            try await client.execute(uri: "/apps/customer-sentiment/tables/customers/records/nope", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }
}
