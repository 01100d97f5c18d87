/** The fixture projects under Vitest 4 on this Node; each test proves the VIT clause it links. */
import { beforeAll } from 'vitest'
import { clause } from 'specgate/vitest'
import { prepareVitest4, VITEST4 } from './helpers/vitest-fixtures.js'
import { fixtureSuite } from './vitest-suite.js'

beforeAll(() => prepareVitest4())

fixtureSuite(VITEST4, {
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
