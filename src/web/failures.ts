/**
 * What web mode does with a failure nobody else handled: one line on stderr, never a stack trace, and the server
 * keeps serving whenever that is safe.
 */
import { firstLine } from '../core/api/first-line';

export function reportFailure(what: string, error: unknown): void {
  console.error(`digit-studio: web mode: ${what}: ${firstLine(error)}`);
}

/**
 * The process-level guard, the last line of defence behind the request handlers' own.
 * A rejected promise that nobody awaited left no synchronous code half-run: the request or call it belonged to
 * failed, everything else is intact, so the server keeps serving. An uncaught exception may have unwound a handler
 * halfway through its state changes; Node documents the process as being in an undefined state then, so it stops
 * (exit 1) rather than serve from a state nobody can vouch for.
 */
export function installProcessGuard(): void {
  process.on('unhandledRejection', (reason) => reportFailure('unhandled failure (still serving)', reason));
  process.on('uncaughtException', (error) => {
    reportFailure('internal error, stopping', error);
    process.exit(1);
  });
}
