import type { MethodOutput, ParsedInput } from '../../../shared/contract/methods';
import type { NetworkMethodName } from '../handlers';
import type { HostedConnection } from './connection';

/** Contract methods that involve the hosted API; they answer once the network has. */
export const networkHandlers: {
  [N in NetworkMethodName]: (input: ParsedInput<N>, connection: HostedConnection) => Promise<MethodOutput<N>>;
} = {
  'session.get': async (_input, connection) => {
    await connection.ready;
    return connection.session.info();
  },
  'session.signIn': async ({ serverUrl, email, password }, connection) => {
    await connection.ready;
    return connection.signIn(serverUrl, email, password);
  },
  'session.signOut': async (_input, connection) => {
    await connection.ready;
    return connection.signOut();
  },
  'batch.claim': async ({ size }, connection) => {
    await connection.ready;
    return connection.claim(size);
  },
  'sync.status': async (_input, connection) => {
    await connection.ready;
    return connection.status();
  },
  'sync.now': async (_input, connection) => {
    await connection.ready;
    return connection.syncNow();
  },
  'sync.conflicts': async (_input, connection) => {
    await connection.ready;
    return { conflicts: connection.conflicts() };
  },
  'sync.resolveConflict': async ({ submissionId, choice }, connection) => {
    await connection.ready;
    return connection.resolveConflict(submissionId, choice);
  },
  'sync.dismissNotice': async ({ id }, connection) => {
    await connection.ready;
    return connection.dismissNotice(id);
  },
  'downloads.pause': async (_input, connection) => {
    await connection.ready;
    return connection.setDownloadsPaused(true);
  },
  'downloads.resume': async (_input, connection) => {
    await connection.ready;
    return connection.setDownloadsPaused(false);
  },
  'storage.setRetention': async ({ days }, connection) => {
    await connection.ready;
    return connection.setRetentionDays(days);
  },
  'quality.refresh': async (_input, connection) => {
    await connection.ready;
    return connection.refreshQuality();
  },
  'calibration.start': async ({ setId }, connection) => {
    await connection.ready;
    return connection.startCalibration(setId);
  },
  'lead.resolveAdjudication': async ({ submissionId, resolution }, connection) => {
    await connection.ready;
    return connection.resolveAdjudication(submissionId, resolution);
  },
  'lead.openAdjudication': async ({ submissionId }, connection) => {
    await connection.ready;
    return connection.openAdjudication(submissionId);
  },
  'lead.setRules': async ({ rules }, connection) => {
    await connection.ready;
    return connection.setQualityRules(rules);
  },
  'lead.candidates': async ({ credentialId }, connection) => {
    await connection.ready;
    return connection.calibrationCandidates(credentialId);
  },
  'lead.prepareSet': async ({ credentialId, title, submissionIds }, connection) => {
    await connection.ready;
    return connection.prepareMasterSet(credentialId, title, submissionIds);
  },
  'lead.publishSet': async ({ batchId }, connection) => {
    await connection.ready;
    return connection.publishMasterSet(batchId);
  },
};
