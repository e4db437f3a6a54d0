import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDashboardView } from '../../../shared/contract/methods';
import type { LockoutRule, QualityRules } from '../../../shared/hosted-api/quality';
import { useContractMutation } from '../data/contract-mutation';
import { describeFailure } from '../errors';
import { setRules } from './mutations';

const clamp = (value: number, max: number): number => Math.max(0, Math.min(max, Math.round(Number(value) || 0)));

/** A whole number field (a percentage when `percent`), kept within its range as it is typed. */
function NumberField({ label, value, max, percent, min = 0, onChange }: { label: string; value: number; max: number; percent?: boolean; min?: number; onChange: (value: number) => void }): React.JSX.Element {
  return (
    <label>
      {label} <input type="number" min={min} max={max} value={value} onChange={(event) => onChange(Math.max(min, clamp(Number(event.target.value), max)))} />
      {percent ? ' %' : ''}
    </label>
  );
}

/**
 * A micro-credential's quality rules: qualification on a set, double-scoring, gold and backreading
 * rates, adjudication tolerance, and the lockout rule with the recalibration set that lifts it.
 */
export function RulesForm({ credentialId, view }: { credentialId: string; view: LeadDashboardView }): React.JSX.Element {
  const { t } = useTranslation();
  const save = useContractMutation(setRules);
  const current = view.rules;
  const [setId, setSetId] = useState(current?.qualification?.setId ?? '');
  const [minExact, setMinExact] = useState(Math.round((current?.qualification?.minExactAgreement ?? 0.8) * 100));
  const [maxOff, setMaxOff] = useState(current?.qualification?.maxLevelsOff ?? 1);
  const [doubleRate, setDoubleRate] = useState(Math.round((current?.doubleScoringRate ?? 0.1) * 100));
  const [goldRate, setGoldRate] = useState(Math.round((current?.goldRate ?? 0.05) * 100));
  const [backreadRate, setBackreadRate] = useState(Math.round((current?.backreadingRate ?? 0.05) * 100));
  const [tolerance, setTolerance] = useState(current?.adjudicationTolerance ?? 1);
  const [lockout, setLockout] = useState<LockoutDraft>(() => lockoutDraft(current?.lockout ?? null));
  const [message, setMessage] = useState('');
  const options = view.sets.map((set) => (
    <option key={set.id} value={set.id}>
      {set.title}
    </option>
  ));
  return (
    <form
      className="rules-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (lockout.on && !lockout.setId) return setMessage(t('rules.lockoutNeedsSet'));
        const rules: QualityRules = {
          credentialId,
          qualification: setId ? { setId, minExactAgreement: minExact / 100, maxLevelsOff: maxOff } : null,
          doubleScoringRate: doubleRate / 100,
          goldRate: goldRate / 100,
          adjudicationTolerance: tolerance,
          backreadingRate: backreadRate / 100,
          lockout: lockoutRule(lockout),
        };
        save.mutate({ rules }, { onSuccess: () => setMessage(t('rules.saved')), onError: (error) => setMessage(describeFailure(error, t)) });
      }}
    >
      <fieldset>
        <legend>{t('rules.title')}</legend>
        {/* Until saved, the server applies none: the values shown are suggestions, and say so. */}
        {current === null && <p className="hint warn-hint">{t('rules.notSaved')}</p>}
        <label>
          {t('rules.qualificationSet')}{' '}
          <select value={setId} onChange={(event) => setSetId(event.target.value)}>
            <option value="">{t('rules.noQualification')}</option>
            {options}
          </select>
        </label>
        <NumberField label={t('rules.minExact')} value={minExact} max={100} percent onChange={setMinExact} />
        <NumberField label={t('rules.maxOff')} value={maxOff} max={10} onChange={setMaxOff} />
        <NumberField label={t('rules.doubleRate')} value={doubleRate} max={100} percent onChange={setDoubleRate} />
        <NumberField label={t('rules.goldRate')} value={goldRate} max={100} percent onChange={setGoldRate} />
        <NumberField label={t('rules.backreadRate')} value={backreadRate} max={100} percent onChange={setBackreadRate} />
        <NumberField label={t('rules.tolerance')} value={tolerance} max={10} onChange={setTolerance} />
      </fieldset>
      <fieldset>
        <legend>{t('rules.lockoutTitle')}</legend>
        <label>
          <input type="checkbox" checked={lockout.on} onChange={(event) => setLockout((draft) => ({ ...draft, on: event.target.checked }))} /> {t('rules.lockoutOn')}
        </label>
        {lockout.on && (
          <>
            <NumberField label={t('rules.lockoutGold')} value={lockout.goldExact} max={100} percent onChange={(value) => setLockout((draft) => ({ ...draft, goldExact: value }))} />
            <NumberField label={t('rules.lockoutGoldWindow')} value={lockout.goldWindow} min={1} max={100} onChange={(value) => setLockout((draft) => ({ ...draft, goldWindow: value }))} />
            <NumberField label={t('rules.lockoutOverrides')} value={lockout.overrideShare} max={100} percent onChange={(value) => setLockout((draft) => ({ ...draft, overrideShare: value }))} />
            <NumberField label={t('rules.lockoutBackreadWindow')} value={lockout.backreadWindow} min={1} max={100} onChange={(value) => setLockout((draft) => ({ ...draft, backreadWindow: value }))} />
            <label>
              {t('rules.recalibrationSet')}{' '}
              <select value={lockout.setId} onChange={(event) => setLockout((draft) => ({ ...draft, setId: event.target.value }))}>
                <option value="">{t('rules.chooseSet')}</option>
                {options}
              </select>
            </label>
            <NumberField label={t('rules.minExact')} value={lockout.minExact} max={100} percent onChange={(value) => setLockout((draft) => ({ ...draft, minExact: value }))} />
            <NumberField label={t('rules.maxOff')} value={lockout.maxOff} max={10} onChange={(value) => setLockout((draft) => ({ ...draft, maxOff: value }))} />
            <p className="hint">{t('rules.lockoutHint')}</p>
          </>
        )}
      </fieldset>
      <button type="submit">{t('rules.save')}</button>
      <p role="status">{message}</p>
    </form>
  );
}

