/** vitest globalSetup of the `lender-postgres` project: one real PostgreSQL cluster for the run. */
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './postgres';

export default function setup(project: TestProject): () => void {
  const cluster = startPgCluster();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
