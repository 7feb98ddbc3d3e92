/**
 * CSV text written in 64 kB pieces with fs.writeSync (no stream, no write per row), optionally
 * hashed as written so the manifest's digest needs no second read of the file. Used by the CSV
 * writer for the whole file and by a part worker for its share of a split export (split/).
 */
import fs from 'node:fs';
import { createHash, type Hash } from 'node:crypto';

/**
 * Characters of CSV text gathered before they are joined, encoded, hashed and written. Small enough
 * that the lines die young (a scavenge, not a promotion to the old generation), large enough that a
 * million rows are a couple of thousand writes.
 */
const PIECE = 1 << 16;
/** Bytes read at a time when a part's file is appended. */
const APPEND_CHUNK = 1 << 20;
export const EOL = '\r\n';

export class CsvPieces {
  private readonly hash: Hash | null;
  // Lines of the piece being gathered, each followed by its line end.
  private lines: string[] = [];
  private chars = 0;
  /** Bytes written so far. */
  bytes = 0;
  /** Characters flushed since the caller last took them (for yielding to the event loop). */
  private flushed = 0;

  constructor(
    private readonly fd: number,
    hashed: boolean,
  ) {
    this.hash = hashed ? createHash('sha256') : null;
  }

  /** Adds text that is not a record (a BOM, a title row, a blank line). */
  text(s: string): void {
    this.lines.push(s);
    this.chars += s.length;
  }

  /** Adds one record and its line end; writes a piece when enough text has gathered. */
  record(r: string): void {
    this.lines.push(r, EOL);
    this.chars += r.length;
    if (this.chars >= PIECE) this.flush();
  }

  /** Writes what has gathered. */
  flush(): void {
    if (this.lines.length === 0) return;
    this.put(Buffer.from(this.lines.join(''), 'utf8'));
    this.flushed += this.chars;
    this.lines = [];
    this.chars = 0;
  }

  /** Characters flushed since the last call. */
  takeFlushed(): number {
    const n = this.flushed;
    this.flushed = 0;
    return n;
  }

  /** Appends a whole file's bytes (a part worker's share), hashed like the rest. */
  appendFile(file: string): void {
    this.flush();
    const src = fs.openSync(file, 'r');
    try {
      const chunk = Buffer.allocUnsafe(APPEND_CHUNK);
      for (let n; (n = fs.readSync(src, chunk, 0, APPEND_CHUNK, null)) > 0; ) this.put(chunk.subarray(0, n));
    } finally {
      fs.closeSync(src);
    }
  }

  digest(): string {
    if (!this.hash) throw new Error('CsvPieces: this writer does not hash');
    return this.hash.digest('hex');
  }

  private put(piece: Buffer): void {
    for (let at = 0; at < piece.length; ) at += fs.writeSync(this.fd, piece, at, piece.length - at);
    this.hash?.update(piece);
    this.bytes += piece.length;
  }
}
