// @ts-check
/**
 * Money without floating-point drift. Prices are whole cents per million tokens, so the cost of
 * any usage row is a whole number of micro-cents (1e-6 cent): tokens x cents-per-million.
 * Rounding to cents happens once, at the edge, where people read it.
 */

export const MICRO_CENTS_PER_CENT = 1_000_000

/** `$12.30` -> 1230 cents; throws on anything that is not a dollar amount. */
export function parseUsd(/** @type {string} */ text) {
  const m = /^\$(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) throw new Error(`not a dollar amount: ${text}`)
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'))
}

/** 1230 cents -> `$12.30` */
export function formatCents(/** @type {number} */ cents) {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(Math.round(cents))
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** micro-cents -> whole cents, half up */
export function toCents(/** @type {number} */ microCents) {
  return Math.round(microCents / MICRO_CENTS_PER_CENT)
}
