public import FormwrightStorage

extension PostgresStorage {
    /// How to reach the database and how patient to be with it.
    public struct Configuration: Sendable {
        /// The server, role and database.
        public var address: PostgresAddress
        /// How long opening keeps retrying an unreachable server before giving up (default 30 s).
        ///
        /// The pauses between attempts start at 100 ms and double up to 5 s; an attempt under way
        /// when the time runs out may take up to ``probeTimeout`` more.
        public var openTimeout: Duration = .seconds(30)
        /// Told, in one line of plain words, about each failed attempt to reach the server at
        /// open that will be retried (what failed, when the next attempt comes); nil to say nothing.
        public var retryReport: (@Sendable (String) -> Void)?
        /// How long one connection attempt at open may take, login and `SELECT 1` included (default 5 s).
        public var probeTimeout: Duration = .seconds(5)
        /// How long a transaction waits for a free connection — or for a server that went away
        /// to come back — before failing with ``StorageError/Code/unavailable`` (default 30 s).
        public var connectionWait: Duration = .seconds(30)
        /// The most connections the pool opens, and the most transactions that run at once (default 10).
        public var maximumConnections: Int = 10
        /// How many times a write transaction runs before a serialization conflict is reported
        /// as ``StorageError/Code/unavailable`` (default 100).
        public var writeAttempts: Int = 100

        /// A configuration with the default limits.
        ///
        /// - Parameter address: the server, role and database.
        public init(address: PostgresAddress) {
            self.address = address
        }
    }
}
