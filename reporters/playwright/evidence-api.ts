/** `evidence.data(entity, count, source?)`: data the test itself saw, recorded into its evidence. */
import { recordData } from '../../src/runtime/common/index.js'
import { currentRecord } from './recorder.js'

export const evidence = {
  data(entity: string, count: number, source?: string): void {
    recordData(currentRecord(), entity, count, source)
  },
}
