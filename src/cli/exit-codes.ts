/** Exit codes of the shoplens command, documented in the README (Commands). */
export const ExitCode = {
  ok: 0,
  /** a bug or an unexpected failure (stack trace with --debug) */
  internal: 1,
  /** unknown command or flag, bad flag value */
  usage: 2,
  /** the input, file or store is wrong: message says what to fix */
  input: 3,
} as const;
