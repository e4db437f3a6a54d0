/**
 * Once the control that had the focus is gone (a form replaced by its outcome), the focus goes to
 * the element with this id (focusable with tabIndex -1) instead of falling to the page: a keyboard
 * user goes on from where they were. Left alone when the focus already moved elsewhere.
 */
export function keepFocusOn(id: string): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    document.getElementById(id)?.focus();
  });
}
