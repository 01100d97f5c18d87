/** relPosix's fast path against path.relative, on generated roots and paths (dots, doubled and trailing slashes). */
import path from 'node:path'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { relPosix } from '../src/util/paths.js'

const segment = fc.constantFrom('a', 'b', 'feat', '.', '..', '', '.hidden', 'x.feature', '..y', 'ü')
const absPath = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`)

it('relPosix gives what path.relative gives, whatever the root and path', () => {
  fc.assert(
    fc.property(absPath, fc.array(segment, { maxLength: 5 }), fc.boolean(), (root, below, trailing) => {
      const abs = `${root}/${below.join('/')}${trailing ? '/' : ''}`
      expect(relPosix(root, abs)).toBe(path.relative(root, abs))
      const resolved = path.resolve(root)
      expect(relPosix(resolved, `${resolved}/${below.join('/')}`)).toBe(path.relative(resolved, `${resolved}/${below.join('/')}`))
    }),
    { numRuns: 3000 },
  )
})
