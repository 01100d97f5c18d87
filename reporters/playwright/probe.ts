/**
 * The probe: entity counts of the system under test (`{ orders: 12, users: 3 }`), read before each
 * E2E test from config `e2e.probe` (a URL) and/or the `specgateProbe` fixture. A probe that does
 * not answer counts is a user error: the test fails with the reason.
 */
export type ProbeCounts = Record<string, number>

export async function readProbe(url: string | undefined, fromFixture: unknown, baseURL: string | undefined): Promise<ProbeCounts | undefined> {
  if (!url && fromFixture === undefined) return undefined
  const fromUrl = url ? await fetchCounts(resolveUrl(url, baseURL)) : {}
  const fixture = fromFixture === undefined ? {} : checkCounts(fromFixture, 'the specgateProbe fixture')
  return { ...fromUrl, ...fixture }
}

function resolveUrl(url: string, baseURL: string | undefined): string {
  if (/^https?:\/\//.test(url)) return url
  if (!baseURL) throw new Error(`specgate: config e2e.probe "${url}" is relative, and the Playwright project sets no use.baseURL`)
  return new URL(url, baseURL).href
}

async function fetchCounts(url: string): Promise<Record<string, number>> {
  let response: globalThis.Response
  try {
    response = await fetch(url)
  } catch (err) {
    throw new Error(`specgate: config e2e.probe ${url} did not answer: ${(err as Error).message}`)
  }
  if (!response.ok) throw new Error(`specgate: config e2e.probe ${url} answered HTTP ${response.status}`)
  const body: unknown = await response.json().catch(() => undefined)
  return checkCounts(body, `config e2e.probe ${url}`)
}

function checkCounts(body: unknown, what: string): Record<string, number> {
  const ok = typeof body === 'object' && body !== null && !Array.isArray(body)
    && Object.values(body).every((n) => typeof n === 'number' && Number.isFinite(n))
  if (!ok) throw new Error(`specgate: ${what} must answer entity counts like { "orders": 12 }, got ${JSON.stringify(body)?.slice(0, 200)}`)
  return body as Record<string, number>
}
