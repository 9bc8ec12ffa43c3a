/// The Mustache templates of the HTML pages. `{{ }}` escapes every value; `{{{ }}}` is used
/// only for HTML this server rendered itself (a page body inside the layout).
enum PageTemplates {
    static let all: [String: String] = [
        "layout": layout, "home": home, "app": app, "form": form, "records": records, "record": record, "message": message,
        "forecast": forecast,
        "dashboard": dashboard,
    ]

    static let layout = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
        header{background:#1d2330;color:#fff;padding:.75rem 1rem}header a{color:#fff;text-decoration:none}
        main{max-width:44rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem}label{display:block;font-weight:600;margin-top:1rem}
        input,select,textarea{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;border:1px solid #aab;border-radius:.3rem;background:#fff}
        input[type=checkbox]{width:auto;margin-right:.4rem}
        .check{font-weight:400;display:flex;align-items:center}
        .help{color:#556;font-size:.9rem;margin:.2rem 0}
        .error{color:#b00020;font-size:.95rem;margin:.2rem 0}
        .invalid input,.invalid select,.invalid textarea{border-color:#b00020}
        .summary{border:1px solid #b00020;background:#fff0f2;padding:.5rem 1rem;border-radius:.3rem}
        button{margin-top:1.5rem;font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:#2457d6;color:#fff}
        table{border-collapse:collapse;width:100%;background:#fff}td,th{border-bottom:1px solid #dde;padding:.4rem;text-align:left;vertical-align:top}
        .scroll{overflow-x:auto}.required{color:#b00020}
        .run{background:#fff;border:1px solid #dde;border-radius:.3rem;padding:.25rem 1rem;margin:1rem 0;overflow-wrap:anywhere}
        .run h3{font-size:1.1rem}.run ol{padding-left:1.2rem}.state-failed{color:#b00020}.state-succeeded{color:#1b7a3a}
        th.num,td.num{text-align:right;white-space:nowrap}.definition{background:#fff;border-left:4px solid #2457d6;padding:.4rem .75rem}
        .pill{display:inline-block;margin:.2rem .4rem .2rem 0;padding:.15rem .6rem;border:1px solid #aab;border-radius:1rem;background:#fff}
        .badge{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em;vertical-align:-.05em}
        .c-green{background:#1b7a3a}.c-amber{background:#d98c00}.c-red{background:#b00020}.c-unknown{background:#889}
        .chart{margin:1rem 0}.chart svg{display:block;width:100%;height:auto;background:#fff;border:1px solid #dde;border-radius:.3rem}
        .chart text{font-size:14px;fill:#556}.chart .grid{stroke:#e6e8ee}.chart .now{stroke:#99a;stroke-dasharray:3 3}
        .chart path{fill:none;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}.chart .actual{stroke:#1d2330}
        .chart .forecast{stroke:#2457d6}.chart .plan{stroke:#b06000;stroke-dasharray:6 4}.chart .band{fill:#2457d6;fill-opacity:.15;stroke:none}
        .legend{font-size:.9rem;color:#556;margin-top:.3rem}.legend span{margin-right:1rem;white-space:nowrap}
        .key{display:inline-block;width:1.4em;margin-right:.35em;vertical-align:middle;border-top:2px solid #1d2330}
        .key-forecast{border-top-color:#2457d6}.key-plan{border-top:2px dashed #b06000}.key-band{border:0;height:.7em;background:rgba(36,87,214,.15)}
        </style>
        </head>
        <body>
        <header><a href="/">Formwright</a>{{#appTitle}} · <a href="{{appURL}}">{{appTitle}}</a>{{/appTitle}}</header>
        <main>
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let home = """
        <h1>{{heading}}</h1>
        {{#apps}}<p><a href="{{url}}">{{title}}</a></p>{{/apps}}
        {{^apps}}<p>{{empty}}</p>{{/apps}}
        """

    static let app = """
        <h1>{{title}}</h1>
        {{#description}}<p>{{description}}</p>{{/description}}
        <h2>{{formsHeading}}</h2>
        {{#forms}}<p><a href="{{url}}">{{title}}</a></p>{{/forms}}
        <h2>{{tablesHeading}}</h2>
        {{#tables}}<p><a href="{{url}}">{{title}}</a></p>{{/tables}}
        {{#forecastsHeading}}<h2>{{forecastsHeading}}</h2>
        {{#forecasts}}<p><a href="{{url}}">{{title}}</a></p>{{/forecasts}}{{/forecastsHeading}}
        {{#dashboardsHeading}}<h2>{{dashboardsHeading}}</h2>
        {{#dashboards}}<p><a href="{{url}}">{{title}}</a></p>{{/dashboards}}{{/dashboardsHeading}}
        """

    static let form = """
        <h1>{{title}}</h1>
        {{#description}}<p>{{description}}</p>{{/description}}
        {{#hasErrors}}<div class="summary" role="alert">{{#errorSummary}}<p>{{.}}</p>{{/errorSummary}}</div>{{/hasErrors}}
        <form method="post" action="{{action}}" novalidate data-evaluate="{{evaluateURL}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#fields}}
        <div class="{{#error}}invalid{{/error}}" data-field="{{name}}">
        {{^isCheckbox}}<label for="f-{{name}}">{{label}}{{#required}} <span class="required">*</span>{{/required}}</label>{{/isCheckbox}}
        {{#help}}<p class="help" id="h-{{name}}">{{help}}</p>{{/help}}
        {{#isInput}}<input id="f-{{name}}" name="{{name}}" type="{{inputType}}" value="{{value}}"{{#step}} step="{{step}}"{{/step}}{{#inputMode}} inputmode="{{inputMode}}"{{/inputMode}}{{#placeholder}} placeholder="{{placeholder}}"{{/placeholder}}{{#required}} required{{/required}}{{#readonly}} readonly{{/readonly}}>{{/isInput}}
        {{#isTextarea}}<textarea id="f-{{name}}" name="{{name}}" rows="{{rows}}"{{#placeholder}} placeholder="{{placeholder}}"{{/placeholder}}{{#required}} required{{/required}}{{#readonly}} readonly{{/readonly}}>{{value}}</textarea>{{/isTextarea}}
        {{#isSelect}}<select id="f-{{name}}" name="{{name}}"{{#required}} required{{/required}}><option value=""></option>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>{{/isSelect}}
        {{#isCheckboxes}}{{#options}}<label class="check"><input type="checkbox" name="{{name}}" value="{{value}}"{{#selected}} checked{{/selected}}>{{label}}</label>{{/options}}{{/isCheckboxes}}
        {{#isCheckbox}}<input type="hidden" name="{{name}}" value="false"><label class="check"><input id="f-{{name}}" type="checkbox" name="{{name}}" value="true"{{#checked}} checked{{/checked}}>{{label}}</label>{{/isCheckbox}}
        {{#error}}<p class="error" id="e-{{name}}">{{error}}</p>{{/error}}
        </div>
        {{/fields}}
        <button type="submit">{{submitLabel}}</button>
        </form>
        <script src="/assets/live-form.js" defer></script>
        """

    static let records = """
        <h1>{{title}}</h1>
        <div class="scroll"><table>
        <tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr>
        {{#rows}}<tr>{{#cells}}<td>{{#url}}<a href="{{url}}">{{text}}</a>{{/url}}{{^url}}{{text}}{{/url}}</td>{{/cells}}</tr>{{/rows}}
        </table></div>
        {{^rows}}<p>{{empty}}</p>{{/rows}}
        {{#next}}<p><a href="{{next}}">{{nextLabel}}</a></p>{{/next}}
        """

    static let record = """
        <h1>{{title}}</h1>
        <div class="scroll"><table>
        {{#fields}}<tr><th>{{label}}</th><td>{{#url}}<a href="{{url}}">{{text}}</a>{{/url}}{{^url}}{{text}}{{/url}}</td></tr>{{/fields}}
        </table></div>
        {{#runsHeading}}<h2>{{runsHeading}}</h2>
        {{#runs}}<section class="run" id="run-{{runID}}">
        <h3>{{workflow}} · <span class="state-{{state}}">{{state}}</span></h3>
        <p class="help">{{startedLine}}</p>
        {{#lastError}}<p class="error">{{lastError}}</p>{{/lastError}}
        <ol>{{#steps}}<li><strong>{{stepID}}</strong> · {{status}}{{#outputLine}}<br><span class="help">{{outputLine}}</span>{{/outputLine}}
        {{#tries}}<br><span class="help">{{tryLine}}</span>{{#tryError}}<br><span class="error">{{tryError}}</span>{{/tryError}}{{/tries}}</li>
        {{/steps}}</ol>
        {{#retryURL}}<form method="post" action="{{retryURL}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{retryLabel}}</button></form>{{/retryURL}}
        </section>
        {{/runs}}
        {{^runs}}<p>{{noRuns}}</p>{{/runs}}
        {{/runsHeading}}
        """

    static let message = """
        <h1>{{heading}}</h1>
        <p>{{text}}</p>
        {{#link}}<p><a href="{{link}}">{{linkLabel}}</a></p>{{/link}}
        """
}
