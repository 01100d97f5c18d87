/**
 * Fragments from another commit or another SPEC revision are flagged, never silently mixed: their
 * evidence still counts where its clause hash matches, but the report says the run is mixed.
 */
import type { LedgerSource } from '../ledger/schema.js'

export interface RunIdentity {
  /** the commit checked out now, when known */
  commit?: string
  specRevision: string
}

export function mixedRunFindings(sources: readonly LedgerSource[], now: RunIdentity): string[] {
  const findings: string[] = []
  for (const s of sources) {
    if (s.specRevision && s.specRevision !== now.specRevision) {
      findings.push(`fragment ${s.id} (${s.runner}) ran against SPEC revision ${s.specRevision}; the SPEC is now ${now.specRevision}`)
    }
    if (s.commit && now.commit && s.commit !== now.commit) {
      findings.push(`fragment ${s.id} (${s.runner}) ran on commit ${short(s.commit)}; the checkout is ${short(now.commit)}`)
    }
  }
  if (!now.commit) findings.push(...commitsDisagree(sources))
  return findings
}

/** Without a checkout to compare with, fragments that disagree among themselves are still mixed. */
function commitsDisagree(sources: readonly LedgerSource[]): string[] {
  const commits = [...new Set(sources.flatMap((s) => (s.commit ? [s.commit] : [])))].sort()
  return commits.length > 1 ? [`fragments come from ${commits.length} commits: ${commits.map(short).join(', ')}`] : []
}

function short(commit: string): string {
  return commit.slice(0, 12)
}
