import { useRef, useState } from 'react';
import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { useContractMutation } from '../data/contract-mutation';
import { savePlayback } from './mutations';

/** Playback's place is saved at most this often (it reopens there; a crash loses at most this much). */
const playbackSaveEveryMs = 2000;

export interface EvidencePlace {
  evidenceId: string | null;
  selected: EvidenceSummary | null;
  pages: Record<string, number>;
  /** The page shown of the selected evidence. */
  page: number;
  /** The start of a range being marked, while it is. */
  markInMs: number | null;
  setMarkInMs: (ms: number | null) => void;
  playing: boolean;
  setPlaying: (playing: boolean) => void;
  /** Where playback is, for the comment feed to follow. */
  playhead: { evidenceId: string; ms: number } | null;
  /** The assessor chose another item (a range being marked is dropped). */
  select: (evidenceId: string) => void;
  /** The next or previous item, wrapping; false without evidence. */
  step: (step: 1 | -1) => boolean;
  setPage: (evidenceId: string, page: number) => void;
  /** A comment was picked: its item, at its page (a range being marked on another item is dropped). */
  showComment: (evidenceId: string, page: number | null) => void;
  savePosition: (evidenceId: string, ms: number) => void;
  /** Where to start an item: where it was left this session, else where the draft says, else the start. */
  positionOf: (evidenceId: string) => number;
}

/** Which evidence is shown, at which page or moment, for one open submission. */
export function useEvidencePlace(submissionId: string, detail: SubmissionDetail | null): EvidencePlace {
  const [selectedEvidenceId, setSelectedEvidenceId] = useState<string | null>(null);
  const [pages, setPages] = useState<Record<string, number>>({});
  const [markInMs, setMarkInMs] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [playhead, setPlayhead] = useState<{ evidenceId: string; ms: number } | null>(null);
  /** Last position per evidence item this session, so switching tabs does not lose the place. */
  const positions = useRef<Record<string, number>>({});
  const lastPlaybackSave = useRef(0);
  const { mutate: savePlace } = useContractMutation(savePlayback);

  const evidenceId = selectedEvidenceId ?? detail?.draft.playback?.evidenceId ?? detail?.evidence[0]?.id ?? null;
  const selected = detail?.evidence.find((item) => item.id === evidenceId) ?? null;
  const select = (id: string): void => {
    setSelectedEvidenceId(id);
    setMarkInMs(null);
  };
  const setPage = (id: string, page: number): void => setPages((current) => ({ ...current, [id]: page }));

  return {
    evidenceId,
    selected,
    pages,
    page: selected ? (pages[selected.id] ?? 1) : 1,
    markInMs,
    setMarkInMs,
    playing,
    setPlaying,
    playhead,
    select,
    step: (by) => {
      if (!detail || detail.evidence.length === 0) return false;
      const index = detail.evidence.findIndex((item) => item.id === evidenceId);
      const next = detail.evidence[(index + by + detail.evidence.length) % detail.evidence.length];
      if (next) select(next.id);
      return true;
    },
    setPage,
    showComment: (id, page) => {
      // A comment on another item is a move to that item: a range begun here cannot end there.
      if (id !== evidenceId) select(id);
      if (page !== null) setPage(id, page);
    },
    savePosition: (id, ms) => {
      positions.current[id] = ms;
      setPlayhead({ evidenceId: id, ms });
      const now = performance.now();
      if (now - lastPlaybackSave.current < playbackSaveEveryMs) return;
      lastPlaybackSave.current = now;
      savePlace({ submissionId, evidenceId: id, positionMs: ms });
    },
    positionOf: (id) => positions.current[id] ?? (detail?.draft.playback?.evidenceId === id ? detail.draft.playback.positionMs : 0),
  };
}
