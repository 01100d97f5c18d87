/** Whether a text compiles as a regular expression (the config's `ids.pattern`). */
export function isRegExp(source: string): boolean {
  try {
    new RegExp(source)
    return true
  } catch {
    return false
  }
}
