/**
 * report.html: one self-contained file (no network): totals and gates on top, the SPEC as a tree
 * with filters, and per clause its Gherkin text, tests, steps, failure, data and waiver. The data
 * travels as JSON in a script element; the page builds the DOM with textContent only.
 */
import { escapeHtml } from './escape.js'
import { htmlApp } from './html-app.js'
import { htmlDataJson } from './html-data.js'
import { pageDeriveScript } from './html-derive.js'
import { HTML_STYLE } from './html-style.js'
import type { RenderContext, ReportModel } from './model.js'

/** In chunks (the data one clause at a time): the report of a large SPEC is tens of MB. */
export function* renderHtml(model: ReportModel, _ctx: RenderContext): Generator<string> {
  const title = escapeHtml(model.title)
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${title}: ${model.passed ? 'passed' : 'failed'}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="sub">SPEC revision <code>${escapeHtml(model.specRevision)}</code> · ${model.ledger.sources.length} fragment(s)${model.generatedAt ? ` · newest ${escapeHtml(model.generatedAt)}` : ''}</p>
<div id="totals" data-testid="totals"></div>
<table id="gates" data-testid="gates"><thead><tr><th>gate</th><th>result</th><th>rule</th><th>failing</th></tr></thead><tbody></tbody></table>
</header>
<div id="side"></div>
<div id="filters" data-testid="filters"><span id="shown"></span></div>
<main><div id="tree" data-testid="tree"></div><aside id="detail" data-testid="detail"></aside></main>
<script type="application/json" id="specgate-data">`
  yield* htmlDataJson(model)
  yield `</script>
<script>(${htmlApp.toString()})(${pageDeriveScript()})</script>
</body>
</html>
`
}
