extension PageTemplates {
    /// A dashboard: its tiles in a grid that becomes one column on a phone; charts as inline SVG
    /// that scales to the tile's width, with no script. `style` is the page's own CSS, not input.
    static let dashboard = """
        <style>{{{style}}}</style>
        <h1>{{title}}</h1>
        {{#description}}<p>{{description}}</p>{{/description}}
        <p class="help">{{computedLine}}</p>
        <div class="tiles">
        {{#tiles}}<section class="tile tile-{{kind}}">
        <h2>{{title}}</h2>
        {{#windowLine}}<p class="help">{{windowLine}}</p>{{/windowLine}}
        {{#figure}}<p class="figure">{{value}}</p>{{#comparison}}<p class="help {{trend}}">{{comparison}}</p>{{/comparison}}{{/figure}}
        {{#chart}}<figure class="chart">
        <svg viewBox="0 0 {{width}} {{height}}" width="100%" role="img" aria-label="{{label}}" xmlns="http://www.w3.org/2000/svg">
        {{#valueTicks}}<line class="grid" x1="{{left}}" x2="{{right}}" y1="{{y}}" y2="{{y}}"/><text x="{{labelX}}" y="{{y}}" text-anchor="end" dominant-baseline="middle">{{label}}</text>
        {{/valueTicks}}
        {{#bars}}<rect class="{{series}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{tooltip}}</title></rect>
        {{/bars}}
        {{#lines}}<path class="line {{series}}" d="{{path}}"/>
        {{#dots}}<circle class="{{series}}" cx="{{x}}" cy="{{y}}" r="3"><title>{{tooltip}}</title></circle>{{/dots}}
        {{/lines}}
        <line class="axis" x1="{{left}}" x2="{{right}}" y1="{{zero}}" y2="{{zero}}"/>
        {{#categoryTicks}}<text x="{{x}}" y="{{y}}" text-anchor="middle">{{label}}</text>
        {{/categoryTicks}}
        <text class="title" x="{{left}}" y="16">{{valueTitle}}</text>
        <text class="title" x="{{middle}}" y="{{categoryTitleY}}" text-anchor="middle">{{categoryTitle}}</text>
        </svg>
        {{#hasLegend}}<p class="legend">{{#legend}}<span><i class="swatch {{key}}"></i>{{name}}</span>{{/legend}}</p>{{/hasLegend}}
        </figure>{{/chart}}
        {{#note}}<p class="help">{{note}}</p>{{/note}}
        {{#records}}<div class="scroll"><table>
        <tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr>
        {{#rows}}<tr>{{#cells}}<td>{{#url}}<a href="{{url}}">{{text}}</a>{{/url}}{{^url}}{{text}}{{/url}}</td>{{/cells}}</tr>
        {{/rows}}</table></div>
        {{^rows}}<p class="help">{{empty}}</p>{{/rows}}{{/records}}
        </section>
        {{/tiles}}
        </div>
        """
}
