extension PageTemplates {
    /// The forecast page. The charts are inline SVG drawn here from ``ForecastChart``'s numbers, so
    /// they need no script and scale with the page (`viewBox` and `width:100%`).
    static let forecast = """
        <h1>{{title}}</h1>
        <p class="help">{{revisionLabel}} <code>{{revision}}</code> · {{computedLabel}} {{computedAt}}</p>
        {{#scenarioLinks}}{{#current}}<strong class="pill">{{text}}</strong>{{/current}}{{^current}}<a class="pill" href="{{url}}">{{text}}</a>{{/current}} {{/scenarioLinks}}
        <h2>{{weightsHeading}}</h2>
        {{#hasWeights}}<div class="scroll"><table>
        <tr><th>{{driverLabel}}</th><th class="num">{{weightLabel}}</th><th class="num">{{effectiveLabel}}</th></tr>
        {{#weights}}<tr><td>{{driver}}</td><td class="num">{{weight}}</td><td class="num">{{effective}}</td></tr>{{/weights}}
        </table></div>{{/hasWeights}}
        {{^hasWeights}}<p>{{noDrivers}}</p>{{/hasWeights}}
        <p class="help">{{weightsLive}}</p>
        <h2>{{credibilityHeading}}</h2>
        <p class="definition">{{definition}}</p>
        <div class="scroll"><table>
        <tr><th>{{groupLabel}}</th><th>{{colourLabel}}</th><th class="num">{{metricLabel}}</th></tr>
        {{#board}}<tr><td><a href="#g-{{anchor}}">{{label}}</a></td><td><span class="badge c-{{colour}}"></span>{{colourWord}}{{#reason}}<br><span class="help">{{reason}}</span>{{/reason}}</td><td class="num">{{value}}</td></tr>{{/board}}
        </table></div>
        {{#groups}}
        <section class="group" id="g-{{anchor}}">
        <h2>{{label}}</h2>
        <figure class="chart">
        <svg viewBox="0 0 {{width}} {{height}}" width="100%" preserveAspectRatio="xMidYMid meet" role="img" aria-label="{{chartTitle}}">
        <title>{{chartTitle}}</title>
        {{#yTicks}}<line class="grid" x1="{{plotLeft}}" x2="{{plotRight}}" y1="{{position}}" y2="{{position}}"/><text x="{{yLabelX}}" y="{{position}}" dy="4" text-anchor="end">{{tick}}</text>
        {{/yTicks}}
        {{#xTicks}}<text x="{{position}}" y="{{xLabelY}}" text-anchor="middle">{{tick}}</text>
        {{/xTicks}}
        <line class="now" x1="{{forecastStart}}" x2="{{forecastStart}}" y1="{{plotTop}}" y2="{{plotBottom}}"/>
        {{#bandPoints}}<polygon class="band" points="{{bandPoints}}"/>{{/bandPoints}}
        {{#planPath}}<path class="plan" d="{{planPath}}"/>{{/planPath}}
        {{#actualsPath}}<path class="actual" d="{{actualsPath}}"/>{{/actualsPath}}
        {{#forecastPath}}<path class="forecast" d="{{forecastPath}}"/>{{/forecastPath}}
        </svg>
        <figcaption class="legend"><span><i class="key key-actual"></i>{{actualLabel}}</span><span><i class="key key-forecast"></i>{{forecastLabel}}</span>{{#bandPoints}}<span><i class="key key-band"></i>{{intervalLabel}}</span>{{/bandPoints}}{{#hasPlan}}<span><i class="key key-plan"></i>{{planLabel}}</span>{{/hasPlan}}</figcaption>
        </figure>
        <h3>{{dualTrackHeading}}</h3>
        <div class="scroll"><table>
        <tr><th>{{trackLabel}}</th><th class="num">WAPE</th><th class="num">MAPE</th><th class="num">Bias</th><th class="num">MASE</th></tr>
        {{#tracks}}<tr>{{#isModel}}<th>{{track}}</th>{{/isModel}}{{^isModel}}<td>{{track}}</td>{{/isModel}}{{#metrics}}<td class="num">{{.}}</td>{{/metrics}}{{#unavailable}}<td colspan="4" class="help">{{unavailable}}</td>{{/unavailable}}</tr>
        {{/tracks}}
        </table></div>
        </section>
        {{/groups}}
        <h2>{{scenariosHeading}}</h2>
        {{#scenarios}}
        <h3>{{name}}</h3>
        <div class="scroll"><table>
        <tr><th>{{groupLabel}}</th><th class="num">{{totalLabel}}</th><th class="num">{{shareLabel}}</th>{{#periods}}<th class="num">{{.}}</th>{{/periods}}</tr>
        {{#rows}}<tr><td>{{label}}</td><td class="num">{{total}}</td><td class="num">{{share}}</td>{{#deltas}}<td class="num">{{.}}</td>{{/deltas}}</tr>
        {{/rows}}
        </table></div>
        {{/scenarios}}
        {{^scenarios}}<p>{{noScenarios}}</p>{{/scenarios}}
        {{#hasNotes}}<h2>{{notesHeading}}</h2>
        <ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        """
}
