/** Escaping for each output language: every text from features, tests and errors goes through one of these. */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

// Each function first tests whether anything needs escaping: most texts need none, and a large
// report escapes hundreds of thousands of them.
export function escapeHtml(s: string): string {
  return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => HTML[c]!) : s
}

/** XML 1.0 cannot hold most control characters even escaped: drop them. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"']/.test(s)) return s
  // eslint-disable-next-line no-control-regex
  return escapeHtml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))
}

/** A Markdown table cell: one line, no pipe, no raw HTML (GitHub renders HTML in Markdown). */
export function escapeMarkdownCell(s: string): string {
  if (!/[&<>"'\r\n\\`*_[\]|]/.test(s)) return s
  return escapeHtml(s).replace(/\r?\n/g, ' ').replace(/([\\`*_[\]|])/g, '\\$1')
}

// One regex test decides whether a text needs escaping: the report's texts come a clause at a
// time (50,000 clauses: 14-28 ms, against 25-61 ms for five includes() each), and its longest,
// the list of strings (348,000 characters on the benchmark), takes 0.2 ms.
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/

/** JSON inside a <script> element: nothing in it can close the element or open a comment. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value)
  return SCRIPT_UNSAFE.test(json) ? json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json
}

/** GitHub workflow command data and property values. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
