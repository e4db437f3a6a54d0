/**
 * The renderer's Content-Security-Policy, sent as a header by both hosts (and mirrored in
 * renderer/index.html's meta tag; a test keeps them equal). No inline or remote script, no eval,
 * no plugins, no framing; the renderer talks only to its own origin.
 */
/**
 * The only two <style> texts the renderer may add, by their SHA-256: react-remove-scroll's scroll lock
 * for a page with no scrollbar (a gap of 0 px), and Radix Select's viewport rule hiding its scrollbar.
 */
export const allowedStyleHashes = ['sha256-nzTgYzXYDNe6BAHiiI7NNlfK8n/auuOAhh2t92YvuXo=', 'sha256-441zG27rExd4/il+NvIqyL8zFx5XmyNQtE381kSkUJk='];

export const rendererCsp = [
  "default-src 'self'",
  "script-src 'self'",
  // Radix's dialogs and pickers lock the page's scroll with a <style> element (react-remove-scroll),
  // and its picker hides its list's scrollbar with another. The page never has a scrollbar of its own
  // (each pane scrolls itself), so their texts are always the same, and only those texts are allowed:
  // a library that changes one shows up as a CSP violation, which fails the end-to-end run (tests/e2e/session.ts).
  `style-src 'self' ${allowedStyleHashes.map((hash) => `'${hash}'`).join(' ')}`,
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  // video.js ships its control icons as an embedded font.
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
