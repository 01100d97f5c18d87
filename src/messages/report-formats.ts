/**
 * The `messages` and `cucumber-html` report formats of `specgate check`: the report model in
 * Cucumber's words. They need the SPEC's source text, which the model carries as `spec`.
 */
import type { RenderContext, ReportModel } from '../report/model.js'
import type { Spec } from '../spec/model.js'
import { machineMeta } from './meta.js'
import { buildEnvelopes, renderMessages, type MessagesInput } from './render-messages.js'
import { renderCucumberHtml } from './render-cucumber-html.js'

export function renderMessagesReport(model: ReportModel, _ctx: RenderContext): string {
  return renderMessages(inputOf(model), machineMeta())
}

export function renderCucumberHtmlReport(model: ReportModel, _ctx: RenderContext): Promise<string> {
  return renderCucumberHtml(buildEnvelopes(inputOf(model), machineMeta()))
}

function inputOf(model: ReportModel & { spec?: Spec }): MessagesInput {
  if (!model.spec) throw new Error('the report model carries no SPEC; this is a bug in specgate')
  return { spec: model.spec, ledger: model.ledger, verdicts: model.verdicts, success: model.passed }
}
