/** The HTML report's stylesheet, inlined: the report is one file that needs no network. */
export const HTML_STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; font-family: system-ui, -apple-system, Segoe UI, sans-serif; font-size: 14px; color: #1f2328; }
body { margin: 0; }
header { padding: 16px 24px; border-bottom: 1px solid var(--line); background: var(--bg); }
header h1 { margin: 0 0 4px; font-size: 20px; }
.sub { color: var(--muted); margin: 0 0 12px; }
#totals { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.total, .result { padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; font: inherit; }
button.total { cursor: pointer; }
.result { font-weight: 700; text-transform: uppercase; color: #fff; }
.result.ok { background: var(--ok); } .result.bad { background: var(--bad); }
.rejection { color: var(--bad); font-weight: 700; flex-basis: 100%; }
#gates { border-collapse: collapse; margin-top: 12px; width: 100%; background: #fff; }
#gates td, #gates th { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
.gate .state { font-weight: 700; } .g-pass .state { color: var(--ok); } .g-FAIL .state { color: var(--bad); } .g-warning .state { color: var(--warn); }
.msg { font-family: ui-monospace, monospace; font-size: 12px; }
#side { padding: 0 24px; } #side h2 { font-size: 16px; }
#filters { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 24px; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: #fff; z-index: 1; }
#filters select, #filters input { font: inherit; padding: 4px; }
#shown { color: var(--muted); align-self: center; }
main { display: grid; grid-template-columns: minmax(320px, 1fr) minmax(360px, 1.2fr); gap: 0; }
#tree { padding: 12px 24px; border-right: 1px solid var(--line); }
#detail { padding: 12px 24px; position: sticky; top: 50px; align-self: start; max-height: calc(100vh - 60px); overflow: auto; }
details.feature { margin: 4px 0; } summary { cursor: pointer; padding: 4px 0; }
.fname { font-weight: 600; } .file { color: var(--muted); margin-left: 8px; font-family: ui-monospace, monospace; font-size: 12px; } .count { color: var(--muted); margin-left: 8px; }
ul.clauses { list-style: none; padding-left: 16px; margin: 0; }
li.rule { color: var(--muted); font-style: italic; margin-top: 4px; }
a.clause { display: flex; gap: 8px; padding: 2px 4px; text-decoration: none; color: inherit; border-radius: 4px; }
a.clause:hover, a.clause.selected { background: #ddf4ff; }
.id { font-family: ui-monospace, monospace; font-weight: 600; }
.verdict { display: inline-block; min-width: 84px; padding: 0 6px; border-radius: 10px; font-size: 12px; text-align: center; color: #fff; background: var(--bad); }
.v-accepted.verdict { background: var(--ok); } .v-waived.verdict, .v-flaky.verdict, .v-skipped.verdict, .v-pending.verdict { background: var(--warn); } .v-uncovered.verdict { background: #6e7781; }
pre { background: var(--bg); padding: 8px; border-radius: 6px; overflow: auto; white-space: pre-wrap; }
pre.failure { background: #ffebe9; }
.evidence { border: 1px solid var(--line); border-radius: 6px; padding: 8px; margin: 8px 0; }
.status { font-weight: 600; } .s-passed > .status, .s-passed.status { color: var(--ok); } .s-failed > .status, .s-failed.status { color: var(--bad); }
.tag { display: inline-block; background: var(--bg); border: 1px solid var(--line); border-radius: 10px; padding: 0 6px; margin: 0 4px 4px 0; font-size: 12px; }
.muted { color: var(--muted); }
`
