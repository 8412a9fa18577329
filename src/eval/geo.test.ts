import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracyWithin, alignSpan, countGeo, errorAuc, geoMetrics, haversineKm, MAX_ERROR_KM, readGeoVirus, readLgl } from './geo.js';

test('haversine: zero for one point, about 111 km per degree of latitude, ~half the circumference for antipodes', () => {
  assert.equal(haversineKm(10, 20, 10, 20), 0);
  assert.ok(Math.abs(haversineKm(0, 0, 1, 0) - 111.2) < 0.1);
  // Paris to London is about 344 km.
  assert.ok(Math.abs(haversineKm(48.8566, 2.3522, 51.5074, -0.1278) - 344) < 2);
  assert.ok(Math.abs(haversineKm(0, 0, 0, 180) - 20015) < 5);
});

test('AUC: 0 when every error is 0, 1 when every error is the worst, between otherwise', () => {
  assert.equal(errorAuc([0, 0, 0]), 0);
  assert.ok(Math.abs((errorAuc([MAX_ERROR_KM, MAX_ERROR_KM]) ?? 0) - 1) < 1e-12);
  assert.equal(errorAuc([]), null);
  // Sorted ln(1+e): [0, ln(20040)] → trapezoid area ln(20040)/2 over (ln(20040) * 1).
  assert.ok(Math.abs((errorAuc([MAX_ERROR_KM, 0]) ?? 0) - 0.5) < 1e-12);
});

test('accuracy within 161 km counts errors up to and including 161 km', () => {
  assert.equal(accuracyWithin([0, 161, 161.5, 5000]), 0.5);
});

test('toponyms match by overlap; unresolved matches count as the worst error; unmatched ones only hurt P/R', () => {
  const gold = [
    { start: 0, end: 5, name: 'Paris', lat: 48.8566, lon: 2.3522 },
    { start: 10, end: 16, name: 'London', lat: 51.5074, lon: -0.1278 },
    { start: 20, end: 25, name: 'Lagos', lat: 6.45, lon: 3.39 },
    { start: 30, end: 36, name: 'Nowhere', lat: null, lon: null },
  ];
  const pred = [
    { start: 0, end: 5, lat: 48.8566, lon: 2.3522 },   // exact place
    { start: 10, end: 13, lat: 48.8566, lon: 2.3522 }, // partial span, put in Paris: ~344 km off
    { start: 20, end: 25, lat: null, lon: null },      // found, not resolved
    { start: 40, end: 44, lat: 0, lon: 0 },            // not a gold toponym
  ];
  const c = countGeo(gold, pred);
  assert.equal(c.matched, 3);
  assert.equal(c.unresolved, 1);
  assert.equal(c.errors.length, 3);
  const m = geoMetrics(c);
  assert.equal(m.toponym_p, 3 / 4);
  assert.equal(m.toponym_r, 3 / 4);
  assert.equal(m.acc_161km, 1 / 3);
  assert.ok(Math.abs((m.median_km ?? 0) - 344) < 2);
});

test('gold spans are re-aligned when the file counts from one', () => {
  assert.deepEqual(alignSpan('in Pandi, Bulacan', 4, 9, 'Pandi'), { start: 3, end: 8 });
  assert.deepEqual(alignSpan('in Pandi, Bulacan', 3, 8, 'Pandi'), { start: 3, end: 8 });
  assert.deepEqual(alignSpan('Bulacan and Bulacan', 14, 21, 'Bulacan'), { start: 12, end: 19 });
  assert.equal(alignSpan('nothing here', 0, 4, 'Oslo'), null);
});

test('LGL and GeoVirus readers', () => {
  const lgl = '<articles><article docid="7"><dltime>2009-03-20 12:24</dltime><text><![CDATA[Fire in Tulsa & Enid.]]></text><toponyms>' +
    '<toponym><start>8</start><end>13</end><phrase>Tulsa</phrase><gaztag geonameid="1"><name>Tulsa</name><lat>36.15</lat><lon>-95.99</lon></gaztag></toponym>' +
    '<toponym><start>16</start><end>20</end><phrase>Enid</phrase></toponym></toponyms></article></articles>';
  const [a] = readLgl(lgl);
  assert.equal(a.id, '7');
  assert.equal(a.published, '2009-03-20');
  assert.deepEqual(a.toponyms.map((t) => [a.text.slice(t.start, t.end), t.lat]), [['Tulsa', 36.15], ['Enid', null]]);
  const gv = '<articles><article><source>x</source><text>Cases in Lima &amp; Cusco.</text><locations>' +
    '<location><name>Cusco</name><start>18</start><end>23</end><lat>-13.5</lat><lon>-71.97</lon></location>' +
    '<!--<location><name></name></location>--></locations></article></articles>';
  const [b] = readGeoVirus(gv);
  assert.equal(b.text, 'Cases in Lima & Cusco.');
  assert.deepEqual(b.toponyms.map((t) => b.text.slice(t.start, t.end)), ['Cusco']);
});
