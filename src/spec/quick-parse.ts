/**
 * The fast path to the SPEC model: a plain Gherkin feature file read line by line into the part of
 * a GherkinDocument that buildFeature reads, without @cucumber/gherkin's token objects, AST nodes,
 * message ids and error bookkeeping (over half the time a large SPEC took to model). It follows the
 * reference parser exactly: the same states in the same order (STATES is @cucumber/gherkin's
 * generated parser table, and a test checks it against the installed one), the same line matchers
 * and the same dialects. Whatever it is not sure of returns undefined, and the reference parser
 * decides: any parse error, an unknown language, a tag with whitespace, a table with ragged rows.
 * test/quick-parse.test.ts proves both give the same model on the Gherkin corpus and on generated
 * features.
 */
import { dialects } from '@cucumber/gherkin'
import type { DocExamples, DocRow, DocRule, DocScenario, DocStep, DocTag, FeatureDocument } from './build-feature.js'

type Token =
  | 'EOF' | 'Language' | 'TagLine' | 'FeatureLine' | 'RuleLine' | 'BackgroundLine' | 'ScenarioLine' | 'ExamplesLine'
  | 'StepLine' | 'TableRow' | 'DocStringSeparator' | 'Comment' | 'Empty' | 'Other'

/**
 * state: the tokens it accepts, in the order the reference tries them, and the state each leads
 * to; `TagLine?0` accepts the tags only when a Scenario line follows them (past blank, comment and
 * tag lines), `TagLine?1` only when an Examples line does. Copied from @cucumber/gherkin's
 * dist/Parser.js (matchTokenAt_N); 42 is the end.
 */
