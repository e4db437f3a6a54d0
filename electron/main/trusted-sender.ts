/** The desktop renderer's own origin: `app://workstation`. */
export const appScheme = 'app';
export const appHost = 'workstation';
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * True only for frames showing the workstation's own UI. Parsed with `new URL()` so look-alikes
 * (`app://workstation.evil`, `app://workstation@evil`, `file://…`) are refused.
 */
export function isTrustedSenderUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
