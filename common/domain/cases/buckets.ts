/** Days-past-due buckets (docs/GLOSSARY.md): M1 = 1–30 days, M2 = 31–60, … M7+ beyond 180. */
export type Bucket = 'M0' | 'M1' | 'M2' | 'M3' | 'M4' | 'M5' | 'M6' | 'M7+';

export function bucketOf(dpd: number): Bucket {
  if (dpd <= 0) return 'M0';
  const n = Math.ceil(dpd / 30);
  return n >= 7 ? 'M7+' : (`M${n}` as Bucket);
}

/** Inclusive DPD range of a bucket, for SQL filters. */
export function bucketRange(bucket: Exclude<Bucket, 'M0'>): { min: number; max: number } {
  if (bucket === 'M7+') return { min: 181, max: Number.MAX_SAFE_INTEGER };
  const n = Number(bucket.slice(1));
  return { min: (n - 1) * 30 + 1, max: n * 30 };
}