export const STATES: Record<number, string> = {
  0: 'EOF>42 Language>1 TagLine>2 FeatureLine>3 Comment>0 Empty>0',
  1: 'TagLine>2 FeatureLine>3 Comment>1 Empty>1',
  2: 'TagLine>2 FeatureLine>3 Comment>2 Empty>2',
  3: 'EOF>42 Empty>3 Comment>4 BackgroundLine>5 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Other>4',
  4: 'EOF>42 Comment>4 BackgroundLine>5 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Other>4',
  5: 'EOF>42 Empty>5 Comment>6 StepLine>7 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Other>6',
  6: 'EOF>42 Comment>6 StepLine>7 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Other>6',
  7: 'EOF>42 TableRow>8 DocStringSeparator>52 StepLine>7 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Comment>7 Empty>7',
  8: 'EOF>42 TableRow>8 DocStringSeparator>9 StepLine>7 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Comment>8 Empty>8',
  9: 'DocStringSeparator>10 Other>9',
  10: 'EOF>42 StepLine>7 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Comment>10 Empty>10',
  11: 'TagLine>11 ScenarioLine>12 Comment>11 Empty>11',
  12: 'EOF>42 Empty>12 Comment>13 StepLine>14 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Other>13',
  13: 'EOF>42 Comment>13 StepLine>14 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Other>13',
  14: 'EOF>42 TableRow>15 DocStringSeparator>49 StepLine>14 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Comment>14 Empty>14',
  15: 'EOF>42 TableRow>15 DocStringSeparator>16 StepLine>14 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Comment>15 Empty>15',
  16: 'DocStringSeparator>17 Other>16',
  17: 'EOF>42 StepLine>14 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Comment>17 Empty>17',
  18: 'TagLine>18 ExamplesLine>19 Comment>18 Empty>18',
  19: 'EOF>42 Empty>19 Comment>20 TableRow>21 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Other>20',
  20: 'EOF>42 Comment>20 TableRow>21 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Other>20',
  21: 'EOF>42 TableRow>21 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Comment>21 Empty>21',
  22: 'TagLine>22 RuleLine>23 Comment>22 Empty>22',
  23: 'EOF>42 Empty>23 Comment>24 BackgroundLine>25 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Other>24',
  24: 'EOF>42 Comment>24 BackgroundLine>25 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Other>24',
  25: 'EOF>42 Empty>25 Comment>26 StepLine>27 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Other>26',
  26: 'EOF>42 Comment>26 StepLine>27 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Other>26',
  27: 'EOF>42 TableRow>28 DocStringSeparator>46 StepLine>27 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Comment>27 Empty>27',
  28: 'EOF>42 TableRow>28 DocStringSeparator>29 StepLine>27 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Comment>28 Empty>28',
  29: 'DocStringSeparator>30 Other>29',
  30: 'EOF>42 StepLine>27 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Comment>30 Empty>30',
  31: 'TagLine>31 ScenarioLine>32 Comment>31 Empty>31',
  32: 'EOF>42 Empty>32 Comment>33 StepLine>34 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Other>33',
  33: 'EOF>42 Comment>33 StepLine>34 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Other>33',
  34: 'EOF>42 TableRow>35 DocStringSeparator>43 StepLine>34 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Comment>34 Empty>34',
  35: 'EOF>42 TableRow>35 DocStringSeparator>36 StepLine>34 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Comment>35 Empty>35',
  36: 'DocStringSeparator>37 Other>36',
  37: 'EOF>42 StepLine>34 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Comment>37 Empty>37',
  38: 'TagLine>38 ExamplesLine>39 Comment>38 Empty>38',
  39: 'EOF>42 Empty>39 Comment>40 TableRow>41 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Other>40',
  40: 'EOF>42 Comment>40 TableRow>41 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Other>40',
  41: 'EOF>42 TableRow>41 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Comment>41 Empty>41',
  43: 'DocStringSeparator>44 Other>43',
  44: 'EOF>42 TableRow>45 StepLine>34 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Comment>44 Empty>44',
  45: 'EOF>42 TableRow>45 StepLine>34 TagLine?1>38 TagLine?0>31 TagLine>22 ExamplesLine>39 ScenarioLine>32 RuleLine>23 Comment>45 Empty>45',
  46: 'DocStringSeparator>47 Other>46',
  47: 'EOF>42 TableRow>48 StepLine>27 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Comment>47 Empty>47',
  48: 'EOF>42 TableRow>48 StepLine>27 TagLine?0>31 TagLine>22 ScenarioLine>32 RuleLine>23 Comment>48 Empty>48',
  49: 'DocStringSeparator>50 Other>49',
  50: 'EOF>42 TableRow>51 StepLine>14 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Comment>50 Empty>50',
  51: 'EOF>42 TableRow>51 StepLine>14 TagLine?1>18 TagLine?0>11 TagLine>22 ExamplesLine>19 ScenarioLine>12 RuleLine>23 Comment>51 Empty>51',
  52: 'DocStringSeparator>53 Other>52',
  53: 'EOF>42 TableRow>54 StepLine>7 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Comment>53 Empty>53',
  54: 'EOF>42 TableRow>54 StepLine>7 TagLine?0>11 TagLine>22 ScenarioLine>12 RuleLine>23 Comment>54 Empty>54',
}

interface Choice {
  token: Token
  lookahead?: 'scenario' | 'examples'
  next: number
}

const TABLE = new Map(Object.entries(STATES).map(([state, list]) => [Number(state), list.split(' ').map(choiceOf)]))

function choiceOf(text: string): Choice {
  const [, token, ahead, next] = /^(\w+)(?:\?([01]))?>(\d+)$/.exec(text)!
  return { token: token as Token, next: Number(next), ...(ahead ? { lookahead: ahead === '0' ? 'scenario' : 'examples' } : {}) }
}

const LANGUAGE = /^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$/

/** Thrown where the reference parser would report an error: it is left to say what. */
const DEFER = Symbol('defer to the reference parser')

/** The document, or undefined when the reference parser must decide. Plain (not Markdown) Gherkin only. */
export function quickDocument(source: string): FeatureDocument | undefined {
  try {
    return new QuickParse(source).run()
  } catch (err) {
    if (err === DEFER) return undefined
    throw err
  }
}

