/**
 * Places in local news, through the whole pipeline (entities first, then
 * places): counties, towns named inside the names of their own offices, and
 * towns at the head of a line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

/** [text, name, admin1, precision] of every place acta finds. */
function places(text: string): [string, string, string | null, string][] {
  return analyze({ text }).places.map((p) => [p.text, p.name, p.admin1, p.precision]);
}

test('a US county is a place of its own, in the state the story is about', () => {
  const found = places('Flooding closed two roads in Dane County on Monday. Crews from Madison, Wis., spent the night there.');
  assert.deepEqual(found.find((p) => p[0] === 'Dane County'), ['Dane County', 'Dane County', 'Wisconsin', 'admin2']);
  const parish = places('A fire destroyed a barn near Alexandria, La., and Rapides Parish deputies are investigating.');
  assert.ok(parish.some((p) => p[1] === 'Rapides Parish' && p[2] === 'Louisiana'));
});

test('a county shared by many states takes the one its towns are in', () => {
  const found = places('Voters in Washington County approved the school levy. The county seat, Hillsboro, Ore., will see a new library.');
  assert.deepEqual(found.find((p) => p[0] === 'Washington County')?.slice(1), ['Washington County', 'Oregon', 'admin2']);
});

test('a town, county or state inside the name of its own office or paper is a place', () => {
  const texts = (t: string) => places(t).map((p) => p[0]);
  assert.deepEqual(texts('The Athens Police Department arrested a man on Monday in Henderson County, Texas.'), ['Athens', 'Henderson County', 'Texas']);
  assert.deepEqual(places("Deputies from the Douglas County Sheriff's Office responded to the crash.").map((p) => [p[0], p[3]]), [['Douglas County', 'admin2']]);
  assert.deepEqual(texts('Crews from the Texas Department of Transportation closed the road.'), ['Texas']);
  assert.deepEqual(texts('She is a professor of medicine at the University of Rochester.'), ['Rochester']);
});

test('names after people, clubs and national bodies keep their place words to themselves', () => {
  const texts = (t: string) => places(t).map((p) => p[0]);
  assert.deepEqual(texts('Leeds striker Mark Viduka scored twice as Leeds beat Chelsea.'), []);
  assert.deepEqual(texts('Foley Middle School students raised money for the Jones family.'), []);
  assert.deepEqual(texts('He cashed the checks at a Bank of America branch.'), []);
});

test('an article before a town is no part of its name', () => {
  assert.deepEqual(places('An Arlington teen was killed in a crash early Sunday.').map((p) => p[0]), ['Arlington']);
});

test('a town the tagger took for a person or a body is a place where the words around it say so', () => {
  const texts = (t: string) => places(t).map((p) => p[0]);
  assert.deepEqual(texts('State Sen. Robert Ford, D-Charleston, said he is optimistic.'), ['Charleston']);
  assert.deepEqual(texts('Daniel Ray Hufstetler, 29, of Roswell was listed in stable condition.'), ['Roswell']);
  assert.deepEqual(texts('Police said two Hanover police officers responded to the complex.'), ['Hanover']);
  assert.deepEqual(texts('A Chapin man died early Tuesday in a collision.'), ['Chapin']);
  assert.deepEqual(texts('The man fled on foot, according to Taylor. Taylor said the man was later caught.'), []);
  assert.deepEqual(texts("Leeds manager David O'Leary said Leeds would appeal."), []);
});

test('the town in capitals that opens a report is a place', () => {
  assert.deepEqual(places('Bingham to offer plan to combat drugs. TORRINGTON — Mayor Ryan Bingham will hold a press conference.').map((p) => [p[0], p[2]]), [['TORRINGTON', 'Connecticut']]);
  assert.deepEqual(places('BOWLING GREEN, Ohio (AP) — Students at the university voted on Monday.').map((p) => p[1]), ['Bowling Green', 'Ohio']);
  assert.deepEqual(places('FAIR — The county fair opens on Friday.'), []);
});

test('a town and a county the story names together are the pair that lie together', () => {
  const found = places('Huntsville police met Walker County Judge Danny Pierce on Monday to discuss the burn ban.');
  assert.deepEqual(found.map((p) => [p[0], p[2]]), [['Huntsville', 'Texas'], ['Walker County', 'Texas']]);
  const paris = places("Paris police arrested a man on Monday. The Henry County Sheriff's Office is also investigating.");
  assert.deepEqual(paris.map((p) => [p[0], p[2]]), [['Paris', 'Tennessee'], ['Henry County', 'Tennessee']]);
});

test('the country alone does not make a small town of a capital: "Lisbon" in a story about the United States', () => {
  const text = 'The Lisbon targets were meant to help Europe overtake the United States. Lisbon now looks far off, and US growth keeps ahead.';
  const lisbon = analyze({ text }).places.filter((p) => p.text === 'Lisbon');
  assert.ok(lisbon.length > 0 && lisbon.every((p) => p.country === 'PRT'), JSON.stringify(lisbon.map((p) => p.country)));
  // With the town's state named, the small town it is.
  const maine = analyze({ text: 'Police in Lisbon, Maine, said the mill closed. Lisbon has 9,000 people.' }).places.filter((p) => p.text === 'Lisbon');
  assert.ok(maine.every((p) => p.country === 'USA'));
});

test('a name that the times stage reads as a date is no place, even where the tagger typed it a location', () => {
  const text = 'Shoppers spent record sums in the run-up to Christmas, retailers in London said.';
  const doc = analyze({ text, published: '2005-01-10' });
  assert.deepEqual(doc.places.map((p) => p.text), ['London']);
  assert.deepEqual(places('Asylum seekers who reached the coast were held in a camp on Christmas Island.').map((p) => p[0]), ['Christmas Island']);
});

test('England\'s regions, the Highlands and London\'s airports are British places', () => {
  const found = places('Flights from Heathrow were cancelled, jobless totals in the North East rose, and snow closed roads in the Highlands.');
  assert.deepEqual(found.map((p) => [p[0], p[1]]), [['Heathrow', 'Heathrow Airport'], ['North East', 'North East England'], ['Highlands', 'Scottish Highlands']]);
  const gatwick = analyze({ text: 'Hundreds of passengers were stranded at Gatwick Airport after a power cut.' }).places[0];
  assert.equal(gatwick.country, 'GBR');
});
