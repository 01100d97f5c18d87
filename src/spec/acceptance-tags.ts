/** Reading the acceptance tags (DESIGN.md) off a clause's inherited tag names. */
import type { Level } from './model.js'
import { LEVELS } from './model.js'
import { fit } from '../util/fit.js'

export const VALUE_TAG_PREFIXES = ['id', 'owner', 'acceptor', 'requires-data', 'covers', 'risk'] as const
export const FLAG_TAGS = ['unit', 'integration', 'e2e', 'error', 'edge', 'empty-state-ok', 'wip'] as const

/** `@requires-data:orders>=3` */
export const REQUIRES_DATA = /^([A-Za-z_][\w.-]*)>=(\d+)$/

export interface AcceptanceTags {
  ids: string[]
  levels: Level[]
  owner?: string
  acceptor?: string
  branches: ('error' | 'edge')[]
  requiresData: { entity: string; min: number }[]
  covers: string[]
  risks: string[]
  emptyStateOk: boolean
  wip: boolean
}

/** Splits `@key:value` into its parts; `@wip` has no value. */
export function splitTag(name: string): { key: string; value?: string } {
  const bare = name.startsWith('@') ? name.slice(1) : name
  const colon = bare.indexOf(':')
  return colon < 0 ? { key: bare } : { key: bare.slice(0, colon), value: bare.slice(colon + 1) }
}

/**
 * Tag names are ordered outermost first (Feature, Rule, Scenario), so for single-valued tags
 * such as owner the last one, the innermost, wins.
 */
export function readAcceptanceTags(names: readonly string[]): AcceptanceTags {
  const out: AcceptanceTags = {
    ids: [], levels: [], branches: [], requiresData: [], covers: [], risks: [], emptyStateOk: false, wip: false,
  }
  for (const name of names) {
    const { key, value } = splitTag(name)
    if (value === undefined) readFlag(out, key)
    else readValue(out, key, value)
  }
  // every clause of a large SPEC keeps these lists, most of them empty: no spare room in any
  out.levels = fit(out.levels)
  out.branches = fit(out.branches)
  out.requiresData = fit(out.requiresData)
  out.covers = fit(out.covers)
  out.risks = fit(out.risks)
  return out
}

function readFlag(out: AcceptanceTags, key: string): void {
  const level = LEVELS.find((l) => l === key) // the constant, not a copy of the tag's text per clause
  if (level) pushOnce(out.levels, level)
  else if (key === 'error') pushOnce(out.branches, 'error')
  else if (key === 'edge') pushOnce(out.branches, 'edge')
  else if (key === 'empty-state-ok') out.emptyStateOk = true
  else if (key === 'wip') out.wip = true
}

function readValue(out: AcceptanceTags, key: string, value: string): void {
  switch (key) {
    case 'id': pushOnce(out.ids, value); break
    case 'owner': out.owner = value; break
    case 'acceptor': out.acceptor = value; break
    case 'covers': pushOnce(out.covers, value); break
    case 'risk': pushOnce(out.risks, value); break
    case 'requires-data': {
      const m = REQUIRES_DATA.exec(value)
      if (m?.[1] && m[2]) out.requiresData.push({ entity: m[1], min: Number(m[2]) })
      break
    }
  }
}

function pushOnce<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item)
}
