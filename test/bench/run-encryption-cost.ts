/** `node dist/bench/encryption-cost.cjs [--cases N]`: prints the encryption cost as JSON. */
import { measureEncryptionCost } from './encryption-cost';

const at = process.argv.indexOf('--cases');
const cases = at >= 0 ? Number(process.argv[at + 1]) : 5000;
measureEncryptionCost({ cases }).then(
  (cost) => process.stdout.write(`${JSON.stringify(cost, null, 2)}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
