extension PageWords {
    var dashboards: String { chinese ? "仪表板" : "Dashboards" }
    var empty: String { chinese ? "（空）" : "(empty)" }
    var noDashboardRecords: String { chinese ? "没有符合条件的记录。" : "No records match." }
    var previousPeriod: String { chinese ? "上一期" : "previous" }

    /// `4 weeks: 2026-11-02 – 2026-11-29`.
    func window(count: Int, period: String, from: String, to: String) -> String {
        let unit: String
        if chinese {
            unit = ["day": "天", "week": "周", "month": "个月"][period] ?? period
            return "最近 \(count) \(unit)：\(from) – \(to)"
        }
        unit = count == 1 ? period : period + "s"
        return "last \(count) \(unit): \(from) – \(to)"
    }

    /// `12 more not shown`.
    func omitted(_ count: Int, _ what: String) -> String {
        chinese ? "另有 \(count) 个\(what == "series" ? "系列" : "类别")未显示" : "\(count) more \(what) not shown"
    }
}
