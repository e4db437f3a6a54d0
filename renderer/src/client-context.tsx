import { createContext, useContext } from 'react';
import type { ContractClient } from '../../shared/contract/client';

export const ClientContext = createContext<ContractClient | null>(null);

export function useClient(): ContractClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientContext');
  return client;
}
