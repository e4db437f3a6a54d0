/**
 * Whether the workstation may talk to a hosted API at this address. Passwords, tokens and minors'
 * classroom evidence travel over it, so it must be https; plain http only reaches this computer
 * itself (a local test server), never the network.
 */
export type ServerUrlVerdict = { ok: true; url: string } | { ok: false; problem: 'not_a_url' | 'not_https' | 'has_credentials' };

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** `scheme://authority[/…]`, read by hand: shared/ runs where no URL class is declared. */
const urlShape = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(?:[/?#].*)?$/i;
const hostShape = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;

/** The server's origin (scheme, host and port; any path is dropped), or why it may not be used. */
export function checkServerUrl(raw: string): ServerUrlVerdict {
  const match = urlShape.exec(raw.trim());
  if (!match) return { ok: false, problem: 'not_a_url' };
  const scheme = match[1]!.toLowerCase();
  const authority = match[2]!;
  if (authority.includes('@')) return { ok: false, problem: 'has_credentials' };
  const host = hostShape.exec(authority.toLowerCase());
  if (!host || (host[2] !== undefined && Number(host[2]) > 65535)) return { ok: false, problem: 'not_a_url' };
  if (scheme !== 'https' && scheme !== 'http') return { ok: false, problem: 'not_a_url' };
  if (scheme === 'http' && !isLoopback(host[1]!)) return { ok: false, problem: 'not_https' };
  return { ok: true, url: `${scheme}://${authority.toLowerCase()}` };
}

export const serverUrlProblems: Record<Exclude<ServerUrlVerdict, { ok: true }>['problem'], string> = {
  not_a_url: 'That is not a server address (it should look like https://assess.example.org).',
  not_https: 'The server address must start with https:// (plain http:// is allowed only for this computer, such as http://127.0.0.1:8080).',
  has_credentials: 'The server address must not contain a user name or password.',
};

/**
 * Whether two checked addresses reach the same server: the same origin, where this computer's own
 * names (localhost, 127.x, [::1]) count as one host. Another account's work is held back by address
 * and account: the same test server spelled two ways is not another server.
 */
export function sameServer(a: string, b: string): boolean {
  if (a === b) return true;
  const [left, right] = [a, b].map((url) => {
    const match = urlShape.exec(url);
    const host = match ? hostShape.exec(match[2]!.toLowerCase()) : null;
    if (!match || !host) return null;
    const scheme = match[1]!.toLowerCase();
    const port = host[2] ?? (scheme === 'https' ? '443' : '80');
    return `${scheme}://${isLoopback(host[1]!) ? 'this-computer' : host[1]}:${port}`;
  });
  return left !== null && left !== undefined && left === right;
}