interface Keywords {
  name: string
  feature: readonly string[]
  rule: readonly string[]
  background: readonly string[]
  scenario: readonly string[]
  examples: readonly string[]
  /** step keywords, longest first (the reference's order), with their keyword type */
  steps: readonly (readonly [keyword: string, type: string])[]
  /** the first character of every title and step keyword: any other line is neither */
  starts: ReadonlySet<string>
}

const byLanguage = new Map<string, Keywords>()

function keywordsOf(name: string): Keywords {
  let k = byLanguage.get(name)
  if (k) return k
  const d = (dialects as Record<string, (typeof dialects)[string] | undefined>)[name]
  if (!d) throw DEFER
  const types = new Map<string, string[]>()
  const add = (words: readonly string[], type: string) => { for (const w of words) types.set(w, [...(types.get(w) ?? []), type]) }
  add(d.given, 'Context')
  add(d.when, 'Action')
  add(d.then, 'Outcome')
  add([...d.and, ...d.but], 'Conjunction')
  const sorted = [...d.given, ...d.when, ...d.then, ...d.and, ...d.but].sort((a, b) => b.length - a.length)
  k = {
    name,
    feature: d.feature, rule: d.rule, background: d.background, examples: d.examples,
    scenario: [...d.scenario, ...d.scenarioOutline],
    steps: sorted.map((w) => [w, types.get(w)!.length > 1 ? 'Unknown' : types.get(w)![0]!] as const),
    starts: new Set([...d.feature, ...d.rule, ...d.background, ...d.scenario, ...d.scenarioOutline, ...d.examples, ...sorted].map((w) => w[0]!)),
  }
  byLanguage.set(name, k)
  return k
}

class QuickParse {
  private readonly lines: string[]
  private readonly trimmed: string[]
  private keywords = keywordsOf('en')
  private feature?: NonNullable<FeatureDocument['feature']> & { children: NonNullable<FeatureDocument['feature']>['children'][number][] }
  private rule?: DocRule & { children: DocRule['children'][number][] }
  private scenario?: DocScenario & { examples: DocExamples[] }
  private examples?: DocExamples & { tableBody: DocRow[] }
  private steps: DocStep[] = []
  /** the step a table row or DocString belongs to; none after an Examples line, whose rows are its table */
  private step?: DocStep
  private tags: DocTag[] = []
  private docString?: { separator: string; mediaType?: string; indent: number; lines: string[] }
  /** per line, parsed once: its tags (the lookahead reads those of the lines after it too) */
  private readonly tagsOf: (DocTag[] | undefined)[] = []
  /** the keyword (and for a step, its type) of the title or step line matched last: the line taken */
  private keyword = ''
  private keywordType = ''

  constructor(source: string) {
    this.lines = splitLines(source)
    if (this.lines.length > 0 && this.lines[this.lines.length - 1]!.trim() === '') this.lines.pop()
    this.trimmed = this.lines.map((l) => l.trimStart())
  }

  run(): FeatureDocument {
    let state = 0
    for (let i = 0; ; i++) {
      const choice = this.choose(state, i)
      if (!choice) throw DEFER
      if (choice.token === 'EOF') return { feature: this.feature }
      this.take(choice.token, i)
      state = choice.next
    }
  }

  private choose(state: number, i: number): Choice | undefined {
    for (const choice of TABLE.get(state) ?? []) {
      if (!this.matches(choice.token, i)) continue
      if (choice.lookahead && !this.followedBy(choice.lookahead, i + 1)) continue
      return choice
    }
    return undefined
  }

