// One request from the display to its core, under two timeouts: a hung core must not leave a request pending forever.

// Only the answer's headers are timed this tightly: a page of 8,192 entries is several hundred kB,
// and reading it on a busy screen may take longer than that.
const HEADERS_TIMEOUT_MS = 4_000;
/** Reading the body gets longer, but not forever: refreshes queue behind the request in flight. */
const BODY_TIMEOUT_MS = 60_000;

/** `read` runs on the answer while the body timeout holds; it throws (AbortError) once a timeout fires. */
export async function fetchFromCore<T>(path: string, token: string, headers: Record<string, string>, read: (response: Response) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(), HEADERS_TIMEOUT_MS);
  try {
    const response = await fetch(path, { headers: { 'x-display-token': token, ...headers }, cache: 'no-store', signal: abort.signal });
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), BODY_TIMEOUT_MS);
    return await read(response);
  } finally {
    clearTimeout(timer);
  }
}
