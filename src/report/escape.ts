/** Escaping for each output language: every text from features, tests and errors goes through one of these. */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c]!)
}

/** XML 1.0 cannot hold most control characters even escaped: drop them. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))
}

/** A Markdown table cell: one line, no pipe, no raw HTML (GitHub renders HTML in Markdown). */
export function escapeMarkdownCell(s: string): string {
  return escapeHtml(s).replace(/\r?\n/g, ' ').replace(/([\\`*_[\]|])/g, '\\$1')
}

/** JSON inside a <script> element: nothing in it can close the element or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** GitHub workflow command data and property values. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
