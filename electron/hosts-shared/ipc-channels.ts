// The IPC channels between the desktop's main process and its preload: named once, here, and
// bundled into both (the sandboxed preload imports nothing at run time).

/** Renderer → main: asks for its own channel to core (main checks the frame, then hands one end to each). */
export const connectCoreChannel = 'core:connect';
/** Main → the asking frame: its end of the channel to core (the message carries the port). */
export const corePortChannel = 'core:port';
/** Renderer → main: open one of the app's own windows, by name (`'evidence'`) and the pair id that links it to the asking window. */
export const openWindowChannel = 'window:open';
