// The browser tests' static server for a built site: the one the bench uses too
// (scripts/lib/static-server.ts), so the bench needs nothing from tests/.
export { serveStatic, type CachingHeaders, type ServedRequest, type StaticServer, type StaticServerOptions } from '../../scripts/lib/static-server.ts';
