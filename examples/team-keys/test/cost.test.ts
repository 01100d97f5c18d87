import { describe, expect, test } from 'vitest'
import { clause, Given, Then, When, And } from 'specgate/vitest'
import { attributeCost, rowCost, type CostReport, type Price, type UsageRow } from '../src/domain/cost.js'
import { formatCents, parseUsd, toCents } from '../src/domain/money.js'

describe('Usage cost attributed by member, project and model', () => {
  test('COST-001 A usage row is priced by its model from input and output tokens', clause('COST-001', 'f22609ee1a1a'), async () => {
    const prices = new Map<string, Price>()
    let row: UsageRow | undefined
    await Given('the model "orion-large" costs $3.00 per million input tokens and $15.00 per million output tokens', () => {
      prices.set('orion-large', { inputCentsPerMTok: parseUsd('$3.00'), outputCentsPerMTok: parseUsd('$15.00') })
    })
    await When('ana uses 200000 input tokens and 10000 output tokens of it', () => {
      row = { member: 'ana', project: 'web', model: 'orion-large', inputTokens: 200_000, outputTokens: 10_000 }
    })
    await Then('the row costs $0.75', () => {
      const micro = rowCost(row!, prices)
      expect(micro).toBe(75_000_000)
      expect(formatCents(toCents(micro!))).toBe('$0.75')
    })
  })

  test('COST-002 The costs attributed to members add up to the team total, to the cent', clause('COST-002', 'f7d52102714b'), async () => {
    const prices = new Map<string, Price>()
    let rows: UsageRow[] = []
    let report: CostReport | undefined
    await Given('the model "tiny" costs $1.00 per million input tokens', () => {
      prices.set('tiny', { inputCentsPerMTok: 100, outputCentsPerMTok: 0 })
    })
    const dataTable = [
      ['member', 'project', 'model', 'input tokens'],
      ['ana', 'web', 'tiny', '333000'],
      ['ben', 'web', 'tiny', '333000'],
      ['chen', 'api', 'tiny', '333000'],
    ]
    await And("this month's usage is:", { dataTable }, ({ dataTable: table }) => {
      rows = (table ?? []).slice(1).map(([member, project, model, input]) => ({
        member: member!, project: project!, model: model!, inputTokens: Number(input), outputTokens: 0,
      }))
    })
    await When('the cost is attributed by member', () => { report = attributeCost(rows, prices, 'member') })
    await Then('the team total is $1.00', () => {
      // three times 33.3 cents: rounding each share alone would lose a cent
      expect(formatCents(report!.totalCents)).toBe('$1.00')
    })
    await And("the members' costs are $0.34, $0.33 and $0.33, which add up to $1.00", () => {
      expect(report!.lines.map((l) => [l.key, formatCents(l.cents)])).toEqual([['ana', '$0.34'], ['ben', '$0.33'], ['chen', '$0.33']])
      expect(report!.lines.reduce((sum, l) => sum + l.cents, 0)).toBe(report!.totalCents)
    })
  })

  test('COST-003 Usage of a model with no price is reported as unpriced, never as free', clause('COST-003', '9543499cbb69'), async () => {
    const prices = new Map<string, Price>([['orion-small', { inputCentsPerMTok: 80, outputCentsPerMTok: 400 }]])
    const rows: UsageRow[] = [{ member: 'ben', project: 'web', model: 'orion-small', inputTokens: 500_000, outputTokens: 50_000 }]
    let report: CostReport | undefined
    await Given('no price is known for the model "legacy-x"', () => { expect(prices.has('legacy-x')).toBe(false) })
    await And('ana used 40000 input tokens and 2000 output tokens of "legacy-x" on project web', () => {
      rows.push({ member: 'ana', project: 'web', model: 'legacy-x', inputTokens: 40_000, outputTokens: 2_000 })
    })
    await When('the cost is attributed by project', () => { report = attributeCost(rows, prices, 'project') })
    await Then('the team total leaves that usage out', () => {
      expect(report!.totalCents).toBe(60)
      expect(report!.lines).toEqual([{ key: 'web', cents: 60, inputTokens: 500_000, outputTokens: 50_000 }])
    })
    await And('"legacy-x" is reported as unpriced with 1 row and 42000 tokens', () => {
      expect(report!.unpriced).toEqual([{ model: 'legacy-x', rows: 1, tokens: 42_000 }])
    })
  })
})
