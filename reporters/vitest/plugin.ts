/**
 * `specgate()`: the Vitest plugin. It puts specgate's runner in place (or, when the project has
 * its own runner, a setup file) to record evidence; its node-side work (config, SPEC, tags,
 * reporter) is loaded only when Vitest configures itself, so importing `specgate/vitest` in a
 * test file stays light.
 */
import type { Plugin, ViteUserConfig } from 'vitest/config'
import type { VitestPluginContext } from 'vitest/node'
import type { SpecgatePluginOptions } from './plugin-options.js'

export type { SpecgatePluginOptions, GateMode } from './plugin-options.js'


export function specgate(options: SpecgatePluginOptions = {}): Plugin {
  return {
    name: 'specgate',
    // node:url is imported when Vitest configures itself, not when this module loads: test files
    // import `specgate/vitest` too, and in Vitest's browser mode no Node module may load there
    config: async (user, env) => {
      const { fileURLToPath } = await import('node:url')
      const ownFile = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url))
      return {
        test: {
          ...(ownRunnerFits(user, env.mode) ? { runner: ownFile('./runner.js') } : { setupFiles: [ownFile('./setup.js')] }),
          // specgate's own built files, wherever they live (a workspace link too), loaded by Node once
          // per worker, as from an installed package, not re-transformed per test file
          server: { deps: { external: [ownFile('../..')] } },
          // off by default: it costs a stack trace per test; the reporter finds lines by a static scan
          ...(options.taskLocation ? { includeTaskLocation: true } : {}),
        },
      }
    },
    async configureVitest(context: VitestPluginContext) {
      const { configureSpecgate } = await import('./configure.js')
      await configureSpecgate(context, options)
    },
  }
}

/** specgate's runner extends Vitest's node test runner: not for a project's own runner, benchmarks or the browser. */
function ownRunnerFits(user: ViteUserConfig, mode: string): boolean {
  return !user.test?.runner && mode !== 'benchmark' && !user.test?.browser?.enabled
}
