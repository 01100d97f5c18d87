/** `specgate explain <id>`: everything about one clause in one place, as data. */
import type { Verdict } from '../config/schema.js'
import type { SpecgateConfig } from '../config/schema.js'
import { runnersFor } from '../ledger/verdict.js'
import type { Level } from '../spec/model.js'
import { gherkinText } from '../report/html-data.js'
import type { ReportModel } from '../report/model.js'
import { placeOf } from '../ledger/judge-evidence.js'
import { nextSteps } from './next-steps.js'

export interface Explanation {
  id: string
  name: string
  feature: string
  rule?: string
  location: string
  hash: string
  tags: string[]
  levels: string[]
  owner?: string
  acceptor?: string
  covers: string[]
  gherkin: string[]
  verdict: Verdict
  /** the verdict a waiver covers */
  waivedVerdict?: Verdict
  reason: string
  cases: { key: string; verdict: Verdict; reasons: string[] }[]
  tests: { runner: string; place: string; title: string; case: string; status: string; clauseHash?: string; failure?: string; steps: string[] | null; data?: unknown }[]
  waiver?: { reason: string; owner: string; expires: string; link?: string; acceptor?: string; status: string; at: string }
  failingGates: string[]
  /** what would make it accepted; empty when it is */
  next: string[]
}

export function explainClause(model: ReportModel, id: string, config: SpecgateConfig): Explanation | undefined {
  const cv = model.verdicts.clauses.find((c) => c.clause.id === id)
  if (!cv) return undefined
  const c = cv.clause
  const use = model.waivers.find((u) => u.waiver.clause === id)
  return {
    id, name: c.name, feature: c.feature.name, rule: c.rule?.name, location: `${c.file}:${c.line}:${c.column}`, hash: c.hash,
    tags: c.tags, levels: c.levels, owner: c.owner, acceptor: c.acceptor, covers: c.covers, gherkin: gherkinText(c),
    verdict: cv.verdict, waivedVerdict: cv.waivedVerdict, reason: cv.reason,
    cases: cv.cases.map((k) => ({ key: k.key, verdict: k.verdict, reasons: k.reasons })),
    tests: cv.evidence.map((e) => ({
      runner: e.runner, place: placeOf(e.test), title: e.test.title, case: e.caseKey, status: e.status, clauseHash: e.clauseHash,
      failure: e.failure?.message, steps: e.steps && e.steps.map((s) => `${s.status} ${s.keyword} ${s.text}`), data: e.data,
    })),
    waiver: use && { ...pick(use.waiver), status: use.status, at: `${use.waiver.file}:${use.waiver.line}` },
    failingGates: model.gates.filter((g) => !g.passed && g.failures.some((f) => f.clause === cv)).map((g) => g.name),
    next: nextSteps(cv, (level) => runnersFor(level as Level, config)),
  }
}

function pick(w: { reason: string; owner: string; expires: string; link?: string; acceptor?: string }) {
  return { reason: w.reason, owner: w.owner, expires: w.expires, link: w.link, acceptor: w.acceptor }
}

export function renderExplanation(x: Explanation): string {
  const lines = [
    `${x.id}  ${x.name}`,
    `  ${x.feature}${x.rule ? ` > Rule: ${x.rule}` : ''}  (${x.location})`,
    `  verdict: ${x.verdict}${x.waivedVerdict ? ` (covering ${x.waivedVerdict})` : ''}${x.reason ? `: ${x.reason}` : ''}`,
    `  level ${x.levels.join(', ') || '-'} · owner ${x.owner ?? '-'} · acceptor ${x.acceptor ?? '-'} · hash ${x.hash}`,
    `  tags: ${x.tags.join(' ')}`,
    '',
    ...x.gherkin.map((l) => `    ${l}`),
    '',
    `tests (${x.tests.length}):`,
    ...(x.tests.length ? x.tests.flatMap(testLines) : ['  none names this clause']),
  ]
  if (x.cases.length > 1) lines.push('', 'cases:', ...x.cases.map((k) => `  ${k.verdict.padEnd(11)} ${k.key}${k.reasons.length ? `: ${k.reasons.join('; ')}` : ''}`))
  if (x.waiver) lines.push('', `waiver (${x.waiver.status}, ${x.waiver.at}): ${x.waiver.reason}; owner ${x.waiver.owner}, expires ${x.waiver.expires}${x.waiver.acceptor ? `, acceptor ${x.waiver.acceptor}` : ''}${x.waiver.link ? `, ${x.waiver.link}` : ''}`)
  if (x.failingGates.length) lines.push('', `failing gates: ${x.failingGates.join(', ')}`)
  lines.push('', x.next.length ? 'to have it accepted:' : 'accepted: nothing to do', ...x.next.map((n) => `  - ${n}`))
  return `${lines.join('\n')}\n`
}

function testLines(t: Explanation['tests'][number]): string[] {
  const lines = [`  ${t.status.padEnd(8)} ${t.runner} ${t.place} "${t.title}" (${t.case})`]
  if (t.failure) lines.push(`           failure: ${t.failure.split('\n')[0]}`)
  for (const s of t.steps ?? []) lines.push(`           ${s}`)
  return lines
}
