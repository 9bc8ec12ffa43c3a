import Foundation
import Testing

/// The customer-sentiment example end to end: `formwright serve` scores a logged conversation
/// with the built-in scorer, or with the example web service when SENTIMENT_URL names it, and a
/// high-risk conversation gets a follow-up task.
@Suite struct SentimentWorkflowTests {
    static let token = "sentiment-admin-token-0123456789abcdef"
    static let serviceToken = "sentiment-service-token-42"
    static let api = "api/v1/apps/customer-sentiment"
    static let unhappy = "The product is terrible and the support was awful. I am very disappointed and want a refund."

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    /// Logs the unhappy conversation through the form and returns its id.
    static func logConversation(_ server: ServerProcess) async throws -> String {
        let body = try String(
            decoding: JSONSerialization.data(withJSONObject: ["customer": "cust-hangzhou-tea", "channel": "phone", "transcript": unhappy]),
            as: UTF8.self)
        let created = try await server.request("POST", "\(api)/forms/log_conversation/submissions", token: token, body: body)
        #expect(created.status == 201, "\(created.body)")
        return try #require(try json(created.body)["id"] as? String)
    }

    /// The conversation once its workflow has saved a sentiment, waiting generously for it.
    static func scored(_ server: ServerProcess, id: String) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(180)
        while true {
            let read = try await server.request("GET", "\(api)/tables/conversations/records/\(id)", token: token)
            let record = try json(read.body)
            if record["sentiment"] is Double || ContinuousClock.now > deadline { return record }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// The follow-up tasks of a conversation.
    static func tasks(_ server: ServerProcess, conversation id: String) async throws -> [[String: Any]] {
        let filter = "conversation == '\(id)'".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let page = try await server.request("GET", "\(api)/tables/tasks/records?filter=\(filter)", token: token)
        #expect(page.status == 200, "\(page.body)")
        return try json(page.body)["records"] as? [[String: Any]] ?? []
    }

    @Test func theWebServiceScoresWhenSentimentURLIsSet() async throws {
        let service = try SentimentServiceProcess(token: Self.serviceToken)
        var stopped = false
        defer { if !stopped { service.stop() } }
        let server = try ServerProcess(
            arguments: ["apps/customer-sentiment", "--store", "memory:"], token: Self.token,
            environment: ["SENTIMENT_URL": service.baseURL, "SENTIMENT_TOKEN": Self.serviceToken])
        defer { _ = server.stop() }
        let id = try await Self.logConversation(server)
        let record = try await Self.scored(server, id: id)
        let sentiment = try #require(record["sentiment"] as? Double, "no sentiment was saved: \(record)")
        #expect(record["risk"] as? String == "high")
        let tasks = try await Self.tasks(server, conversation: id)
        #expect(tasks.count == 1)
        #expect(tasks.first?["title"] as? String == "Call back: the customer sounded unhappy")

        // The service scored it once, under the step's idempotency key, and its score is the one saved.
        let stats = try await service.request("GET", "/stats")
        #expect(stats.body["scored"] as? Int == 1)
        let keys = try #require(stats.body["idempotency_keys"] as? [String])
        #expect(keys.count == 1)
        #expect(keys.first?.hasSuffix(":service_score") == true)
        let answer = try await service.request(
            "POST", "/score", token: Self.serviceToken,
            body: try String(decoding: JSONSerialization.data(withJSONObject: ["text": Self.unhappy]), as: UTF8.self))
        #expect(answer.status == 200)
        #expect(answer.body["score"] as? Double == sentiment)
        stopped = true
        #expect(service.stop(), "the service stops on SIGTERM")
    }

    @Test func theBuiltInScorerScoresWithoutSentimentURL() async throws {
        let server = try ServerProcess(
            arguments: ["apps/customer-sentiment", "--store", "memory:"], token: Self.token,
            environment: ["SENTIMENT_URL": nil, "SENTIMENT_TOKEN": nil])
        defer { _ = server.stop() }
        let id = try await Self.logConversation(server)
        let record = try await Self.scored(server, id: id)
        let sentiment = try #require(record["sentiment"] as? Double, "no sentiment was saved: \(record)")
        #expect(sentiment < -0.3)
        #expect(record["risk"] as? String == "high")
        let tasks = try await Self.tasks(server, conversation: id)
        #expect(tasks.count == 1)
        #expect(tasks.first?["title"] as? String == "Call back: the customer sounded unhappy")
    }

    @Test func theRecordsAPIRefusesTheReadOnlySentiment() async throws {
        let server = try ServerProcess(arguments: ["apps/customer-sentiment", "--store", "memory:"], token: Self.token)
        defer { _ = server.stop() }
        let records = "\(Self.api)/tables/conversations/records"
        let before = try Self.json(try await server.request("GET", "\(records)?limit=100", token: Self.token).body)["records"] as? [Any]
        let refused = try await server.request(
            "POST", records, token: Self.token,
            body: #"{"customer": "cust-hangzhou-tea", "transcript": "Lovely, thanks a lot for the help", "sentiment": 0.9}"#)
        #expect(refused.status == 422)
        #expect(refused.body == #"{"errors":[{"field":"sentiment","message":"This field cannot be changed."}]}"#)
        let after = try Self.json(try await server.request("GET", "\(records)?limit=100", token: Self.token).body)["records"] as? [Any]
        #expect(after?.count == before?.count)
        #expect((after?.count ?? 0) > 0, "the seed conversations are there")
    }
}
