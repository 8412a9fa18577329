/** The one line a command prints for an article the pipeline could not analyse. */
import { ArticleTimeout } from '../util/deadline.js';

/** An article's timeout names the article itself; any other error is prefixed with it. */
export function analysisFailure(origin: string, e: unknown): string {
  if (e instanceof ArticleTimeout) return e.message;
  return `${origin}: analysis failed: ${(e as Error).message}`;
}
