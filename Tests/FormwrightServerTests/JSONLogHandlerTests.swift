import FormwrightServer
import Foundation
import Logging
import Synchronization
import Testing

@Suite struct JSONLogHandlerTests {
    /// The lines a handler wrote.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    static func logger(_ lines: Lines, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "formwright.test") { label in
            JSONLogHandler(label: label, clock: { Date(timeIntervalSince1970: 1_796_000_000.0425) }) { lines.append($0) }
        }
        logger.logLevel = level
        return logger
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func writesTheFixedFieldsAndTheMetadataAsOneLine() throws {
        let lines = Lines()
        var logger = Self.logger(lines)
        logger[metadataKey: "app"] = "crm"
        logger.info("served", metadata: ["status": "200", "attempt": .stringConvertible(3), "tags": ["a", "b"], "where": ["host": "h1"]])
        let line = try #require(lines.all.first)
        #expect(lines.all.count == 1)
        #expect(
            line
                == #"{"time":"2026-11-30T00:53:20.042Z","level":"info","label":"formwright.test","message":"served","app":"crm","attempt":"3","status":"200","tags":["a","b"],"where":{"host":"h1"}}"#
                + "\n")
        let object = try Self.object(line)
        #expect(object["message"] as? String == "served")
        #expect(object["tags"] as? [String] == ["a", "b"])
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() throws {
        let lines = Lines()
        let logger = Self.logger(lines)
        let message = "say \"hi\"\\ then\nnext\tline\r\u{01}\u{7F} 中文 \u{2028}"
        logger.warning("\(message)", metadata: ["path": "/a\"b\n"])
        let line = try #require(lines.all.first)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().allSatisfy { $0 != "\n" && $0 != "\r" })
        #expect(line.contains(#""message":"say \"hi\"\\ then\nnext\tline\r\u0001\u007f 中文 \u2028""#))
        let object = try Self.object(line)
        #expect(object["message"] as? String == message)
        #expect(object["path"] as? String == "/a\"b\n")
        #expect(object["level"] as? String == "warning")
    }

    @Test func writesOnlyFromItsLevelUpWithEachLevelsName() throws {
        let lines = Lines()
        let logger = Self.logger(lines, level: .notice)
        logger.debug("hidden")
        logger.info("hidden too")
        logger.notice("one")
        logger.error("two")
        logger.critical("three")
        let levels = try lines.all.map { try Self.object($0)["level"] as? String }
        #expect(levels == ["notice", "error", "critical"])

        let all = Lines()
        let trace = Self.logger(all, level: .trace)
        trace.trace("t")
        trace.debug("d")
        #expect(try all.all.map { try Self.object($0)["level"] as? String } == ["trace", "debug"])
    }

    @Test func metadataCannotHideTheFixedFields() throws {
        let lines = Lines()
        let logger = Self.logger(lines)
        logger.info("real", metadata: ["level": "fake", "message": "fake", "time": "fake", "label": "fake"])
        let object = try Self.object(try #require(lines.all.first))
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "real")
        #expect(object["label"] as? String == "formwright.test")
        #expect(object["time"] as? String == "2026-11-30T00:53:20.042Z")
        #expect(object["metadata.level"] as? String == "fake")
        #expect(object["metadata.message"] as? String == "fake")
    }
}
