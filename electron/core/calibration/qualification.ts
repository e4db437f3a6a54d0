import { z } from 'zod';
import type { QualitySummary } from '../../../shared/contract/methods';
import { BackreadFeedback } from '../../../shared/hosted-api/backreading';
import { AccuracyReport, CalibrationSet, QualificationStatus } from '../../../shared/hosted-api/quality';
import type { Db } from '../db/database';
import { loadSnapshotAs as snapshot } from '../repositories/quality';

// What the quality screens show, read from the last synced snapshots: they work offline and say
// how fresh they are. Reads only: the snapshots are written when data is fetched. A snapshot this
// version cannot read counts as never fetched.

export function qualitySummary(db: Db): QualitySummary {
  const qualifications = snapshot(db, 'qualifications', z.array(QualificationStatus));
  return {
    fetchedAt: qualifications?.fetchedAt ?? null,
    qualifications: qualifications?.body ?? [],
    accuracy: snapshot(db, 'accuracy', AccuracyReport)?.body ?? null,
    sets: calibrationSets(db),
    backreadFeedback: snapshot(db, 'backread_feedback', BackreadFeedback)?.body.reviews ?? [],
  };
}

/** The sets to score, qualify and recalibrate on: never a gold pool (listed to leads only, and never scored as a set). */
export function calibrationSets(db: Db): CalibrationSet[] {
  return (snapshot(db, 'calibration_sets', z.array(CalibrationSet))?.body ?? []).filter((set) => set.purpose === 'calibration');
}

