import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostedApiClient } from '../../electron/core/hosted/api-client';
import { seededPassword } from '../hosted-api/seed';
import type { HostedApi } from '../hosted-api/server';
import { DishonestClient, fieldsOf, send } from '../support/dishonest-client';
import { ok, signedInClient } from '../support/hosted-client';
import { startSeededApi } from '../support/reference-server';

// Accounts and what they write, tried as a dishonest user would: guessing passwords in parallel,
// taking another assessor's referral id, smuggling control characters into what a lead reads.

let api: HostedApi;
let stopApi: () => Promise<void>;
/** The server's clock runs this far ahead of the real one (moved past the throttling window). */
let serverAheadMs = 0;

const signInAttempt = (email: string, password: string) => send(api.url, null, 'POST', '/v1/auth/sign-in', { email, password });

beforeAll(async () => {
  ({ api, stop: stopApi } = await startSeededApi('assessor-integrity-accounts-', { now: () => new Date(Date.now() + serverAheadMs), accessTtlSeconds: 4 * 3600 }));
}, 60_000);
afterAll(() => stopApi());

describe('sign-in throttling', () => {
  it('counts each attempt before the password is hashed: 40 guesses at once get at most 5 answers, and another account on the same address is not slowed', async () => {
    const checks = api.store.auth.passwordChecks;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => signInAttempt('assessor@example.org', `guess ${index}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(35);
    expect(api.store.auth.passwordChecks - checks).toBeLessThanOrEqual(5); // the rest cost no hash
    expect(Number(answers.find((answer) => answer.status === 429)!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right password waits too (the account is being guessed at), but nobody else does.
    expect((await signInAttempt('assessor@example.org', seededPassword)).status).toBe(429);
    expect((await signInAttempt('lead@example.org', seededPassword)).status).toBe(200);
    expect((await signInAttempt('assessor2@example.org', seededPassword)).status).toBe(200);
  });

  it('slows an address down once it has failed on 10 different accounts, and forgets after 15 minutes', async () => {
    for (let account = 0; account < 9; account++) expect((await signInAttempt(`spray-${account}@example.org`, 'Winter2026!')).status).toBe(401);
    // assessor@ above was the tenth account this address failed on.
    expect((await signInAttempt('spray-9@example.org', 'Winter2026!')).status).toBe(429);
    expect((await signInAttempt('lead@example.org', seededPassword)).status).toBe(429);
    serverAheadMs = 16 * 60_000;
    try {
      expect((await signInAttempt('lead@example.org', seededPassword)).status).toBe(200);
      expect((await signInAttempt('assessor@example.org', seededPassword)).status).toBe(200);
    } finally {
      serverAheadMs = 0;
    }
  });
});

describe('referrals keep to their writers', () => {
  it('a referral id taken by another account gets 409 and never that thread; a resend by its writer is recorded once', async () => {
    const first = await signedInClient(api.url, 'assessor@example.org');
    const second = await signedInClient(api.url, 'assessor2@example.org');
    const mine = ok(await first.claim(1)).assignments[0]!.submissionId;
    const theirs = ok(await second.claim(1)).assignments[0]!.submissionId;
    const id = randomUUID();
    const question = 'Safeguarding: the student named in the video may be at risk. What do I do?';
    const referral = { id, submissionId: theirs, reason: 'safeguarding' as const, question, at: new Date().toISOString() };
    ok(await second.refer(randomUUID(), referral));
    ok(await second.refer(randomUUID(), referral)); // the workstation's resend
    expect(api.store.referrals.list('acct-assessor-2')).toHaveLength(1);

    const cheat = await DishonestClient.signIn(api.url, 'assessor@example.org');
    const taken = await cheat.post('/v1/referrals', { ...referral, submissionId: mine, question: 'Anything?' });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.code).toBe('id_taken');
    expect(JSON.stringify(taken.body)).not.toContain('Safeguarding');
    expect((await cheat.post('/v1/referrals', { ...referral, question: 'Anything?' })).status).toBe(404); // not their submission
    expect((await cheat.post(`/v1/referrals/${id}/messages`, { id: randomUUID(), body: 'Me too.', at: new Date().toISOString() })).status).toBe(404);
    // A message id taken in another thread is refused too.
    const lead = await signedInClient(api.url, 'lead@example.org');
    const reply = { id: randomUUID(), body: 'Call the designated safeguarding lead now.', at: new Date().toISOString() };
    ok(await lead.replyToReferral(id, randomUUID(), reply));
    const own = { id: randomUUID(), submissionId: mine, reason: 'other' as const, question: 'Is the audio usable?', at: new Date().toISOString() };
    ok(await first.refer(randomUUID(), own));
    const stolenMessage = await cheat.post(`/v1/referrals/${own.id}/messages`, { ...reply, body: 'Echo.' });
    expect(stolenMessage.status).toBe(409);
    expect(JSON.stringify(stolenMessage.body)).not.toContain('safeguarding lead');
    expect(ok(await second.referrals(false)).referrals[0]!.messages.map((message) => message.body)).toEqual([question, reply.body]);
  });
});

describe('referral threads stay readable for every lead', () => {
  it('limits a thread and an account, dates a message no earlier than its referral, and reads a thread in the order it arrived', async () => {
    const client = await signedInClient(api.url, 'assessor2@example.org');
    const cheat = await DishonestClient.signIn(api.url, 'assessor2@example.org');
    const submissionId = ok(await client.assignments()).assignments[0]!.submissionId;
    const refer = (patch: Record<string, unknown> = {}) => cheat.post('/v1/referrals', { id: randomUUID(), submissionId, reason: 'other', question: 'Is the audio usable?', at: new Date().toISOString(), ...patch });
    expect(fieldsOf(await refer({ at: '2099-01-01T00:00:00.000Z' }))).toEqual(['at']);
    const thread = randomUUID();
    expect((await refer({ id: thread })).status).toBe(201);
    const write = (body: string, at = new Date().toISOString()) => cheat.post(`/v1/referrals/${thread}/messages`, { id: randomUUID(), body, at });
    expect(fieldsOf(await write('Backdated before the question.', '2000-01-01T00:00:00.000Z'))).toEqual(['at']);
    // The thread's limit is in bytes: 4-byte emoji fill it four times as fast as letters (the question took a few already).
    for (let message = 0; message < 9; message++) expect((await write('😀'.repeat(2500))).status).toBe(201);
    for (let message = 0; message < 2; message++) expect((await write('x'.repeat(4900))).status).toBe(201);
    const full = await write('x'.repeat(1000));
    expect([full.status, full.body.error?.code]).toEqual([409, 'thread_full']);
    // Open referrals per account: the rest of the 20 go, one more waits for leads to answer.
    const open = ok(await client.referrals(false)).referrals.filter((referral) => referral.state === 'open').length;
    for (let more = open; more < 20; more++) expect((await refer()).status).toBe(201);
    const tooMany = await refer();
    expect([tooMany.status, tooMany.body.error?.code]).toEqual([409, 'too_many_open']);
    // A lead answers one; a follow-up in it reopens it, which counts too.
    const lead = await signedInClient(api.url, 'lead@example.org');
    const answered = ok(await client.referrals(false)).referrals.find((referral) => referral.id !== thread)!;
    ok(await lead.replyToReferral(answered.id, randomUUID(), { id: randomUUID(), body: 'Yes: score what you see.', at: new Date().toISOString() }));
    expect((await refer()).status).toBe(201); // its room was taken by a new one
    const reopen = await cheat.post(`/v1/referrals/${answered.id}/messages`, { id: randomUUID(), body: 'And another thing.', at: new Date().toISOString() });
    expect([reopen.status, reopen.body.error?.code]).toEqual([409, 'too_many_open']);
    expect(ok(await lead.referrals(true)).referrals.length).toBeGreaterThanOrEqual(20); // the leads' list still reads
  });
});

describe('what a lead reads carries no hidden controls', () => {
  it('refuses NUL, bidirectional overrides and invisible-only text, and takes the honest text', async () => {
    const client: HostedApiClient = await signedInClient(api.url, 'assessor@example.org');
    const cheat = await DishonestClient.signIn(api.url, 'assessor@example.org');
    const submissionId = ok(await client.assignments()).assignments[0]!.submissionId;
    const base = { submissionId, reason: 'other', at: new Date().toISOString() };
    for (const question of ['Fine\u0000', 'Fine \u202Eevil\u202C', '\u2066isolate\u2069', '\u200B\u200B ', '\u0007bell']) {
      const refused = await cheat.post('/v1/referrals', { ...base, id: randomUUID(), question });
      expect([refused.status, fieldsOf(refused)]).toEqual([422, ['question']]);
    }
    expect((await cheat.post('/v1/referrals', { ...base, id: randomUUID(), question: 'Line one\nline two\twith a tab; العربية\u200F too.' })).status).toBe(201);
  });
});

describe('evidence answers', () => {
  it('say nosniff, with the stated type', async () => {
    const client = await signedInClient(api.url, 'assessor2@example.org');
    const submissionId = ok(await client.assignments()).assignments[0]!.submissionId;
    const item = ok(await client.manifest(submissionId)).evidence.find((candidate) => candidate.url !== null)!;
    const token = ok(await client.signIn('assessor2@example.org', seededPassword)).accessToken;
    const response = await fetch(`${api.url}${item.url!}`, { headers: { authorization: `Bearer ${token}`, range: 'bytes=0-15' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe(item.mimeType);
  });
});
