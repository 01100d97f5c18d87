/**
 * A JavaScript string literal as the test scanner reads it: the pattern (single, double or back
 * quotes; a template only without `$`) and the value of its body. One module, so the clause and
 * step calls and the step literals read strings alike. Pure.
 */

/** A string literal: groups 1-3 its body, one per quote kind. Only the source: each user makes the RegExp it needs. */
export const STRING = String.raw`'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|\x60((?:[^\x60\\$]|\\.)*)\x60`

/** `, {` after a call's last string (sticky): where its options object opens. */
export const OPTIONS_OPEN = /\s*,\s*\{/y

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' }

/** The value of a string literal's body (the escapes the generator writes, and the common others). */
export function unescape(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16))
    if (e.length > 1 && (e[0] === 'u' || e[0] === 'x')) return String.fromCharCode(parseInt(e.slice(1), 16))
    if (e === '\n' || e === '\r\n') return ''
    return SIMPLE_ESCAPES[e] ?? e
  })
}
