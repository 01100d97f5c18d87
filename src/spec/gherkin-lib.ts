/**
 * @cucumber/gherkin and @cucumber/messages, loaded on first use: the SPEC model's fast path
 * (quick-parse.ts) needs only the dialects, and a SPEC that parses cleanly never needs the
 * reference parser (23-29 ms to import with the messages it pulls in). Loaded with
 * require, since the model is built synchronously (`buildSpec` is public and sync).
 */
import { createRequire } from 'node:module'

type Gherkin = typeof import('@cucumber/gherkin')
type Messages = typeof import('@cucumber/messages')

const require = createRequire(import.meta.url)

/**
 * The keywords of every language: the JSON the package exports as `dialects`
 * (test/quick-parse.test.ts checks the two are one).
 */
export const dialects: Gherkin['dialects'] = require('@cucumber/gherkin/dist/gherkin-languages.json') as Gherkin['dialects']

let gherkinLib: Gherkin | undefined
let messagesLib: Messages | undefined

export function gherkin(): Gherkin {
  return (gherkinLib ??= require('@cucumber/gherkin') as Gherkin)
}

export function messages(): Messages {
  return (messagesLib ??= require('@cucumber/messages') as Messages)
}
