/// The fixed words of the pages, in English and Chinese.
struct PageWords {
    let chinese: Bool

    init(language: String) {
        chinese = language == "zh"
    }

    var apps: String { chinese ? "应用" : "Apps" }
    var noApps: String { chinese ? "没有可用的应用。" : "No apps are being served." }
    var forms: String { chinese ? "表单" : "Forms" }
    var tables: String { chinese ? "数据表" : "Tables" }
    var submit: String { chinese ? "提交" : "Submit" }
    var fixErrors: String { chinese ? "请修改下面标出的问题后再提交。" : "Please correct the fields marked below and submit again." }
    var thanks: String { chinese ? "已提交" : "Thank you" }
    var saved: String { chinese ? "您提交的内容已保存。" : "Your submission has been saved." }
    var viewRecord: String { chinese ? "查看记录" : "View the record" }
    var submitAnother: String { chinese ? "再提交一份" : "Submit another" }
    var noRecords: String { chinese ? "还没有记录。" : "There are no records yet." }
    var more: String { chinese ? "更多" : "More" }
    var signInHeading: String { chinese ? "请先登录" : "Please sign in" }
    var signInText: String {
        chinese ? "请打开 formwright serve 启动时打印的登录链接，或在请求中携带 Bearer 令牌。"
            : "Open the login link that 'formwright serve' printed when it started, or send a Bearer token."
    }
    var badLink: String { chinese ? "这个登录链接无效或已被使用。" : "This login link is not valid or has already been used." }
    var notFound: String { chinese ? "找不到页面" : "Not found" }
    var forbidden: String { chinese ? "请求被拒绝" : "Request refused" }
    var staleForm: String {
        chinese ? "表单已过期，请刷新页面后重新提交。" : "This form has expired. Please reload the page and submit it again."
    }
    var workflowRuns: String { chinese ? "工作流运行" : "Workflow runs" }
    var noRuns: String { chinese ? "这条记录还没有触发工作流。" : "No workflow has run for this record yet." }
    var retry: String { chinese ? "重试" : "Retry" }
    var started: String { chinese ? "开始于" : "started" }
    var tries: String { chinese ? "尝试次数" : "tries" }
    var due: String { chinese ? "下次运行" : "next run" }
    var problem: String { chinese ? "出错了" : "Something went wrong" }
}
