// The IPC channels between the desktop's main process and its preload: named once, here, and
// bundled into both (the sandboxed preload imports nothing at run time).

/** Renderer → core: `invoke(method, input)`, answered with a contract Result. */
export const invokeChannel = 'core:invoke';
/** Core → renderer: one contract event `{ event, payload }`. */
export const eventChannel = 'core:event';
/** Renderer → main: open one of the app's own windows, by name (`'evidence'`) and the pair id that links it to the asking window. */
export const openWindowChannel = 'window:open';
