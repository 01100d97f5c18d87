// Preloaded into the measured process: writes its peak resident memory (KiB) when it exits.
import fs from 'node:fs'
process.on('exit', () => {
  if (process.env.SPECGATE_RSS_FILE) fs.writeFileSync(process.env.SPECGATE_RSS_FILE, String(process.resourceUsage().maxRSS))
})
