/**
 * Tests a filtered run left out. Vitest marks a test its filters left out (`-t`, `--tagsFilter`,
 * `file.test.ts:12`, a rerun by id or name) exactly like `test.skip`, so without this a run of one
 * test would report every other test of its files as skipped, and that newer "skipped" would
 * replace their earlier results in the merge. Worked out in the worker, where the filters and
 * tasks are, and sent in the file's `meta`: the reporter leaves these tests out of the fragment.
 * Only tests a filter positively rejects are left out; a test the filters let through stays
 * skipped, so a real skip is never hidden.
 */
import { TestRunner } from 'vitest'

/** Vitest's per-file specification (TestRunner._currentSpecification): the file's own filters */
export interface FileSpecification {
  testLocations?: number[]
  testNamePattern?: RegExp | string
  testIds?: string[]
  testNames?: string[]
  /** a tag filter of the file's own (Vitest's Node API), which replaces the run's */
  testTagsFilter?: readonly string[]
}

/** The run's filters (Vitest's config) */
interface RunFilters {
  testNamePattern?: RegExp | string
  tagsFilter?: readonly string[]
}

interface Filters extends FileSpecification {
  /** the tag filter Vitest applied to this file, when TestRunner.matchesTags reads it (see unselectedTests) */
  tagsFilter?: readonly string[]
}

interface TaskNode {
  id: string
  type: string
  name: string
  mode: string
  tags?: string[]
  location?: { line: number }
  /** Vitest 5 keeps the name the `-t` pattern is matched against; 4.1 builds it (getTaskFullName) */
  fullTestName?: string
  suite?: TaskNode
  tasks?: TaskNode[]
}

/**
 * The ids of `file`'s tests that a filter of this run left out; empty when the run has no filter.
 * `current`: the specification Vitest collected last, whose tag filter TestRunner.matchesTags
 * reads. Vitest 4.1 and 5 collect one file at a time in Node, so it is the file's own; for any other
 * file the tags decide nothing, and its tests stay skipped (never hidden).
 */
export function unselectedTests(file: TaskNode, config: RunFilters, spec: FileSpecification | undefined, current: FileSpecification | undefined): string[] {
  const filters: Filters = {
    ...spec,
    testNamePattern: spec?.testNamePattern ?? config.testNamePattern,
    tagsFilter: spec === current ? (spec?.testTagsFilter ?? config.tagsFilter) : undefined,
  }
  if (!hasFilter(filters)) return []
  const out: string[] = []
  for (const t of testsOf(file)) if (t.mode === 'skip' && leftOut(t, filters)) out.push(t.id)
  return out
}

function hasFilter(f: Filters): boolean {
  return Boolean(f.testNamePattern || f.testIds || f.testNames || f.testLocations?.length || f.tagsFilter?.length)
}

/** The same tests as Vitest's interpretTaskModes rejects, one filter at a time */
function leftOut(t: TaskNode, f: Filters): boolean {
  const name = t.fullTestName ?? fullName(t)
  if (f.testNamePattern && !name.match(f.testNamePattern)) return true
  if (f.testIds && !f.testIds.includes(t.id)) return true
  if (f.testNames && !f.testNames.includes(name)) return true
  if (f.testLocations?.length && !atLocation(t, f.testLocations)) return true
  return Boolean(f.tagsFilter?.length) && !TestRunner.matchesTags(t.tags ?? [])
}

/** A location filter names the test's line or the line of a suite around it. */
function atLocation(t: TaskNode, lines: readonly number[]): boolean {
  for (let n: TaskNode | undefined = t; n; n = n.suite) if (n.location && lines.includes(n.location.line)) return true
  return false
}

function fullName(t: TaskNode): string {
  return `${t.suite ? `${fullName(t.suite)} ` : ''}${t.name}`
}

function* testsOf(t: TaskNode): Generator<TaskNode> {
  if (t.type === 'test') yield t
  for (const c of t.tasks ?? []) yield* testsOf(c)
}
