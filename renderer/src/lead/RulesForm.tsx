import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDashboardView } from '../../../shared/contract/methods';
import type { QualityRules } from '../../../shared/hosted-api/quality';
import { useClient } from '../client-context';
import { queryKeyOf } from '../data/contract-reads';
import { describeError } from '../errors';

/** A micro-credential's quality rules: qualification on a set, double-scoring and gold rates, adjudication tolerance. */
export function RulesForm({ credentialId, view }: { credentialId: string; view: LeadDashboardView }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const queries = useQueryClient();
  const current = view.rules;
  const [setId, setSetId] = useState(current?.qualification?.setId ?? '');
  const [minExact, setMinExact] = useState(Math.round((current?.qualification?.minExactAgreement ?? 0.8) * 100));
  const [maxOff, setMaxOff] = useState(current?.qualification?.maxLevelsOff ?? 1);
  const [doubleRate, setDoubleRate] = useState(Math.round((current?.doubleScoringRate ?? 0.1) * 100));
  const [goldRate, setGoldRate] = useState(Math.round((current?.goldRate ?? 0.05) * 100));
  const [tolerance, setTolerance] = useState(current?.adjudicationTolerance ?? 1);
  const [message, setMessage] = useState('');
  const percentInput = (label: string, value: number, onChange: (value: number) => void): React.JSX.Element => (
    <label>
      {label} <input type="number" min={0} max={100} value={value} onChange={(event) => onChange(Math.max(0, Math.min(100, Number(event.target.value) || 0)))} /> %
    </label>
  );
  return (
    <form
      className="rules-form"
      onSubmit={(event) => {
        event.preventDefault();
        const rules: QualityRules = {
          credentialId,
          qualification: setId ? { setId, minExactAgreement: minExact / 100, maxLevelsOff: maxOff } : null,
          doubleScoringRate: doubleRate / 100,
          goldRate: goldRate / 100,
          adjudicationTolerance: tolerance,
        };
        void client.invoke('lead.setRules', { rules }).then((result) => {
          setMessage(result.ok ? t('rules.saved') : describeError(result.error, t));
          if (result.ok) queries.setQueryData(queryKeyOf('lead.dashboard', { credentialId }), result.value);
        });
      }}
    >
      <fieldset>
        <legend>{t('rules.title')}</legend>
        <label>
          {t('rules.qualificationSet')}{' '}
          <select value={setId} onChange={(event) => setSetId(event.target.value)}>
            <option value="">{t('rules.noQualification')}</option>
            {view.sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.title}
              </option>
            ))}
          </select>
        </label>
        {percentInput(t('rules.minExact'), minExact, setMinExact)}
        <label>
          {t('rules.maxOff')} <input type="number" min={0} max={10} value={maxOff} onChange={(event) => setMaxOff(Math.max(0, Math.min(10, Number(event.target.value) || 0)))} />
        </label>
        {percentInput(t('rules.doubleRate'), doubleRate, setDoubleRate)}
        {percentInput(t('rules.goldRate'), goldRate, setGoldRate)}
        <label>
          {t('rules.tolerance')} <input type="number" min={0} max={10} value={tolerance} onChange={(event) => setTolerance(Math.max(0, Math.min(10, Number(event.target.value) || 0)))} />
        </label>
        <button type="submit">{t('rules.save')}</button>
      </fieldset>
      <p role="status">{message}</p>
    </form>
  );
}
