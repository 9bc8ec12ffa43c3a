import FormwrightCore
import FormwrightDefinition
import Testing

/// A table's `ledger:` key: decoded with the places of its names, and checked against the tables it names.
@Suite struct LedgerDecodingTests {
    static let goodLedger = "{ accounts: pods, balance: credits, from: buyer, to: seller, amount: price }"
    static let goodCredits = "{ type: money, readonly: true, min: 0, default: 0 }"

    static func yaml(ledger: String = goodLedger, credits: String = goodCredits, tail: String = "") -> String {
        """
        formwright: 1
        app: market
        tables:
          pods:
            fields:
              name: { type: text, required: true }
              credits: \(credits)
          trades:
            fields:
              seller: { type: link, table: pods, required: true }
              buyer: { type: link, table: pods, required: true }
              note: { type: text }
              price: { type: money, required: true, min: 0.01 }
            ledger: \(ledger)

        """ + tail
    }

    /// The 1-based line and column of the `occurrence`-th `text` in `yaml`.
    static func place(of text: String, in yaml: String, occurrence: Int = 1) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let found = rest.range(of: text) {
                seen += 1
                if seen == occurrence { return (index + 1, line.distance(from: line.startIndex, to: found.lowerBound) + 1) }
                rest = rest[found.upperBound...]
            }
        }
        return nil
    }

    /// Loads `yaml` and expects exactly one diagnostic: an error with this id and message at the
    /// `occurrence`-th `marker`; nothing is defined.
    func expectOneError(_ yaml: String, id: String, message: String, at marker: String, occurrence: Int = 1) throws {
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        let place = try #require(Self.place(of: marker, in: yaml, occurrence: occurrence))
        #expect(loaded.diagnostics.count == 1, "\(loaded.diagnostics.map(\.message))")
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.id == id)
        #expect(diagnostic.message == message)
        #expect(diagnostic.range.start.line == place.line)
        #expect(diagnostic.range.start.column == place.column)
        #expect(loaded.definition == nil)
    }

    @Test func aLedgerIsDecodedWithThePlacesOfItsNames() throws {
        let loaded = DefinitionLoader().load(bytes: Array(Self.yaml().utf8), path: "app.yaml")
        let definition = try #require(loaded.definition, "\(loaded.diagnostics.map(\.message))")
        #expect(loaded.diagnostics.isEmpty)
        let ledger = try #require(definition.table(named: "trades")?.ledger)
        #expect(ledger.accounts.value == "pods")
        #expect(ledger.balance.value == "credits")
        #expect(ledger.from.value == "buyer")
        #expect(ledger.to.value == "seller")
        #expect(ledger.amount.value == "price")
        #expect(ledger.range.start.line == 14)
        #expect(ledger.range.start.column == 5)
        #expect(ledger.amount.range.start.line == 14)
        #expect(ledger.amount.range.start.column == 82)
        #expect(definition.table(named: "pods")?.ledger == nil)
        #expect(definition.table(named: "pods")?.isLedgerBalance("credits", in: definition) == true)
        #expect(definition.table(named: "pods")?.isLedgerBalance("name", in: definition) == false)
    }

    @Test func anUnknownAccountsTableIsReportedWithASuggestion() throws {
        let yaml = Self.yaml(ledger: "{ accounts: podz, balance: credits, from: buyer, to: seller, amount: price }")
        try expectOneError(
            yaml, id: "definition.unknownTable", message: "the ledger of table 'trades' names unknown accounts table 'podz'; did you mean 'pods'?",
            at: "podz")
    }

    @Test func anUnknownBalanceFieldIsReportedWithASuggestion() throws {
        let yaml = Self.yaml(ledger: "{ accounts: pods, balance: credit, from: buyer, to: seller, amount: price }")
        try expectOneError(
            yaml, id: "definition.unknownField",
            message: "the ledger of table 'trades' names unknown balance field 'credit' of table 'pods'; did you mean 'credits'?",
            at: "credit,")
    }

    @Test func aBalancePeopleCouldSetIsRefused() throws {
        let yaml = Self.yaml(credits: "{ type: money, min: 0, default: 0 }")
        try expectOneError(
            yaml, id: "definition.constraintConflict",
            message: "balance field 'credits' of table 'pods' must be 'readonly: true', so that only the ledger moves it", at: "credits,")
    }

    @Test func aBalanceThatCouldBeIssuedBelowZeroIsRefused() throws {
        let yaml = Self.yaml(credits: "{ type: money, readonly: true, min: -5, default: 0 }")
        try expectOneError(
            yaml, id: "definition.constraintConflict",
            message: "balance field 'credits' of table 'pods' needs 'min: 0', so that no account is given a balance below 0", at: "credits,")
    }

    @Test func aBalanceOfFloatingPointNumbersIsRefused() throws {
        let yaml = Self.yaml(credits: "{ type: number, readonly: true }")
        try expectOneError(
            yaml, id: "definition.wrongFieldType",
            message: "balance field 'credits' of table 'pods' is number; a ledger balance must be money or integer",
            at: "credits,")
    }

    @Test func fromMustLinkToTheAccounts() throws {
        let yaml = Self.yaml(ledger: "{ accounts: pods, balance: credits, from: note, to: seller, amount: price }")
        try expectOneError(
            yaml, id: "definition.wrongFieldType", message: "field 'note' of the ledger of table 'trades' must be a link to table 'pods'",
            at: "note,")
    }

    @Test func fromAndToMustDiffer() throws {
        let yaml = Self.yaml(ledger: "{ accounts: pods, balance: credits, from: buyer, to: buyer, amount: price }")
        try expectOneError(
            yaml, id: "definition.constraintConflict", message: "'from' and 'to' of the ledger of table 'trades' must be two different fields",
            at: "buyer,", occurrence: 2)
    }

    @Test func theAmountMustHaveTheBalancesType() throws {
        let yaml = Self.yaml(ledger: "{ accounts: pods, balance: credits, from: buyer, to: seller, amount: note }")
        try expectOneError(
            yaml, id: "definition.wrongFieldType",
            message: "amount field 'note' of the ledger of table 'trades' is text; it must be money or integer",
            at: "note }")
    }

    @Test func aMissingKeyIsReported() throws {
        let yaml = Self.yaml(ledger: "{ accounts: pods, balance: credits, from: buyer, to: seller }")
        try expectOneError(yaml, id: "definition.missingKey", message: "the ledger of table 'trades' is missing the key 'amount'", at: "{ accounts")
    }

    @Test func aMisspeltKeyIsReportedWithASuggestion() throws {
        let yaml = Self.yaml(ledger: "{ accounts: pods, balance: credits, from: buyer, to: seller, amount: price, amout: price }")
        try expectOneError(
            yaml, id: "definition.unknownKey", message: "unknown key 'amout' in the ledger of table 'trades'; did you mean 'amount'?", at: "amout")
    }

    @Test func aWorkflowStepCannotChangeABalance() throws {
        let yaml = Self.yaml(
            tail: """
                workflows:
                  bonus:
                    on: { created: pods }
                    steps:
                      - id: gift
                        update: { credits: 100 }

                """)
        try expectOneError(
            yaml, id: "definition.constraintConflict",
            message: "a workflow step cannot change field 'credits' of table 'pods': it is a ledger balance, moved only by new ledger entries",
            at: "credits: 100")
    }

    @Test func aWorkflowStepCannotChangeALedgerEntry() throws {
        let yaml = Self.yaml(
            tail: """
                workflows:
                  annotate:
                    on: { created: trades }
                    steps:
                      - id: note
                        update: { note: checked }

                """)
        try expectOneError(
            yaml, id: "definition.constraintConflict",
            message: "a workflow step cannot change records of table 'trades': they are ledger entries; create a new entry instead",
            at: "note: checked")
    }

    @Test func aWorkflowStepMayCreateALedgerEntry() throws {
        let yaml = Self.yaml(
            tail: """
                workflows:
                  welcome:
                    on: { created: pods }
                    steps:
                      - id: gift
                        create: trades
                        values: { seller: "= record.id", buyer: pod_bank, price: 1 }

                """)
        let loaded = DefinitionLoader().load(bytes: Array(yaml.utf8), path: "app.yaml")
        #expect(loaded.diagnostics.map(\.message) == [])
        #expect(loaded.definition != nil)
    }

    @Test func theAmountMustHaveTheBalancesScale() throws {
        let yaml = Self.yaml(credits: "{ type: money, scale: 0, readonly: true, min: 0, default: 0 }")
        try expectOneError(
            yaml, id: "definition.wrongFieldType",
            message: "amount field 'price' of the ledger of table 'trades' is money of scale 2, but balance field 'credits' is money of scale 0; they must match",
            at: "price }")
    }

    @Test func theAccountsMustBeAnotherTable() throws {
        let yaml = Self.yaml(ledger: "{ accounts: trades, balance: price, from: buyer, to: seller, amount: price }")
        try expectOneError(
            yaml, id: "definition.constraintConflict", message: "the ledger of table 'trades' must keep its accounts in another table",
            at: "trades,")
    }
}
