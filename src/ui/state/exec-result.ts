/** What a command run through the automation API gives back: what the terminal showed. */
export interface ExecResult {
  readonly output: string;
  readonly exitCode: number;
}
