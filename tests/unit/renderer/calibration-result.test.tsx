// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { CalibrationResult } from '../../../renderer/src/quality/CalibrationResult';
import { submission } from './fixtures';
import { startI18n } from './harness';

beforeAll(startI18n);

const qualification = { credentialId: 'c1', credentialTitle: 'Checks for understanding', status: 'in_progress' as const, setId: 'set-1', scoredItems: 1, requiredItems: 2, exactAgreement: null, maxLevelsOff: null, reason: null, required: null, lockout: null };

describe('calibration feedback beside the rubric', () => {
  it('gives each criterion a card of its own (the column is narrow): both levels, the master’s rationale, the moments cited', () => {
    render(
      <CalibrationResult
        submission={submission({}, {
          calibration: {
            setId: 'set-1',
            result: {
              setId: 'set-1',
              submissionId: 's1',
              exactAgreement: 0.5,
              qualification,
              criteria: [
                { criterionId: 'a', level: 3, masterLevel: 3, masterRationale: 'Stated on the board at 0:12.', evidence: { master: [{ moment: { evidenceId: 'e1', startMs: 12_000, endMs: 20_000 }, cited: true }], extra: [], overlap: 1 } },
                { criterionId: 'b', level: 2, masterLevel: 4, masterRationale: 'Open questions throughout.', evidence: null },
              ],
            },
          },
        })}
      />,
    );
    expect(screen.queryByRole('table')).toBeNull();
    const cards = [...document.querySelectorAll<HTMLElement>('.calibration-criteria > li')];
    expect(cards).toHaveLength(2);
    expect(cards[0]!.className).toBe('agrees');
    expect(cards[1]!.className).toBe('differs');
    expect(cards[1]!.textContent).toContain('Yours 2 · Master 4');
    expect(cards[1]!.textContent).toContain('Open questions throughout.');
    expect(cards[0]!.textContent).toContain('0:12–0:20');
  });
});
