import { defineMutation } from '../data/contract-mutation';

/** Fetches quality data now; what arrives reaches every view showing it through core's event. */
export const refreshQuality = defineMutation('quality.refresh');

/** Brings a calibration set here as a batch; it reaches the queue with core's batch event. */
export const startCalibration = defineMutation('calibration.start');
