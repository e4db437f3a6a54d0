import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { insertAt } from '../../../shared/format/insert-at';

/**
 * The comment bank inserts into whichever feedback field the assessor used last, where its caret
 * was (a textarea keeps its selection while the focus is in the bank), replacing any selected text.
 * Fields register themselves when focused; the bank calls the latest.
 */
interface Target {
  element: HTMLTextAreaElement | null;
  value: string;
  setValue: (next: string) => void;
}
let lastTarget: Target | null = null;

export function insertIntoLastTarget(text: string): boolean {
  const target = lastTarget;
  if (!target) return false;
  const element = target.element;
  const start = element?.selectionStart ?? target.value.length;
  const end = element?.selectionEnd ?? start;
  const next = insertAt(target.value, text, start, end);
  target.setValue(next.value);
  // Back into the field, the caret after what was inserted, once React has rendered the new value.
  requestAnimationFrame(() => {
    if (!element?.isConnected) return;
    element.focus();
    element.setSelectionRange(next.caret, next.caret);
  });
  return true;
}

export function useBankTarget(value: string, setValue: (next: string) => void): { onFocus: (event: React.FocusEvent<HTMLTextAreaElement>) => void } {
  const target = useRef<Target>({ element: null, value, setValue });
  useLayoutEffect(() => {
    target.current.value = value;
    target.current.setValue = setValue;
  });
  useEffect(
    () => () => {
      if (lastTarget === target.current) lastTarget = null;
    },
    [],
  );
  const onFocus = useCallback((event: React.FocusEvent<HTMLTextAreaElement>) => {
    target.current.element = event.currentTarget;
    lastTarget = target.current;
  }, []);
  return { onFocus };
}
