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
