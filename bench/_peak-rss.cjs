// Preloaded (node -r) into a measured process, the one helper every bench script uses for it: on
// exit, writes its peak RSS in KB to the file named by SPECGATE_BENCH_RSS, so the benchmark sees
// the whole process, startup included; and, when SPECGATE_BENCH_CPU names a file, its user+system
// CPU time in ms (the wall time of a busy shared machine says little on its own).
const fs = require('node:fs')
process.on('exit', () => {
  const usage = process.resourceUsage()
  if (process.env.SPECGATE_BENCH_RSS) fs.writeFileSync(process.env.SPECGATE_BENCH_RSS, String(usage.maxRSS))
  if (process.env.SPECGATE_BENCH_CPU) fs.writeFileSync(process.env.SPECGATE_BENCH_CPU, String((usage.userCPUTime + usage.systemCPUTime) / 1000))
})
