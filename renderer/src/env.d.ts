// Stylesheets are bundled by Vite; importing one only registers it.
declare module '*.css';
// `?url` imports resolve to the bundled asset's URL (used for the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}
// video.js without its HLS/DASH engine (evidence is plain files): same API, a third of the size.
declare module 'video.js/dist/alt/video.core.js' {
  import videojs from 'video.js';
  export default videojs;
}
