/**
 * The commit a run belongs to: every reporter records it in its fragment and `check` compares it
 * with the checkout's, one rule for both (src/util/run-commit.ts). Real git repositories made with
 * the real git; real Vitest, cucumber-js and Playwright runs; the built CLI.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { readLedger } from '../src/ledger/fragment-io.js'
import { COMMIT_VARIABLES, runCommit } from '../src/util/run-commit.js'
import { linkSpecgate, REPO, scratch, specgate, tmpOutside } from './helpers/cli.js'
import { copyFixture, onlyFragment, runVitest, VITEST4 } from './helpers/vitest-fixtures.js'
import { copyFixture as copyCucumberFixture, cucumber, fragmentFiles } from './fixtures/cucumber-harness/run.js'
import { copyApp, fragments as playwrightFragments, playwright } from './helpers/playwright-app.js'

/** No CI commit variable leaks in from the environment the suite runs in. */
const NO_CI_COMMIT = Object.fromEntries(COMMIT_VARIABLES.map((name) => [name, '']))

/** Scratch copies directly under .tmp: the Vitest leg's own base folder is wiped by other suites. */
const LEG = { ...VITEST4, base: path.join(REPO, '.tmp') }

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

function newRepo(dir: string): string {
  git(dir, 'init', '-q')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'first')
  return git(dir, 'rev-parse', 'HEAD')
}

beforeAll(() => linkSpecgate())

describe('a Vitest run in a git repository, then a new commit', () => {
  test('CHECK-018 check flags the fragment as from another commit, naming both', clause('CHECK-018', '0db4cd5125dd'), async () => {
    const root = await copyFixture('vitest-accepted', LEG)
    const first = newRepo(root)
    const run = await runVitest(LEG, root, ['run'], NO_CI_COMMIT)
    expect(run.code, run.output).toBe(0)
    const source = onlyFragment(root).sources[0]!
    expect(source.commit).toBe(first)
    // on the same commit nothing is mixed
    const same = specgate(['check'], root, NO_CI_COMMIT)
    expect(same.stdout).not.toContain('fragments-consistent (')
    git(root, 'commit', '-q', '--allow-empty', '-m', 'second')
    const second = git(root, 'rev-parse', 'HEAD')
    const r = specgate(['check'], root, NO_CI_COMMIT)
    expect(r.stdout).toMatch(/warn {2}fragments-consistent \(1\)/)
    expect(r.stdout).toContain(`fragment ${source.id} (vitest) ran on commit ${first.slice(0, 12)}; the checkout is ${second.slice(0, 12)}`)
  })
})

describe('Cucumber and Playwright fragments', () => {
  test('CHECK-018 cucumber-js records the commit CI_COMMIT_SHA names', clause('CHECK-018', '0db4cd5125dd'), () => {
    const dir = copyCucumberFixture('cucumber-statuses')
    const r = cucumber(['--tags', '@id:FX-001', '--format', 'specgate/cucumber'], dir, { ...NO_CI_COMMIT, CI_COMMIT_SHA: 'feed0000cafe' })
    const files = fragmentFiles(dir)
    expect(files, r.stdout + r.stderr).toHaveLength(1)
    expect(readLedger(files[0]!).sources[0]!.commit).toBe('feed0000cafe')
  })

  test('CHECK-018 Playwright records the commit BUILDKITE_COMMIT names, not only GITHUB_SHA', clause('CHECK-018', '0db4cd5125dd'), async () => {
    const dir = await copyApp('pw-commit', path.join(REPO, 'test/fixtures/pw-errors'))
    const r = await playwright(['test'], dir, { ...NO_CI_COMMIT, SG_CASE: 'valid', BUILDKITE_COMMIT: 'b0b0b0b0b0b0' })
    const files = playwrightFragments(dir)
    expect(files, r.stdout + r.stderr).toHaveLength(1)
    expect(readLedger(files[0]!).sources[0]!.commit).toBe('b0b0b0b0b0b0')
  })
})

describe('the commit of a run, read without git', () => {
  let repo: string
  beforeAll(() => {
    repo = scratch('run-commit')
    fs.writeFileSync(path.join(repo, 'a.txt'), 'a\n')
    newRepo(repo)
  })

  test('a CI variable wins over the checkout, in the documented order', () => {
    expect(runCommit(repo, { GIT_COMMIT: 'jenkins', CIRCLE_SHA1: 'circle' })).toBe('circle')
    expect(runCommit(repo, { ...NO_CI_COMMIT, GITHUB_SHA: ' abc123 ' })).toBe('abc123')
    expect(runCommit(repo, NO_CI_COMMIT)).toBe(git(repo, 'rev-parse', 'HEAD'))
  })

  test('a branch, a subfolder, packed refs and a detached HEAD read as git says', () => {
    fs.mkdirSync(path.join(repo, 'sub/deeper'), { recursive: true })
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'two')
    expect(runCommit(path.join(repo, 'sub/deeper'), NO_CI_COMMIT)).toBe(git(repo, 'rev-parse', 'HEAD'))
    git(repo, 'pack-refs', '--all', '--prune')
    expect(fs.existsSync(path.join(repo, '.git/refs/heads/main'))).toBe(false)
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'three') // a loose ref again, newer than the packed one
    expect(runCommit(repo, NO_CI_COMMIT)).toBe(git(repo, 'rev-parse', 'HEAD'))
    git(repo, 'pack-refs', '--all', '--prune')
    expect(runCommit(repo, NO_CI_COMMIT)).toBe(git(repo, 'rev-parse', 'HEAD'))
    const earlier = git(repo, 'rev-parse', 'HEAD~1')
    git(repo, 'checkout', '-q', '--detach', earlier)
    expect(runCommit(repo, NO_CI_COMMIT)).toBe(earlier)
    git(repo, 'checkout', '-q', 'main')
  })

  test('a linked worktree (a .git file) reads its own HEAD and the shared refs', () => {
    const linked = path.join(repo, '..', `${path.basename(repo)}-linked`)
    git(repo, 'worktree', 'add', '-q', '-b', 'side', linked, 'HEAD~1')
    try {
      expect(fs.statSync(path.join(linked, '.git')).isFile()).toBe(true)
      git(linked, 'commit', '-q', '--allow-empty', '-m', 'on side')
      git(repo, 'pack-refs', '--all', '--prune')
      expect(runCommit(linked, NO_CI_COMMIT)).toBe(git(linked, 'rev-parse', 'HEAD'))
      expect(runCommit(repo, NO_CI_COMMIT)).toBe(git(repo, 'rev-parse', 'HEAD'))
      expect(runCommit(linked, NO_CI_COMMIT)).not.toBe(runCommit(repo, NO_CI_COMMIT))
    } finally {
      git(repo, 'worktree', 'remove', '--force', linked)
    }
  })

  test('outside any repository, and in a repository without a commit, there is none', () => {
    const outside = tmpOutside('no-git')
    const empty = tmpOutside('empty-git')
    try {
      expect(runCommit(outside, NO_CI_COMMIT)).toBeUndefined()
      git(empty, 'init', '-q')
      expect(runCommit(empty, NO_CI_COMMIT)).toBeUndefined()
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
      fs.rmSync(empty, { recursive: true, force: true })
    }
  })
})
