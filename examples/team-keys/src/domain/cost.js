// @ts-check
/**
 * Usage cost attributed by member, project or model. Costs are summed exactly in micro-cents and
 * rounded once; the cents shown per group are apportioned so they always add up to the rounded
 * team total (a finance review must never find a cent that belongs to nobody).
 */
import { MICRO_CENTS_PER_CENT, toCents } from './money.js'

/**
 * @typedef {{ inputCentsPerMTok: number, outputCentsPerMTok: number }} Price
 * @typedef {{ member: string, project: string, model: string, inputTokens: number, outputTokens: number }} UsageRow
 * @typedef {'member' | 'project' | 'model'} Dimension
 * @typedef {{ key: string, cents: number, inputTokens: number, outputTokens: number }} CostLine
 * @typedef {{ model: string, rows: number, tokens: number }} Unpriced
 * @typedef {{ by: Dimension, totalCents: number, lines: CostLine[], unpriced: Unpriced[] }} CostReport
 */

export const DIMENSIONS = /** @type {const} */ (['member', 'project', 'model'])

/** The exact cost of one row in micro-cents, or undefined when its model has no price. */
export function rowCost(/** @type {UsageRow} */ row, /** @type {Map<string, Price>} */ prices) {
  const price = prices.get(row.model)
  if (!price) return undefined
  return row.inputTokens * price.inputCentsPerMTok + row.outputTokens * price.outputCentsPerMTok
}

/**
 * @param {readonly UsageRow[]} rows
 * @param {Map<string, Price>} prices
 * @param {Dimension} by
 * @returns {CostReport}
 */
export function attributeCost(rows, prices, by) {
  /** @type {Map<string, { micro: number, inputTokens: number, outputTokens: number }>} */
  const groups = new Map()
  /** @type {Map<string, Unpriced>} */
  const unpriced = new Map()
  for (const row of rows) {
    const micro = rowCost(row, prices)
    if (micro === undefined) {
      // never priced at zero: an unknown price is a finding, not a free model
      const u = unpriced.get(row.model) ?? { model: row.model, rows: 0, tokens: 0 }
      u.rows++
      u.tokens += row.inputTokens + row.outputTokens
      unpriced.set(row.model, u)
      continue
    }
    const g = groups.get(row[by]) ?? { micro: 0, inputTokens: 0, outputTokens: 0 }
    g.micro += micro
    g.inputTokens += row.inputTokens
    g.outputTokens += row.outputTokens
    groups.set(row[by], g)
  }
  const keys = [...groups.keys()].sort()
  const micros = keys.map((k) => groups.get(k)?.micro ?? 0)
  const cents = apportion(micros)
  const lines = keys.map((key, i) => {
    const g = groups.get(key)
    return { key, cents: cents[i] ?? 0, inputTokens: g?.inputTokens ?? 0, outputTokens: g?.outputTokens ?? 0 }
  })
  const totalCents = toCents(micros.reduce((a, b) => a + b, 0))
  return { by, totalCents, lines, unpriced: [...unpriced.values()].sort((a, b) => a.model.localeCompare(b.model)) }
}

/**
 * Largest-remainder rounding: each share gets its whole cents, and the cents left over from
 * rounding the total go to the shares with the largest remainders.
 * @param {readonly number[]} micros
 * @returns {number[]}
 */
export function apportion(micros) {
  const total = toCents(micros.reduce((a, b) => a + b, 0))
  const floors = micros.map((m) => Math.floor(m / MICRO_CENTS_PER_CENT))
  let left = total - floors.reduce((a, b) => a + b, 0)
  const byRemainder = micros
    .map((m, i) => ({ i, rest: m % MICRO_CENTS_PER_CENT }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i)
  const out = [...floors]
  for (const { i } of byRemainder) {
    if (left <= 0) break
    out[i] = (out[i] ?? 0) + 1
    left--
  }
  return out
}
