/** Writes the starter files into a project; a file that exists is never touched. */
import fs from 'node:fs'
import path from 'node:path'
import { CONFIG_FILES } from '../config/load-config.js'
import { configFile, EXAMPLE_FEATURE, type InitFormat } from './starter-files.js'

export interface InitResult {
  created: string[]
  /** with why each was left alone */
  kept: { path: string; reason: string }[]
}

export function writeStarter(root: string, format: InitFormat): InitResult {
  const result: InitResult = { created: [], kept: [] }
  const config = configFile(format)
  const existing = CONFIG_FILES.find((f) => fs.existsSync(path.join(root, f)))
  if (existing) result.kept.push({ path: config.path, reason: `${existing} already configures this project` })
  else writeNew(root, config, result)
  writeNew(root, EXAMPLE_FEATURE, result)
  return result
}

function writeNew(root: string, file: { path: string; text: string }, result: InitResult): void {
  const abs = path.join(root, file.path)
  fs.mkdirSync(path.dirname(abs), { recursive: true })
  try {
    // 'wx': fails if the file exists, so a file that appears meanwhile is not overwritten either
    fs.writeFileSync(abs, file.text, { flag: 'wx' })
    result.created.push(file.path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    result.kept.push({ path: file.path, reason: 'already exists' })
  }
}
