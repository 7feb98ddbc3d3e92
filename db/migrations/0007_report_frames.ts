/**
 * A progress report's links are chain records the chain table already holds as canonical text.
 * A report made from now on stores its frame (the canonical report with an empty links array) and
 * the links are spliced back from the chain when it is sent or exported: byte-identical, checked
 * against the signature, and no second copy of every record. Rows made before keep their whole text.
 */
export const name = 'report_frames';
export const sql = /* sql */ `
ALTER TABLE reports ADD COLUMN links_in_chain INTEGER NOT NULL DEFAULT 0 CHECK (links_in_chain IN (0, 1));
`;
