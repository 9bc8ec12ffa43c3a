import FormwrightRuntime

extension PageWords {
    var forecasts: String { chinese ? "预测" : "Forecasts" }
    var revision: String { chinese ? "定义版本" : "revision" }
    var computedAt: String { chinese ? "计算于" : "computed" }
    var allScenarios: String { chinese ? "全部情景" : "All scenarios" }
    var weightsUsed: String { chinese ? "本次使用的权重" : "Weights used" }
    var driver: String { chinese ? "驱动因素" : "Driver" }
    var weight: String { chinese ? "权重" : "Weight" }
    var effectiveWeight: String { chinese ? "实际生效" : "Effective" }
    var noDrivers: String { chinese ? "这个预测没有驱动因素。" : "This forecast has no drivers." }
    var weightsLive: String {
        chinese ? "在 app.yaml 中修改权重并保存后，下次加载本页即生效，无需重启。检查不通过的修改会被拒绝，页面继续使用上面的权重。"
            : "Edit a weight in app.yaml and save: the change takes effect on the next page load, with no restart. "
                + "A change that fails the check is refused and the weights above stay in use."
    }
    var credibility: String { chinese ? "可信度" : "Credibility" }
    var group: String { chinese ? "分组" : "Group" }
    var colour: String { chinese ? "颜色" : "Colour" }
    var dualTrack: String { chinese ? "回测：模型、基准与计划" : "Backtest: model, baselines and plan" }
    var track: String { chinese ? "方法" : "Track" }
    var actual: String { chinese ? "实际" : "Actual" }
    var forecast: String { chinese ? "预测" : "Forecast" }
    var interval: String { chinese ? "区间" : "Interval" }
    var plan: String { chinese ? "计划" : "Plan" }
    var scenarios: String { chinese ? "情景" : "Scenarios" }
    var totalChange: String { chinese ? "总变化" : "Total change" }
    var shareOfForecast: String { chinese ? "占预测" : "% of forecast" }
    var noScenarios: String { chinese ? "这个预测没有情景。" : "This forecast has no scenarios." }
    var notes: String { chinese ? "说明" : "Notes" }
    var chartOf: String { chinese ? "实际与预测：" : "Actuals and forecast of " }

    /// The colour as a word beside its badge, so it reads without seeing colour.
    func colourWord(_ colour: CredibilityScore.Colour) -> String {
        switch colour {
        case .green: chinese ? "绿色" : "green"
        case .amber: chinese ? "琥珀色" : "amber"
        case .red: chinese ? "红色" : "red"
        case .unknown: chinese ? "未知" : "unknown"
        }
    }
}
