import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useKeepCurrentInView } from '../ui/keep-in-view';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { formatMediaTime } from '../../../shared/format/media-time';
import type { Cue } from '../../../shared/format/webvtt';
import { cueAt, parseWebVtt } from '../../../shared/format/webvtt';
import { useEvidenceUrls } from './use-evidence-urls';

interface Props {
  evidence: EvidenceSummary;
  /** Where playback is: the cue being spoken is highlighted and kept in view. */
  positionMs: number | null;
  readOnly: boolean;
  onSeek: (ms: number) => void;
  /** Starts a comment citing the cue's range, quoting what was said. */
  onQuote: (cue: Cue) => void;
  /** Asked for from the keyboard (T): the search field takes the focus. */
  focusRequest: number;
}

/** Words in `text` that match the search, marked; the rest as is. */
function highlighted(text: string, search: string): React.ReactNode {
  if (!search) return text;
  const parts = text.split(new RegExp(`(${search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'));
  return parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part));
}

/**
 * The recording's captions as a transcript beside the player: the cue being spoken highlighted, a click
 * seeks there, a search narrows the cues, and a cue can be quoted into a comment as a cited range. Read
 * from the captions file on this machine, so it works offline. It is what minors said: never logged.
 */
export function Transcript({ evidence, positionMs, readOnly, onSeek, onQuote, focusRequest }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { urls } = useEvidenceUrls(evidence);
  const captionsUrl = urls.state === 'ready' ? urls.urls.captions : null;
  const cues = useQuery({
    queryKey: ['transcript', evidence.id, captionsUrl],
    enabled: captionsUrl !== null,
    gcTime: 0,
    queryFn: async (): Promise<Cue[]> => {
      const response = await fetch(captionsUrl!);
      if (!response.ok) throw new Error(`captions answered ${response.status}`);
      return parseWebVtt(await response.text());
    },
  });
  const [search, setSearch] = useState('');
  const searchField = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  // T pressed while the captions still load is answered once the search field is there to take it.
  const focusAnswered = useRef(0);
  const loaded = cues.isSuccess;
  useEffect(() => {
    if (focusRequest > focusAnswered.current && searchField.current) {
      focusAnswered.current = focusRequest;
      searchField.current.focus();
    }
  }, [focusRequest, loaded]);

  const all = cues.data ?? [];
  const current = positionMs === null ? -1 : cueAt(all, positionMs);
  const wanted = search.trim().toLocaleLowerCase();
  const shown = all.map((cue, index) => ({ cue, index })).filter(({ cue }) => !wanted || cue.text.toLocaleLowerCase().includes(wanted));

  useKeepCurrentInView(list, current); // the line being spoken

  if (urls.state === 'loading' || cues.isPending) return <p aria-busy="true">{t('app.loading')}</p>;
  if (cues.isError || captionsUrl === null) return <p role="status">{t('transcript.failed')}</p>;
  return (
    <div className="transcript">
      <div className="transcript-search">
        <input
          ref={searchField}
          type="search"
          value={search}
          aria-label={t('transcript.search')}
          placeholder={t('transcript.search')}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter goes to the first match: search, then listen.
            if (event.key === 'Enter' && shown[0]) onSeek(shown[0].cue.startMs);
          }}
        />
        <span className="hint" role="status">
          {wanted ? t('transcript.matches', { count: shown.length }) : t('transcript.cues', { count: all.length })}
        </span>
      </div>
      <ol ref={list} className="transcript-cues" aria-label={t('transcript.title')}>
        {shown.map(({ cue, index }) => (
          <li key={index} className={`cue${index === current ? ' current' : ''}`} aria-current={index === current ? 'true' : undefined}>
            <button type="button" className="cue-seek" onClick={() => onSeek(cue.startMs)} aria-label={t('transcript.seek', { time: formatMediaTime(cue.startMs), text: cue.text })}>
              <span className="cue-time">{formatMediaTime(cue.startMs)}</span>
              <span className="cue-text">{highlighted(cue.text, search.trim())}</span>
            </button>
            {!readOnly && (
              <button type="button" className="small cue-quote" onClick={() => onQuote(cue)} aria-label={t('transcript.quoteNamed', { time: formatMediaTime(cue.startMs) })}>
                {t('transcript.quote')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
