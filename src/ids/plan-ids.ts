/**
 * Which clauses get which new id. Numbers continue after the highest one a prefix has ever shown
 * (in the SPEC, or named by a test), so a deleted clause's number is not handed to a new clause
 * while anything still remembers it; gaps are never filled.
 */
import type { SpecgateConfig } from '../config/schema.js'
import type { Diagnostic } from '../diagnostics.js'
import type { Clause, Spec, SpecFile, TagRef } from '../spec/model.js'
import { choosePrefix } from './choose-prefix.js'

export interface Assignment {
  file: string
  clause: { name: string; line: number; column: number; keyword: string }
  id: string
  /** the clause's last own tag, after which the id is written; none: a new tag line goes above it */
  after?: TagRef
}

export interface IdPlan {
  assignments: Assignment[]
  /** files that do not parse: left alone */
  skipped: Diagnostic[]
}

export function planIds(spec: Spec, config: SpecgateConfig, reserved: readonly string[] = []): IdPlan {
  const counters = new Counters(config.ids.digits, [...spec.clauses.flatMap((c) => ownIds(c)), ...reserved])
  const assignments: Assignment[] = []
  for (const f of spec.files) {
    if (f.errors.length || !f.feature) continue
    const prefix = choosePrefix(f.file, f.feature.clauses, config)
    for (const c of f.feature.clauses) {
      if (ownIds(c).length === 0) assignments.push(assign(f, c, counters.next(prefix)))
    }
  }
  return { assignments, skipped: spec.files.flatMap((f) => f.errors) }
}

function assign(f: SpecFile, c: Clause, id: string): Assignment {
  return {
    file: f.file,
    clause: { name: c.name, line: c.line, column: c.column, keyword: c.keyword },
    id,
    after: lastTag(c.ownTags),
  }
}

/** The ids written on the clause itself (an inherited Feature id does not make a clause's id). */
function ownIds(c: Clause): string[] {
  return c.ownTags.filter((t) => t.name.startsWith('@id:')).map((t) => t.name.slice(4))
}

function lastTag(tags: readonly TagRef[]): TagRef | undefined {
  let last: TagRef | undefined
  for (const t of tags) if (!last || t.line > last.line || (t.line === last.line && t.column > last.column)) last = t
  return last
}

class Counters {
  private readonly high = new Map<string, number>()
  private readonly width = new Map<string, number>()
  constructor(private readonly digits: number, seen: readonly string[]) {
    for (const id of seen) {
      const m = /^(.+)-(\d+)$/.exec(id)
      if (!m) continue
      const [prefix, n] = [m[1]!, m[2]!]
      this.high.set(prefix, Math.max(this.high.get(prefix) ?? 0, Number(n)))
      this.width.set(prefix, Math.max(this.width.get(prefix) ?? 0, n.length))
    }
  }

  /** The next number of a prefix, as wide as the ids the prefix already has. */
  next(prefix: string): string {
    const n = (this.high.get(prefix) ?? 0) + 1
    this.high.set(prefix, n)
    return `${prefix}-${String(n).padStart(this.width.get(prefix) ?? this.digits, '0')}`
  }
}
