/** What the plugin provides to the workers (`project.provide('specgate', ...)`). */
export interface ProvidedSpecgate {
  tags: string[]
}
