/**
 * The runtime helpers of `specgate/vitest` as a test file uses them: the clause link's shape
 * (the contract the generator writes against) and the messages of every misuse. This project runs
 * them through its own plugin (vitest.config.ts), which declares the SPEC's tags to Vitest.
 */
import { describe, expect, test } from 'vitest'
import { And, But, Given, Then, When, clause as linkTo, evidence, step } from '../reporters/vitest.js'

// `clause` under another name: these calls test the helper with example ids, and `specgate status`
// would otherwise read each such call here (an id and a hash in quotes) as a test claiming a clause of our SPEC.

describe('clause()', () => {
  test('puts id, hash, row and skeleton in meta.specgate; a skeleton is todo', () => {
    expect(linkTo('KEYS-004', 'ffee00112233', { row: 2, skeleton: true })).toEqual({
      meta: { specgate: { clause: 'KEYS-004', hash: 'ffee00112233', row: 2, skeleton: true } },
      tags: [],
      todo: true,
    })
    expect(linkTo('KEYS-001', 'a1b2c3d4e5f6')).toEqual({ meta: { specgate: { clause: 'KEYS-001', hash: 'a1b2c3d4e5f6' } }, tags: [] })
  })

  test('passes on only the tags the plugin declared; an undeclared one would make Vitest reject the test', () => {
    expect(linkTo('KEYS-001', 'a1b2c3d4e5f6', { tags: ['@unit', '@no-such-tag'] }).tags).toEqual(['@unit'])
  })

  test('misuse is reported with what was expected', () => {
    expect(() => linkTo(undefined as unknown as string, 'h')).toThrow('specgate: clause(id, hash) needs the clause id as a string, got undefined')
    expect(() => linkTo('KEYS-001', 12 as unknown as string)).toThrow("specgate: clause('KEYS-001', hash) needs the clause hash as a string, got number")
    expect(() => linkTo('KEYS-001', 'h', { row: 0 })).toThrow("specgate: clause('KEYS-001', hash, { row }) needs row as a whole number >= 1, got 0")
  })
})

describe('steps', () => {
  test('run their body with the DocString or DataTable, in order', async () => {
    const seen: string[] = []
    await Given('a', () => { seen.push('given') })
    await When('b:', { dataTable: [['x', '1']] }, ({ dataTable }) => { seen.push(`when ${dataTable?.[0]?.join('=')}`) })
    await Then('c:', { docString: 'ok' }, async ({ docString }) => { seen.push(`then ${docString}`) })
    await And('d')
    await But('e', () => { seen.push('but') })
    await step('Given', 'f', () => { seen.push('step') })
    expect(seen).toEqual(['given', 'when x=1', 'then ok', 'but', 'step'])
  })

  test('rethrow the error of a failing body', async () => {
    await expect(When('it breaks', () => { throw new Error('broken') })).rejects.toThrow('broken')
  })

  test('misuse is reported with what was expected', () => {
    expect(() => Given('' as string)).toThrow('specgate: Given(text, ...) needs the step text as a non-empty string')
    expect(() => When('x', { docstring: 'typo' } as never)).toThrow("specgate: When('x', ...) takes a function or { docString?, dataTable? }, got an object with keys docstring")
    expect(() => Then('x', {}, 'nope' as never)).toThrow("specgate: Then('x', arg, fn): fn must be a function, got 'nope'")
  })
})

describe('evidence.data()', () => {
  test('misuse is reported with what was expected', () => {
    expect(() => evidence.data('', 1)).toThrow('specgate: evidence.data(entity, count) needs the entity name as a non-empty string')
    expect(() => evidence.data('orders', -1)).toThrow("specgate: evidence.data('orders', count) needs a whole number >= 0, got -1")
    expect(() => evidence.data('orders', 1, 3 as never)).toThrow("specgate: evidence.data('orders', 1, source): source must be a string")
    expect(() => evidence.data('orders', 12, 'db')).not.toThrow()
  })
})
