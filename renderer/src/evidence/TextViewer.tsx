import type { EvidenceSummary } from '../../../shared/domain/submission';

/** A written response, set for reading (measure, line height); its text can be selected to quote. */
export function TextViewer({ evidence }: { evidence: EvidenceSummary }): React.JSX.Element {
  return (
    <div className="text-viewer" tabIndex={0} aria-label={evidence.title}>
      {(evidence.text ?? '').split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
