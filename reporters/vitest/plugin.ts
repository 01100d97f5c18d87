/**
 * `specgate()`: the Vitest plugin. It adds the setup file that records evidence; its node-side
 * work (config, SPEC, tags, reporter) is loaded only when Vitest configures itself, so importing
 * `specgate/vitest` in a test file stays light.
 */
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vitest/config'
import type { VitestPluginContext } from 'vitest/node'
import type { SpecgatePluginOptions } from './plugin-options.js'

export type { SpecgatePluginOptions, GateMode } from './plugin-options.js'

const SETUP_FILE = fileURLToPath(new URL('./setup.js', import.meta.url))
/** specgate's own built files, wherever they live (a workspace link too): */
const OWN_FILES = fileURLToPath(new URL('../..', import.meta.url))

export function specgate(options: SpecgatePluginOptions = {}): Plugin {
  return {
    name: 'specgate',
    config: () => ({
      test: {
        setupFiles: [SETUP_FILE],
        // loaded by Node once per worker, as from an installed package, not re-transformed per test file
        server: { deps: { external: [OWN_FILES] } },
        // off by default: it costs a stack trace per test; the reporter finds lines by a static scan
        ...(options.taskLocation ? { includeTaskLocation: true } : {}),
      },
    }),
    async configureVitest(context: VitestPluginContext) {
      const { configureSpecgate } = await import('./configure.js')
      await configureSpecgate(context, options)
    },
  }
}
