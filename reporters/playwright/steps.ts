/**
 * Given/When/Then/And/But for Playwright: each is a `test.step('Given ...')`, recorded into the
 * test's evidence. After a Then step (and the And/But that continue it) the page is checked for
 * empty-state markers.
 */
import { test as base } from '@playwright/test'
import { parseStepArgs, runStep, type StepArgs } from '../../src/runtime/common/index.js'
import { currentRecord, type PlaywrightRecord, type StepKind } from './recorder.js'

export async function step(keyword: string, text: string, ...args: StepArgs): Promise<void> {
  const call = { keyword, ...parseStepArgs(keyword, text, args) }
  const record = currentRecord()
  const kind = kindOf(record, keyword)
  await runStep(record, call, (title, body) =>
    base.step(title, async () => {
      await body()
      if (kind === 'Then') await record?.checkMarkers?.('then', title)
    }),
  )
}

/** And/But continue the kind of the step before them, as in Gherkin. */
function kindOf(record: PlaywrightRecord | undefined, keyword: string): StepKind {
  if (!record) return keyword === 'Then' ? 'Then' : 'Given'
  if (keyword === 'Given' || keyword === 'When' || keyword === 'Then') record.lastKind = keyword
  return record.lastKind
}

export const Given = (text: string, ...args: StepArgs): Promise<void> => step('Given', text, ...args)
export const When = (text: string, ...args: StepArgs): Promise<void> => step('When', text, ...args)
export const Then = (text: string, ...args: StepArgs): Promise<void> => step('Then', text, ...args)
export const And = (text: string, ...args: StepArgs): Promise<void> => step('And', text, ...args)
export const But = (text: string, ...args: StepArgs): Promise<void> => step('But', text, ...args)
