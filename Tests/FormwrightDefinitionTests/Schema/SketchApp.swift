import FormwrightCore

/// The customer-sentiment app of the design's language sketch, written as the `Value` a loader reads from its YAML.
enum SketchApp {
    /// The whole app: header, tables, forms, the integration, the workflow and the forecast.
    static let document: Value = .object([
        "formwright": .int(1),
        "app": .string("customer-sentiment"),
        "title": .object(["en": .string("Customer sentiment"), "zh": .string("客户情绪追踪")]),
        "tables": tables,
        "forms": forms,
        "integrations": .object([
            "sentiment_model": .object([
                "kind": .string("http"),
                "url": .string("{{ env.SENTIMENT_URL }}/score"),
                "allow_private": .bool(true),
                "method": .string("POST"),
                "timeout": .string("5s"),
                "body": .object(["text": .string("= input.text")]),
                "output": .object(["score": .string("= response.body.score")]),
            ])
        ]),
        "workflows": .object([
            "score_sentiment": .object([
                "on": .object(["created": .string("conversations")]),
                "steps": .list([
                    .object(["id": .string("score"), "call": .string("sentiment_model"), "with": .object(["text": .string("= record.transcript")])]),
                    .object(["id": .string("save"), "update": .object(["sentiment": .string("= steps.score.score")])]),
                ]),
                "retry": .object(["attempts": .int(5), "backoff": .string("exponential"), "initial": .string("1s"), "max": .string("5m")]),
            ])
        ]),
        "forecasts": .object([
            "weekly_revenue": .object([
                "target": .object([
                    "table": .string("opportunities"), "measure": .string("amount"), "date": .string("expected_close"),
                    "by": .strings("region"),
                ]),
                "period": .string("week"),
                "horizon": .int(4),
                "baseline": .string("weighted_pipeline"),
                "drivers": .object([
                    "subsidy": .object(["table": .string("subsidies"), "value": .string("level"), "weight": .double(0.10)]),
                    "competitor": .object([
                        "table": .string("competitor_prices"), "value": .string("index"), "weight": .double(0.15),
                        "bounds": .list([.int(0), .double(0.4)]),
                    ]),
                ]),
                "combine": .string("log_linear"),
                "scenarios": .object([
                    "east_subsidy_up": .list([
                        .object(["driver": .string("subsidy"), "where": .string("region == 'east'"), "scale": .double(1.2)])
                    ])
                ]),
                "backtest": .object(["windows": .int(12), "metrics": .strings("wape", "mape", "bias")]),
                "credibility": .object(["green": .double(0.10), "amber": .double(0.20)]),
            ])
        ]),
    ])

    /// The sketch's three tables.
    static let tables: Value = .object([
        "customers": .object([
            "fields": .object([
                "name": .object(["type": .string("text"), "required": .bool(true), "max_length": .int(120)]),
                "region": .object(["type": .string("choice"), "options": .strings("east", "north", "south", "west")]),
                "pod": .object(["type": .string("text")]),
            ])
        ]),
        "conversations": .object([
            "fields": .object([
                "customer": .object(["type": .string("link"), "table": .string("customers"), "required": .bool(true)]),
                "channel": .object(["type": .string("choice"), "options": .strings("phone", "visit", "email", "meeting")]),
                "happened_at": .object(["type": .string("datetime"), "default": .string("= now")]),
                "transcript": .object(["type": .string("longtext"), "required": .bool(true)]),
                "sentiment": .object(["type": .string("number"), "min": .int(-1), "max": .int(1)]),
                "risk": .object([
                    "type": .string("choice"),
                    "options": .strings("unknown", "low", "medium", "high"),
                    "compute": .string(
                        "sentiment == null ? 'unknown' : sentiment < -0.3 ? 'high' : sentiment < 0.2 ? 'medium' : 'low'"
                    ),
                ]),
                "follow_up_on": .object(["type": .string("date")]),
            ]),
            "rules": .list([
                .object([
                    "check": .string("channel != 'email' || size(transcript) <= 20000"),
                    "message": .string("An email transcript is limited to 20,000 characters."),
                ])
            ]),
        ]),
        "feedback": .object([
            "fields": .object([
                "email": .object(["type": .string("email")]),
                "message": .object(["type": .string("longtext"), "required": .bool(true), "max_length": .int(4000)]),
            ])
        ]),
    ])

    /// The sketch's two forms: one with per-form changes and rules, one public.
    static let forms: Value = .object([
        "log_conversation": .object([
            "table": .string("conversations"),
            "title": .object(["en": .string("Log a customer conversation"), "zh": .string("记录客户沟通")]),
            "fields": .list([
                .string("customer"),
                .string("channel"),
                .object(["transcript": .object(["label": .string("What did the customer say?"), "rows": .int(6)])]),
                .object([
                    "follow_up_on": .object([
                        "visible_if": .string("channel == 'meeting'"), "required_if": .string("channel == 'meeting'"),
                    ])
                ]),
            ]),
            "rules": .list([
                .object(["check": .string("size(transcript) >= 20"), "message": .string("Please write at least a sentence or two.")])
            ]),
        ]),
        "feedback": .object([
            "table": .string("feedback"),
            "public": .bool(true),
            "fields": .strings("email", "message"),
        ]),
    ])
}
