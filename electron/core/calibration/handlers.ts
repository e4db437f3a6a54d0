import { afterSession, answersAtOnce, handlerApp } from '../contract/handler-app';
import type { Db } from '../db/database';
import type { QualitySync } from './quality-sync';
import { qualitySummary } from './qualification';

/** The assessor's qualification and calibration: read at once from the last synced data. */
export function calibrationHandlers({ db, quality }: { db: Db; quality: QualitySync }) {
  return handlerApp({
    'quality.status': answersAtOnce(() => qualitySummary(db)),
    'quality.refresh': afterSession(() => quality.fetch()),
    'calibration.start': afterSession(({ setId }) => quality.startCalibration(setId)),
  });
}
