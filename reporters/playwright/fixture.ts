/**
 * Playwright's `test`, extended with specgate's automatic fixture: per test, with no code in the
 * test, it reads the probe, watches the page's API responses and empty-state markers, and hands
 * the record (steps, data) to the reporter as an attachment.
 */
import { test as base, expect } from '@playwright/test'
import { settleSteps } from '../../src/runtime/common/index.js'
import { checkMarkers, pageMarkers, watchResponses } from './page-watch.js'
import { readProbe, type ProbeCounts } from './probe.js'
import { closeRecord, openRecord, RECORD_ATTACHMENT, RECORD_CONTENT_TYPE, toPayload, type PlaywrightRecord } from './recorder.js'
import { loadSettings, projectRoot, type E2ESettings } from './settings.js'

export interface SpecgateTestFixtures {
  /**
   * Entity counts read before each test, besides config `e2e.probe`. Override it as a fixture:
   * `test.use({ specgateProbe: async ({ request }, use) => use(await (await request.get('/api/counts')).json()) })`
   */
  specgateProbe: ProbeCounts | undefined
  specgateRecord: PlaywrightRecord
}

export interface SpecgateWorkerFixtures {
  specgateSettings: E2ESettings
}

export const test = base.extend<SpecgateTestFixtures, SpecgateWorkerFixtures>({
  specgateSettings: [
    async ({}, use, workerInfo) => {
      await use(await loadSettings(projectRoot(workerInfo.config.configFile)))
    },
    { scope: 'worker', box: true },
  ],
  specgateProbe: [async ({}, use) => use(undefined), { box: true }],
  specgateRecord: [
    async ({ specgateSettings, specgateProbe }, use, testInfo) => {
      const record = openRecord()
      const probe = await readProbe(specgateSettings.probe, specgateProbe, testInfo.project.use.baseURL)
      if (probe) record.probe = probe
      try {
        await use(record)
      } finally {
        closeRecord()
        settleSteps(record)
        await testInfo.attach(RECORD_ATTACHMENT, { body: JSON.stringify(toPayload(record)), contentType: RECORD_CONTENT_TYPE })
      }
    },
    { auto: true, box: true },
  ],
  page: async ({ page, specgateRecord: record, specgateSettings: settings }, use) => {
    const watch = watchResponses(page, settings, record)
    const markers = pageMarkers(page, settings.markers)
    record.checkMarkers = (at, step) => checkMarkers(markers, record, at, step)
    await use(page)
    // the end of the test counts only for a test without Then steps: spare the round trip otherwise
    if (!record.steps.some((s) => s.keyword === 'Then')) await record.checkMarkers('end')
    record.checkMarkers = undefined
    await watch.stop()
  },
})

export { expect }
