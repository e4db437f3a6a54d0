import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../hosted/api-client';
import type { Logger } from '../../log';
import type { WorkerScript } from '../../worker-script';
import { LeadDataComputed } from './lead-data-messages';
import type { LeadDataAnswer, LeadDataJob } from './lead-data-messages';

/**
 * Core's side of the lead-data worker thread: one worker, started on first use, answering one job
 * at a time. A worker that fails is replaced at the next job.
 */
export class LeadDataWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (answer: ApiResult<LeadDataComputed>) => void>();

  constructor(
    private readonly script: WorkerScript,
    private readonly logger: Logger,
  ) {}

  /** The lead's ratings fetched with this token and turned into dashboards, off core's thread. */
  compute(serverUrl: string, accessToken: string): Promise<ApiResult<LeadDataComputed>> {
    const worker = this.start();
    return new Promise((resolve) => {
      const job: LeadDataJob = { id: this.nextId++, serverUrl, accessToken };
      this.pending.set(job.id, resolve);
      worker.postMessage(job);
    });
  }

  close(): void {
    const worker = this.worker;
    this.worker = null;
    this.failAll('core is closing');
    worker?.terminate().catch(() => undefined);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script.code, { eval: this.script.eval });
    // A worker waiting for work must not keep a stopping process alive.
    worker.unref();
    worker.on('message', (answer: LeadDataAnswer) => this.settle(answer));
    worker.on('error', (error) => {
      this.logger.error('the lead-data worker failed', error);
      this.failAll('the worker failed');
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll('the worker stopped');
    });
    this.worker = worker;
    return worker;
  }

  private settle(answer: LeadDataAnswer): void {
    const resolve = this.pending.get(answer.id);
    this.pending.delete(answer.id);
    if (!resolve) return;
    if (!answer.ok) return resolve(answer);
    const checked = LeadDataComputed.safeParse(answer.value);
    resolve(checked.success ? { ok: true, value: checked.data } : { ok: false, failure: { kind: 'malformed', message: 'the lead-data worker answered out of contract' } });
  }

  private failAll(why: string): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, failure: { kind: 'network', message: why } });
    this.pending.clear();
  }
}