/** The lockout rule as the form edits it: whole percentages; 0 % turns a trigger off. */
interface LockoutDraft {
  on: boolean;
  goldExact: number;
  goldWindow: number;
  overrideShare: number;
  backreadWindow: number;
  setId: string;
  minExact: number;
  maxOff: number;
}

function lockoutDraft(rule: LockoutRule | null): LockoutDraft {
  const percent = (share: number | null | undefined, fallback: number): number => Math.round((share ?? fallback) * 100);
  return {
    on: rule !== null,
    goldExact: rule ? percent(rule.minGoldExact, 0) : 70,
    goldWindow: rule?.goldWindow ?? 10,
    overrideShare: rule ? percent(rule.maxOverrideShare, 0) : 30,
    backreadWindow: rule?.backreadWindow ?? 10,
    setId: rule?.recalibrationSetId ?? '',
    minExact: percent(rule?.minExactAgreement, 0.8),
    maxOff: rule?.maxLevelsOff ?? 1,
  };
}

function lockoutRule(draft: LockoutDraft): LockoutRule | null {
  if (!draft.on) return null;
  return {
    minGoldExact: draft.goldExact > 0 ? draft.goldExact / 100 : null,
    goldWindow: draft.goldWindow,
    maxOverrideShare: draft.overrideShare > 0 ? draft.overrideShare / 100 : null,
    backreadWindow: draft.backreadWindow,
    recalibrationSetId: draft.setId,
    minExactAgreement: draft.minExact / 100,
    maxLevelsOff: draft.maxOff,
  };
}
