import { z } from 'zod';

// Small schemas every domain of the contract uses.

export const NoInput = z.object({}).strict();
export const Timestamp = z.string().datetime();

export const Count = z.number().int().min(0);
