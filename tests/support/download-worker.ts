// A separate process that downloads one evidence file, so a test can SIGKILL it mid-download.
// Input: one JSON argument (a DownloadTarget with masterKey as hex). Output: the outcome as JSON.
import { downloadEvidence } from '../../electron/core/evidence/downloader';

const target = JSON.parse(process.argv[2] ?? '{}') as { url: string; evidenceId: string; accessToken: string; bytes: number; sha256: string; path: string; masterKey: string };
downloadEvidence({ ...target, masterKey: Buffer.from(target.masterKey, 'hex') }, { onProgress: () => undefined })
  .then((outcome) => console.log(JSON.stringify(outcome)))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
