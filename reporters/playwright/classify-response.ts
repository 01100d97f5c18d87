/**
 * Does one API response carry data? Pure, so the rule is the same in every worker and testable on
 * its own: a non-empty array at the top level or one level down, or a `total`/`count` above zero,
 * is data; `[]`, `{ items: [] }`, `total: 0` and 204 are empty; anything else says nothing.
 */
export type ResponseKind = 'data' | 'empty' | 'neither'

const COUNT_KEYS = ['total', 'count', 'totalCount', 'total_count']

export function classifyBody(status: number, body: unknown): ResponseKind {
  if (status === 204) return 'empty'
  if (Array.isArray(body)) return body.length > 0 ? 'data' : 'empty'
  if (!isObject(body)) return 'neither'
  const top = classifyObject(body)
  if (top !== 'neither') return top
  // one level down: `{ data: { items: [...] } }`, `{ page: { total: 3 } }`
  const nested = Object.values(body).filter(isObject).map(classifyObject)
  if (nested.includes('data')) return 'data'
  return nested.includes('empty') ? 'empty' : 'neither'
}

function classifyObject(o: Record<string, unknown>): ResponseKind {
  const values = Object.values(o)
  const arrays = values.filter(Array.isArray)
  const counts = COUNT_KEYS.map((k) => o[k]).filter((v): v is number => typeof v === 'number')
  if (arrays.some((a) => a.length > 0) || counts.some((n) => n > 0)) return 'data'
  if (arrays.length > 0 || counts.length > 0) return 'empty'
  return 'neither'
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Config `e2e.api`: URL substrings, or regular expressions written `/.../flags`. */
export function apiMatcher(patterns: readonly string[], configFile: string): ((url: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined
  const tests = patterns.map((p, i) => patternTest(p, `${configFile}: e2e.api.${i}`))
  return (url) => tests.some((t) => t(url))
}

function patternTest(pattern: string, where: string): (url: string) => boolean {
  const re = /^\/(.+)\/([a-z]*)$/.exec(pattern)
  if (!re) return (url) => url.includes(pattern)
  let regex: RegExp
  try {
    regex = new RegExp(re[1]!, re[2])
  } catch (err) {
    throw new Error(`specgate: ${where}: ${pattern} is not a valid regular expression (${(err as Error).message})`)
  }
  return (url) => regex.test(url)
}
