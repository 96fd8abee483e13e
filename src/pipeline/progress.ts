/** Progress of a long run, reported per step and per file; the CLI shows it on a terminal only. */
export interface Progress {
  /** a new step begins, e.g. "Đọc số liệu các đơn vị" */
  step(label: string): void;
  /** one item of the current step is done, e.g. a department's file */
  item(label: string, done: number, total: number): void;
  /** clears whatever is shown */
  end(): void;
}

export const SILENT: Progress = { step: () => undefined, item: () => undefined, end: () => undefined };
