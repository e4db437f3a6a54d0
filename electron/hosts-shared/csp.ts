/**
 * The renderer's Content-Security-Policy, sent as a header by both hosts (and mirrored in
 * renderer/index.html's meta tag; a test keeps them equal). No inline or remote script, no eval,
 * no plugins, no framing; the renderer talks only to its own origin.
 */
export const rendererCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
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
