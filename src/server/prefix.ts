/**
 * Where the API lives under the server's root. Its own module so that the CLI's help can name it
 * without loading the server (fastify takes about 0.3 s to load, paid by every command otherwise).
 */
export const API_PREFIX = '/api/v1';
