/**
 * The fast path to the SPEC model: a plain Gherkin feature file read line by line straight into
 * the clause model, without @cucumber/gherkin's token objects, AST nodes, message ids and error
 * bookkeeping, and without a document in between (the reference's path builds one, and
 * build-feature.ts reads it). Both paths make their clauses with the same clauseOf. It follows the
 * reference parser exactly: the same states in the same order (STATES is @cucumber/gherkin's
 * generated parser table, and a test checks it against the installed one), the same line matchers
 * and the same dialects. Whatever it is not sure of returns undefined, and the reference parser
 * decides: any parse error, an unknown language, a tag with whitespace, a table with ragged rows.
 * test/quick-parse.test.ts proves both give the same model on the Gherkin corpus and on generated
 * features.
 */
import { fit, NONE } from '../util/fit.js'
import { clauseOf, withNames, type ClauseParts, type Scope } from './build-feature.js'
import { dialects } from './gherkin-lib.js'
import type { ClauseStep, ExamplesBlock, FeatureModel, StepKind, TagRef } from './model.js'

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

/** STATES as a list indexed by state */
const TABLE: (Choice[] | undefined)[] = []
for (const [state, list] of Object.entries(STATES)) TABLE[Number(state)] = list.split(' ').map(choiceOf)

function choiceOf(text: string): Choice {
  const [, token, ahead, next] = /^(\w+)(?:\?([01]))?>(\d+)$/.exec(text)!
  return { token: token as Token, next: Number(next), ...(ahead ? { lookahead: ahead === '0' ? 'scenario' : 'examples' } : {}) }
}

/**
 * A line's class: EOF, empty, or by its first character (`#`, `@`, `|`, a quote or backtick,
 * anything else), with KEYWORD_START added when a title or step keyword of the language starts
 * with that character. A token that no line of a class can match is left out of the state's
 * choices for it (candidates), so most lines are tried against one to three tokens instead of up
 * to twelve; the order of the rest, which decides, is the state's.
 */
const LINE_EOF = 0
const LINE_EMPTY = 1
const LINE_HASH = 2
const LINE_AT = 3
const LINE_PIPE = 4
const LINE_QUOTE = 5
const LINE_OTHER = 6
const KEYWORD_START = 8

function couldMatch(token: Token, cls: number): boolean {
  const base = cls & ~KEYWORD_START
  switch (token) {
    case 'EOF': return base === LINE_EOF
    case 'Empty': return base === LINE_EMPTY
    case 'Comment':
    case 'Language': return base === LINE_HASH
    case 'TagLine': return base === LINE_AT
    case 'TableRow': return base === LINE_PIPE
    case 'DocStringSeparator': return base === LINE_QUOTE // """ or ```
    case 'FeatureLine':
    case 'RuleLine':
    case 'BackgroundLine':
    case 'ScenarioLine':
    case 'ExamplesLine':
    case 'StepLine': return (cls & KEYWORD_START) !== 0
    case 'Other': return base !== LINE_EOF
  }
}

/** The choices of a state a line of class `cls` could take, in the state's order (worked out once). */
function candidates(state: number, cls: number): readonly Choice[] {
  const key = state * 16 + cls
  let list = CANDIDATES[key]
  if (list === undefined) CANDIDATES[key] = list = (TABLE[state] ?? []).filter((c) => couldMatch(c.token, cls))
  return list
}

const CANDIDATES: (readonly Choice[] | undefined)[] = []

const LANGUAGE = /^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$/

/** Thrown where the reference parser would report an error: it is left to say what. */
const DEFER = Symbol('defer to the reference parser')

/**
 * The feature's model (`feature` undefined for a file without one), or undefined when the reference
 * parser must decide. Plain (not Markdown) Gherkin only. `hashes`: as BuildOptions.hashes.
 */
