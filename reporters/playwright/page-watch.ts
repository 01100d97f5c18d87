/**
 * What the automatic fixture watches on the page: API responses (data or empty) and empty-state
 * markers. Response bodies are read off the hot path; the fixture awaits them before the test ends.
 */
import type { Page, Response } from '@playwright/test'
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

/**
 * The page-side check as one expression, built once per worker: a string evaluates a little faster
 * than a function with arguments (no argument serialization), and it runs at every Then step.
 */
export function markerScript(selectors: readonly string[], texts: readonly string[]): string | undefined {
  if (selectors.length === 0 && texts.length === 0) return undefined
  return `(${findVisibleMarker.toString()})(${JSON.stringify({ selectors, texts })})`
}

/**
 * The first evaluation in a freshly loaded page sets up Playwright's helper script there (measured:
 * about 3 ms more than later ones). Each time a document loads, one empty evaluation is sent without
 * waiting for it, so that set-up happens while the test works, not inside its Then step.
 */
export function warmMarkerCheck(page: Page, settings: E2ESettings): { stop(): void } {
  if (!settings.markerScript) return { stop() {} }
  const warm = (): void => {
    page.evaluate('0').catch(() => undefined) // the page may navigate or close meanwhile: nothing to warm then
  }
  page.on('domcontentloaded', warm)
  return { stop: () => page.off('domcontentloaded', warm) }
}

/** Looks for a visible empty-state marker in one round trip; records the first one found. */
export async function checkMarkers(page: Page, settings: E2ESettings, record: PlaywrightRecord, at: MarkerAt, step?: string): Promise<void> {
  if (!settings.markerScript || page.isClosed()) return
  let found: { marker?: string; invalid?: string }
  try {
    found = (await page.evaluate(settings.markerScript)) as typeof found
  } catch (err) {
    // the page is navigating or closing: it shows no marker at this moment
    if (/context was destroyed|Target page.*closed|navigat/i.test((err as Error).message)) return
    throw err
  }
  if (found.invalid) throw new Error(`specgate: config e2e.emptyState.selectors: ${found.invalid} is not a valid CSS selector`)
  if (found.marker) record.emptyMarkers.push(step ? { marker: found.marker, at, step } : { marker: found.marker, at })
}

/** Runs in the page (as source text: it may use nothing from this module). */
function findVisibleMarker({ selectors, texts }: { selectors: string[]; texts: string[] }): { marker?: string; invalid?: string } {
  for (const selector of selectors) {
    let elements: NodeListOf<Element>
    try {
      elements = document.querySelectorAll(selector)
    } catch {
      return { invalid: selector }
    }
    for (let i = 0; i < elements.length; i++) if (elements[i]!.checkVisibility()) return { marker: selector }
  }
  const shown = texts.length ? (document.body?.innerText ?? '') : ''
  const text = texts.find((t) => shown.includes(t))
  return text ? { marker: `text "${text}"` } : {}
}
