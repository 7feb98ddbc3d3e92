/**
 * Reports without a second copy of the chain.
 *
 * A progress report's links are chain records the chain table already holds as canonical text.
 * A report made from now on stores its frame (the canonical report with an empty links array),
 * and the links are spliced back from the chain when it is sent or exported: byte-identical, and
 * checked against the signature first. Rows made before keep their whole text (links_in_chain 0).
 *
 * Each chain record also keeps its tally (common/domain/report/summary.ts): its part in a report's
 * figures, so a report's summary is a GROUP BY over its run. NULL for records chained before;
 * those are read and tallied when a report includes them.
 */
export const name = 'report_frames';
export const sql = /* sql */ `
ALTER TABLE reports ADD COLUMN links_in_chain INTEGER NOT NULL DEFAULT 0 CHECK (links_in_chain IN (0, 1));
ALTER TABLE chain ADD COLUMN tally TEXT;
`;
