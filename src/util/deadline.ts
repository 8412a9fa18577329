/**
 * A time budget for one article. The pipeline is synchronous, so nothing can
 * interrupt a stage: the pipeline starts a deadline for each article and the
 * stages ask it between pieces of work (a paragraph, a sentence, a few hundred
 * mentions). Past the budget the article fails with an ArticleTimeout naming
 * it and the stage, and a batch goes on with the next one. It is a safety net:
 * every stage is meant to be linear in the article's length, so an article
 * under the 20 MiB input limit takes seconds, not the budget.
 */

/** The default budget of one article, in milliseconds, for each started MiB of its text. */
export const DEFAULT_TIME_BUDGET_MS = 30_000;

/**
 * The default budget for a text of this many characters: DEFAULT_TIME_BUDGET_MS for each
 * started MiB (a 20 MiB article legitimately takes minutes on a slow machine; a news article, 30 s).
 */
export function defaultTimeBudget(chars: number): number {
  return DEFAULT_TIME_BUDGET_MS * Math.max(1, Math.ceil(chars / (1 << 20)));
}

export class ArticleTimeout extends Error {
  constructor(readonly article: string, readonly stage: string, readonly budgetMs: number) {
    super(`${article}: took longer than ${budgetMs / 1000} s in the ${stage} stage (the time budget of one article); not analysed`);
    this.name = 'ArticleTimeout';
  }
}

export class Deadline {
  /** The stage at work, for the message. */
  stage = 'start';
  private readonly end: number;

  constructor(readonly article: string, readonly budgetMs: number, private readonly now: () => number = () => performance.now()) {
    this.end = Number.isFinite(budgetMs) && budgetMs > 0 ? now() + budgetMs : Infinity;
  }

  /** Throws an ArticleTimeout once the budget is spent. */
  check(): void {
    if (this.end !== Infinity && this.now() > this.end) throw new ArticleTimeout(this.article, this.stage, this.budgetMs);
  }
}

let current: Deadline | null = null;

/**
 * Run `f` with `deadline` as the one the stages ask (checkDeadline). Stages run one article at
 * a time, synchronously, so one current deadline is enough; the one before is put back after.
 */
export function withDeadline<T>(deadline: Deadline, f: () => T): T {
  const before = current;
  current = deadline;
  try {
    return f();
  } finally {
    current = before;
  }
}

/** Throws an ArticleTimeout when the article at work has spent its budget; nothing outside the pipeline. */
export function checkDeadline(): void {
  current?.check();
}
