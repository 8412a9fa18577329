import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../index.js';
import { analyzeIngested } from '../pipeline.js';
import { ingestText } from '../ingest/text.js';
import { openStore } from '../store/index.js';
import { liveRegistry } from './live-registry.js';

test('a later article that names only the surname gets the code an earlier article taught', () => {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'acta-live-')), 'r.db'));
  const registry = liveRegistry(store);
  const first = ingestText('Iraqi militia commander Karim al-Dulaimi said his fighters would leave Tikrit.', 'one.txt', { published: '2023-05-01' });
  const second = ingestText('Dulaimi attacked a police post near Samarra on Tuesday.', 'two.txt', { published: '2023-05-09' });
  assert.ok(!('message' in first) && !('message' in second));
  const d1 = analyzeIngested(first as never, { registry });
  assert.equal(d1.entities.find((e) => e.text === 'Karim al-Dulaimi')?.code, 'IRQREB');
  store.saveDoc(d1);
  registry.saved();
  // Without the registry the second article cannot code him …
  const alone = analyze({ text: 'Dulaimi attacked a police post near Samarra on Tuesday.', published: '2023-05-09' });
  assert.equal(alone.entities.find((e) => e.text === 'Dulaimi')?.code ?? null, null);
  // … with it, he is the militia commander met before.
  const d2 = analyzeIngested(second as never, { registry });
  const dulaimi = d2.entities.find((e) => e.text === 'Dulaimi');
  assert.equal(dulaimi?.code, 'IRQREB');
  assert.equal(dulaimi?.codeSource, 'registry');
  const attack = d2.events.find((e) => e.event === 'ASSAULT');
  assert.equal(attack?.actor[0]?.code, 'IRQREB');
  store.close();
});

test('after each saved article the registry reads only the entries that article changed, never the whole registry again', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-live-'));
  const store = openStore(join(dir, 'r.db'));
  t.after(() => store.close());
  let fullReads = 0;
  const counted = { ...store, listActors: (...args: Parameters<typeof store.listActors>) => { fullReads++; return store.listActors(...args); } };
  const registry = liveRegistry(counted);
  const texts = [
    'Iraqi militia commander Karim al-Dulaimi said his fighters would leave Tikrit.',
    'Kenyan police chief Amos Wekesa said on Monday that officers had arrested six men.',
    'Dulaimi attacked a police post near Samarra on Tuesday.',
    'Wekesa said the six men were charged in Nairobi on Wednesday.',
  ];
  const docs = texts.map((text, i) => {
    const item = ingestText(text, `${i}.txt`, { published: '2023-05-01' });
    assert.ok(!('message' in item));
    const doc = analyzeIngested(item as never, { registry });
    store.saveDoc(doc);
    registry.saved();
    return doc;
  });
  assert.equal(fullReads, 1, 'read once, when the batch started');
  assert.equal(docs[2].entities.find((e) => e.text === 'Dulaimi')?.code, 'IRQREB');
  assert.equal(docs[3].entities.find((e) => e.text === 'Wekesa')?.code, 'KENCOP');
  assert.equal(registry.size, store.listActors().length, 'and holds every entry the store has');
});
