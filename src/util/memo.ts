/**
 * The entries a memo of words or names keeps. About what the first thousand news articles
 * ask for: past it a batch's memory stops growing with its length (with 200,000, a run's
 * caches were still filling after 5,000 Reuters articles, and its peak RSS grew with them),
 * and the words that recur are made again at most once per fill.
 */
export const WORD_MEMO_LIMIT = 20_000;

/**
 * A bounded memo of a function of one string: the stages ask for the same few names and words
 * again and again, but a long run meets ever new ones, so past `limit` entries the memo starts
 * again rather than grow without end.
 */
export function boundedMemo<T>(make: (key: string) => T, limit: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      if (memo.size >= limit) memo.clear();
      value = make(key);
      memo.set(key, value);
    }
    return value;
  };
}
