/** Serves the built renderer (dist/renderer): only regular files under the root, never a path outside it. */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** Vite's hashed assets never change under their name. */
  cacheControl: string;
}

/** The file for a URL path, or undefined (missing, not a file, outside the root, or an unknown type). */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((part) => part === '..')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const contentType = contentTypes[extname(relative).toLowerCase()];
  if (!contentType) return undefined;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, relative));
    if (!real.startsWith(realRoot + sep)) return undefined; // a symlink pointing out of the root
    if (!(await stat(real)).isFile()) return undefined;
    const immutable = relative.startsWith('assets/');
    return { body: await readFile(real), contentType, cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache' };
  } catch {
    return undefined;
  }
}
