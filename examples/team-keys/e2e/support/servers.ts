/**
 * The two copies of the app the E2E suite runs against: the team's (seeded, or empty under
 * TEAM_KEYS_EMPTY=1) and a brand-new team's, which is always empty. Ports are picked free once, in
 * the Playwright main process; workers inherit them through the environment.
 */
import { execFileSync } from 'node:child_process'

function freePorts(n: number): number[] {
  const script = `const net = require('node:net');
    const servers = Array.from({ length: ${n} }, () => net.createServer().listen(0, '127.0.0.1'));
    Promise.all(servers.map((s) => new Promise((r) => s.on('listening', r)))).then(() => {
      console.log(servers.map((s) => s.address().port).join(' ')); servers.forEach((s) => s.close()) })`
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim().split(' ').map(Number)
}

if (!process.env.TEAM_KEYS_PORT || !process.env.TEAM_KEYS_NEW_TEAM_PORT) {
  const [team, newTeam] = freePorts(2)
  process.env.TEAM_KEYS_PORT = String(team)
  process.env.TEAM_KEYS_NEW_TEAM_PORT = String(newTeam)
}

export const TEAM_URL = `http://127.0.0.1:${process.env.TEAM_KEYS_PORT}`
export const NEW_TEAM_URL = `http://127.0.0.1:${process.env.TEAM_KEYS_NEW_TEAM_PORT}`
