/**
 * The HTML report's page script. It runs in the browser, so it is written as one self-contained
 * function (type-checked here, embedded with Function.prototype.toString) that builds every
 * element with textContent: no text from the data is ever parsed as HTML.
 */
/* eslint-disable max-lines-per-function */
import type { HtmlClause, HtmlData, HtmlEvidence } from './html-data.js'
import type { PageDerive } from './html-derive.js'

/** A clause as the page shows and filters it: with what the data leaves out rebuilt (html-derive.ts). */
interface PageClause extends Omit<HtmlClause, 'rule' | 'reason' | 'tags' | 'acceptance'> {
  rule?: string
  reason: string
  tags: string[]
  levels: string[]
  owner?: string
  acceptor?: string
}

export function htmlApp(derive: PageDerive): void {
  const data = JSON.parse(document.getElementById('specgate-data')!.textContent!) as HtmlData
  const clauses = data.clauses.map(pageClause)
  const AUTO_OPEN = 1000
  const filters: Record<'verdict' | 'level' | 'owner' | 'acceptor' | 'tag' | 'q', string> = { verdict: '', level: '', owner: '', acceptor: '', tag: '', q: '' }

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
    for (const c of children) if (c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c)
    return node
  }
  function pageClause(c: HtmlClause): PageClause {
    const f = data.features[c.feature]!
    const rule = c.rule === undefined ? undefined : data.rules[c.rule]!
    const tags = c.tags ?? derive.inheritedTags(rule ? f.tags.concat(rule.tags) : f.tags, c.ownTags)
    const { levels, owner, acceptor } = c.acceptance ?? derive.acceptanceOf(tags)
    return { ...c, rule: rule?.name, reason: c.reason ?? '', tags, levels, owner, acceptor }
  }

  const verdictBadge = (v: string, extra?: string) => el('span', { class: `verdict v-${v}`, 'data-verdict': v }, extra ? `${v} (${extra})` : v)

  function renderTotals(): void {
    const t = data.totals
    const box = document.getElementById('totals')!
    box.append(el('div', { class: `result ${data.passed ? 'ok' : 'bad'}`, 'data-testid': 'result' }, data.passed ? 'passed' : 'failed'))
    box.append(el('div', { class: 'total', 'data-testid': 'total-clauses' }, el('b', {}, String(t.clauses)), ' clauses'))
    box.append(el('div', { class: 'total' }, el('b', {}, String(t.cases)), ' cases'))
    for (const [v, n] of Object.entries(t.byVerdict)) {
      if (n === 0) continue
      const b = el('button', { class: `total v-${v}`, 'data-testid': `total-${v}`, title: `show ${v} clauses` }, el('b', {}, String(n)), ` ${v}`)
      b.addEventListener('click', () => setFilter('verdict', v))
      box.append(b)
    }
    if (t.orphans) box.append(el('div', { class: 'total v-failed', 'data-testid': 'total-orphans' }, el('b', {}, String(t.orphans)), ' orphan tests'))
    if (data.rejection) box.append(el('div', { class: 'rejection' }, data.rejection))
  }

  function renderGates(): void {
    const body = document.querySelector('#gates tbody')!
    for (const g of data.gates) {
      const state = g.passed ? 'pass' : g.severity === 'error' ? 'FAIL' : 'warning'
      const failing = el('td', {})
      for (const f of g.failures.slice(0, 50)) {
        if (f.id) {
          const a = el('a', { href: `#clause=${encodeURIComponent(f.id)}` }, f.id)
          failing.append(a, ' ')
        } else failing.append(el('div', { class: 'msg' }, f.message))
      }
      if (g.failures.length > 50) failing.append(`and ${g.failures.length - 50} more`)
      body.append(el('tr', { class: `gate g-${state}`, 'data-gate': g.name }, el('td', {}, g.name), el('td', { class: 'state' }, state), el('td', {}, g.describe), failing))
    }
  }

  function renderSide(): void {
    const side = document.getElementById('side')!
    if (data.baseline) {
      const b = data.baseline
      const box = el('section', { id: 'baseline' }, el('h2', {}, `Against baseline ${b.file}`))
      const list = el('ul', {})
      for (const r of b.regressions) list.append(el('li', { class: 'regression' }, el('a', { href: `#clause=${encodeURIComponent(r.id)}` }, r.id), ` ${r.name}: was ${r.before}, now `, verdictBadge(r.now)))
      for (const r of b.newlyAccepted) list.append(el('li', { class: 'newly' }, el('a', { href: `#clause=${encodeURIComponent(r.id)}` }, r.id), ` ${r.name}: newly accepted (was ${r.before})`))
      box.append(el('p', {}, `${b.regressions.length} regression(s), ${b.newlyAccepted.length} newly accepted`), list)
      side.append(box)
    }
    if (data.debts.length) {
      const list = el('ul', {})
      for (const d of data.debts) list.append(el('li', {}, el('b', {}, `${d.role} ${d.who}`), `: ${d.items.map((i) => i.id).slice(0, 20).join(', ')}${d.items.length > 20 ? ` and ${d.items.length - 20} more` : ''}`))
      side.append(el('section', { id: 'debts' }, el('h2', {}, 'Who owes what'), list))
    }
    if (data.orphans.length) {
      const list = el('ul', {})
      for (const o of data.orphans) list.append(el('li', {}, el('code', {}, o.place), ` "${o.title}": ${o.reason}`))
      side.append(el('section', { id: 'orphans' }, el('h2', {}, 'Orphan tests'), list))
    }
  }

  function options(name: keyof typeof filters, label: string, values: string[]): void {
    const select = el('select', { id: `filter-${name}`, 'data-testid': `filter-${name}`, 'aria-label': label }, el('option', { value: '' }, `${label}: all`))
    if (name === 'verdict') select.append(el('option', { value: '!accepted' }, 'not accepted'))
    for (const v of [...new Set(values)].sort()) select.append(el('option', { value: v }, v))
    select.addEventListener('change', () => setFilter(name, select.value))
    document.getElementById('filters')!.append(select)
  }

  function renderFilters(): void {
    options('verdict', 'verdict', clauses.map((c) => c.verdict))
    options('level', 'level', clauses.flatMap((c) => c.levels))
    options('owner', 'owner', clauses.flatMap((c) => (c.owner ? [c.owner] : [])))
    options('acceptor', 'acceptor', clauses.flatMap((c) => (c.acceptor ? [c.acceptor] : [])))
    options('tag', 'tag', clauses.flatMap((c) => c.tags))
    const q = el('input', { type: 'search', id: 'filter-q', 'data-testid': 'filter-q', placeholder: 'search id or name', 'aria-label': 'search' })
    q.addEventListener('input', () => setFilter('q', q.value))
    document.getElementById('filters')!.append(q)
  }

  function setFilter(name: keyof typeof filters, value: string): void {
    filters[name] = value
    const input = document.getElementById(`filter-${name}`) as HTMLInputElement | HTMLSelectElement | null
    if (input && input.value !== value) input.value = value
    renderTree()
  }

  function matches(c: PageClause): boolean {
    const f = filters
    if (f.verdict === '!accepted' ? c.verdict === 'accepted' : f.verdict && c.verdict !== f.verdict) return false
    if (f.level && !c.levels.includes(f.level)) return false
    if (f.owner && c.owner !== f.owner) return false
    if (f.acceptor && c.acceptor !== f.acceptor) return false
    if (f.tag && !c.tags.includes(f.tag)) return false
    const q = f.q.trim().toLowerCase()
    return !q || c.id.toLowerCase().includes(q) || c.name.toLowerCase().includes(q)
  }

  function clauseRow(c: PageClause): HTMLElement {
    const a = el('a', { href: `#clause=${encodeURIComponent(c.id)}`, class: 'clause', 'data-testid': 'clause-row', 'data-clause': c.id },
      verdictBadge(c.verdict), el('span', { class: 'id' }, c.id), el('span', { class: 'name' }, c.name))
    return el('li', {}, a)
  }

  function clauseList(list: PageClause[]): HTMLElement {
    const ul = el('ul', { class: 'clauses' })
    let rule: string | undefined
    for (const c of list) {
      if (c.rule !== rule && c.rule) ul.append(el('li', { class: 'rule' }, `Rule: ${c.rule}`))
      rule = c.rule
      ul.append(clauseRow(c))
    }
    return ul
  }

  function renderTree(): void {
    const tree = document.getElementById('tree')!
    tree.replaceChildren()
    const byFeature = new Map<number, PageClause[]>()
    let shown = 0
    for (const c of clauses) {
      if (!matches(c)) continue
      shown++
      const list = byFeature.get(c.feature)
      if (list) list.push(c)
      else byFeature.set(c.feature, [c])
    }
    document.getElementById('shown')!.textContent = `${shown} of ${clauses.length} clauses shown`
    for (const [i, list] of byFeature) {
      const f = data.features[i]!
      const open = list.filter((c) => c.verdict !== 'accepted').length
      const summary = el('summary', {}, el('span', { class: 'fname' }, f.name), el('span', { class: 'file' }, f.file), el('span', { class: 'count' }, `${list.length} clauses${open ? `, ${open} not accepted` : ''}`))
      const details = el('details', { class: 'feature', 'data-feature': f.file }, summary)
      details.addEventListener('toggle', () => {
        if (details.open && details.children.length === 1) details.append(clauseList(list))
      }, { once: false })
      if (shown <= AUTO_OPEN) {
        details.open = true
        details.append(clauseList(list))
      }
      tree.append(details)
    }
  }

  function section(title: string, ...children: (Node | string | undefined)[]): HTMLElement {
    return el('section', {}, el('h3', {}, title), ...children)
  }

  function dataState(d: NonNullable<HtmlEvidence['data']>): HTMLElement {
    const parts: string[] = []
    if (d.probe) parts.push(`probe: ${Object.entries(d.probe).map(([k, v]) => `${k}: ${v}`).join(', ') || 'nothing'}`)
    for (const o of d.observed) parts.push(`rows in ${o.entity}: ${o.count}${o.source ? ` (${o.source})` : ''}`)
    if (d.responses) parts.push(`API responses: ${d.responses.withData} with data, ${d.responses.empty} empty`)
    for (const m of d.emptyMarkers) parts.push(`empty-state marker ${m.marker} seen at ${m.at}${m.step ? ` (${m.step})` : ''}`)
    return el('ul', { class: 'data' }, ...parts.map((p) => el('li', {}, p)))
  }

  function evidenceBlock(c: PageClause, e: HtmlEvidence): HTMLElement {
    const kase = e.case ?? c.id
    const title = e.title ?? derive.evidenceTitle(kase, c.name)
    const head = el('div', { class: 'ev-head' }, el('span', { class: `status s-${e.status}` }, e.status), ` ${e.runner}${e.project ? ` [${e.project}]` : ''} `, el('code', {}, data.strings[e.place]), ` ${title}`, ` (${kase}, ${e.durationMs} ms${e.retries ? `, ${e.retries} retries` : ''}${e.assertions === null ? '' : `, ${e.assertions} assertions`}${e.skeleton ? ', skeleton' : ''}${e.detail ? `, ${e.detail}` : ''})`)
    const box = el('div', { class: 'evidence', 'data-testid': 'evidence' }, head)
    if (e.failure) box.append(el('pre', { class: 'failure', 'data-testid': 'failure' }, `${e.failure.step ? `at step "${e.failure.step}"\n` : ''}${e.failure.message}`))
    const steps = e.steps === true
      ? derive.ranSteps(c.gherkin.map((line) => data.strings[line]!)).map((text) => ({ status: 'passed', text, error: undefined }))
      : e.steps?.map(([keyword, text, s, error]) => ({ status: data.strings[s]!, text: ` ${data.strings[keyword]} ${data.strings[text]}`, error }))
    if (steps) box.append(el('ol', { class: 'steps' }, ...steps.map((s) => el('li', { class: `step s-${s.status}` }, el('span', { class: 'status' }, s.status), s.text, s.error ? el('pre', {}, s.error) : undefined))))
    else box.append(el('p', { class: 'muted' }, 'the test does not use step helpers: no step record'))
    if (e.data) box.append(dataState(e.data))
    return box
  }

  function gherkinText(c: PageClause): string {
    const lines = [`${data.strings[c.keyword]}: ${c.name}`, ...c.gherkin.map((i) => data.strings[i])]
    if (c.ownTags) lines.unshift(c.ownTags)
    return lines.join('\n')
  }

  function showDetail(id: string): void {
    const c = clauses.find((x) => x.id === id)
    const detail = document.getElementById('detail')!
    detail.replaceChildren()
    if (!c) return void detail.append(el('p', { class: 'muted' }, 'Pick a clause to see its Gherkin text, tests, steps and evidence.'))
    const f = data.features[c.feature]!
    detail.append(
      el('h2', { 'data-testid': 'detail-title' }, el('span', { class: 'id' }, c.id), ' ', c.name),
      el('p', {}, verdictBadge(c.verdict, c.waivedVerdict), ' ', el('span', { class: 'reason', 'data-testid': 'detail-reason' }, c.reason)),
      el('p', { class: 'meta' }, `${f.name} · `, el('code', {}, `${f.file}:${c.line}`), ` · level ${c.levels.join(', ') || '-'} · owner ${c.owner ?? '-'} · acceptor ${c.acceptor ?? '-'}`),
      el('p', { class: 'tags' }, ...c.tags.map((t) => el('span', { class: 'tag' }, t))),
      section('Gherkin', el('pre', { class: 'gherkin', 'data-testid': 'gherkin' }, gherkinText(c))),
    )
    if (c.cases) detail.append(section('Cases', el('ul', {}, ...c.cases.map((k, i) => el('li', {}, verdictBadge(k.verdict), ` ${k.key ?? derive.outlineCaseKey(c.id, i)} `, k.reasons.join('; ')))))) 
    detail.append(section(`Tests (${c.evidence.length})`, ...(c.evidence.length ? c.evidence.map((e) => evidenceBlock(c, e)) : [el('p', { class: 'muted' }, 'no test brought evidence for this clause')])))
    if (c.waiver) {
      const w = c.waiver
      detail.append(section('Waiver', el('p', { 'data-testid': 'waiver' }, `${w.status}: ${w.reason} (owner ${w.owner}${w.acceptor ? `, acceptor ${w.acceptor}` : ''}, expires ${w.expires}, ${w.at})`, w.link ? el('span', {}, ' ', el('code', {}, w.link)) : undefined)))
    }
    detail.scrollTop = 0
  }

  function route(): void {
    const m = /^#clause=(.+)$/.exec(location.hash)
    showDetail(m ? decodeURIComponent(m[1]!) : '')
    for (const a of Array.from(document.querySelectorAll('a.clause.selected'))) a.classList.remove('selected')
    if (m) document.querySelector(`a.clause[data-clause="${CSS.escape(decodeURIComponent(m[1]!))}"]`)?.classList.add('selected')
  }

  renderTotals()
  renderGates()
  renderSide()
  renderFilters()
  renderTree()
  window.addEventListener('hashchange', route)
  route()
}
