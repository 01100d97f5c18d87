/**
 * What the automatic fixture watches on the page: API responses (data or empty) and empty-state
 * markers. Response bodies are read off the hot path; the fixture awaits them before the test ends.
 */
import type { Locator, Page, Response } from '@playwright/test'
import { classifyBody, type ResponseKind } from './classify-response.js'
import type { MarkerAt, PlaywrightRecord } from './recorder.js'
import type { E2ESettings } from './settings.js'

export interface PageWatch {
  /** waits for the response bodies still being read, then stops listening */
  stop(): Promise<void>
}

export function watchResponses(page: Page, settings: E2ESettings, record: PlaywrightRecord): PageWatch {
  const reads: Promise<void>[] = []
  const onResponse = (response: Response): void => {
    const read = classifyResponse(response, settings)
    if (read) reads.push(read.then((kind) => count(record, kind)))
  }
  page.on('response', onResponse)
  return {
    async stop() {
      page.off('response', onResponse)
      await Promise.allSettled(reads)
    },
  }
}

function count(record: PlaywrightRecord, kind: ResponseKind): void {
  if (kind === 'data') record.responses.withData++
  else if (kind === 'empty') record.responses.empty++
}

function classifyResponse(response: Response, settings: E2ESettings): Promise<ResponseKind> | undefined {
  if (!isApiResponse(response, settings) || response.status() >= 400) return undefined
  if (response.status() === 204) return Promise.resolve('empty')
  if (!(response.headers()['content-type'] ?? '').includes('json')) return undefined
  // a body that cannot be read (the page navigated away) or parsed says nothing about data
  return response.json().then((body: unknown) => classifyBody(response.status(), body), () => 'neither' as const)
}

function isApiResponse(response: Response, settings: E2ESettings): boolean {
  if (settings.api) return settings.api(response.url())
  const request = response.request()
  const type = request.resourceType()
  if (type !== 'fetch' && type !== 'xhr') return false
  return sameOrigin(response.url(), frameUrl(request))
}

function frameUrl(request: ReturnType<Response['request']>): string | undefined {
  try {
    return request.frame().url()
  } catch {
    return undefined // a service worker's request has no frame
  }
}

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}

/** The configured empty-state markers: CSS selectors, and texts a visible element may show. */
export interface EmptyStateMarkers {
  selectors: readonly string[]
  texts: readonly string[]
}

export function markersOf(selectors: readonly string[], texts: readonly string[]): EmptyStateMarkers | undefined {
  return selectors.length === 0 && texts.length === 0 ? undefined : { selectors, texts }
}

/** One page's marker locators, made when the test gets its page: each check is then one count. */
export interface PageMarkers {
  page: Page
  /** every marker at once: the selectors as one CSS selector list, or()ed with the texts, visible only */
  any: Locator
  /** each marker by the name a finding gives it, in config order, visible only */
  each: { name: string; locator: Locator }[]
  selectors: readonly string[]
}

export function pageMarkers(page: Page, markers: EmptyStateMarkers | undefined): PageMarkers | undefined {
  if (!markers) return undefined
  const visible = (l: Locator): Locator => l.filter({ visible: true })
  const texts = markers.texts.map((t) => ({ name: `text "${t}"`, locator: page.getByText(textPattern(t)) }))
  const all = [...(markers.selectors.length ? [selectorLocator(page, markers.selectors.join(', '))] : []), ...texts.map((t) => t.locator)]
  return {
    page,
    any: visible(all.reduce((a, b) => a.or(b))),
    each: [...markers.selectors.map((s) => ({ name: s, locator: selectorLocator(page, s) })), ...texts].map((m) => ({ name: m.name, locator: visible(m.locator) })),
    selectors: markers.selectors,
  }
}

/**
 * Looks for a visible empty-state marker in one round trip (a locator count, answered by the script
 * Playwright's own locators set up in the page), and records the first one found. A `page.evaluate`
 * of the same check needed a helper script of its own in every new page; the two measured alike
 * per test (bench/NOTES.md, eleventh session).
 */
export async function checkMarkers(markers: PageMarkers | undefined, record: PlaywrightRecord, at: MarkerAt, step?: string): Promise<void> {
  if (!markers || markers.page.isClosed()) return
  let marker: string | undefined
  try {
    marker = await visibleMarker(markers)
  } catch (err) {
    // the page is navigating or closing: it shows no marker at this moment
    if (/context was destroyed|Target page.*closed|navigat/i.test((err as Error).message)) return
    throw err
  }
  if (marker) record.emptyMarkers.push(step ? { marker, at, step } : { marker, at })
}

async function visibleMarker({ page, any, each, selectors }: PageMarkers): Promise<string | undefined> {
  try {
    if ((await any.count()) === 0) return undefined
  } catch (err) {
    throw (await invalidSelector(page, selectors, err)) ?? err
  }
  // a marker shows (an empty-state run, the rare case): name the first in config order; if it went
  // away between the two queries, the page still showed one of them
  const counts = await Promise.all(each.map((m) => m.locator.count()))
  return each[counts.findIndex((n) => n > 0)]?.name ?? each.map((m) => m.name).join(' or ')
}

/** `css=`: a configured selector is CSS, never one of Playwright's other selector engines. */
function selectorLocator(page: Page, selector: string): Locator {
  return page.locator(`css=${selector}`)
}

/** Case-sensitive, anywhere in an element's text; a run of spaces in the config matches any run of white space. */
function textPattern(text: string): RegExp {
  return new RegExp(text.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'))
}

/** The config error for a selector Playwright cannot parse, naming it; undefined when the error is another. */
async function invalidSelector(page: Page, selectors: readonly string[], err: unknown): Promise<Error | undefined> {
  if (!/while parsing (css )?selector/i.test((err as Error).message)) return undefined
  for (const s of selectors) {
    const parses = await selectorLocator(page, s).count().then(() => true, () => false)
    if (!parses) return new Error(`specgate: config e2e.emptyState.selectors: ${s} is not a valid CSS selector`)
  }
  return undefined
}
