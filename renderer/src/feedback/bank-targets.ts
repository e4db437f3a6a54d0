import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

type Insert = (text: string) => void;

/**
 * The comment bank inserts into whichever feedback field the assessor used last. Fields register
 * themselves when focused; the bank calls the latest.
 */
let lastTarget: { insert: Insert } | null = null;

export function insertIntoLastTarget(text: string): boolean {
  if (!lastTarget) return false;
  lastTarget.insert(text);
  return true;
}

export function useBankTarget(insert: Insert): { onFocus: () => void } {
  const target = useRef({ insert });
  useLayoutEffect(() => {
    target.current.insert = insert;
  });
  useEffect(
    () => () => {
      if (lastTarget === target.current) lastTarget = null;
    },
    [],
  );
  const onFocus = useCallback(() => {
    lastTarget = target.current;
  }, []);
  return { onFocus };
}
