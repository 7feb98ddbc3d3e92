/**
 * What encryption at rest costs: the same seeded demo agency in a plain and an encrypted data
 * folder, timed on the default queue page (`cases.queue`, 100 rows) and on `contacts.log`. Rounds
 * alternate plain/encrypted so drift (CPU boost, page cache, other load) hits both alike; the figure
 * per side is the median round. Target: encrypted ≤ 1.15 × plain.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseDetail, QueuePage } from '../../common/api/types';
import { createBackend } from '../../main/backend';
import { fixedClock } from '../../main/backend/clock';
import { createDemoAgency } from '../../main/backend/demo/demo';
import type { Backend } from '../../main/backend/types';

export interface CostFigure {
  /** Median wall-clock milliseconds per operation. */
  plain: number;
  encrypted: number;
  ratio: number;
  /** The same for this process's CPU time: steadier than wall time on a busy machine, blind to fsync waits. */
  cpu: { plain: number; encrypted: number; ratio: number };
}

export interface EncryptionCost {
  cases: number;
  queue: CostFigure;
  logContact: CostFigure;
}

export interface MeasureOptions {
  cases: number;
  rounds?: number;
  queueOpsPerRound?: number;
  logOpsPerRound?: number;
  /** A moment when the China placement may be called (11:00 in Shanghai). */
  now?: string;
}

type Side = { name: 'plain' | 'encrypted'; backend: Backend; dataDir: string };

async function call<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function openSide(name: Side['name'], now: string, cases: number): Side {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `casedesk-enc-cost-${name}-`));
  const clock = fixedClock(now);
  const keyOpts = name === 'encrypted' ? { dbKey: randomBytes(32) } : { plain: true };
  const seed = createBackend({ dataDir, host: 'test', now: clock.now, ...keyOpts });
  createDemoAgency(seed.app, { cases });
  seed.close();
  return { name, dataDir, backend: createBackend({ dataDir, host: 'test', now: clock.now, user: 'wang.fang', ...keyOpts }) };
}

/** Contactable China cases with a mobile number: the inputs for contacts.log, picked outside the timing. */
async function logInputs(backend: Backend, count: number): Promise<unknown[]> {
  const page = await call<QueuePage>(backend, 'cases.queue', { limit: 500 });
  const inputs: unknown[] = [];
  for (const row of page.rows) {
    if (inputs.length >= count) break;
    if (row.preset !== 'cn' || !row.contactableNow) continue;
    const detail = await call<CaseDetail>(backend, 'cases.get', { caseId: row.id });
    const mobile = detail.contactPoints.find((p) => p.kind === 'mobile');
    if (mobile) inputs.push({ caseId: row.id, channel: 'call', contactPointId: mobile.id, result: 'no_answer', outcome: 'no_answer' });
  }
  if (inputs.length === 0) throw new Error('no contactable China case with a mobile number to log against');
  return inputs;
}

interface Sample {
  wall: number;
  cpu: number;
}

async function timePerOp(ops: number, op: (i: number) => Promise<unknown>): Promise<Sample> {
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < ops; i++) await op(i);
  const cpu = process.cpuUsage(cpu0);
  return { wall: Number(process.hrtime.bigint() - started) / 1e6 / ops, cpu: (cpu.user + cpu.system) / 1000 / ops };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const pair = (plain: number, encrypted: number) => ({
  plain: Number(plain.toFixed(3)),
  encrypted: Number(encrypted.toFixed(3)),
  ratio: Number((encrypted / plain).toFixed(3)),
});

const figure = (plain: Sample[], encrypted: Sample[]): CostFigure => ({
  ...pair(median(plain.map((s) => s.wall)), median(encrypted.map((s) => s.wall))),
  cpu: pair(median(plain.map((s) => s.cpu)), median(encrypted.map((s) => s.cpu))),
});

export async function measureEncryptionCost(opts: MeasureOptions): Promise<EncryptionCost> {
  const rounds = opts.rounds ?? 7;
  const queueOps = opts.queueOpsPerRound ?? 20;
  const logOps = opts.logOpsPerRound ?? 20;
  const now = opts.now ?? '2026-11-25T03:00:00.000Z';
  const sides = [openSide('plain', now, opts.cases), openSide('encrypted', now, opts.cases)] as const;
  try {
    // The seeded agency is identical on both sides, so the same cases are logged against on each.
    const inputs = new Map<Side['name'], unknown[]>();
    for (const side of sides) inputs.set(side.name, await logInputs(side.backend, rounds * logOps));
    const times = { queue: { plain: [] as Sample[], encrypted: [] as Sample[] }, log: { plain: [] as Sample[], encrypted: [] as Sample[] } };
    for (const side of sides) await timePerOp(5, () => call(side.backend, 'cases.queue', { limit: 100 })); // warm-up
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
      for (const side of order) {
        times.queue[side.name].push(await timePerOp(queueOps, () => call(side.backend, 'cases.queue', { limit: 100 })));
        const mine = inputs.get(side.name) ?? [];
        times.log[side.name].push(
          await timePerOp(logOps, (i) => call(side.backend, 'contacts.log', mine[(round * logOps + i) % mine.length])),
        );
      }
    }
    return { cases: opts.cases, queue: figure(times.queue.plain, times.queue.encrypted), logContact: figure(times.log.plain, times.log.encrypted) };
  } finally {
    for (const side of sides) {
      side.backend.close();
      fs.rmSync(side.dataDir, { recursive: true, force: true });
    }
  }
}
