/** Who owes what: failing gates' clauses grouped by owner and by acceptor. */
import type { GateResult } from '../ledger/gates.js'
import { compareStrings } from '../ledger/sorted-json.js'
import type { Debt } from '../report/model.js'

const NOBODY = '(no owner)'

export function debtsOf(gates: readonly GateResult[]): Debt[] {
  const items = new Map<string, Debt['items'][number]>()
  const roles = new Map<string, { owner: string; acceptor: string }>()
  for (const g of gates) {
    if (g.passed || g.severity !== 'error') continue
    for (const f of g.failures) {
      const cv = f.clause
      if (!cv?.clause.id) continue
      const item = items.get(cv.clause.id) ?? { id: cv.clause.id, name: cv.clause.name, verdict: cv.verdict, gates: [] }
      if (!item.gates.includes(g.name)) item.gates.push(g.name)
      items.set(cv.clause.id, item)
      roles.set(cv.clause.id, { owner: cv.clause.owner ?? NOBODY, acceptor: cv.clause.acceptor ?? '(no acceptor)' })
    }
  }
  return [...group(items, roles, 'owner'), ...group(items, roles, 'acceptor')]
}

function group(items: Map<string, Debt['items'][number]>, roles: Map<string, { owner: string; acceptor: string }>, role: Debt['role']): Debt[] {
  const byWho = new Map<string, Debt>()
  for (const [id, item] of items) {
    const who = roles.get(id)![role]
    const debt = byWho.get(who) ?? { role, who, items: [] }
    debt.items.push(item)
    byWho.set(who, debt)
  }
  for (const d of byWho.values()) d.items.sort((a, b) => compareStrings(a.id, b.id))
  return [...byWho.values()].sort((a, b) => compareStrings(a.who, b.who))
}
