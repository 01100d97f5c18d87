/** `specgate affected --since <ref>`: clauses whose @covers: globs a diff touched, with their latest verdict. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { clause } from 'specgate/vitest'
import { specgate } from './helpers/cli.js'
import { fixtureProject, fragment, passed, writeFragment, type FixtureProject } from './helpers/check-fixture.js'
import { matchesAny } from '../src/check/covers-glob.js'

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root, encoding: 'utf8' })
}

describe('specgate affected', () => {
  let p: FixtureProject
  beforeAll(async () => {
    p = await fixtureProject('check-basic', 'affected')
    fs.mkdirSync(path.join(p.root, 'src/keys'), { recursive: true })
    fs.mkdirSync(path.join(p.root, 'src/billing'), { recursive: true })
    for (const f of ['src/keys/revoke.ts', 'src/keys/check.ts', 'src/billing/invoice.ts', 'src/other.ts']) fs.writeFileSync(path.join(p.root, f), 'export {}\n')
    fs.writeFileSync(path.join(p.root, '.gitignore'), '.specgate/\nspecgate-report/\n')
    git(p.root, 'init', '-q')
    git(p.root, 'add', '-A')
    git(p.root, 'commit', '-q', '-m', 'base')
    git(p.root, 'tag', 'base')
    writeFragment(p.root, 'v.json', fragment({ runner: 'vitest', id: 'v', spec: p.spec }, [
      passed(p.spec, 'KEYS-001'),
      passed(p.spec, 'KEYS-002', { status: 'failed', failure: { message: 'still working' } }),
      passed(p.spec, 'BILL-001'),
    ]))
  })

  test('nothing changed: no clause is affected, exit 0', () => {
    const r = specgate(['affected', '--since', 'base', '--json'], p.root)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ clauses: [] })
  })

  test('CHECK-016 Affected lists the clauses a diff touched', clause('CHECK-016', '1243906af607'), () => {
    fs.appendFileSync(path.join(p.root, 'src/keys/revoke.ts'), '// changed\n')
    fs.writeFileSync(path.join(p.root, 'src/other.ts'), '// unrelated\n')
    const r = specgate(['affected', '--since', 'base'], p.root)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('2 file(s) changed since base; 2 clause(s) cover them')
    expect(r.stdout).toMatch(/accepted +KEYS-001 .*\n +covers src\/keys\/revoke\.ts \(src\/keys\/\*\*\)/)
    expect(r.stdout).toMatch(/failed +KEYS-002 .*\n +covers src\/keys\/revoke\.ts \(src\/keys\/revoke\.ts\)\n +the test failed: still working/)
    expect(r.stdout).toContain('1 affected clause(s) not accepted in the latest ledger')
    expect(r.stdout).not.toContain('BILL-001')
  })

  test('a new, untracked file counts as changed; --json for scripts', () => {
    fs.writeFileSync(path.join(p.root, 'src/billing/lines.ts'), 'export {}\n')
    const r = specgate(['affected', '--since', 'base', '--json'], p.root)
    const out = JSON.parse(r.stdout) as { changed: string[]; clauses: { id: string; accepted: boolean }[] }
    expect(out.changed).toContain('src/billing/lines.ts')
    expect(out.clauses.map((c) => `${c.id}:${c.accepted}`)).toEqual(['BILL-001:true', 'KEYS-001:true', 'KEYS-002:false'])
  })

  test('an unknown ref is a usage error with git\'s reason', () => {
    const r = specgate(['affected', '--since', 'no-such-ref'], p.root)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^specgate: --since no-such-ref: git could not list changed files: fatal: [^\n]+\n$/)
  })
})

describe('@covers: globs', () => {
  test.each([
    ['src/auth/**', 'src/auth/a/b.ts', true],
    ['src/auth/**', 'src/authx/a.ts', false],
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/a/b.ts', false],
    ['src/{a,b}.ts', 'src/b.ts', true],
    ['src/a.ts', 'src/a.tsx', false],
    ['src/auth', 'src/auth/login.ts', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(matchesAny(file, [glob]) !== undefined).toBe(expected)
  })
})
