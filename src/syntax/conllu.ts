/**
 * Reading CoNLL-U treebanks (Universal Dependencies): the syntactic words of each sentence with
 * their gold heads and relations. Multiword-token lines ("1-2 don't") and empty nodes ("8.1")
 * are not words of the basic tree; a multiword token's SpaceAfter=No is kept on its last word so
 * the sentence text can be rebuilt with offsets.
 */

export interface TreebankSentence {
  forms: string[];
  lemmas: string[];
  upos: string[];
  /** Head of each word: 0 for the root, else the 1-based index of the head word. */
  heads: number[];
  deprels: string[];
  /** Whether a space follows each word in the original text. */
  spaceAfter: boolean[];
}

export function readConllu(text: string): TreebankSentence[] {
  const sentences: TreebankSentence[] = [];
  let cur = emptySentence();
  let rangeEnd = 0;
  let rangeSpace = true;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (cur.forms.length > 0) sentences.push(cur);
      cur = emptySentence();
      rangeEnd = 0;
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 10) continue;
    const id = cols[0];
    if (id.includes('-')) {
      rangeEnd = Number(id.split('-')[1]);
      rangeSpace = !cols[9].includes('SpaceAfter=No');
      continue;
    }
    if (id.includes('.')) continue;
    const n = Number(id);
    cur.forms.push(cols[1]);
    cur.lemmas.push(cols[2]);
    cur.upos.push(cols[3]);
    cur.heads.push(Number(cols[6]));
    cur.deprels.push(cols[7]);
    const inRange = n <= rangeEnd;
    cur.spaceAfter.push(inRange ? (n === rangeEnd ? rangeSpace : false) : !cols[9].includes('SpaceAfter=No'));
  }
  if (cur.forms.length > 0) sentences.push(cur);
  return sentences;
}

function emptySentence(): TreebankSentence {
  return { forms: [], lemmas: [], upos: [], heads: [], deprels: [], spaceAfter: [] };
}

/** The sentence's text rebuilt from its words, with each word's [start, end) offsets in it. */
export function sentenceText(s: TreebankSentence): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  s.forms.forEach((form, i) => {
    starts.push(text.length);
    text += form;
    ends.push(text.length);
    if (s.spaceAfter[i] && i < s.forms.length - 1) text += ' ';
  });
  return { text, starts, ends };
}
