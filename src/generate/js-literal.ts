/** Text from a SPEC -> JavaScript source that means exactly that text, whatever it contains. */

/** A single-quoted string literal; quotes, backslashes, line breaks and `${` are all inert in it. */
export function quote(text: string): string {
  // most SPEC text needs no escape at all: one regex test instead of a loop over every character
  if (!NEEDS_ESCAPE.test(text)) return `'${text}'`
  let out = "'"
  for (const ch of text) out += escapeChar(ch)
  return `${out}'`
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const NEEDS_ESCAPE = /['\\\u0000-\u001f\u007f\u2028\u2029]/

const ESCAPES: Record<string, string> = {
  "'": "\\'", '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u2028': '\\u2028', '\u2029': '\\u2029',
}

function escapeChar(ch: string): string {
  const known = ESCAPES[ch]
  if (known) return known
  const code = ch.codePointAt(0) ?? 0
  // other control characters would be invisible or break the line in an editor
  return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : ch
}

/**
 * An object key: bare when it is a plain identifier, quoted otherwise (`'unit price'`). `__proto__`
 * is computed: bare or quoted, that key sets the object's prototype instead of making a property.
 */
export function objectKey(name: string): string {
  if (name === '__proto__') return "['__proto__']"
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name)
}
