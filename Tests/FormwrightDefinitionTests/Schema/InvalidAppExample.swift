import FormwrightCore
import Testing

/// An example app with exactly one mistake, kept as `Fixtures/schema-invalid/<name>.yaml`, that both the schema and the
/// loader must reject.
///
/// `document` is the fixture as a loader reads it (a `Value`), and `path` the JSON pointer where the schema reports
/// the mistake: the unknown key itself, the value that is wrong, or the object that lacks a required key.
struct InvalidAppExample: Sendable, CustomTestStringConvertible {
    /// The fixture's file name without `.yaml`.
    var name: String
    /// Where the schema reports the mistake.
    var path: String
    /// The fixture's content.
    var document: Value

    var testDescription: String { name }

    /// The fixture folder's path relative to the test target.
    static let folder = "Fixtures/schema-invalid"

    /// Every invalid example, one per fixture file.
    static let all: [InvalidAppExample] = [
        InvalidAppExample(
            name: "unknown-top-level-key", path: "/tabels",
            document: header.setting("tabels", to: .object(["customers": customers]))
        ),
        InvalidAppExample(
            name: "misspelt-field-key", path: "/tables/customers/fields/name/requird",
            document: header.setting(
                "tables",
                to: .object([
                    "customers": .object([
                        "fields": .object([
                            "name": .object(["type": .string("text"), "requird": .bool(true), "max_length": .int(120)]),
                            "region": region,
                        ])
                    ])
                ])
            )
        ),
        InvalidAppExample(
            name: "unknown-field-type", path: "/tables/customers/fields/name/type",
            document: withCustomers(name: .object(["type": .string("string"), "required": .bool(true)]))
        ),
        InvalidAppExample(
            name: "missing-formwright", path: "",
            document: .object(["app": .string("customer-sentiment"), "tables": .object(["customers": customers])])
        ),
        InvalidAppExample(
            name: "app-with-capitals", path: "/app",
            document: .object([
                "formwright": .int(1), "app": .string("Customer-Sentiment"), "tables": .object(["customers": customers]),
            ])
        ),
        InvalidAppExample(
            name: "form-missing-table", path: "/forms/add_customer",
            document: header.setting("tables", to: .object(["customers": .object(["fields": .object(["name": name, "region": region])])]))
                .setting(
                    "forms",
                    to: .object(["add_customer": .object(["title": .string("Add a customer"), "fields": .strings("name", "region")])])
                )
        ),
        InvalidAppExample(name: "form-field-two-keys", path: "/forms/log_conversation/fields/1", document: formFieldWithTwoKeys),
        InvalidAppExample(
            name: "options-not-a-list", path: "/tables/customers/fields/region/options",
            document: withCustomers(
                name: name, region: .object(["type": .string("choice"), "options": .string("east, north, south, west")])
            )
        ),
        InvalidAppExample(
            name: "scale-on-text-field", path: "/tables/customers/fields/name/scale",
            document: header.setting(
                "tables",
                to: .object([
                    "customers": .object([
                        "fields": .object([
                            "name": .object(["type": .string("text"), "required": .bool(true), "scale": .int(2)]),
                            "budget": .object(["type": .string("money"), "scale": .int(2)]),
                        ])
                    ])
                ])
            )
        ),
        InvalidAppExample(
            name: "indexed-multichoice-field", path: "/tables/customers/fields/tags/indexed",
            document: header.setting(
                "tables",
                to: .object([
                    "customers": .object([
                        "fields": .object([
                            "region": .object([
                                "type": .string("choice"), "options": .strings("east", "west"), "indexed": .bool(true),
                            ]),
                            "tags": .object(["type": .string("multichoice"), "options": .strings("vip", "new"), "indexed": .bool(true)]),
                        ])
                    ])
                ])
            )
        ),
        InvalidAppExample(
            name: "bad-locale-key", path: "/title",
            document: .object([
                "formwright": .int(1), "app": .string("customer-sentiment"),
                "title": .object(["EN": .string("Customer sentiment"), "zh": .string("客户情绪追踪")]),
                "tables": .object(["customers": customers]),
            ])
        ),
        InvalidAppExample(
            name: "choice-without-options", path: "/tables/customers/fields/region",
            document: withCustomers(name: name, region: .object(["type": .string("choice")]))
        ),
        InvalidAppExample(
            name: "link-without-table", path: "/tables/conversations/fields/customer",
            document: header.setting(
                "tables",
                to: .object([
                    "customers": customers,
                    "conversations": .object([
                        "fields": .object([
                            "customer": .object(["type": .string("link"), "required": .bool(true)]),
                            "transcript": .object(["type": .string("longtext")]),
                        ])
                    ]),
                ])
            )
        ),
        InvalidAppExample(name: "forecast-scenario-two-changes", path: "/forecasts/weekly_revenue/scenarios/east_up/0", document: forecastWithTwoChanges),
        InvalidAppExample(
            name: "dashboard-kpi-with-by", path: "/dashboards/overview/tiles/0",
            document: withCustomers(name: name, region: region).setting(
                "dashboards",
                to: .object([
                    "overview": .object([
                        "tiles": .list([
                            .object(["kind": .string("kpi"), "table": .string("customers"), "measure": .string("count"), "by": .string("region")])
                        ])
                    ])
                ]))
        ),
    ]

