// tsc keeps the source layout (dist/src, dist/reporters); the published bin is dist/cli.js,
// a two-line entry so `npx specgate` and tools that look for dist/cli.js find the CLI.
import fs from 'node:fs'
const target = new URL('../dist/cli.js', import.meta.url)
fs.writeFileSync(target, "#!/usr/bin/env node\nimport './src/cli/main.js'\n")
fs.chmodSync(target, 0o755)