  private matches(token: Token, i: number): boolean {
    if (i >= this.lines.length) return token === 'EOF'
    const t = this.trimmed[i]!
    switch (token) {
      case 'EOF': return false
      case 'Empty': return t.length === 0
      case 'Comment': return t.startsWith('#')
      case 'TagLine': return t.startsWith('@')
      case 'TableRow': return t.startsWith('|')
      case 'Language': return LANGUAGE.test(t)
      case 'DocStringSeparator': return this.docString ? t.startsWith(this.docString.separator) : t.startsWith('"""') || t.startsWith('```')
      case 'FeatureLine': return this.title(t, this.keywords.feature)
      case 'RuleLine': return this.title(t, this.keywords.rule)
      case 'BackgroundLine': return this.title(t, this.keywords.background)
      case 'ScenarioLine': return this.title(t, this.keywords.scenario)
      case 'ExamplesLine': return this.title(t, this.keywords.examples)
      case 'StepLine': return this.stepKeyword(t)
      case 'Other': return true
    }
  }

  private title(t: string, keywords: readonly string[]): boolean {
    const keyword = titleKeyword(t, keywords)
    if (keyword === undefined) return false
    this.keyword = keyword
    return true
  }

  private stepKeyword(t: string): boolean {
    const found = this.keywords.starts.has(t[0]!) ? this.keywords.steps.find(([k]) => t.startsWith(k)) : undefined
    if (!found) return false
    ;[this.keyword, this.keywordType] = found
    return true
  }

  /** The reference's lookahead: past blank, comment and tag lines, is the next line this title? */
  private followedBy(what: 'scenario' | 'examples', from: number): boolean {
    const keywords = what === 'scenario' ? this.keywords.scenario : this.keywords.examples
    for (let j = from; j < this.lines.length; j++) {
      const t = this.trimmed[j]!
      if (titleKeyword(t, keywords) !== undefined) return true
      if (t.length === 0 || t.startsWith('#')) continue
      if (!t.startsWith('@')) return false
      this.tagsAt(j) // a tag with whitespace is an error the reference reports
    }
    return false
  }

  private take(token: Token, i: number): void {
    const t = this.trimmed[i]!
    const line = i + 1
    const column = this.lines[i]!.length - t.length + 1
    switch (token) {
      case 'Language':
        this.keywords = keywordsOf(LANGUAGE.exec(t)![1]!)
        return
      case 'TagLine':
        this.tags.push(...this.tagsAt(i))
        return
      case 'FeatureLine':
        this.feature = { location: { line, column }, name: rest(t, this.keyword.length + 1), language: this.keywords.name, tags: this.takeTags(), children: [] }
        return
      case 'RuleLine':
        this.rule = { location: { line, column }, name: rest(t, this.keyword.length + 1), tags: this.takeTags(), children: [] }
        this.feature!.children.push({ rule: this.rule })
        return
      case 'BackgroundLine': {
        const background = { steps: [] as DocStep[] }
        ;(this.rule ?? this.feature!).children.push({ background })
        this.steps = background.steps
        return
      }
      case 'ScenarioLine': {
        this.scenario = { location: { line, column }, keyword: this.keyword, name: rest(t, this.keyword.length + 1), tags: this.takeTags(), steps: [], examples: [] }
        ;(this.rule ?? this.feature!).children.push({ scenario: this.scenario })
        this.steps = this.scenario.steps as DocStep[]
        return
      }
      case 'ExamplesLine':
        this.examples = { location: { line, column }, name: rest(t, this.keyword.length + 1), tags: this.takeTags(), tableBody: [] }
        this.scenario!.examples.push(this.examples)
        this.step = undefined
        return
      case 'StepLine':
        this.step = { location: { line, column }, keyword: this.keyword, keywordType: this.keywordType, text: rest(t, this.keyword.length) }
        this.steps.push(this.step)
        return
      case 'TableRow':
        this.addRow({ location: { line, column }, cells: tableCells(t) })
        return
      case 'DocStringSeparator':
        if (this.docString) {
          const { lines, mediaType } = this.docString
          this.step!.docString = { content: lines.join('\n'), ...(mediaType ? { mediaType } : {}) }
          this.docString = undefined
        } else {
          const separator = t.startsWith('"""') ? '"""' : '```'
          this.docString = { separator, mediaType: rest(t, 3) || undefined, indent: column - 1, lines: [] }
        }
        return
      case 'Other':
        if (this.docString) this.docString.lines.push(this.docLine(i))
        return // otherwise a description line, which the model does not keep
      case 'Comment':
      case 'Empty':
      case 'EOF':
        return
    }
  }

