public import FormwrightCore

extension Timestamp {
    /// This time kept to the microsecond, as storage keeps `createdAt`, `updatedAt` and timestamp fields.
    ///
    /// - Throws: ``StorageError/Code/invalidValue`` outside years 0001 to 9999.
    public func storedPrecision() throws -> Timestamp {
        guard let micros = ColumnType.microseconds(self) else {
            throw StorageError(.invalidValue, "the time of the write is outside years 0001 to 9999")
        }
        return ColumnType.timestamp(microseconds: micros)
    }
}
