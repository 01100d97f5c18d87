/**
 * The latest evidence for `explain` and `affected`: the fragments in the ledger folder if there are
 * any (what `check` would read next), else the merged ledger.json of the last `check`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { findFragments } from '../check/find-fragments.js'
import { readFragments } from '../check/read-fragments.js'
import { runCheck } from '../check/run-check.js'
import { readWaivers } from '../check/waivers-file.js'
import type { ReportModel } from '../report/model.js'
import type { Spec } from '../spec/model.js'
import type { Project } from './context.js'
import { runCommit } from '../util/run-commit.js'

export interface LatestOptions {
  ledger?: string
  today?: string
}

export async function latestModel(project: Project, spec: Spec, o: LatestOptions = {}): Promise<ReportModel> {
  const { root, config } = project
  const saved = path.join(config.reportDir, 'ledger.json')
  const files = o.ledger ? await findFragments(root, [o.ledger], config.ledgerDir) : await findFragments(root, [], config.ledgerDir)
  const fallback = files.length === 0 && fs.existsSync(path.resolve(root, saved)) ? [path.resolve(root, saved)] : files
  const read = readFragments(root, fallback)
  return runCheck({
    spec,
    config,
    ledgers: read.fragments.map((f) => f.ledger),
    broken: read.broken,
    searched: o.ledger ?? `${config.ledgerDir} or ${saved}`,
    waivers: await readWaivers(root, config.waivers, spec),
    today: o.today ?? new Date().toISOString().slice(0, 10),
    commit: runCommit(root, process.env),
  })
}