export function quickFeature(file: string, source: string, hashes = true): { feature?: FeatureModel } | undefined {
  try {
    return { feature: new QuickParse(file, source, hashes).run() }
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
  /** step keywords, longest first (the reference's order), with their kind (a conjunction's is 'unknown') and as the model keeps them (trimmed) */
  steps: readonly (readonly [keyword: string, kind: StepKind, trimmed: string])[]
  /** the first character of every title and step keyword: any other line is neither */
  starts: ReadonlySet<string>
}

const byLanguage = new Map<string, Keywords>()

function keywordsOf(name: string): Keywords {
  let k = byLanguage.get(name)
  if (k) return k
  const d = (dialects as Record<string, (typeof dialects)[string] | undefined>)[name]
  if (!d) throw DEFER
  const kinds = new Map<string, StepKind[]>()
  const add = (words: readonly string[], kind: StepKind) => { for (const w of words) kinds.set(w, [...(kinds.get(w) ?? []), kind]) }
  add(d.given, 'context')
  add(d.when, 'action')
  add(d.then, 'outcome')
  add([...d.and, ...d.but], 'unknown')
  const sorted = [...d.given, ...d.when, ...d.then, ...d.and, ...d.but].sort((a, b) => b.length - a.length)
  k = {
    name,
    feature: d.feature, rule: d.rule, background: d.background, examples: d.examples,
    scenario: [...d.scenario, ...d.scenarioOutline],
    // a keyword of two kinds is the reference's keywordType Unknown, which the model reads as a conjunction
    steps: sorted.map((w) => [w, kinds.get(w)!.length > 1 ? 'unknown' : kinds.get(w)![0]!, w.trim()] as const),
    starts: new Set([...d.feature, ...d.rule, ...d.background, ...d.scenario, ...d.scenarioOutline, ...d.examples, ...sorted].map((w) => w[0]!)),
  }
  byLanguage.set(name, k)
  return k
}

/** A scenario as read so far; it becomes a clause (clauseOf) once the whole file has parsed. */
interface Pending {
  scope: Scope
  parts: ClauseParts
}

/**
 * Reads the lines and builds the model's pieces as it goes: tags, steps, tables and Examples in the
 * model's own shape, then one clause per scenario at the end of the file (where its Background is
 * complete), through the same clauseOf as the reference's path.
 */
class QuickParse {
  private readonly lines: string[]
  private readonly trimmed: string[]
  private keywords = keywordsOf('en')
  private model?: FeatureModel
  /** the feature's scope, then each rule's */
  private scope?: Scope
  private featureScope?: Scope
  private readonly pending: Pending[] = []
  private scenario?: ClauseParts
  private examples?: ExamplesBlock
  /** the steps being read: a Background's or a scenario's */
  private steps: ClauseStep[] = []
  private from: ClauseStep['from'] = 'feature'
  /** the step a table row or DocString belongs to; none after an Examples line, whose rows are its table */
  private step?: ClauseStep
  private tags: TagRef[] = NONE
  /** steps with a DataTable, whose rows are fitted (no spare room) at the end */
  private readonly tabled: ClauseStep[] = []
  /** whether the current Examples block's first row, its header, has been read */
  private headerRead = false
  private docString?: { separator: string; mediaType?: string; indent: number; lines: string[] }
  /** per line, parsed once: its tags (the lookahead reads those of the lines after it too) */
  private readonly tagsOf: (TagRef[] | undefined)[] = []
  /** the keyword (and for a step, its kind) of the title or step line matched last: the line taken */
  private keyword = ''
  private kind: StepKind = 'unknown'
  private trimmedKeyword = ''

  constructor(private readonly file: string, source: string, private readonly hashes: boolean) {
    this.lines = splitLines(source)
    if (this.lines.length > 0 && this.lines[this.lines.length - 1]!.trim() === '') this.lines.pop()
    this.trimmed = this.lines.map((l) => l.trimStart())
  }

  run(): FeatureModel | undefined {
    let state = 0
    for (let i = 0; ; i++) {
      const choice = this.choose(state, i)
      if (!choice) throw DEFER
      if (choice.token === 'EOF') return this.finish()
      this.take(choice.token, i)
      state = choice.next
    }
  }

  private finish(): FeatureModel | undefined {
    for (const { scope, parts } of this.pending) {
      for (const ex of parts.examples) ex.rows = fit(ex.rows)
      this.model!.clauses.push(clauseOf(scope, parts))
    }
    for (const step of this.tabled) step.dataTable = fit(step.dataTable!)
    return this.model
  }

  private choose(state: number, i: number): Choice | undefined {
    for (const choice of candidates(state, this.lineClass(i))) {
      if (!this.matches(choice.token, i)) continue
      if (choice.lookahead && !this.followedBy(choice.lookahead, i + 1)) continue
      return choice
    }
    return undefined
  }

  /** The line's class (see candidates), from its first character. */
  private lineClass(i: number): number {
    if (i >= this.lines.length) return LINE_EOF
    const t = this.trimmed[i]!
    if (t.length === 0) return LINE_EMPTY
    const first = t.charCodeAt(0)
    const cls = first === 35 /* # */ ? LINE_HASH : first === 64 /* @ */ ? LINE_AT : first === 124 /* | */ ? LINE_PIPE
      : first === 34 /* " */ || first === 96 /* ` */ ? LINE_QUOTE : LINE_OTHER
    return this.keywords.starts.has(t[0]!) ? cls | KEYWORD_START : cls
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
    if (!this.keywords.starts.has(t[0]!)) return false
    for (const [keyword, kind, trimmed] of this.keywords.steps) {
      if (!t.startsWith(keyword)) continue
      this.keyword = keyword
      this.kind = kind
      this.trimmedKeyword = trimmed
      return true
    }
    return false
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
        this.tags = this.tags.concat(this.tagsAt(i))
        return
      case 'FeatureLine': {
        const feature = { name: rest(t, this.keyword.length + 1), line, column, language: this.keywords.name }
        const tags = this.takeTags()
        this.model = { file: this.file, ...feature, tags, rules: [], clauses: [] }
        this.scope = this.featureScope = { file: this.file, feature, tags: withNames([], tags), background: [], hashes: this.hashes }
        return
      }
      case 'RuleLine': {
        const rule = { name: rest(t, this.keyword.length + 1), line, column }
        const tags = this.takeTags()
        this.model!.rules.push({ ...rule, tags })
        const outer = this.featureScope!
        this.scope = { ...outer, rule, tags: withNames(outer.tags, tags) }
        return
      }
      case 'BackgroundLine': {
        // A Background comes before the scenarios and rules of its feature or rule (the states see
        // to it), so the feature's is complete when a rule's starts, and every clause sees all of it.
        const scope = this.scope!
        scope.background = scope.rule ? this.featureScope!.background.slice() : []
        this.steps = scope.background
        this.from = scope.rule ? 'rule' : 'feature'
        return
      }
      case 'ScenarioLine': {
        this.scenario = { keyword: this.keyword, name: rest(t, this.keyword.length + 1), line, column, ownTags: this.takeTags(), steps: [], examples: [] }
        this.pending.push({ scope: this.scope!, parts: this.scenario })
        this.steps = this.scenario.steps
        this.from = 'clause'
        return
      }
      case 'ExamplesLine':
        this.examples = { name: rest(t, this.keyword.length + 1), line, column, tags: this.takeTags(), header: [], rows: [] }
        this.scenario!.examples.push(this.examples)
        this.headerRead = false
        this.step = undefined
        return
      case 'StepLine':
        this.step = {
          keyword: this.trimmedKeyword, kind: this.kind, text: rest(t, this.keyword.length),
          docString: undefined, dataTable: undefined, from: this.from, line, column,
        }
        this.steps.push(this.step)
        return
      case 'TableRow':
        this.addRow(tableCells(t), line, column)
        return
      case 'DocStringSeparator':
        if (this.docString) {
          const { lines, mediaType } = this.docString
          this.step!.docString = { content: lines.join('\n'), mediaType }
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

  private takeTags(): TagRef[] {
    const tags = this.tags
    this.tags = NONE
    return tags
  }

  private tagsAt(i: number): TagRef[] {
    return (this.tagsOf[i] ??= this.readTags(i))
  }

  /** The reference's getTags, columns and all. */
  private readTags(i: number): TagRef[] {
    const t = this.trimmed[i]!
    let column = this.lines[i]!.length - t.length + 1
    // most tag lines have no comment and no character outside the BMP: neither needs a regular expression then
    const items = (t.includes('#') ? t.split(/\s#/g, 2)[0]! : t).split('@')
    const astral = SURROGATE.test(t)
    const tags: TagRef[] = []
    for (const raw of items) {
      const item = raw.trimEnd()
      if (item.length === 0) continue
      if (!/^\S+$/.test(item)) throw DEFER
      tags.push({ name: `@${item}`, line: i + 1, column })
      column += (astral ? countSymbols(raw) : raw.length) + 1
    }
    return fit(tags)
  }

  private addRow(cells: string[], line: number, column: number): void {
    if (!this.step) {
      const ex = this.examples!
      // Examples without a header row compile to no pickles: header and rows stay empty
      if (this.headerRead) ex.rows.push({ cells, line, column })
      else {
        ex.header = cells
        this.headerRead = true
      }
      if (cells.length !== ex.header.length) throw DEFER
      return
    }
    if (!this.step.dataTable) this.tabled.push(this.step)
    const rows = (this.step.dataTable ??= [])
    rows.push(cells)
    if (cells.length !== rows[0]!.length) throw DEFER
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
function tableCells(t: string): string[] {
  // without a backslash there is no escape: the cells are what lies between the pipes (what follows the last is dropped)
  if (!t.includes('\\')) {
    const cells = t.split('|').slice(1, -1) // a list of its exact length, as fit() makes
    for (let c = 0; c < cells.length; c++) cells[c] = trimCell(cells[c]!)
    return cells.length === 0 ? NONE : cells
  }
  const cells: string[] = []
  let cell = ''
  let first = true
  for (let col = 0; col < t.length;) {
    let chr = t[col]!
    col++
    if (chr === '|') {
      if (first) first = false
      else cells.push(trimCell(cell))
      cell = ''
    } else if (chr === '\\') {
      // a backslash ending the line can only touch a cell no pipe closes, which is dropped
      chr = t[col] as string
      col++
      if (chr === 'n') cell += '\n'
      else cell += (chr !== '|' && chr !== '\\' ? '\\' : '') + chr
    } else cell += chr
  }
  return fit(cells)
}

/** A cell without the reference's padding, [ \t\v\f\r\u0085\u00A0], at either end (not String#trim's wider set). */
function trimCell(cell: string): string {
  let start = 0
  let end = cell.length
  while (start < end && isCellPadding(cell.charCodeAt(start))) start++
  while (end > start && isCellPadding(cell.charCodeAt(end - 1))) end--
  return start === 0 && end === cell.length ? cell : cell.substring(start, end)
}

function isCellPadding(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d || code === 0x85 || code === 0xa0
}
