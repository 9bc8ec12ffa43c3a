public import FormwrightCore
public import FormwrightDefinition
public import FormwrightStorage

/// One app running on a store: the interpreter behind every route.
///
/// ```swift
/// let runtime = AppRuntime(definition: app, storage: MemoryStorage())
/// try await runtime.prepare()
/// let record = try await runtime.submit(form: "feedback", input: SubmissionInput(values: ["message": .string("Hi")], format: .json))
/// ```
public struct AppRuntime: Sendable {
    /// The checked app.
    public let definition: AppDefinition
    /// Where its records live.
    public let storage: any StorageBackend
    let pipeline: SubmissionPipeline
    let writer: RecordWriter
    let workBell: WorkBell?

    /// Creates a runtime; call `prepare()` before serving.
    /// - Parameters:
    ///   - definition: the checked app.
    ///   - storage: where its records live.
    ///   - workBell: rung after every record change, so an idle workflow service starts the runs it enqueued at once.
    public init(definition: AppDefinition, storage: any StorageBackend, workBell: WorkBell? = nil) {
        self.definition = definition
        self.storage = storage
        pipeline = SubmissionPipeline(app: definition)
        writer = RecordWriter(app: definition)
        self.workBell = workBell
    }

    /// The app's name.
    public var name: String { definition.name.value }

    /// Creates the app's tables and columns in the store where missing.
    ///
    /// On a ``MigratingBackend`` this applies the safe part of the migration plan (renames, new
    /// tables and fields, widened types, unique indexes) and records it under the definition's
    /// revision; drops wait for `formwright migrate --allow-destructive`. Fields added with an `=`
    /// default or a computation are filled in existing records in the same transaction.
    ///
    /// On a read-only store nothing is written: the stored tables must already be what the
    /// definition wants (drops aside), or this throws `RuntimeError(.readOnly)` naming the first
    /// step that would be needed.
    public func prepare() async throws {
        let schema = StoreSchemaMapper.tables(of: definition)
        if storage.isReadOnly, let migrating = storage as? any MigratingBackend {
            let plan = try await migrating.plan(app: name, schema: schema, revision: definition.revision).withoutDrops()
            if let first = plan.steps.first {
                let count = plan.steps.count
                throw RuntimeError(
                    .readOnly,
                    "store '\(storage)' is read-only, but app '\(name)' needs \(count) migration step\(count == 1 ? "" : "s") first (\(first)); "
                        + "run 'formwright migrate' on the store opened for writing")
            }
            return
        }
        if let migrating = storage as? any MigratingBackend {
            let now = Timestamp.now
            try await migrating.migrateSafely(
                app: name, schema: schema, revision: definition.revision, now: now,
                finishing: FieldFiller(definition: definition, pipeline: pipeline).finisher(now: now))
        } else {
            try await storage.prepare(app: name, schema: schema)
        }
    }

    /// Submits a form: creates a record in its table.
    /// - Parameters:
    ///   - formName: the form's name.
    ///   - input: what was sent.
    ///   - user: who submits, as `user` in expressions; anonymous when not given.
    /// - Throws: `SubmissionRejected` with every field and rule error, or `RuntimeError`.
    public func submit(form formName: String, input: SubmissionInput, user: Value = .map(ValueMap())) async throws -> StoredRecord {
        let form = try self.form(formName)
        let table = try self.table(form.table.value)
        let context = EvaluationContext(now: .now, user: user)
        return try await insert(
            table: table, values: pipeline.valuesForCreate(table: table, form: form, input: input, context: context).get(), context: context)
    }

    /// Creates a record in a table through the records API.
    public func create(table tableName: String, input: SubmissionInput, user: Value = .map(ValueMap())) async throws -> StoredRecord {
        let table = try self.table(tableName)
        let context = EvaluationContext(now: .now, user: user)
        return try await insert(
            table: table, values: pipeline.valuesForCreate(table: table, form: nil, input: input, context: context).get(), context: context)
    }

    /// Changes some fields of a record; `expectedVersion` guards against overwriting someone else's change.
    ///
    /// Like `submit`, `create` and `delete`, it enqueues the runs of the workflows the change
    /// starts in the same transaction as the change.
    ///
    /// Computed fields are recomputed and rules checked on the record as it will be, inside the
    /// write transaction, so they see the stored values the change is merged into.
    public func update(
        table tableName: String, id: String, input: SubmissionInput, expectedVersion: Int64?, user: Value = .map(ValueMap())
    ) async throws -> StoredRecord {
        let table = try self.table(tableName)
        let context = EvaluationContext(now: .now, user: user)
        let pipeline = self.pipeline
        let writer = self.writer
        let outcome = try await mapStorageErrors {
            try await storage.write(app: name) { transaction -> Result<StoredRecord, SubmissionRejected> in
                guard let existing = try transaction.record(table: table.name.value, id: id) else {
                    throw StorageError(.notFound, "no record '\(id)' in table '\(table.name.value)'")
                }
                return try writer.update(
                    table: table, existing: existing, input: input, expectedVersion: expectedVersion, pipeline: pipeline, in: transaction,
                    context: context)
            }
        }
        workBell?.ring()
        return try outcome.get()
    }

    /// Deletes a record; `expectedVersion`, when given, must match.
    public func delete(table tableName: String, id: String, expectedVersion: Int64?) async throws {
        let table = try self.table(tableName)
        let writer = self.writer
        let now = Timestamp.now
        try await mapStorageErrors {
            try await storage.write(app: name) { try writer.delete(table: table, id: id, expectedVersion: expectedVersion, in: $0, now: now) }
        }
        workBell?.ring()
    }

    /// One record, or nil.
    public func record(table tableName: String, id: String) async throws -> StoredRecord? {
        let table = try self.table(tableName)
        return try await mapStorageErrors { try await storage.read(app: name) { try $0.record(table: table.name.value, id: id) } }
    }

    /// A page of records, oldest first, continuing after a cursor.
    public func records(table tableName: String, limit: Int, after: String?) async throws -> RecordPage {
        try await records(table: tableName, filter: nil, limit: limit, after: after)
    }

    func form(_ name: String) throws -> FormDefinition {
        guard let form = definition.form(named: name) else { throw RuntimeError(.notFound, "no form '\(name)' in app '\(self.name)'") }
        return form
    }

    func table(_ name: String) throws -> TableDefinition {
        guard let table = definition.table(named: name) else { throw RuntimeError(.notFound, "no table '\(name)' in app '\(self.name)'") }
        return table
    }

    private func insert(table: TableDefinition, values: [String: Value], context: EvaluationContext) async throws -> StoredRecord {
        let writer = self.writer
        let outcome = try await mapStorageErrors {
            try await storage.write(app: name) { transaction -> Result<StoredRecord, SubmissionRejected> in
                try writer.insert(table: table, values: values, in: transaction, now: context.now)
            }
        }
        workBell?.ring()
        return try outcome.get()
    }

    func mapStorageErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StorageError {
            guard error.code != .uniqueViolation else { throw SubmissionRejected([FieldError(field: error.field ?? "", problem: .duplicate)]) }
            throw RuntimeError(error)
        }
    }
}
