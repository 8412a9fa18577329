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
