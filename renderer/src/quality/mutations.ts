import { defineMutation } from '../data/contract-mutation';
import { readBatchesAgain } from '../workspace/mutations';

/** Fetches quality data now; what arrives reaches every view showing it through core's event. */
export const refreshQuality = defineMutation('quality.refresh');

/** Brings a calibration set here as a batch, in the batch list before the caller hears of it. */
export const startCalibration = defineMutation('calibration.start', { onAnswer: readBatchesAgain });
