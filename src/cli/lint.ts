/** `specgate lint [paths...]`: the SPEC's findings; exit 1 when any is an error. */
import { Option, type Command } from 'commander'
import type { LintRule, SpecgateConfig } from '../config/schema.js'
import { lintFiles } from '../lint/lint-files.js'
import { LINT_REGISTRY } from '../lint/registry.js'
import type { LintRuleDef } from '../lint/rule.js'
import { hasErrors, type LintReport } from '../lint/lint-spec.js'
import { countLine, DIAGNOSTIC_FORMATS, type DiagnosticFormat, plural, renderGithub, renderJson, renderPretty } from '../report/render-diagnostics.js'
import type { RegisterCommand } from './commands.js'
import { featurePatterns, type GlobalOptions, noFeaturesNote, openProject } from './context.js'
import { colorFor } from './tty.js'

interface LintOptions {
  format: DiagnosticFormat
  listRules?: boolean
}

export const registerLint: RegisterCommand = (program, done) => {
  program.command('lint')
    .description('check the SPEC: parse errors, ids, tags, levels, steps, outlines (exit 1 on errors)')
    .argument('[paths...]', 'feature files, folders or globs (default: the configured features globs)')
    .addOption(new Option('--format <format>', 'output format').choices(DIAGNOSTIC_FORMATS).default('pretty'))
    .option('--list-rules', 'list the rules with their severity in this project and what each finds')
    .action(async (paths: string[], opts: LintOptions, cmd: Command) => {
      const project = await openProject(cmd.optsWithGlobals<GlobalOptions>())
      if (opts.listRules) return done({ exitCode: 0, stdout: listRules(project.config) })
      const patterns = featurePatterns(project, paths)
      const { report, sources } = await lintFiles(project.root, patterns, project.config)
      done({ exitCode: hasErrors(report) ? 1 : 0, stdout: render(report, sources, opts.format), stderr: noFeaturesNote(report.files, patterns) })
    })
}

function render(report: LintReport, sources: Map<string, string>, format: DiagnosticFormat): string {
  const { findings, ...counts } = report
  if (format === 'json') return renderJson(findings, counts)
  if (format === 'github') return renderGithub(findings) + summary(report)
  const color = colorFor('stdout')
  return renderPretty(findings, { source: (file) => sources.get(file), color }) + summary(report)
}

function listRules(config: SpecgateConfig): string {
  const rows = (Object.entries(LINT_REGISTRY) as [LintRule, LintRuleDef][])
    .map(([name, def]) => [name, config.lint.rules[name] ?? def.severity, def.docs])
  const width = Math.max(...rows.map((r) => r[0]!.length))
  return rows.map(([name, severity, docs]) => `${name!.padEnd(width)}  ${severity!.padEnd(7)}  ${docs}`).join('\n')
}

function summary(r: LintReport): string {
  const counts = `${plural(r.files, 'file')}, ${plural(r.clauses, 'clause')}, ${plural(r.cases, 'case')}`
  return r.findings.length ? `${countLine(r.findings)} in ${counts}` : `no findings in ${counts}`
}
