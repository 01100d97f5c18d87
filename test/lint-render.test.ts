/** The diagnostic renderers are pure functions over Diagnostic[]: lint uses them, status can too. */
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../src/diagnostics.js'
import { renderGithub, renderJson, renderPretty } from '../src/report/render-diagnostics.js'

const d = (over: Partial<Diagnostic>): Diagnostic => ({ rule: 'r', severity: 'error', file: 'f.feature', line: 1, column: 1, message: 'm', ...over })

describe('diagnostic renderers', () => {
  it('github: escapes %, CR and LF in messages, and also : and , in properties', () => {
    const out = renderGithub([d({ file: 'a,b:c.feature', line: 3, column: 7, message: '100% wrong\r\nsecond line', severity: 'warning' })])
    expect(out).toBe('::warning file=a%2Cb%3Ac.feature,line=3,col=7,title=specgate r::100%25 wrong%0D%0Asecond line\n')
  })

  it('github: leaves out line and col a diagnostic does not have', () => {
    expect(renderGithub([d({ line: undefined, column: undefined })])).toBe('::error file=f.feature,title=specgate r::m\n')
  })

  it('json: the caller\'s head first, findings sorted, fixed keys, missing places as null', () => {
    const out = JSON.parse(renderJson([d({ file: 'b' }), d({ file: 'a', line: undefined, column: undefined })], { files: 2 })) as unknown
    expect(out).toEqual({
      files: 2,
      findings: [
        { rule: 'r', severity: 'error', file: 'a', line: null, column: null, message: 'm' },
        { rule: 'r', severity: 'error', file: 'b', line: 1, column: 1, message: 'm' },
      ],
    })
  })

  it('pretty: the caret follows tabs, which are shown as two spaces', () => {
    const out = renderPretty([d({ line: 2, column: 3, message: 'here' })], { source: () => 'first\n\t\t@tag\n' })
    expect(out).toBe([
      'f.feature',
      '  2:3     error   here  r',
      '    2 |     @tag',
      '      |     ^',
      '',
    ].join('\n'))
  })

  it('pretty: without the source text, only the finding line', () => {
    expect(renderPretty([d({})])).toBe('f.feature\n  1:1     error   m  r\n')
  })
})
