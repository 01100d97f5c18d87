/**
 * The report formats `specgate check` can write, in one typed registry. Each is a pure
 * `render(model, ctx)`; `file` says where it goes in the report folder, or that it goes to standard
 * output. To add a format (`messages`, `cucumber-html`), add one entry here.
 */
import type { RenderContext, ReportModel } from './model.js'
import { renderConsole } from './render-console.js'
import { renderGithub } from './render-github.js'
import { renderHtml } from './render-html.js'
import { renderJson } from './render-json.js'
import { renderJunit } from './render-junit.js'
import { renderMarkdown } from './render-markdown.js'

export interface ReportFormat {
  describe: string
  /** file name in the report folder; `stdout` for formats printed by the CLI */
  file: string | 'stdout'
  /** written when no --format is given */
  byDefault: boolean
  render(model: ReportModel, ctx: RenderContext): Rendered
}

/**
 * A whole text, or its chunks in order: the large reports of a large SPEC (tens of MB each) are
 * generators, so the writer streams them to disk instead of holding every report as one string.
 */
export type Rendered = string | Iterable<string> | Promise<string>

export const FORMATS = {
  console: { describe: 'compact per-feature table and gate results', file: 'stdout', byDefault: true, render: renderConsole },
  markdown: { describe: 'the coverage-to-SPEC report in Markdown (also the GitHub step summary)', file: 'report.md', byDefault: true, render: renderMarkdown },
  html: { describe: 'one self-contained HTML page with filters and per-clause detail', file: 'report.html', byDefault: true, render: renderHtml },
  junit: { describe: 'JUnit XML: one testcase per clause case', file: 'junit.xml', byDefault: true, render: renderJunit },
  json: { describe: 'the merged ledger, valid against specs/ledger.schema.json', file: 'ledger.json', byDefault: true, render: renderJson },
  github: { describe: 'GitHub workflow annotations at the feature-file lines of failing clauses', file: 'stdout', byDefault: false, render: renderGithub },
  messages: { describe: 'Cucumber Messages (NDJSON) of the SPEC and all evidence, for tools that read messages', file: 'messages.ndjson', byDefault: false, render: async (model, ctx) => (await messagesFormats()).renderMessagesReport(model, ctx) },
  'cucumber-html': { describe: 'the official Cucumber HTML report (@cucumber/html-formatter) of the same messages', file: 'cucumber-report.html', byDefault: false, render: async (model, ctx) => (await messagesFormats()).renderCucumberHtmlReport(model, ctx) },
} as const satisfies Record<string, ReportFormat>

/** Cucumber's formats load @cucumber/messages and the Gherkin compiler: only for a run that asks for them. */
function messagesFormats(): Promise<typeof import('../messages/report-formats.js')> {
  return import('../messages/report-formats.js')
}

export type FormatName = keyof typeof FORMATS
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[]

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name)
}

export function defaultFormats(): FormatName[] {
  return FORMAT_NAMES.filter((n) => FORMATS[n].byDefault)
}
