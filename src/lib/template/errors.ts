/**
 * Template errors carry Go's exact text, `template: :1: function "foo" not defined` or
 * `template: :1:16: executing "" at <.ManagerStatus.Leader>: nil pointer evaluating
 * *swarm.ManagerStatus.Leader`. docker wraps both in `template parsing error: `; that framing is
 * the formatter's business, not the engine's.
 */
export class TemplateError extends Error {
  readonly phase: 'parse' | 'exec';

  constructor(phase: 'parse' | 'exec', message: string) {
    super(message);
    this.name = 'TemplateError';
    this.phase = phase;
  }
}
