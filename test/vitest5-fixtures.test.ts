/**
 * The same fixture projects under Vitest 5 on Node 24 (compat/vitest5, installed here when
 * missing; specgate is packed and unpacked into it so its worker code resolves Vitest 5).
 * Each test proves its VIT clause under Vitest 5 as well; VIT-014 then checks that this leg
 * really is Vitest 5 on Node 24 and that every test of the suite passed here.
 */
import { spawnSync } from 'node:child_process'
import { beforeAll, expect, test } from 'vitest'
import type { RunnerTask } from 'vitest'
import { clause } from 'specgate/vitest'
import { prepareVitest5, runVitest, VITEST5 } from './helpers/vitest-fixtures.js'
import { REPO } from './helpers/cli.js'
import { fixtureSuite } from './vitest-suite.js'

beforeAll(() => prepareVitest5())

fixtureSuite(VITEST5, {
  accepted: clause('VIT-001', '4f56e0735288'),
  summary: clause('VIT-002', '343219537657'),
  failed: clause('VIT-003', 'd1f8eea0b568'),
  pending: clause('VIT-004', '3e802dc7c9c3'),
  hollow: clause('VIT-005', '49984fe1694c'),
  stale: clause('VIT-006', '6beb0a342b96'),
  orphan: clause('VIT-007', '65d9e8446aa1'),
  uncovered: clause('VIT-008', '8959dc4f4ccc'),
  flaky: clause('VIT-009', '77d5dcbd18dc'),
  todoSkip: clause('VIT-009', '77d5dcbd18dc'),
  timeout: clause('VIT-010', 'd0d476034679'),
  crash: clause('VIT-010', 'd0d476034679'),
  sharded: clause('VIT-011', 'eafeeb9715d1'),
  gate: clause('VIT-012', '24b9b442d2bf'),
  errors: clause('VIT-013', '1f58eb59ed8e'),
  ownRunner: clause('VIT-015', '24a64a3d49ff'),
  browserMode: clause('VIT-016', 'c5db5f2c0ecb'),
  concurrent: clause('VIT-017', '0667a830dd41'),
  tagsFilter: clause('VIT-018', '2a2bdb3a6ab5'),
  internalError: clause('VIT-019', '6904d6e9e3a4'),
  filtered: clause('VIT-020', '795ed33b7540'),
})

function testsOf(task: RunnerTask): RunnerTask[] {
  return 'tasks' in task ? task.tasks.flatMap(testsOf) : [task]
}

// Runs after the suite above (tests of a file run in order): it looks at their results.
test('VIT-014 The same fixture projects pass under Vitest 5 on Node 24', clause('VIT-014', '8dba7837cc1a'), async ({ task }) => {
  expect(spawnSync(VITEST5.node, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./)
  expect((await runVitest(VITEST5, REPO, ['--version'])).stdout).toMatch(/\bv?5\.\d+\.\d+/)
  const suite = testsOf(task.file).filter((t) => t !== task)
  const proven = new Set(suite.filter((t) => t.result?.state === 'pass').map((t) => t.name.split(' ')[0]))
  expect(suite.filter((t) => t.result?.state !== 'pass').map((t) => `${t.name}: ${t.result?.state ?? 'not run'}`)).toEqual([])
  // every VIT clause but this one (VIT-014)
  const expected = Array.from({ length: 20 }, (_, i) => `VIT-${String(i + 1).padStart(3, '0')}`).filter((id) => id !== 'VIT-014')
  expect([...proven].sort()).toEqual(expected)
})
