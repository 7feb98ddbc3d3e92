/** What the numbers were measured on. */
import os from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memory_gb: number;
  node: string;
  platform: string;
  date: string;
}

export function machine(): Machine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}
