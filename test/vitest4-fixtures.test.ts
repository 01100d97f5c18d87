/** The fixture projects under Vitest 4 on this Node. */
import { beforeAll } from 'vitest'
import { prepareVitest4, VITEST4 } from './helpers/vitest-fixtures.js'
import { fixtureSuite } from './vitest-suite.js'

beforeAll(() => prepareVitest4())

fixtureSuite(VITEST4)
