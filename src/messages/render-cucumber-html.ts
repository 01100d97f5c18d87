/**
 * Cucumber Messages -> the official Cucumber HTML report, by piping the envelopes through
 * @cucumber/html-formatter (loaded only when asked for: it is an optional peer dependency).
 */
import type { Transform } from 'node:stream'
import type * as messages from '@cucumber/messages'
import { InputError } from '../diagnostics.js'

export async function renderCucumberHtml(envelopes: readonly messages.Envelope[]): Promise<string> {
  const stream = await openHtmlStream()
  const chunks: string[] = []
  const done = new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()))
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  for (const e of envelopes) stream.write(e)
  stream.end()
  await done
  return chunks.join('')
}

async function openHtmlStream(): Promise<Transform> {
  try {
    const { CucumberHtmlStream } = await import('@cucumber/html-formatter')
    return new CucumberHtmlStream()
  } catch (err) {
    throw new InputError(`--format cucumber-html needs @cucumber/html-formatter: npm install -D @cucumber/html-formatter (${(err as Error).message.split('\n')[0]})`)
  }
}
