import { Worker } from 'node:worker_threads';
import { connectRpc } from '../../../../shared/rpc/peer';
import type { NoApi, RpcPeer } from '../../../../shared/rpc/peer';
import type { ApiResult } from '../../hosted/api-client';
import type { Logger } from '../../platform/log';
import type { WorkerScript } from '../../process/worker-script';
import { workerPort } from '../../process/worker-port';
import { LeadDataComputed } from './lead-data-messages';
import type { LeadDataWorkerApi } from './lead-data-messages';

/**
 * Core's side of the lead-data worker thread: one worker, started on first use, answering one job
 * at a time. A worker that fails is replaced at the next job.
 */
export class LeadDataWorker {
  private worker: { thread: Worker; rpc: RpcPeer<NoApi, LeadDataWorkerApi> } | null = null;

  constructor(
    private readonly script: WorkerScript,
    private readonly logger: Logger,
  ) {}

  /** The lead's ratings fetched with this token and turned into dashboards, off core's thread. */
  async compute(serverUrl: string, accessToken: string): Promise<ApiResult<LeadDataComputed>> {
    let answer;
    try {
      answer = await this.start().call('compute', { serverUrl, accessToken });
    } catch (error) {
      // The worker failed or stopped before it answered (the RPC failed the call): a network-like failure, tried again later.
      return { ok: false, failure: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
    }
    if (!answer.ok) return answer;
    const checked = LeadDataComputed.safeParse(answer.value);
    return checked.success ? { ok: true, value: checked.data } : { ok: false, failure: { kind: 'malformed', message: 'the lead-data worker answered out of contract' } };
  }

  close(): void {
    const worker = this.worker;
    this.worker = null;
    worker?.rpc.close();
    worker?.thread.terminate().catch(() => undefined);
  }

  private start(): RpcPeer<NoApi, LeadDataWorkerApi> {
    if (this.worker) return this.worker.rpc;
    const thread = new Worker(this.script.code, { eval: this.script.eval });
    // A worker waiting for work must not keep a stopping process alive.
    thread.unref();
    const rpc = connectRpc<NoApi, LeadDataWorkerApi>(workerPort(thread), { serve: {}, report: (problem) => this.logger.error(`the lead-data worker's port ${problem}`) });
    const worker = { thread, rpc };
    thread.on('error', (error) => {
      this.logger.error('the lead-data worker failed', error);
      rpc.close();
    });
    rpc.onClose(() => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return rpc;
  }
}
