import FormwrightStorage

/// Shows migration plans to people: one line per step, destructive steps marked.
enum PlanPrinter {
    /// The plan as text: a heading naming the app and the store, then its steps.
    static func text(_ plan: MigrationPlan, store: String) -> String {
        guard !plan.isEmpty else { return "app '\(plan.app)' in store '\(store)': up to date\n" }
        let count = plan.steps.count
        let destructive = plan.destructiveSteps.count
        var lines = [
            "app '\(plan.app)' in store '\(store)': \(count) step\(count == 1 ? "" : "s")\(destructive > 0 ? ", \(destructive) destructive" : "")"
        ]
        for step in plan.steps {
            lines.append(step.isDestructive ? "  ! \(step) (destructive)" : "  + \(step)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
