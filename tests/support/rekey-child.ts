// A process that re-keys a database and may be killed at any moment of it (the integration test
// cuts it short to show a crash never leaves a file that neither key opens).
// argv: file, current key (hex), next key (hex). Says 'rekeying' before it starts and 'done' after.
import { openDatabase, rekeyDatabase } from '../../electron/core/db/database';

const [file, current, next] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(file, Buffer.from(current, 'hex'));
process.send?.('rekeying');
if (!rekeyDatabase(db, Buffer.from(next, 'hex'))) throw new Error('the file was held by another connection');
db.close();
process.send?.('done');
