/** The bench workstation's key protection: the real format, a test-sized scrypt cost (unlocking is not what is measured). */
import { passphraseProtector } from '../../main/backend/crypto/protect';

export const BENCH_PROTECTOR = passphraseProtector('casedesk-bench', { N: 2 ** 12 });