  private takeTags(): DocTag[] {
    const tags = this.tags
    this.tags = []
    return tags
  }

  private tagsAt(i: number): DocTag[] {
    return (this.tagsOf[i] ??= this.readTags(i))
  }

  /** The reference's getTags, columns and all. */
  private readTags(i: number): DocTag[] {
    const t = this.trimmed[i]!
    let column = this.lines[i]!.length - t.length + 1
    const items = t.split(/\s#/g, 2)[0]!.split('@')
    const tags: DocTag[] = []
    for (const raw of items) {
      const item = raw.trimEnd()
      if (item.length === 0) continue
      if (!/^\S+$/.test(item)) throw DEFER
      tags.push({ name: `@${item}`, location: { line: i + 1, column } })
      column += countSymbols(raw) + 1
    }
    return tags
  }

  private addRow(row: DocRow): void {
    if (!this.step) {
      const ex = this.examples!
      if (!ex.tableHeader) ex.tableHeader = row
      else ex.tableBody.push(row)
      if (row.cells.length !== ex.tableHeader.cells.length) throw DEFER
      return
    }
    const step = this.step!
    const rows = (step.dataTable ??= { rows: [] }).rows as DocRow[]
    rows.push(row)
    if (row.cells.length !== rows[0]!.cells.length) throw DEFER
  }

  /** A DocString line without the separator's indentation, its escaped separator restored (the first, as the reference does). */
  private docLine(i: number): string {
    const { indent, separator } = this.docString!
    const text = this.lines[i]!
    const own = text.length - this.trimmed[i]!.length
    const line = indent > own ? this.trimmed[i]! : text.substring(indent)
    return separator === '"""' ? line.replace('\\"\\"\\"', '"""') : line.replace('\\`\\`\\`', '```')
  }
}

/** `source.split(/\r?\n/)`, without the regular expression where there is no carriage return. */
function splitLines(source: string): string[] {
  return source.includes('\r') ? source.split(/\r?\n/) : source.split('\n')
}

function titleKeyword(t: string, keywords: readonly string[]): string | undefined {
  for (const k of keywords) if (t.startsWith(k) && t.charCodeAt(k.length) === 58 /* : */) return k
  return undefined
}

function rest(t: string, from: number): string {
  return t.substring(from).trim()
}

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g
const SURROGATE = /[\uD800-\uDFFF]/

/** Code points, counting a surrogate pair as one (the reference's countSymbols). */
function countSymbols(s: string): number {
  return SURROGATE.test(s) ? s.replace(ASTRAL, '_').length : s.length
}

/** The reference's getTableCells (its cell values; the model keeps no cell columns): `\|`, `\\` and `\n` escapes, cells trimmed of spaces and tabs. */
function tableCells(t: string): DocRow['cells'] {
  const cells: { value: string }[] = []
  let cell = ''
  let first = true
  for (let col = 0; col < t.length;) {
    let chr = t[col]!
    col++
    if (chr === '|') {
      if (first) first = false
      else cells.push({ value: cell.replace(/^[ \t\v\f\r\u0085\u00A0]*/g, '').replace(/[ \t\v\f\r\u0085\u00A0]*$/g, '') })
      cell = ''
    } else if (chr === '\\') {
      // a backslash ending the line can only touch a cell no pipe closes, which is dropped
      chr = t[col] as string
      col++
      if (chr === 'n') cell += '\n'
      else cell += (chr !== '|' && chr !== '\\' ? '\\' : '') + chr
    } else cell += chr
  }
  return cells
}
