/**
 * The plugin's node side, run once per Vitest project: loads the specgate config and the SPEC,
 * declares the SPEC's tags to Vitest (4.1+ rejects undeclared tags), provides them to the workers,
 * and adds the reporter next to whatever reporters the user configured or passed with --reporter.
 */
import type { VitestPluginContext } from 'vitest/node'
import type { SpecgatePluginOptions } from './plugin-options.js'
import { loadProjectState, type ProjectState } from './project-state.js'
import type { ProvidedSpecgate } from './provided.js'
import { SpecgateReporter } from './reporter.js'

/** One reporter and one SPEC load per Vitest instance, however many projects it has. */
const perVitest = new WeakMap<object, Promise<ProjectState>>()

export async function configureSpecgate({ vitest, project }: VitestPluginContext, options: SpecgatePluginOptions): Promise<void> {
  let state = perVitest.get(vitest)
  if (!state) {
    state = loadProjectState(vitest.config.root, options, process.env)
    perVitest.set(vitest, state)
    vitest.config.reporters.push(new SpecgateReporter(state, options))
  }
  declareTags(project, (await state).tags)
}

function declareTags(project: VitestPluginContext['project'], tags: readonly string[]): void {
  const known = new Set(project.config.tags.map((t) => t.name))
  for (const name of tags) {
    if (!known.has(name)) project.config.tags.push({ name, description: 'a SPEC tag (declared by specgate)' })
  }
  const provided: ProvidedSpecgate = { tags: project.config.tags.map((t) => String(t.name)) }
  ;(project.provide as (key: string, value: unknown) => void)('specgate', provided)
}
