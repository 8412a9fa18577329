import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActorFileError, readActorFile } from './user-file.js';
import { analyze } from '../pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'acta-actors-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ARTICLE = { text: 'Governor Okonjo met officers of the Kaduna Vigilance Service on Monday. Okonjo accused the KVS of abuses.', published: '2024-02-01' };

test('a user\'s actor file in CSV, TSV or YAML gives the same rows', () => {
  const csv = readActorFile(file('a.csv', 'names,type,country,sector,from,to,note\n"Hamid Okonjo|Okonjo",PER,NGA,GOV,2023-05-29,,"governor, Lagos"\nKaduna Vigilance Service|KVS,ORG,NGA,COP,,,\n'));
  const tsv = readActorFile(file('a.tsv', '# our dictionary\nnames\ttype\tcountry\tsector\tfrom\tto\tnote\nHamid Okonjo|Okonjo\tPER\tNGA\tGOV\t2023-05-29\t\tgovernor, Lagos\nKaduna Vigilance Service|KVS\tORG\tNGA\tCOP\t\t\t\n'));
  const yaml = readActorFile(file('a.yaml', [
    '- names: [Hamid Okonjo, Okonjo]', '  type: PER', '  country: NGA', '  sector: GOV', '  from: 2023-05-29', '  note: governor, Lagos',
    '- names: Kaduna Vigilance Service|KVS', '  type: ORG', '  country: NGA', '  sector: COP', '',
  ].join('\n')));
  assert.deepEqual(csv, tsv);
  assert.deepEqual(csv, yaml);
  assert.deepEqual(csv[0], { name: 'Hamid Okonjo', names: ['Hamid Okonjo', 'Okonjo'], type: 'PER', country: 'NGA', sector: 'GOV', from: '2023-05-29', to: null, note: 'governor, Lagos' });
});

test('the names a user\'s file knows are coded from it; the rest as acta knows them', () => {
  const actors = readActorFile(file('b.csv', 'names,type,country,sector\nHamid Okonjo|Okonjo,PER,NGA,GOV\nKaduna Vigilance Service|KVS,ORG,NGA,COP\n'));
  const plain = analyze(ARTICLE);
  const withFile = analyze(ARTICLE, 'input', { actors });
  const codeOf = (doc: typeof plain, text: string) => doc.entities.find((e) => e.text === text)?.code ?? null;
  assert.notEqual(codeOf(plain, 'KVS'), 'NGACOP');
  assert.equal(codeOf(withFile, 'KVS'), 'NGACOP');
  assert.equal(codeOf(withFile, 'Okonjo'), 'NGAGOV');
  // A user's rows for a name acta knows replace acta's, terms of office included.
  const taliban = readActorFile(file('c.yaml', '- names: Taliban\n  type: ORG\n  country: AFG\n  sector: REB\n'));
  const text = { text: 'The Taliban rejected the talks on Monday.', published: '2023-05-02' };
  assert.equal(analyze(text).entities.find((e) => e.text === 'Taliban')?.code, 'AFGGOV');
  assert.equal(analyze(text, 'input', { actors: taliban }).entities.find((e) => e.text === 'Taliban')?.code, 'AFGREB');
  // An event with a date of its own codes its participants on that date from the same rows.
  const attack = analyze({ text: 'The Taliban attacked a police post in Kunduz on Monday.', published: '2023-05-03' }, 'input', { actors: taliban });
  assert.deepEqual(attack.events.filter((e) => e.date !== null).map((e) => e.actor.map((a) => a.code)), [['AFGREB']]);
});

test('a row that cannot be read names the file and its line, and nothing is loaded', () => {
  const fails = (name: string, text: string, message: RegExp) => assert.throws(() => readActorFile(file(name, text)), (e: Error) => e instanceof ActorFileError && message.test(e.message), name);
  fails('d.csv', 'names,type,country,sector\nA Person,PER,NGA,GOV\nB Person,PER,NGR,GOV\n', /d\.csv:3: unknown country "NGR"/);
  fails('e.csv', 'names,type,country,sector\nA Body,GROUP,NGA,COP\n', /e\.csv:2: type must be PER or ORG/);
  fails('f.csv', 'names,type,country,sector\nA Body,ORG,NGA,POLICE\n', /f\.csv:2: unknown sector "POLICE"/);
  fails('g.csv', 'names,type,country,sector,from,to\nA Person,PER,NGA,GOV,2020-01-01,2019-01-01\n', /g\.csv:2: to \(2019-01-01\) is not after from/);
  fails('h.csv', 'name,kind\nA Person,PER\n', /h\.csv:1: header lacks names, type, sector/);
  fails('i.yaml', '- names: A Person\n  type: PER\n  sector: GOV\n- names: B Person\n  type: PER\n  sector: GOV\n  from: 5 May 2020\n', /i\.yaml:4: from must be YYYY-MM-DD/);
  fails('j.yaml', '- names: [A Person\n  type: PER\n', /j\.yaml:\d+: malformed YAML/);
  fails('k.json', '[]', /unknown actor file type/);
  fails('l.csv', '', /no actors in the file/);
});
