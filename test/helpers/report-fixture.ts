/** A checked run whose report.html the HTML report tests open: the check-basic fixture's 8 clauses. */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { specgate } from './cli.js'
import { fixtureProject, fragment, passed, writeFragment } from './check-fixture.js'

export const HOSTILE = '<img src=x onerror=alert(1)>'
/** KEYS-002's failure: hostile text, and a script element that must not end the page's data */
export const HOSTILE_FAILURE = `expected ${HOSTILE} to be revoked</script><script>alert(3)</script>`

/**
 * 5 accepted, KEYS-002 failed with HOSTILE_FAILURE, BILL-002 waived, KEYS-006 @wip; the check
 * exits 1 on the failure. Returns report.html's file URL.
 */
export async function checkedReport(name: string): Promise<string> {
  const { root, spec } = await fixtureProject('check-basic', name)
  writeFragment(root, 'v.json', fragment({ runner: 'vitest', id: 'v', spec }, [
    passed(spec, 'KEYS-001'),
    passed(spec, 'KEYS-002', { status: 'failed', failure: { message: HOSTILE_FAILURE, step: 'Then the key is reported as revoked' } }),
    passed(spec, 'KEYS-003[1]'), passed(spec, 'KEYS-003[2]'),
    passed(spec, 'KEYS-005', { data: { observed: [{ entity: 'keys', count: 3, source: 'db' }], emptyMarkers: [] } }),
    passed(spec, 'BILL-001'),
  ]))
  writeFragment(root, 'pw.json', fragment({ runner: 'playwright', id: 'pw', spec }, [passed(spec, 'KEYS-004')]))
  fs.writeFileSync(path.join(root, 'specgate.waivers.yaml'), '- clause: BILL-002\n  reason: rebuilt in Q2\n  owner: billing\n  expires: 2026-03-31\n')
  const r = specgate(['check', '--today', '2026-01-15'], root)
  if (r.code !== 1) throw new Error(`specgate check exited ${r.code}, not 1:\n${r.stdout}${r.stderr}`)
  return pathToFileURL(path.join(root, 'specgate-report/report.html')).href
}

/** The ids of the clause rows the report's tree shows now, in order. */
export function shownClauses(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('clause-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-clause')))
}
