// Stylesheets are bundled by Vite; importing one only registers it.
declare module '*.css';
