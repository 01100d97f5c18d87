// @ts-check
/**
 * The HTTP application: the JSON API under /api and the two pages. Built over a store and a
 * clock, so tests start it on a real store with a fixed date.
 */
import http from 'node:http'
import { attributeCost, DIMENSIONS } from '../domain/cost.js'
import { keyStatus, monthStart } from '../domain/key-status.js'
import { entityCounts, keysWithSpend, memberExists, modelPrices, projectExists, usageSince } from '../store/queries.js'
import { servePage } from './pages.js'

/** @typedef {import('@electric-sql/pglite').PGlite} Db */
/** @typedef {{ status: number, body: unknown }} Reply */

/**
 * @param {{ db: Db, now?: () => Date }} options
 * @returns {http.Server}
 */
export function createApp({ db, now = () => new Date() }) {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith('/api/')) return servePage(url.pathname, res)
    route(db, now(), req.method ?? 'GET', url)
      .catch((err) => ({ status: 500, body: { error: `internal error: ${err instanceof Error ? err.message : String(err)}` } }))
      .then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        res.end(JSON.stringify(body))
      })
  })
}

/** @param {Db} db @param {Date} now @param {string} method @param {URL} url @returns {Promise<Reply>} */
async function route(db, now, method, url) {
  if (method !== 'GET') return { status: 405, body: { error: `${method} is not supported; the API is read-only` } }
  const memberStatus = /^\/api\/members\/([^/]+)\/key-status$/.exec(url.pathname)
  if (memberStatus) return keysOf(db, now, decodeURIComponent(memberStatus[1] ?? ''))
  switch (url.pathname) {
    case '/api/keys': return { status: 200, body: await listKeys(db, now) }
    case '/api/cost': return cost(db, now, url.searchParams)
    case '/api/_probe': return { status: 200, body: await entityCounts(db) }
  }
  return { status: 404, body: { error: `no such endpoint: ${url.pathname}` } }
}

/** Every key of the team with its status now. @param {Db} db @param {Date} now @param {string} [member] */
async function listKeys(db, now, member) {
  const rows = await keysWithSpend(db, monthStart(now), member)
  return rows.map(({ key, spentCents }) => ({
    id: key.id,
    member: key.member,
    label: key.label,
    spentCents,
    quotaCents: key.monthlyQuotaCents,
    status: keyStatus(key, spentCents, now),
  }))
}

/** @param {Db} db @param {Date} now @param {string} member @returns {Promise<Reply>} */
async function keysOf(db, now, member) {
  if (!(await memberExists(db, member))) return { status: 404, body: { error: `unknown member: ${member}` } }
  return { status: 200, body: { member, keys: await listKeys(db, now, member) } }
}

/** This month's cost by member, project or model, optionally for one project. @returns {Promise<Reply>} */
async function cost(/** @type {Db} */ db, /** @type {Date} */ now, /** @type {URLSearchParams} */ params) {
  const by = params.get('by') ?? 'member'
  if (!isDimension(by)) return { status: 400, body: { error: `by must be one of ${DIMENSIONS.join(', ')}; got ${by}` } }
  const project = params.get('project') ?? undefined
  if (project !== undefined && !(await projectExists(db, project))) {
    return { status: 404, body: { error: `unknown project: ${project}` } }
  }
  const rows = await usageSince(db, monthStart(now), project)
  const report = attributeCost(rows, await modelPrices(db), by)
  return { status: 200, body: { ...report, project: project ?? null, since: monthStart(now).toISOString() } }
}

/** @param {string} s @returns {s is import('../domain/cost.js').Dimension} */
function isDimension(s) {
  return /** @type {readonly string[]} */ (DIMENSIONS).includes(s)
}
