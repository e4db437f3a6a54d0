import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract/methods';
import { textLimits } from '../../shared/domain/text-limits';
import { DecisionRequest } from '../../shared/hosted-api/schemas';

// What the workstation lets an assessor save, the server must take: a component's feedback once
// saved at 50,000 characters made the decision a 422 at the server.

describe('text limits', () => {
  const feedback = (componentId: string | null, length: number) => methods['draft.setFeedback'].input.safeParse({ submissionId: 's1', componentId, body: 'x'.repeat(length) }).success;

  it('refuses a component’s feedback over the server’s limit, and takes the overall feedback up to its own', () => {
    expect(feedback('p1', textLimits.componentFeedback)).toBe(true);
    expect(feedback('p1', textLimits.componentFeedback + 1)).toBe(false);
    expect(feedback(null, textLimits.overallFeedback)).toBe(true);
    expect(feedback(null, textLimits.overallFeedback + 1)).toBe(false);
  });

  it('gives the server’s decision schema the same figures', () => {
    const shape = DecisionRequest.shape;
    expect(shape.note.maxLength).toBe(textLimits.decisionNote);
    expect(shape.feedback.shape.overall.maxLength).toBe(textLimits.overallFeedback);
  });
});
