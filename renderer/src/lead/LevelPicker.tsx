import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../shared/domain/rubric';

/** A lead's level for one criterion, from its rubric levels by name ("3 · Proficient"); starts unchosen. */
export function LevelPicker({ criterion, label, value, onChange }: { criterion: Criterion; label: string; value: number | null; onChange: (level: number | null) => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <select aria-label={label} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}>
      <option value="">{t('adjudication.choose')}</option>
      {criterion.levels.map((level) => (
        <option key={level.level} value={level.level}>
          {level.level} · {level.label}
        </option>
      ))}
    </select>
  );
}
