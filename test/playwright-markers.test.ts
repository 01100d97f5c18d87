/**
 * The empty-state marker check of the Playwright fixture, on pages in real Chromium: what counts as
 * a visible marker, which one is named, and the config error for a selector that does not parse.
 * The fixture runs the same function after each Then step (PW-007 shows it in a whole run).
 */
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { checkMarkers, markersOf, pageMarkers } from '../reporters/playwright/page-watch.js'
import { openRecord, closeRecord } from '../reporters/playwright/recorder.js'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
  page = await browser.newPage()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

/** The markers checkMarkers records for `html` under the given config, as `marker@at`. */
async function found(html: string, selectors: string[], texts: string[] = []): Promise<string[]> {
  await page.setContent(html)
  const record = openRecord()
  try {
    await checkMarkers(pageMarkers(page, markersOf(selectors, texts)), record, 'then', 'Then the list shows')
  } finally {
    closeRecord()
  }
  return record.emptyMarkers.map((m) => `${m.marker}@${m.at}:${m.step}`)
}

const DEFAULT = ['[data-empty-state]', '[data-testid*="empty-state"]']
const SHADOW = `<list-view></list-view><script>
  customElements.define('list-view', class extends HTMLElement {
    constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p data-testid="orders-empty-state">none</p>' }
  })</script>`

describe('empty-state markers', () => {
  test('PW-018 only visible markers count, by selector or text; the first in config order is named; a bad selector is named', clause('PW-018', '16c4bea1a62c'), async () => {
    // rows and no marker: nothing recorded
    expect(await found('<ul><li>one</li></ul>', DEFAULT, ['No orders yet'])).toEqual([])
    // hidden in three ways: none counts
    const hidden = '<p data-empty-state hidden>x</p><p data-testid="a-empty-state" style="display:none">x</p><p data-empty-state style="visibility:hidden">x</p><div style="display:none">No orders yet</div>'
    expect(await found(hidden, DEFAULT, ['No orders yet'])).toEqual([])
    // visible: the first configured selector that matches is named, with the step
    expect(await found('<p data-testid="orders-empty-state">none</p><p data-empty-state>none</p>', DEFAULT)).toEqual(['[data-empty-state]@then:Then the list shows'])
    expect(await found('<p data-testid="orders-empty-state">none</p>', DEFAULT)).toEqual(['[data-testid*="empty-state"]@then:Then the list shows'])
    // inside an open shadow root, as component libraries render them
    expect(await found(SHADOW, DEFAULT)).toEqual(['[data-testid*="empty-state"]@then:Then the list shows'])
    // a text: case-sensitive, anywhere in an element's text, across elements and white space
    expect(await found('<section>No   <b>orders</b>\n yet today</section>', DEFAULT, ['No orders yet'])).toEqual(['text "No orders yet"@then:Then the list shows'])
    expect(await found('<section>no orders yet</section>', DEFAULT, ['No orders yet'])).toEqual([])
    // a text with characters a pattern would read otherwise
    expect(await found('<p>0 results (try again?)</p>', [], ['(try again?)'])).toEqual(['text "(try again?)"@then:Then the list shows'])
    // selectors are CSS only: Playwright's text= engine is not taken from the config
    await expect(found('<p>text=one</p>', ['text=one'])).rejects.toThrow('specgate: config e2e.emptyState.selectors: text=one is not a valid CSS selector')
    await expect(found('<p>x</p>', ['[data-ok]', '..empty-state'])).rejects.toThrow('specgate: config e2e.emptyState.selectors: ..empty-state is not a valid CSS selector')
  })
})
