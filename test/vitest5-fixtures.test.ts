/**
 * The same fixture projects under Vitest 5 on Node 24 (compat/vitest5, installed here when
 * missing; specgate is packed and unpacked into it so its worker code resolves Vitest 5).
 */
import { beforeAll } from 'vitest'
import { prepareVitest5, VITEST5 } from './helpers/vitest-fixtures.js'
import { fixtureSuite } from './vitest-suite.js'

beforeAll(() => prepareVitest5())

fixtureSuite(VITEST5)
