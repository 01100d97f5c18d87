/**
 * The fragment's source for one Vitest run: label, shard, commit, and whether the run was partial. Named
 * when the run starts, so evidence can be recorded as test files finish; the SPEC revision is
 * added at the end.
 */
import type { Vitest } from 'vitest/node'
import type { LedgerSource } from '../../src/ledger/schema.js'
import { newSource } from '../../src/ledger/source.js'
import { runCommit } from '../../src/util/run-commit.js'

export function runSource(vitest: Vitest, label: string | undefined, now: Date): LedgerSource {
  const shard = vitest.config.shard ? { index: vitest.config.shard.index, total: vitest.config.shard.count } : undefined
  const commit = runCommit(vitest.config.root, process.env)
  return newSource({ runner: 'vitest', label, shard, partial: Boolean(shard) || isFiltered(vitest), commit, now })
}

/** A run limited by test name, tag filter or file filters did not try to prove every clause. */
function isFiltered(vitest: Vitest): boolean {
  const c = vitest.config as { testNamePattern?: unknown; tagsFilter?: unknown; project?: unknown }
  const projects = Array.isArray(c.project) ? c.project.length > 0 : Boolean(c.project)
  const files = (vitest as unknown as { filenamePattern?: unknown[] }).filenamePattern
  return Boolean(c.testNamePattern) || Boolean(c.tagsFilter && (c.tagsFilter as unknown[]).length) || projects || Boolean(files?.length)
}
