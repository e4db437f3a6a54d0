// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { SyncNotices } from '../../../renderer/src/account/SyncNotices';
import { startI18n } from './harness';

beforeAll(startI18n);

describe('a notice of something the server refused for good', () => {
  it('says what, for which submission, and why, in words', () => {
    render(
      <SyncNotices
        notices={[
          { id: 1, at: '2026-12-07T10:00:00.000Z', kind: 'refused_by_server', what: 'audit', count: 20, submissionLabel: 'Submission 0001', reason: 'too_large' },
          { id: 2, at: '2026-12-07T10:00:00.000Z', kind: 'refused_by_server', what: 'referral_message', count: 1, submissionLabel: null, reason: 'refused_something_new' },
          { id: 3, at: '2026-12-07T10:00:00.000Z', kind: 'refused_by_server', what: 'adjudication_resolution', count: 1, submissionLabel: 'Submission 0009', reason: 'refused_already_resolved' },
        ]}
        onDismiss={() => undefined}
      />,
    );
    expect(screen.getByText(/The server refused 20 changes for the audit trail for Submission 0001 \(larger than it takes\)\. Not sent and never will be; it stays on this machine\./)).toBeTruthy();
    expect(screen.getByText(/The server refused a reply in a referral \(it refused it\)\./)).toBeTruthy();
    expect(screen.getByText(/The server refused your resolution of the adjudication for Submission 0009 \(another lead resolved it first\)\./)).toBeTruthy();
  });
});
