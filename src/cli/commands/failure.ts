/** A command that ran but could not do its job (bad file, diverged training): one line, exit code 1. */
export class CommandFailed extends Error {}
