/**
 * The page's one way to the server: GET under /api/v1, answered as JSON. A failed request is an
 * ApiError carrying the API's own message (which names the bad parameter), for the page to show.
 */
export const API = '/api/v1';

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly parameter: string | null = null) {
    super(message);
  }
}

/** GET `${API}${path}?query` as JSON. */
export async function getJson<T>(path: string, query?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const qs = query && query.toString() ? `?${query}` : '';
  const r = await fetch(`${API}${path}${qs}`, { headers: { accept: 'application/json' }, signal });
  if (!r.ok) {
    let message = `${r.status} ${r.statusText}`;
    let parameter: string | null = null;
    try {
      const body = await r.json();
      if (typeof body?.message === 'string') message = body.message;
      if (typeof body?.parameter === 'string') parameter = body.parameter;
    } catch { /* not JSON: keep the status line */ }
    throw new ApiError(r.status, message, parameter);
  }
  return (await r.json()) as T;
}
