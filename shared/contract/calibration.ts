import { z } from 'zod';
import { Id } from '../domain/rubric';
import { NoInput } from './common';
import { QualitySummary } from './quality-views';

/** The assessor's qualification and calibration. */
export const calibrationMethods = {
  'quality.status': { input: NoInput, output: QualitySummary },
  'quality.refresh': { input: NoInput, output: QualitySummary },
  /** Brings a calibration set here as a batch, scored like live work. */
  'calibration.start': { input: z.object({ setId: Id }).strict(), output: z.object({ batchId: Id, submissions: z.number().int().min(0) }) },
} as const;
