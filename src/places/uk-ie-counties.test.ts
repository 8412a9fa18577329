/**
 * Counties of the United Kingdom and Ireland (data/uk-ie-counties.tsv): British and Irish
 * stories name them bare ("floods hit Kent"), American ones name towns that share their names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { lookupPlace } from './gazetteer.js';

/** [text, country, admin1, precision] of every place acta finds. */
function places(text: string): [string, string | null, string | null, string][] {
  return analyze({ text, published: '2005-03-01' }).places.map((p) => [p.text, p.country, p.admin1, p.precision]);
}

test('a county is found by its full forms always, and by its bare name only where that is nothing else', () => {
  const counties = (name: string) => lookupPlace(name).filter((c) => c.place.kind === 'admin2').map((c) => [c.place.name, c.place.country, c.place.admin1]);
  assert.deepEqual(counties('Kent').filter((c) => c[1] !== 'USA'), [['Kent', 'GBR', 'England']]);
  assert.deepEqual(counties('County Cork'), [['Cork', 'IRL', 'Munster']]);
  assert.deepEqual(counties('Co. Tyrone'), [['Tyrone', 'GBR', 'Northern Ireland']]);
  assert.deepEqual(counties('Ynys Môn'), [['Anglesey', 'GBR', 'Wales']]);
  // A city, a first name or a word: "Cork" is the city, "Kerry" and "Down" no county.
  for (const bare of ['Cork', 'Kerry', 'Down', 'Antrim', 'Cardiff', 'Glasgow']) assert.deepEqual(counties(bare), [], bare);
});

test('a British story\'s counties are in Britain, and "Wales" beside them is Wales', () => {
  const found = places('Police in Britain said floods hit Kent, Essex, Surrey, Devon, Cornwall, Lancashire, Cumbria, Norfolk and West Yorkshire on Monday. '
    + 'Residents of Hampshire, Durham, Somerset, Yorkshire, Merseyside and Greater Manchester were warned. '
    + 'In Scotland, Fife, Aberdeenshire and Highland were hit; in Wales, Gwynedd and Powys.');
  const where = new Map(found.map((p) => [p[0], p]));
  for (const county of ['Kent', 'Essex', 'Surrey', 'Devon', 'Cornwall', 'Lancashire', 'Cumbria', 'Norfolk', 'West Yorkshire',
    'Hampshire', 'Somerset', 'Yorkshire', 'Merseyside', 'Greater Manchester']) {
    assert.deepEqual(where.get(county)?.slice(1), ['GBR', 'England', 'admin2'], county);
  }
  for (const county of ['Fife', 'Aberdeenshire', 'Highland']) assert.deepEqual(where.get(county)?.slice(1), ['GBR', 'Scotland', 'admin2'], county);
  for (const county of ['Gwynedd', 'Powys']) assert.deepEqual(where.get(county)?.slice(1), ['GBR', 'Wales', 'admin2'], county);
  // "Durham" alone is the city (in County Durham), not Durham, N.C.
  assert.deepEqual(where.get('Durham')?.slice(1), ['GBR', 'England', 'city']);
  // Not the village of Wales in South Yorkshire, however near the English counties it lies.
  assert.deepEqual(where.get('Wales')?.slice(1), ['GBR', 'Wales', 'admin1']);
});

test('an Irish county is found by "County" and "Co."; its town of the same name stays a town', () => {
  assert.deepEqual(places('A farm in County Cork was sealed off after the outbreak.'), [['County Cork', 'IRL', 'Munster', 'admin2']]);
  assert.deepEqual(places('Gardai in Cork said the man was released.').map((p) => [p[0], p[1], p[3]]), [['Cork', 'IRL', 'city']]);
  // The city gazetteer knows Limerick only as Luimneach: the county that holds it stands in.
  assert.deepEqual(places('Gardai in Limerick said the man was released.'), [['Limerick', 'IRL', 'Munster', 'admin2']]);
  assert.deepEqual(places('A house near Omagh, Co. Tyrone, was searched.'), [['Omagh', 'GBR', 'Northern Ireland', 'city'], ['Co. Tyrone', 'GBR', 'Northern Ireland', 'admin2']]);
});

test('an American story keeps its towns: "Norfolk, Va.", "Durham, N.C.", an American county council', () => {
  assert.deepEqual(places('Norfolk, Va., police said the man was arrested on Monday.')[0], ['Norfolk', 'USA', 'Virginia', 'city']);
  assert.deepEqual(places('Durham, N.C., police said the suspect fled.')[0], ['Durham', 'USA', 'North Carolina', 'city']);
  assert.deepEqual(places('Somerset County officials in New Jersey said the road was closed.')[0], ['Somerset County', 'USA', 'New Jersey', 'admin2']);
  assert.deepEqual(places('The mill in Wales, Mass., closed in May.')[0], ['Wales', 'USA', 'Massachusetts', 'city']);
});

test('a county inside a body\'s name: "Kent Police" is the county, "Kent State University" and "Clark Kent" are not', () => {
  assert.deepEqual(places('Kent Police said a man was arrested in Maidstone.')[0], ['Kent', 'GBR', 'England', 'admin2']);
  assert.deepEqual(places('Kent County Council said roads in Maidstone and Ashford were closed.')[0], ['Kent County', 'GBR', 'England', 'admin2']);
  assert.ok(!places('He studied at Kent State University before moving to Cleveland.').some((p) => p[1] === 'GBR'));
  assert.deepEqual(places('Clark Kent said he was tired of the job.'), []);
});

test('"Manchester" alone is the English city, not one of sixteen small American towns of that name', () => {
  assert.deepEqual(places('Police in Manchester said two men were arrested.'), [['Manchester', 'GBR', 'England', 'city']]);
  // Whether the tagger's organisation takes in "Greater" decides between the county and the city: both are English.
  const police = places('Greater Manchester Police said two men were arrested in Bolton.');
  assert.deepEqual(police.map((p) => p.slice(1, 3)), [['GBR', 'England'], ['GBR', 'England']]);
});
