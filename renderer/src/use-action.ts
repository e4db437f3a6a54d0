import { useCallback, useState } from 'react';

/**
 * A button's work against core: busy while it runs (so it is not pressed twice), and the message it
 * ends with (an error described for the assessor, or a confirmation; '' for none).
 */
export function useAction(): { busy: boolean; message: string; setMessage: (message: string) => void; run: (work: () => Promise<string>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const run = useCallback(async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    try {
      setMessage(await work());
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, message, setMessage, run };
}
