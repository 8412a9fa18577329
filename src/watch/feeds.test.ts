/** Feeds as items: the page to fetch and what the feed says of it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeedError, feedDay, parseFeedBody, personName } from './feeds.js';
import { atomFeed, jsonFeed, rssFeed } from './feeds.fixtures.js';

const BASE = 'http://news.example.org/feeds/world.xml';

test('an RSS item gives its page, title, creator and day; a relative link resolves against the feed URL', () => {
  const feed = parseFeedBody(rssFeed('World desk', [
    { title: 'Talks in Nairobi', link: '/2024/talks.html', author: 'Amina Odhiambo', date: 'Mon, 06 May 2024 08:15:00 +0300' },
    { title: 'Teachers march', link: 'https://other.example.org/march' },
  ]), BASE);
  assert.equal(feed.format, 'rss');
  assert.equal(feed.title, 'World desk');
  assert.deepEqual(feed.items, [
    { url: 'http://news.example.org/2024/talks.html', title: 'Talks in Nairobi', author: 'Amina Odhiambo', published: '2024-05-06' },
    { url: 'https://other.example.org/march', title: 'Teachers march', author: null, published: null },
  ]);
});

test('an RSS item with no link is fetched from its permalink guid, never from a guid that is no permalink', () => {
  const body = `<rss version="2.0"><channel><title>T</title>
    <item><title>A</title><guid>https://news.example.org/a</guid><author>desk@example.org (Jo Banda)</author></item>
    <item><title>B</title><guid isPermaLink="false">tag:example.org,2024:b</guid></item>
    <item><title>C</title><link>mailto:desk@example.org</link></item>
  </channel></rss>`;
  const feed = parseFeedBody(body, BASE);
  assert.deepEqual(feed.items.map((i) => [i.url, i.author]), [['https://news.example.org/a', 'Jo Banda']]);
  assert.equal(feed.withoutLink, 2);
});

test('an Atom entry gives its alternate HTML link, author name and published day', () => {
  const feed = parseFeedBody(atomFeed('Atom desk', [
    { title: 'Sanctions on officials', link: 'http://news.example.org/sanctions', author: 'Lena Weber', date: '2024-05-08T17:40:00+02:00' },
  ]), BASE);
  assert.equal(feed.format, 'atom');
  assert.equal(feed.title, 'Atom desk');
  assert.deepEqual(feed.items, [{ url: 'http://news.example.org/sanctions', title: 'Sanctions on officials', author: 'Lena Weber', published: '2024-05-08' }]);
});

test('an Atom entry links to its page, not to an enclosure or a comment feed', () => {
  const body = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2024-05-01T00:00:00Z</updated>
    <entry><title>E</title><id>urn:e</id><updated>2024-05-01T00:00:00Z</updated>
      <link rel="enclosure" href="http://news.example.org/e.mp3"/><link rel="replies" href="http://news.example.org/e/comments"/>
      <link href="http://news.example.org/e"/></entry></feed>`;
  assert.deepEqual(parseFeedBody(body, BASE).items.map((i) => i.url), ['http://news.example.org/e']);
});

test('a JSON Feed item gives its url, title, authors and date_published', () => {
  const feed = parseFeedBody(jsonFeed('JSON desk', [
    { title: 'Visit to Abuja', link: 'http://news.example.org/visit', author: 'Kofi Mensah', date: '2024-05-09T09:00:00Z' },
  ]), BASE);
  assert.equal(feed.format, 'json');
  assert.deepEqual(feed.items, [{ url: 'http://news.example.org/visit', title: 'Visit to Abuja', author: 'Kofi Mensah', published: '2024-05-09' }]);
});

test('an RDF (RSS 1.0) item gives its link, Dublin Core creator and date', () => {
  const body = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="http://news.example.org/"><title>RDF desk</title><link>http://news.example.org/</link></channel>
    <item rdf:about="http://news.example.org/strike"><title>Dock strike</title><link>http://news.example.org/strike</link><dc:creator>Thabo Nkosi</dc:creator><dc:date>2024-05-10</dc:date></item>
  </rdf:RDF>`;
  const feed = parseFeedBody(body, BASE);
  assert.equal(feed.format, 'rdf');
  assert.deepEqual(feed.items, [{ url: 'http://news.example.org/strike', title: 'Dock strike', author: 'Thabo Nkosi', published: '2024-05-10' }]);
});

test('a page listed twice in a feed is one item, whatever place in it a link points at', () => {
  const feed = parseFeedBody(rssFeed('T', [{ title: 'A', link: 'http://x.example/a' }, { title: 'A again', link: 'http://x.example/a#comments' }]), BASE);
  assert.equal(feed.items.length, 1);
});

test('a broken feed and a body that is no feed are FeedErrors that say which', () => {
  assert.throws(() => parseFeedBody('<rss version="2.0"><channel><title>Cut off<item><title>A', BASE), (e: unknown) => e instanceof FeedError && /malformed feed|not a feed/.test((e as Error).message));
  assert.throws(() => parseFeedBody('<!DOCTYPE html><html><body><p>A web page</p></body></html>', BASE), (e: unknown) => e instanceof FeedError && /not a feed/.test((e as Error).message));
  assert.throws(() => parseFeedBody('{"items": "no"}', BASE), FeedError);
});

test('feed days: RFC 822 as RSS writes them, ISO 8601, and nothing made up for what is no day', () => {
  assert.equal(feedDay('Tue, 14 Mar 2023 23:30:00 -0500'), '2023-03-14');
  assert.equal(feedDay('14 Mar 23 10:00 GMT'), '2023-03-14');
  assert.equal(feedDay('2023-03-14T10:00:00.123+01:00'), '2023-03-14');
  assert.equal(feedDay('2023-03-14'), '2023-03-14');
  assert.equal(feedDay('Mon, 31 Feb 2023 10:00:00 GMT'), null);
  assert.equal(feedDay('yesterday'), null);
  assert.equal(feedDay(undefined), null);
});

test('a person named by a feed: an e-mail address alone names nobody', () => {
  assert.equal(personName('desk@example.org (Jo Banda)'), 'Jo Banda');
  assert.equal(personName('desk@example.org'), null);
  assert.equal(personName({ name: 'Lena Weber' }), 'Lena Weber');
  assert.equal(personName(''), null);
});
