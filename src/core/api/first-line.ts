/**
 * The first line of a failure's message: what every one-line report (the CLI's error line, web mode's stderr, the
 * message the user is shown) keeps, since messages from Node and libraries often go on with stacks or details.
 */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
