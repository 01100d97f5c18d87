/**
 * The e2e part of the specgate config, read once per worker (and once by the reporter), resolved
 * into what the fixture needs per test.
 */
import path from 'node:path'
import { apiMatcher } from './classify-response.js'
import { markersOf, type EmptyStateMarkers } from './page-watch.js'

export interface E2ESettings {
  /** configured `e2e.api` patterns; undefined: same-origin fetch/XHR with a JSON body */
  api?: (url: string) => boolean
  /** undefined when no marker is configured */
  markers?: EmptyStateMarkers
  probe?: string
}

/** The project root: the reporter's `root` option (passed on to workers), else the Playwright config's folder. */
export function projectRoot(configFile: string | undefined): string {
  const fromReporter = process.env.SPECGATE_ROOT
  if (fromReporter) return fromReporter
  return configFile ? path.dirname(configFile) : process.cwd()
}

export async function loadSettings(root: string, configPath?: string): Promise<E2ESettings> {
  const { loadConfig } = await import('../../src/config/load-config.js')
  const { config, file } = await loadConfig(root, configPath)
  const e2e = config.e2e
  return {
    api: apiMatcher(e2e.api, file ?? 'specgate config'),
    markers: markersOf(e2e.emptyState.selectors, e2e.emptyState.texts),
    probe: e2e.probe,
  }
}
