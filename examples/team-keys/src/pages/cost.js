// The cost page: this month's cost by member, project or model, from /api/cost.
import { formatCents } from '/money.js'

const select = document.getElementById('by')

async function show(by) {
  const res = await fetch(`/api/cost?by=${encodeURIComponent(by)}`)
  if (!res.ok) return fail(`Could not load cost (${res.status})`)
  const report = await res.json()
  const empty = report.lines.length === 0 && report.unpriced.length === 0
  document.getElementById('empty').hidden = !empty
  document.getElementById('cost').hidden = empty
  document.getElementById('dimension').textContent = by[0].toUpperCase() + by.slice(1)
  document.querySelector('#cost tbody').replaceChildren(...report.lines.map(line))
  document.getElementById('total').textContent = formatCents(report.totalCents)
  const unpriced = document.getElementById('unpriced')
  unpriced.hidden = report.unpriced.length === 0
  unpriced.textContent = report.unpriced
    .map((u) => `Not priced yet: ${u.model} (${u.rows} rows, ${u.tokens} tokens) is left out of the total.`)
    .join(' ')
}

function line(l) {
  const tr = document.createElement('tr')
  tr.dataset.key = l.key
  for (const [text, cls] of [[l.key, 'key'], [l.inputTokens, 'input'], [l.outputTokens, 'output'], [formatCents(l.cents), 'cost']]) {
    const td = document.createElement('td')
    td.className = cls
    td.textContent = String(text)
    tr.append(td)
  }
  return tr
}

function fail(message) {
  const p = document.getElementById('error')
  p.textContent = message
  p.hidden = false
}

select.addEventListener('change', () => show(select.value).catch((err) => fail(String(err))))
show(select.value).catch((err) => fail(String(err)))
