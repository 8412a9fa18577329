import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countryByName, countryByDemonym, countryByCapitalMetonym, countryInfo, iso3FromIso2, allCountries,
} from './countries.js';
import { foldName } from './fold.js';

test('folding drops diacritics, marks and leading articles', () => {
  assert.equal(foldName('Sāmarrā’'), foldName('Samarra'));
  assert.equal(foldName('Al Muthanna'), 'muthanna');
  assert.equal(foldName('al-Muthanna'), 'muthanna');
  assert.equal(foldName('the United States'), 'united states');
  assert.equal(foldName('as-Sulaymaniyah'), 'sulaymaniyah');
  assert.equal(foldName('Salah ad-Din'), 'salah ad din');
});

test('country names and aliases', () => {
  assert.equal(countryByName('the United States'), 'USA');
  assert.equal(countryByName('United States of America'), 'USA');
  assert.equal(countryByName('U.S.'), 'USA');
  assert.equal(countryByName('US'), 'USA');
  assert.equal(countryByName('us'), null, 'the pronoun is not a country');
  assert.equal(countryByName('Britain'), 'GBR');
  assert.equal(countryByName('UK'), 'GBR');
  assert.equal(countryByName('Russian Federation'), 'RUS');
  assert.equal(countryByName('Ivory Coast'), 'CIV');
  assert.equal(countryByName("Cote d'Ivoire"), 'CIV');
  assert.equal(countryByName('Côte d’Ivoire'), 'CIV');
  assert.equal(countryByName('Palestine'), 'PSE');
  assert.equal(countryByName('iraq'), 'IRQ');
  assert.equal(countryByName('Türkiye'), 'TUR');
  assert.equal(countryByName('Congo'), 'COD');
  assert.equal(countryByName('Washington'), null, 'capitals are not country names');
  assert.equal(countryByName('Narnia'), null);
});

test('demonyms name countries', () => {
  assert.equal(countryByDemonym('Iraqi'), 'IRQ');
  assert.equal(countryByDemonym('Iraqis'), 'IRQ');
  assert.equal(countryByDemonym('American'), 'USA');
  assert.equal(countryByDemonym('British'), 'GBR');
  assert.equal(countryByDemonym('Emirati'), 'ARE');
  assert.equal(countryByDemonym('Saudi'), 'SAU');
  assert.equal(countryByDemonym('Israeli'), 'ISR');
  assert.equal(countryByDemonym('Palestinian'), 'PSE');
  assert.equal(countryByDemonym('Iranian'), 'IRN');
  assert.equal(countryByDemonym('Congolese'), 'COD');
  assert.equal(countryByDemonym('Iraq'), null);
});

test('capitals that stand for governments', () => {
  assert.equal(countryByCapitalMetonym('Washington'), 'USA');
  assert.equal(countryByCapitalMetonym('Moscow'), 'RUS');
  assert.equal(countryByCapitalMetonym('Kiev'), 'UKR');
  assert.equal(countryByCapitalMetonym('Kyiv'), 'UKR');
  assert.equal(countryByCapitalMetonym('Tehran'), 'IRN');
  assert.equal(countryByCapitalMetonym('Beijing'), 'CHN');
  assert.equal(countryByCapitalMetonym('Vaduz'), null);
});

test('country info and codes', () => {
  const iraq = countryInfo('IRQ');
  assert.ok(iraq);
  assert.equal(iraq.iso2, 'IQ');
  assert.equal(iraq.capital, 'Baghdad');
  assert.equal(iraq.geonames_id, 99237);
  assert.ok(Math.abs(iraq.lat - 33) < 2 && Math.abs(iraq.lon - 43.7) < 2);
  assert.equal(countryInfo('XXX'), null);
  assert.equal(iso3FromIso2('IQ'), 'IRQ');
  assert.equal(iso3FromIso2('gb'), 'GBR');
  assert.equal(iso3FromIso2('ZZ'), null);
  assert.ok(allCountries().length >= 240);
});
