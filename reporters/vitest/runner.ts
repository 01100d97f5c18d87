/**
 * specgate's Vitest runner: Vitest's own `TestRunner`, plus the attempt record. The plugin sets it
 * as `test.runner` unless the project has its own. Runner methods cost nothing per test beyond the
 * record itself, where a `beforeEach`/`afterEach` pair adds four task events per test (measured on
 * 5,000 tests: about 0.5 s of an 11 s run).
 */
import { TestRunner } from 'vitest'
import { beginAttempt, endAttempt, useProvidedTags, type AssertionSource } from './attempt.js'
import { registry, UNSELECTED_KEY, type SpecgateMeta } from './meta.js'
import { enterOwnContext, leaveOwnContext, ownContext } from './own-context.js'
import type { ProvidedSpecgate } from './provided.js'
import { unselectedTests, type FileSpecification } from './unselected.js'

type BeforeTry = Parameters<TestRunner['onBeforeTryTask']>
type RunnerFile = Parameters<TestRunner['onCollectStart']>[0]
/** Vitest 5 declares it; 4.1 calls it when present */
type AfterRetry = (...args: BeforeTry) => unknown

interface TaskLike {
  meta: object
  context?: AssertionSource
  concurrent?: boolean
  suite?: TaskLike
}

export default class SpecgateRunner extends TestRunner {
  constructor(config: ConstructorParameters<typeof TestRunner>[0]) {
    super(config)
    useProvidedTags(this.injectValue('specgate') as ProvidedSpecgate | undefined)
    registry().context = ownContext
  }

  /** The file's own filters (a location, ids), which Vitest holds only while it collects the file */
  private readonly specs = new WeakMap<object, FileSpecification>()

  override onCollectStart(file: RunnerFile): void {
    super.onCollectStart(file)
    const spec = this.currentSpecification
    if (spec) this.specs.set(file, spec)
  }

  /** Vitest's own field (not declared in its types): the file specification being collected or run */
  private get currentSpecification(): FileSpecification | undefined {
    return (this as { _currentSpecification?: FileSpecification })._currentSpecification
  }

  /** After Vitest applied the run's filters, before any test runs: the tests they left out (unselected.ts). */
  onBeforeRunFiles(files: RunnerFile[]): void {
    for (const file of files) {
      const ids = unselectedTests(file as never, this.config, this.specs.get(file), this.currentSpecification)
      if (ids.length > 0) (file.meta as Record<string, unknown>)[UNSELECTED_KEY] = ids
    }
  }

  /**
   * Before the attempt's beforeEach hooks. A test that may run beside others (test.concurrent, or in
   * a concurrent suite) holds its own async context until the attempt ends (own-context.ts), so its
   * hooks' and its function's steps and data are its own; the others need none.
   */
  override onBeforeTryTask(...args: BeforeTry): void {
    super.onBeforeTryTask(...args)
    const test = args[0] as TaskLike
    beginAttempt(test.meta)
    if (mayOverlap(test)) enterOwnContext(test.meta as SpecgateMeta)
  }

  /** After the attempt, its afterEach hooks and onTestFinished callbacks, whether it passed or threw. */
  async onAfterRetryTask(...args: BeforeTry): Promise<void> {
    const test = args[0] as TaskLike
    endAttempt(test.meta, test.context ?? {})
    leaveOwnContext(test.meta as SpecgateMeta)
    await (TestRunner.prototype as { onAfterRetryTask?: AfterRetry }).onAfterRetryTask?.apply(this, args)
  }
}

function mayOverlap(task: TaskLike | undefined): boolean {
  for (; task; task = task.suite) if (task.concurrent) return true
  return false
}
