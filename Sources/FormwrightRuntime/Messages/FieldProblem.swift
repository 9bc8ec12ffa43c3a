public import FormwrightDefinition

/// Why a field's value was refused, worded for the person who typed it, in English or Chinese.
///
/// `ruleFailed` carries the rule's own message, its `{{ }}` holes already filled in, in every
/// language the app wrote it in; `expressionFailed` says that an expression of the app could not
/// be evaluated on this input, so the write was refused rather than store an empty value.
public enum FieldProblem: Error, Sendable, Hashable {
    case required
    case unknownField(suggestion: String?)
    case readOnly
    case computed
    case notText
    case notWholeNumber
    case notNumber
    case notAmount
    case tooManyDecimals(scale: Int)
    case notBoolean
    case notDate
    case notDateTime
    case notList
    case notAnOption(options: [String])
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    case belowMinimum(String)
    case aboveMaximum(String)
    case patternMismatch
    case invalidEmail
    case invalidURL
    case invalidPhone
    case missingLink
    case duplicate
    case outOfRange
    /// A ledger amount that is not above 0.
    case notPositive
    /// A ledger entry whose paying account holds less than its amount; `available` is the balance as displayed.
    case insufficientBalance(available: String)
    /// A ledger entry naming the same account on both sides.
    case sameAccount
    /// A change to a ledger entry, which is append-only.
    case ledgerEntryFixed
    /// A direct change to a ledger balance, which only entries move.
    case ledgerBalance
    case ruleFailed(LocalizedText)
    case expressionFailed(String)

    /// The message in the first supported language of `locales` (English, or Chinese for `zh…`).
    public func message(for locales: [String]) -> String {
        if case .ruleFailed(let text) = self { return text.resolve(for: locales) }
        let chinese = locales.first { $0.lowercased().hasPrefix("zh") || $0.lowercased().hasPrefix("en") }?.lowercased().hasPrefix("zh") ?? false
        return chinese ? chineseText : englishText
    }

    var englishText: String {
        switch self {
        case .required: "This field is required."
        case .unknownField(let suggestion): "There is no such field." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        case .readOnly: "This field cannot be changed."
        case .computed: "This field is calculated automatically and cannot be set."
        case .notText: "Please enter text."
        case .notWholeNumber: "Please enter a whole number."
        case .notNumber: "Please enter a number."
        case .notAmount: "Please enter an amount such as 1234.50."
        case .tooManyDecimals(let scale):
            scale == 0 ? "Please enter a whole amount, without decimals." : "Please use at most \(scale) decimal places."
        case .notBoolean: "Please choose yes or no."
        case .notDate: "Please enter a date such as 2026-01-31."
        case .notDateTime: "Please enter a date and time such as 2026-01-31T09:30:00Z."
        case .notList: "Please choose from the list."
        case .notAnOption(let options): "Please choose one of: \(options.joined(separator: ", "))."
        case .tooShort(let minimum): "Please enter at least \(minimum) characters."
        case .tooLong(let maximum): "Please enter at most \(maximum) characters."
        case .belowMinimum(let bound): "Please enter \(bound) or more."
        case .aboveMaximum(let bound): "Please enter \(bound) or less."
        case .patternMismatch: "This value is not in the expected format."
        case .invalidEmail: "Please enter an email address such as name@example.com."
        case .invalidURL: "Please enter a web address starting with http:// or https://."
        case .invalidPhone: "Please enter a phone number: digits, spaces, and + - ( ) only."
        case .missingLink: "The chosen record does not exist (it may have been deleted)."
        case .duplicate: "This value is already used by another record."
        case .outOfRange: "This value is too large."
        case .notPositive: "Please enter an amount above 0."
        case .insufficientBalance(let available): "The paying account holds only \(available), which is not enough for this amount."
        case .sameAccount: "The paying and the receiving account must be different."
        case .ledgerEntryFixed: "A ledger entry cannot be changed; record a new entry to correct it."
        case .ledgerBalance: "This balance can only be moved by ledger entries."
        case .ruleFailed(let text): text.resolve(for: ["en"])
        case .expressionFailed(let detail): "This could not be worked out (\(detail)); please check the other values or tell the app's owner."
        }
    }

    var chineseText: String {
        switch self {
        case .required: "此项为必填项。"
        case .unknownField(let suggestion): "没有这个字段。" + (suggestion.map { "您是想填写“\($0)”吗？" } ?? "")
        case .readOnly: "此项不可修改。"
        case .computed: "此项由系统自动计算，不能填写。"
        case .notText: "请输入文字。"
        case .notWholeNumber: "请输入整数。"
        case .notNumber: "请输入数字。"
        case .notAmount: "请输入金额，例如 1234.50。"
        case .tooManyDecimals(let scale): scale == 0 ? "请输入整数金额，不带小数。" : "最多保留 \(scale) 位小数。"
        case .notBoolean: "请选择是或否。"
        case .notDate: "请输入日期，例如 2026-01-31。"
        case .notDateTime: "请输入日期和时间，例如 2026-01-31T09:30:00Z。"
        case .notList: "请从列表中选择。"
        case .notAnOption(let options): "请从以下选项中选择：\(options.joined(separator: "、"))。"
        case .tooShort(let minimum): "请至少输入 \(minimum) 个字。"
        case .tooLong(let maximum): "最多输入 \(maximum) 个字。"
        case .belowMinimum(let bound): "请输入不小于 \(bound) 的值。"
        case .aboveMaximum(let bound): "请输入不大于 \(bound) 的值。"
        case .patternMismatch: "格式不正确。"
        case .invalidEmail: "请输入有效的邮箱地址，例如 name@example.com。"
        case .invalidURL: "请输入以 http:// 或 https:// 开头的网址。"
        case .invalidPhone: "请输入电话号码：只能包含数字、空格和 + - ( )。"
        case .missingLink: "所选记录不存在（可能已被删除）。"
        case .duplicate: "该值已被其他记录使用。"
        case .outOfRange: "数值过大。"
        case .notPositive: "请输入大于 0 的数额。"
        case .insufficientBalance(let available): "付款账户余额仅为 \(available)，不足以支付该数额。"
        case .sameAccount: "付款账户和收款账户不能相同。"
        case .ledgerEntryFixed: "账目记录不可修改；如需更正，请新增一条记录。"
        case .ledgerBalance: "余额只能由账目记录变动。"
        case .ruleFailed(let text): text.resolve(for: ["zh"])
        case .expressionFailed(let detail): "无法计算（\(detail)）；请检查其他填写内容，或联系应用负责人。"
        }
    }
}
