/**
 * A report's canonical text, assembled from its frame and the chain's own canonical records.
 *
 * The frame is the RFC 8785 text of the report with an empty `links` array. Every link is a
 * chain record the workstation already stores as canonical text, so the whole report is the frame
 * with its links spliced into that one slot: byte for byte what canonicalJson(report) gives, since
 * JCS sorts a link's keys as hash < record < seq and writes integers and hex strings as
 * JSON.stringify does. The workstation stores the frame, not a second copy of every record.
 */
export const LINKS_SLOT = '"links":[]';

/** One chain row as the splice needs it. */
export interface LinkSource {
  seq: number;
  hash: string;
  placementId: string | null;
  /** The record's canonical text as hashed into the chain. */
  canonical: string;
  /** Tagged-formula links (chain formula 2): the placement tag and record digest; null or absent before. */
  tag?: string | null;
  digest?: string | null;
}

export class ReportTextError extends Error {
  override readonly name = 'ReportTextError';
}

/**
 * A record of the report's placement travels in full; any other is elided to seq + hash, plus its
 * tag and digest when it was chained with the tagged formula (JCS key order: digest, hash, seq, tag).
 */
export function linkText(link: LinkSource, placementId: string): string {
  if (!Number.isSafeInteger(link.seq) || link.seq < 1) throw new ReportTextError(`chain link has an invalid seq ${String(link.seq)}`);
  const hash = JSON.stringify(link.hash);
  if (link.placementId === placementId) return `{"hash":${hash},"record":${link.canonical},"seq":${link.seq}}`;
  if (link.tag && link.digest) return `{"digest":${JSON.stringify(link.digest)},"hash":${hash},"seq":${link.seq},"tag":${JSON.stringify(link.tag)}}`;
  return `{"hash":${hash},"seq":${link.seq}}`;
}

/** The frame's text before and after its links, each including the array's bracket. */
function frameParts(frame: string): [string, string] {
  const at = frame.indexOf(LINKS_SLOT);
  // Strings in a canonical frame escape their quotes, so the slot can only be the links key; once.
  if (at < 0 || frame.indexOf(LINKS_SLOT, at + 1) >= 0) throw new ReportTextError('the report frame has no single empty links slot');
  return [`${frame.slice(0, at)}"links":[`, `]${frame.slice(at + LINKS_SLOT.length)}`];
}

/** The frame with `links` in its one slot. */
export function spliceLinks(frame: string, placementId: string, links: readonly LinkSource[]): string {
  const [before, after] = frameParts(frame);
  const parts = new Array<string>(links.length);
  for (let i = 0; i < links.length; i++) parts[i] = linkText(links[i] as LinkSource, placementId);
  return `${before}${parts.join(',')}${after}`;
}

const encoder = new TextEncoder();

/** The same splice over links already written and comma-joined as UTF-8 (by the database): the bytes to sign. */
export function spliceJoinedLinks(frame: string, joined: Uint8Array): Uint8Array {
  const [before, after] = frameParts(frame).map((part) => encoder.encode(part)) as [Uint8Array, Uint8Array];
  const out = new Uint8Array(before.length + joined.length + after.length);
  out.set(before, 0);
  out.set(joined, before.length);
  out.set(after, before.length + joined.length);
  return out;
}
