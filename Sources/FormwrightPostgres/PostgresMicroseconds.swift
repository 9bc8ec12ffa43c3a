import PostgresNIO

/// A `timestamptz` value as microseconds since 1970, encoded exactly.
///
/// PostgresNIO's `Date` coding goes through a binary float, which loses microseconds far from
/// 2000; PostgreSQL's binary format is itself whole microseconds since 2000-01-01 UTC, so this
/// type converts with integer arithmetic only.
struct PostgresMicroseconds: PostgresNonThrowingEncodable, PostgresDecodable, Sendable {
    /// Microseconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01 (UTC).
    static let epochOffset: Int64 = 946_684_800_000_000

    /// Microseconds since 1970-01-01T00:00:00Z.
    let value: Int64

    init(_ value: Int64) {
        self.value = value
    }

    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        // Storage keeps years 0001 to 9999, so this never overflows; wrap rather than trap regardless.
        byteBuffer.writeInteger(value &- Self.epochOffset)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamptz || type == .timestamp, format == .binary else { throw PostgresDecodingError.Code.typeMismatch }
        guard buffer.readableBytes == 8, let stored = buffer.readInteger(as: Int64.self) else { throw PostgresDecodingError.Code.failure }
        // 'infinity' is stored as Int64.max: refuse it instead of overflowing.
        let (micros, overflow) = stored.addingReportingOverflow(Self.epochOffset)
        guard !overflow else { throw PostgresDecodingError.Code.failure }
        value = micros
    }
}
