import FormwrightCore

extension MemoryApp {
    mutating func insert(
        table name: String, app: String, id givenID: String?, fields: [String: Value], revision: String, now: Timestamp
    ) throws -> StoredRecord {
        let table = try tableSchema(name, app: app)
        let time = try now.storedPrecision()
        try SchemaRules.validate(revision: revision)
        let values = try normalized(fields, table)
        let id = try newID(givenID, table)
        try checkUnique(values, table, excludingID: nil)
        var stored: [String: Value] = [:]
        for column in table.columns { stored[SchemaRules.foldedKey(column.name)] = values[column.name] ?? .null }
        let record = StoredRecord(id: id, version: 1, createdAt: time, updatedAt: time, revision: revision, fields: stored)
        tables[SchemaRules.foldedKey(table.name), default: [:]][id] = record
        return project(record, table)
    }

    mutating func update(
        table name: String, app: String, id: String, fields: [String: Value], expectedVersion: Int64?, revision: String,
        now: Timestamp
    ) throws -> StoredRecord {
        let table = try tableSchema(name, app: app)
        let time = try now.storedPrecision()
        try SchemaRules.validate(revision: revision)
        var record = try existing(table, id: id, expectedVersion: expectedVersion)
        let values = try normalized(fields, table)
        try checkUnique(values, table, excludingID: id)
        let (version, overflow) = record.version.addingReportingOverflow(1)
        guard !overflow else { throw StorageError(.backendFailure, "record '\(id)' in table '\(name)' has run out of versions") }
        for (field, value) in values { record.fields[SchemaRules.foldedKey(field)] = value }
        record.version = version
        record.updatedAt = time
        record.revision = revision
        tables[SchemaRules.foldedKey(table.name), default: [:]][id] = record
        return project(record, table)
    }

    mutating func delete(table name: String, app: String, id: String, expectedVersion: Int64?) throws {
        let table = try tableSchema(name, app: app)
        _ = try existing(table, id: id, expectedVersion: expectedVersion)
        tables[SchemaRules.foldedKey(table.name), default: [:]][id] = nil
    }

    private func existing(_ table: TableSchema, id: String, expectedVersion: Int64?) throws -> StoredRecord {
        guard let record = rows(table)[id] else { throw StorageError.notFound(id: id, table: table.name) }
        if let expectedVersion, expectedVersion != record.version {
            throw StorageError.versionConflict(id: id, table: table.name, expected: expectedVersion, found: record.version)
        }
        return record
    }

    private func normalized(_ fields: [String: Value], _ table: TableSchema) throws -> [String: Value] {
        var values: [String: Value] = [:]
        for (column, stored) in try table.encode(fields: fields) {
            guard let value = column.type.decode(stored) else {
                throw StorageError(.invalidValue, "field '\(column.name)' of table '\(table.name)' cannot be stored", table: table.name)
            }
            values[column.name] = value
        }
        return values
    }

    private func newID(_ givenID: String?, _ table: TableSchema) throws -> String {
        guard let givenID else { return RecordID.generate() }
        guard RecordID.isValid(givenID) else {
            throw StorageError.invalidID(givenID, table: table.name)
        }
        guard rows(table)[givenID] == nil else { throw StorageError.alreadyExists(id: givenID, table: table.name) }
        return givenID
    }

    private func checkUnique(_ values: [String: Value], _ table: TableSchema, excludingID: String?) throws {
        for column in table.columns where column.isUnique {
            guard let value = values[column.name] else { continue }
            if try exists(table, field: column.name, value: value, excludingID: excludingID) {
                throw StorageError.uniqueViolation(table: table.name, field: column.name)
            }
        }
    }
}
