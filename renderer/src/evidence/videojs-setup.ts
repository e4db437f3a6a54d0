// Must be imported before video.js: stops it injecting a <style> element, which the strict CSP
// (style-src 'self') would block; its stylesheet is bundled instead.
declare global {
  interface Window {
    VIDEOJS_NO_DYNAMIC_STYLE?: boolean;
  }
}
window.VIDEOJS_NO_DYNAMIC_STYLE = true;
export {};
