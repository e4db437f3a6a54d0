import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/domain/submission';
import { formatMediaTime } from '../../../shared/format/media-time';
import { formatBytes } from '../format';

/** Evidence items as tabs (←/→ move between tabs, per the WAI-ARIA tabs pattern). */
export function EvidencePanel({ evidence }: { evidence: EvidenceSummary[] }): React.JSX.Element {
  const { t } = useTranslation();
  const [selectedId, setSelectedId] = useState(evidence[0]?.id ?? null);
  const selected = evidence.find((item) => item.id === selectedId) ?? evidence[0];

  const onKeyDown = (event: React.KeyboardEvent, index: number): void => {
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const item = evidence[(next + evidence.length) % evidence.length];
    if (!item) return;
    setSelectedId(item.id);
    document.getElementById(`evidence-tab-${item.id}`)?.focus();
  };

  return (
    <section className="evidence-panel" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">{t('submission.evidence')}</h3>
      <div role="tablist" aria-label={t('evidence.list')} className="evidence-tabs">
        {evidence.map((item, index) => (
          <button
            key={item.id}
            id={`evidence-tab-${item.id}`}
            type="button"
            role="tab"
            aria-selected={item.id === selected?.id}
            aria-controls={`evidence-panel-${item.id}`}
            tabIndex={item.id === selected?.id ? 0 : -1}
            onClick={() => setSelectedId(item.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span className="evidence-kind">{t(`evidence.kind.${item.kind}`)}</span> {item.title}
          </button>
        ))}
      </div>
      {selected && (
        <div role="tabpanel" id={`evidence-panel-${selected.id}`} aria-labelledby={`evidence-tab-${selected.id}`} tabIndex={0} className="evidence-body">
          <h4>{selected.title}</h4>
          <ul className="evidence-facts">
            <li>{t(`evidence.kind.${selected.kind}`)}</li>
            {selected.durationMs !== null && <li>{t('evidence.duration', { duration: formatMediaTime(selected.durationMs) })}</li>}
            <li>{t('evidence.size', { size: formatBytes(selected.bytes, t) })}</li>
            <li>{t(`evidence.availability.${selected.availability}`)}</li>
            {selected.hasCaptions && <li>{t('evidence.captions')}</li>}
          </ul>
          {selected.text !== null && <div className="written-response">{selected.text}</div>}
        </div>
      )}
    </section>
  );
}
