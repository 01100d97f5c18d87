/**
 * The end of a Cucumber run: the fragment (and attachment bodies), the verdicts of the clauses
 * Cucumber is responsible for, the summary text and whether the gate fails. Pure apart from
 * reading the SPEC and config and writing the fragment.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { loadConfig } from '../../src/config/load-config.js'
import type { SpecgateConfig } from '../../src/config/schema.js'
import { fragmentOf, writeLedger } from '../../src/ledger/fragment-io.js'
import { newSource } from '../../src/ledger/source.js'
import { evaluateGates, gatesFailed } from '../../src/ledger/gates.js'
import type { Ledger, LedgerSource } from '../../src/ledger/schema.js'
import { computeVerdicts } from '../../src/ledger/verdict.js'
import { renderSummary } from '../../src/report/render-summary.js'
import { buildSpec, loadSpec } from '../../src/spec/load-spec.js'
import type { Spec } from '../../src/spec/model.js'
import type { EnvelopeLog } from './envelope-log.js'
import { parseShard, type FormatterOptions } from './options.js'
import { toEvidence, type AttachmentFile } from './to-evidence.js'

export interface RunContext {
  cwd: string
  options: FormatterOptions
  /** the CI variable: the gate enforces by default in CI */
  ci: boolean
  color: boolean
  /** the commit of the run (runCommit) */
  commit?: string
  now?: Date
}

export interface RunEnd {
  fragment: Ledger
  /** root-relative path of the fragment written */
  file: string
  summary: string
  /** the gate fails and the mode is enforce */
  enforce: boolean
  gateFailed: boolean
}

export async function finishRun(log: EnvelopeLog, ctx: RunContext): Promise<RunEnd> {
  const { config } = await loadConfig(ctx.cwd, ctx.options.config)
  const ledgerDir = ctx.options.ledgerDir ?? config.ledgerDir
  const spec = await loadSpec({ root: ctx.cwd, paths: config.features })
  const source = runSource(log, spec, ctx)
  const translation = toEvidence({ log, ran: specOfRun(log, ctx.cwd), source, attachmentDir: attachmentDir(ledgerDir) })
  await writeAttachments(ctx.cwd, translation.files)
  const fragment = fragmentOf(source, translation.evidence, runErrors(log))
  const file = posix(path.join(ledgerDir, `${source.id}.json`))
  await writeLedger(path.resolve(ctx.cwd, file), fragment, { shownAs: file })
  const verdicts = computeVerdicts(spec, fragment, config, { runners: ['cucumber'], partial: source.partial })
  const gates = evaluateGates({ verdicts, ledger: fragment }, config)
  const note = [noteOf(source, file, config), ...unlinkedNote(translation.unlinked)].join('\n')
  const summary = renderSummary(verdicts, gates, { title: 'specgate (cucumber)', color: ctx.color, note })
  const gateFailed = gatesFailed(gates)
  return { fragment, file, summary, gateFailed, enforce: gateFailed && gateMode(ctx, config) === 'enforce' }
}

/** The SPEC model of exactly the feature text Cucumber ran (its `source` envelopes). */
function specOfRun(log: EnvelopeLog, cwd: string): Spec {
  return buildSpec(cwd, log.sources.map((s) => ({ absPath: path.resolve(cwd, s.uri), source: s.data })))
}

/**
 * A run that left pickles out (tags, names, a shard) is partial: the merge lets its results replace
 * only the older results of the scenarios it ran (src/ledger/supersede.ts).
 */
function runSource(log: EnvelopeLog, spec: Spec, ctx: RunContext): LedgerSource {
  const shard = parseShard(ctx.options.shard)
  const partial = Boolean(shard) || log.unrunPickles().length > 0
  return newSource({ runner: 'cucumber', label: ctx.options.label, shard, partial, spec, commit: ctx.commit, now: ctx.now })
}

function runErrors(log: EnvelopeLog): string[] {
  const errors = [...log.runProblems]
  if (!log.finished) errors.push('the Cucumber run ended without testRunFinished: evidence may be incomplete')
  const unfinished = log.finalAttempts().filter((a) => !a.finished).length
  if (unfinished) errors.push(`${unfinished} scenario(s) started but never finished (a worker crashed or the run was interrupted)`)
  return errors
}

/** Next to the ledger folder, not inside it: `specgate check` reads every *.json there as a fragment. */
function attachmentDir(ledgerDir: string): string {
  return posix(path.join(path.dirname(ledgerDir), 'attachments', 'cucumber'))
}

async function writeAttachments(cwd: string, files: readonly AttachmentFile[]): Promise<void> {
  for (const f of files) {
    const abs = path.resolve(cwd, f.path)
    await fs.mkdir(path.dirname(abs), { recursive: true })
    await fs.writeFile(abs, f.body)
  }
}

function gateMode(ctx: RunContext, config: SpecgateConfig): 'enforce' | 'report' {
  return ctx.options.gate ?? config.gate ?? (ctx.ci ? 'enforce' : 'report')
}

function noteOf(source: LedgerSource, file: string, config: SpecgateConfig): string {
  const levels = Object.entries(config.runners).filter(([, runners]) => runners.includes('cucumber')).map(([level]) => `@${level}`)
  const own = levels.length ? levels.join(', ') : 'clauses without a level only'
  const scope = source.shard
    ? `shard ${source.shard.index}/${source.shard.total}: only the clauses this shard ran are shown`
    : source.partial ? 'a filtered run: only the clauses it ran are shown' : `every clause Cucumber is responsible for (${own})`
  return `${scope}; evidence in ${file}`
}

function unlinkedNote(unlinked: readonly string[]): string[] {
  if (unlinked.length === 0) return []
  const list = unlinked.slice(0, 5).join(', ') + (unlinked.length > 5 ? `, and ${unlinked.length - 5} more` : '')
  return [`${unlinked.length} scenario(s) ran without an @id: tag and prove no clause: ${list}`]
}

function posix(p: string): string {
  return p.split(path.sep).join('/')
}
