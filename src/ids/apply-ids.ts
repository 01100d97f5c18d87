/**
 * Writes new ids into a feature file's text. Only tag lines change: an id goes right after the
 * clause's last tag, or on a new tag line above the Scenario line, with that line's indentation and
 * line ending. Every other byte stays as it was.
 */
import type { MediaType } from '../spec/parse-feature.js'
import type { Assignment } from './plan-ids.js'

interface Line {
  text: string
  eol: string
}

export function applyIds(source: string, assignments: readonly Assignment[], mediaType: MediaType): string {
  const lines = splitLines(source)
  const markdown = mediaType === 'text/x.cucumber.gherkin+markdown'
  // bottom up, so the edits above still find their lines where the parser saw them
  const ordered = [...assignments].sort((a, b) => b.clause.line - a.clause.line)
  for (const a of ordered) {
    const tag = markdown ? `\`@id:${a.id}\`` : `@id:${a.id}`
    if (a.after) appendAfterTag(lines, a.after, tag, markdown)
    else insertTagLine(lines, a.clause.line, tag)
  }
  return lines.map((l) => l.text + l.eol).join('')
}

function appendAfterTag(lines: Line[], after: NonNullable<Assignment['after']>, tag: string, markdown: boolean): void {
  const line = lines[after.line - 1]!
  // in Markdown a tag is written in backticks; the id goes after the closing one
  const end = indexOfColumn(line.text, after.column) + after.name.length + (markdown ? 1 : 0)
  line.text = `${line.text.slice(0, end)} ${tag}${line.text.slice(end)}`
}

function insertTagLine(lines: Line[], clauseLine: number, tag: string): void {
  const line = lines[clauseLine - 1]!
  const indent = /^\s*/.exec(line.text)![0]
  lines.splice(clauseLine - 1, 0, { text: indent + tag, eol: line.eol || eolOf(lines) })
}

function splitLines(source: string): Line[] {
  const lines: Line[] = []
  // the Gherkin scanner breaks lines at \n and \r\n only, so a lone \r stays inside its line
  const re = /([^\n]*?)(\r\n|\n|$)/g
  for (let m = re.exec(source); m && m.index < source.length; m = re.exec(source)) {
    lines.push({ text: m[1]!, eol: m[2]! })
    if (!m[2]) break
  }
  return lines
}

/** The file's own line ending, for a line added at its very end. */
function eolOf(lines: readonly Line[]): string {
  return lines.find((l) => l.eol)?.eol ?? '\n'
}

/** Gherkin counts columns in code points; JavaScript strings index UTF-16 units. */
function indexOfColumn(text: string, column: number): number {
  let index = 0
  for (let c = 1; c < column && index < text.length; c++) index += text.codePointAt(index)! > 0xffff ? 2 : 1
  return index
}
