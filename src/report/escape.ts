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

// A long text (a list of strings of a large report) is searched one character at a time:
// includes() scans like memchr (the 37 MB of a 50,000-clause report: 3 ms, against 22 ms for one
// regex test). A short one (a clause's data) takes one regex test: 50,000 clauses 14-28 ms,
// against 25-61 ms for five includes() each.
const SCRIPT_UNSAFE = ['<', '>', '&', '\u2028', '\u2029']
const SCRIPT_UNSAFE_ONE = /[<>&\u2028\u2029]/
const LONG = 1 << 16

/** JSON inside a <script> element: nothing in it can close the element or open a comment. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value)
  const unsafe = json.length < LONG ? SCRIPT_UNSAFE_ONE.test(json) : SCRIPT_UNSAFE.some((c) => json.includes(c))
  return unsafe ? json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json
}

/** GitHub workflow command data and property values. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
