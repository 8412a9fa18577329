/**
 * For the watch tests: a local HTTP server on 127.0.0.1 that answers from a table of routes and
 * counts what it was asked, feeds built from items, and article pages. The articles are made-up
 * news written for these tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A route answers with a fixed answer, or from the request (for conditional GET, slow answers). */
export type Route = Answer | ((req: http.IncomingMessage, res: http.ServerResponse) => void);

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  base: string;
  routes: Map<string, Route>;
  /** Requests per path. */
  hits(path: string): number;
  /** The request headers of each request, per path. */
  requests: Map<string, http.IncomingHttpHeaders[]>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests = new Map<string, http.IncomingHttpHeaders[]>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.set(path, [...(requests.get(path) ?? []), req.headers]);
    const route = table.get(path);
    if (!route) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    if (typeof route === 'function') { route(req, res); return; }
    res.writeHead(route.status ?? 200, route.headers ?? {});
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    routes: table,
    hits: (path) => requests.get(path)?.length ?? 0,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A route that answers 304 when the request carries the ETag it was given, the body otherwise. */
export function withEtag(etag: string, body: string, contentType: string): Route {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); res.end(); return; }
    res.writeHead(200, { etag, 'content-type': contentType });
    res.end(body);
  };
}

export interface ItemSpec { title: string; link: string; author?: string; date?: string }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RSS 2.0; `date` is an RFC 822 date, as RSS writes them. */
export function rssFeed(title: string, items: ItemSpec[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${esc(title)}</title><link>http://example.invalid/</link><description>test</description>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : ''}${i.date ? `<pubDate>${i.date}</pubDate>` : ''}</item>`).join('\n')}
</channel></rss>`;
}

/** Atom 1.0; `date` is ISO 8601. */
export function atomFeed(title: string, items: ItemSpec[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:feed</id><updated>2024-05-02T00:00:00Z</updated>
${items.map((i, n) => `<entry><title>${esc(i.title)}</title><id>urn:test:${n}</id><link rel="alternate" type="text/html" href="${esc(i.link)}"/>${i.author ? `<author><name>${esc(i.author)}</name></author>` : ''}${i.date ? `<published>${i.date}</published>` : ''}<updated>2024-05-02T00:00:00Z</updated></entry>`).join('\n')}
</feed>`;
}

/** JSON Feed 1.1; `date` is ISO 8601. */
export function jsonFeed(title: string, items: ItemSpec[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i, n) => ({ id: String(n), url: i.link, title: i.title, ...(i.author ? { authors: [{ name: i.author }] } : {}), ...(i.date ? { date_published: i.date } : {}) })),
  });
}

/** An article page as a news site serves it: a menu, the article, a footer. Title, byline and day are left out when not given. */
export function articlePage(a: { title?: string; author?: string; published?: string; paragraphs: string[] }): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${a.title ? `<title>${esc(a.title)}</title>` : ''}
${a.published ? `<meta property="article:published_time" content="${a.published}">` : ''}${a.author ? `<meta name="author" content="${esc(a.author)}">` : ''}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>${a.title ? `<h1>${esc(a.title)}</h1>` : ''}${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<footer><p>Copyright the Test Gazette.</p></footer></body></html>`;
}

/** Made-up news written for these tests, a few sentences each. */
export const ARTICLES = {
  talks: [
    'Delegates from the government of Kenya and a coalition of opposition parties met in Nairobi on Monday to discuss changes to the electoral commission.',
    'The talks ended without an agreement, but both sides said they would return to the table next week.',
    'Opposition leaders accused the ruling party of delaying the reforms before the elections planned for next year.',
  ],
  protest: [
    'Thousands of teachers marched through the centre of Lima on Tuesday to demand higher wages and better schools.',
    'Police in Peru fired tear gas at protesters who tried to reach the Congress building, and arrested twelve people.',
    'The education minister said the government would meet union leaders on Friday.',
  ],
  sanctions: [
    'The European Union imposed new sanctions on three Belarusian officials on Wednesday over the jailing of opposition activists.',
    'The measures freeze their assets and bar them from travelling to the bloc.',
    'Belarus condemned the decision and said it would respond.',
  ],
  visit: [
    'The president of Ghana arrived in Abuja on Thursday for a two-day visit to Nigeria.',
    'He is expected to sign a trade agreement with the Nigerian government and to meet business leaders.',
    'Officials said the two countries would also discuss security in the Sahel.',
  ],
  strike: [
    'Dock workers in the port of Durban walked out on Friday in a strike over pay, halting the loading of ships.',
    'The union said the strike in South Africa would continue until the port authority raised its offer.',
    'Shipping companies warned that delays would spread to other ports within days.',
  ],
} as const;
