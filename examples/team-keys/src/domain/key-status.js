// @ts-check
/**
 * Whether a member's key works right now, and if not, why. Pure: the caller passes the key, what
 * was spent on it this month and the clock.
 */
import { formatCents } from './money.js'

/**
 * @typedef {object} Key
 * @property {string} id
 * @property {string} member
 * @property {string} label
 * @property {Date | null} expiresAt
 * @property {Date | null} revokedAt
 * @property {string | null} revokedBy
 * @property {number} monthlyQuotaCents
 */

/**
 * @typedef {'revoked' | 'expired' | 'quota-exhausted'} FailureReason
 * @typedef {{ works: true, reason: null, message: string }
 *   | { works: false, reason: FailureReason, message: string }} KeyStatus
 */

/**
 * Reasons in the order a member can least fix them: a revoked key never comes back, an expired
 * one needs an admin, a spent quota resets next month. The member is shown the first that holds.
 * @param {Key} key
 * @param {number} spentCents spent on this key in the current calendar month (UTC)
 * @param {Date} now
 * @returns {KeyStatus}
 */
export function keyStatus(key, spentCents, now) {
  if (key.revokedAt && key.revokedAt <= now) {
    return { works: false, reason: 'revoked', message: `revoked by ${key.revokedBy ?? 'an admin'} on ${day(key.revokedAt)}` }
  }
  if (key.expiresAt && key.expiresAt <= now) {
    return { works: false, reason: 'expired', message: `expired on ${day(key.expiresAt)}: ask an admin for a new key` }
  }
  const spent = `${formatCents(spentCents)} of ${formatCents(key.monthlyQuotaCents)} spent this month`
  if (spentCents >= key.monthlyQuotaCents) {
    return { works: false, reason: 'quota-exhausted', message: `quota exhausted: ${spent}` }
  }
  return { works: true, reason: null, message: `works: ${spent}` }
}

/** The first instant of the month `now` is in (UTC): quotas reset there. */
export function monthStart(/** @type {Date} */ now) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
}

/** @param {Date} d */
function day(d) {
  return d.toISOString().slice(0, 10)
}
