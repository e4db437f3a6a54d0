import type { QueryClient } from '@tanstack/react-query';
import { defineMutation } from '../data/contract-mutation';
import { readAgain } from '../data/core-events';

/** The bank changed: every search of it is read again (its order follows use). */
const bankChanged = (queries: QueryClient): Promise<void> => readAgain(queries, { queryKey: ['bank.search'] });

export const saveSnippet = defineMutation('bank.save', { onAnswer: bankChanged });
export const deleteSnippet = defineMutation('bank.delete', { onAnswer: bankChanged });
export const markSnippetUsed = defineMutation('bank.markUsed', { onAnswer: bankChanged });
