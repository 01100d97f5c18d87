// @ts-check
/**
 * Every question the API asks the store, as one function each. Rows come back in the domain's
 * shapes (Date, cents), so the domain code never sees SQL types.
 */

/** @typedef {import('@electric-sql/pglite').PGlite} Db */
/** @typedef {import('../domain/key-status.js').Key} Key */
/** @typedef {import('../domain/cost.js').UsageRow} UsageRow */
/** @typedef {import('../domain/cost.js').Price} Price */

/** @param {Db} db @param {string} id */
export async function memberExists(db, id) {
  const r = await db.query('select 1 from members where id = $1', [id])
  return r.rows.length > 0
}

/** @param {Db} db @param {string} id */
export async function projectExists(db, id) {
  const r = await db.query('select 1 from projects where id = $1', [id])
  return r.rows.length > 0
}

/**
 * The team's keys, each with what was spent on it since `since`; one member's when `member` is given.
 * @param {Db} db @param {Date} since @param {string} [member]
 * @returns {Promise<{ key: Key, spentCents: number }[]>}
 */
export async function keysWithSpend(db, since, member) {
  const keys = await db.query(
    `select id, member_id, label, expires_at, revoked_at, revoked_by, monthly_quota_cents
       from keys where ($1::text is null or member_id = $1) order by member_id, label`,
    [member ?? null],
  )
  const prices = await modelPrices(db)
  const usage = await db.query(
    'select key_id, model_id, input_tokens, output_tokens from usage where at >= $1',
    [since],
  )
  const spentMicro = new Map()
  for (const u of /** @type {any[]} */ (usage.rows)) {
    const p = prices.get(u.model_id)
    // an unpriced model cannot spend quota we cannot measure; the cost page lists it as unpriced
    if (!p) continue
    const micro = u.input_tokens * p.inputCentsPerMTok + u.output_tokens * p.outputCentsPerMTok
    spentMicro.set(u.key_id, (spentMicro.get(u.key_id) ?? 0) + micro)
  }
  return /** @type {any[]} */ (keys.rows).map((k) => ({
    key: {
      id: k.id,
      member: k.member_id,
      label: k.label,
      expiresAt: k.expires_at,
      revokedAt: k.revoked_at,
      revokedBy: k.revoked_by,
      monthlyQuotaCents: k.monthly_quota_cents,
    },
    spentCents: Math.round((spentMicro.get(k.id) ?? 0) / 1_000_000),
  }))
}

/** @param {Db} db @returns {Promise<Map<string, Price>>} */
export async function modelPrices(db) {
  const r = await db.query('select id, input_cents_per_mtok, output_cents_per_mtok from models')
  return new Map(/** @type {any[]} */ (r.rows).map((m) => [
    m.id,
    { inputCentsPerMTok: m.input_cents_per_mtok, outputCentsPerMTok: m.output_cents_per_mtok },
  ]))
}

/**
 * Usage rows since `since`, with the member each key belongs to; one project's when given.
 * @param {Db} db @param {Date} since @param {string} [project]
 * @returns {Promise<UsageRow[]>}
 */
export async function usageSince(db, since, project) {
  const r = await db.query(
    `select k.member_id as member, u.project_id as project, u.model_id as model,
            u.input_tokens as "inputTokens", u.output_tokens as "outputTokens"
       from usage u join keys k on k.id = u.key_id
      where u.at >= $1 and ($2::text is null or u.project_id = $2)
      order by u.id`,
    [since, project ?? null],
  )
  return /** @type {UsageRow[]} */ (r.rows)
}

/** Entity counts for specgate's probe: did this run see real data? @param {Db} db */
export async function entityCounts(db) {
  const r = await db.query(`select
      (select count(*) from keys)::int as keys,
      (select count(*) from members)::int as members,
      (select count(*) from projects)::int as projects,
      (select count(*) from models)::int as models,
      (select count(*) from usage)::int as usage`)
  return /** @type {Record<string, number>} */ (r.rows[0])
}
