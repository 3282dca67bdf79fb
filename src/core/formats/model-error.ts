/** A model file that cannot be read or written; the message is one line naming the file and the problem. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
