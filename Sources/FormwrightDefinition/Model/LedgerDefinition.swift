public import FormwrightCore

/// A table's `ledger:` key: each record of the table (an entry) moves `amount` from the balance of
/// the account its `from` field links to, to the balance of the account its `to` field links to,
/// in the same store transaction as the entry's insert. Entries are append-only.
public struct LedgerDefinition: Sendable {
    /// Where the `ledger` key stands.
    public var range: SourceRange
    /// The table whose records are the accounts.
    public var accounts: Located<String>
    /// The accounts table's field holding each account's balance.
    public var balance: Located<String>
    /// The entries table's link field naming the paying account.
    public var from: Located<String>
    /// The entries table's link field naming the receiving account.
    public var to: Located<String>
    /// The entries table's field holding the amount moved.
    public var amount: Located<String>

    /// Creates a ledger key.
    public init(
        range: SourceRange, accounts: Located<String>, balance: Located<String>, from: Located<String>, to: Located<String>,
        amount: Located<String>
    ) {
        self.range = range
        self.accounts = accounts
        self.balance = balance
        self.from = from
        self.to = to
        self.amount = amount
    }
}
