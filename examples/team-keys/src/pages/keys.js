// The keys page: one row per key, with whether it works and why not.
const REASONS = { revoked: 'revoked', expired: 'expired', 'quota-exhausted': 'quota exhausted' }

async function show() {
  const res = await fetch('/api/keys')
  document.getElementById('loading').hidden = true
  if (!res.ok) return fail(`Could not load keys (${res.status})`)
  const keys = await res.json()
  if (keys.length === 0) {
    document.getElementById('empty').hidden = false
    return
  }
  const body = document.querySelector('#keys tbody')
  body.replaceChildren(...keys.map(row))
  document.getElementById('keys').hidden = false
}

function row(key) {
  const tr = document.createElement('tr')
  tr.dataset.key = key.id
  const status = key.status.works ? 'works' : `fails: ${REASONS[key.status.reason]}`
  for (const [text, cls] of [[key.member, 'member'], [key.label, 'label'], [status, 'status'], [key.status.message, 'details']]) {
    const td = document.createElement('td')
    td.className = cls
    td.textContent = text
    tr.append(td)
  }
  tr.classList.add(key.status.works ? 'ok' : 'failing')
  return tr
}

function fail(message) {
  const p = document.getElementById('error')
  p.textContent = message
  p.hidden = false
}

show().catch((err) => fail(String(err)))
