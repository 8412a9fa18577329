/** A word trie for dictionary phrases: the longest phrase that starts at a position. */
interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };
  size = 0;

  add(words: string[], value: T): void {
    let node = this.root;
    for (const w of words) {
      let n = node.next.get(w);
      if (!n) { n = { next: new Map(), values: [] }; node.next.set(w, n); }
      node = n;
    }
    node.values.push(value);
    this.size++;
  }

  /** The longest phrase starting at `at`: its length in words and its values, or null. */
  longestAt(words: string[], at: number): { length: number; values: T[] } | null {
    let node = this.root;
    let best: { length: number; values: T[] } | null = null;
    for (let i = at; i < words.length; i++) {
      const n = node.next.get(words[i]);
      if (!n) break;
      node = n;
      if (n.values.length) best = { length: i - at + 1, values: n.values };
    }
    return best;
  }
}
