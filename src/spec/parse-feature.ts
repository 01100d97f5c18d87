/** One feature file's text -> GherkinDocument or located parse errors; never throws for bad input. */
import type * as messages from '@cucumber/messages'
import type { Diagnostic } from '../diagnostics.js'
import { gherkin, messages as messagesLib } from './gherkin-lib.js'
import type { SpecFile } from './model.js'

export type MediaType = SpecFile['mediaType']

export function mediaTypeOf(file: string): MediaType {
  return file.endsWith('.md') ? 'text/x.cucumber.gherkin+markdown' : 'text/x.cucumber.gherkin+plain'
}

export interface ParseResult {
  document?: messages.GherkinDocument
  errors: Diagnostic[]
}

export function parseFeature(file: string, source: string, mediaType: MediaType = mediaTypeOf(file)): ParseResult {
  const { AstBuilder, GherkinClassicTokenMatcher, GherkinInMarkdownTokenMatcher, Parser } = gherkin()
  const { IdGenerator } = messagesLib()
  const matcher = mediaType === 'text/x.cucumber.gherkin+markdown'
    ? new GherkinInMarkdownTokenMatcher()
    : new GherkinClassicTokenMatcher()
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), matcher)
  parser.stopAtFirstError = false
  try {
    return { document: parser.parse(source), errors: [] }
  } catch (err) {
    return { errors: toDiagnostics(file, err) }
  }
}

interface LocatedError {
  message: string
  location?: { line: number; column?: number }
  errors?: LocatedError[]
}

function toDiagnostics(file: string, err: unknown): Diagnostic[] {
  const e = err as LocatedError
  const list = e.errors?.length ? e.errors : [e]
  return list.map((one) => ({
    rule: 'parse-error',
    severity: 'error',
    file,
    line: one.location?.line ?? 1,
    column: one.location?.column ?? 1,
    // The parser prefixes "(line:col): "; specgate prints the location itself.
    message: String(one.message ?? err).replace(/^\(\d+:\d+\):\s*/, ''),
  }))
}
