// How long each text an assessor writes may be, in characters: the same figures in the contract, the
// fields on screen (which stop there instead of failing on save) and the server's decision schema.
export const textLimits = {
  rationale: 20_000,
  overallFeedback: 50_000,
  componentFeedback: 20_000,
  comment: 10_000,
  decisionNote: 10_000,
  snippet: 10_000,
} as const;