    private static let header: Value = .object(["formwright": .int(1), "app": .string("customer-sentiment")])
    private static let name: Value = .object(["type": .string("text"), "required": .bool(true)])
    private static let region: Value = .object(["type": .string("choice"), "options": .strings("east", "north", "south", "west")])
    private static let customers: Value = .object(["fields": .object(["name": name])])

    /// A header and a `customers` table with the given `name` (and `region`) fields.
    private static func withCustomers(name: Value, region: Value? = nil) -> Value {
        var fields: Value = .object(["name": name])
        if let region { fields = fields.setting("region", to: region) }
        return header.setting("tables", to: .object(["customers": .object(["fields": fields])]))
    }

    private static let formFieldWithTwoKeys: Value =
        header
        .setting(
            "tables",
            to: .object([
                "conversations": .object([
                    "fields": .object([
                        "channel": .object(["type": .string("choice"), "options": .strings("phone", "visit", "email", "meeting")]),
                        "transcript": .object(["type": .string("longtext"), "required": .bool(true)]),
                    ])
                ])
            ])
        )
        .setting(
            "forms",
            to: .object([
                "log_conversation": .object([
                    "table": .string("conversations"),
                    "fields": .list([
                        .string("channel"),
                        .object([
                            "channel": .object(["label": .string("How did you talk?")]),
                            "transcript": .object(["label": .string("What did the customer say?"), "rows": .int(6)]),
                        ]),
                    ]),
                ])
            ])
        )

    private static let forecastWithTwoChanges: Value =
        header
        .setting(
            "tables",
            to: .object([
                "opportunities": .object([
                    "fields": .object([
                        "region": .object(["type": .string("choice"), "options": .strings("east", "west")]),
                        "amount": .object(["type": .string("money")]),
                        "expected_close": .object(["type": .string("date")]),
                    ])
                ]),
                "subsidies": .object([
                    "fields": .object([
                        "region": .object(["type": .string("choice"), "options": .strings("east", "west")]),
                        "week": .object(["type": .string("date")]),
                        "level": .object(["type": .string("number")]),
                    ])
                ]),
            ])
        )
        .setting(
            "forecasts",
            to: .object([
                "weekly_revenue": .object([
                    "target": .object([
                        "table": .string("opportunities"), "measure": .string("amount"), "date": .string("expected_close"),
                        "by": .strings("region"),
                    ]),
                    "period": .string("week"),
                    "horizon": .int(4),
                    "baseline": .string("moving_average"),
                    "drivers": .object(["subsidy": .object(["table": .string("subsidies"), "value": .string("level"), "weight": .double(0.1)])]),
                    "scenarios": .object([
                        "east_up": .list([
                            .object([
                                "driver": .string("subsidy"), "where": .string("region == 'east'"), "set": .int(2), "scale": .double(1.2),
                            ])
                        ])
                    ]),
                ])
            ])
        )
}
