/**
 * The SPEC as Cucumber Messages: source, gherkinDocument and pickle envelopes per feature file,
 * compiled by @cucumber/gherkin with the caller's id generator, and each pickle's clause case.
 */
import { generateMessages } from '@cucumber/gherkin'
import type * as messages from '@cucumber/messages'
import type { Spec } from '../spec/model.js'
import { caseOfPickle, indexAst, type PickleCase } from './pickle-case.js'

export interface CompiledPickle {
  pickle: messages.Pickle
  linked?: PickleCase
}

export interface CompiledSpec {
  envelopes: messages.Envelope[]
  pickles: CompiledPickle[]
}

export function compileSpec(spec: Spec, newId: () => string): CompiledSpec {
  const out: CompiledSpec = { envelopes: [], pickles: [] }
  for (const file of spec.files) {
    const envelopes = generateMessages(file.source, file.file, file.mediaType as messages.SourceMediaType, {
      includeSource: true, includeGherkinDocument: true, includePickles: true, newId,
    })
    const doc = envelopes.find((e) => e.gherkinDocument)?.gherkinDocument
    const ast = doc ? indexAst(doc) : new Map()
    for (const e of envelopes) {
      out.envelopes.push(e)
      if (e.pickle) out.pickles.push({ pickle: e.pickle, linked: caseOfPickle(spec, ast, e.pickle) })
    }
  }
  return out
}
