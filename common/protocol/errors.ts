/** Error codes of the lender protocol (lender/PROTOCOL.md). Every 4xx/5xx body is `{error: ProtocolError}`. */
export const PROTOCOL_ERROR_CODES = [
  'BAD_REQUEST', // body or query failed its schema; details.issues says where
  'NOT_FOUND',
  'UNAUTHENTICATED', // missing or bad request signature, or unknown workstation
  'ENROLLMENT_CODE_INVALID', // unknown or expired code
  'ENROLLMENT_CODE_USED', // the code was already used by another workstation
  'ALREADY_ENROLLED', // the workstation id is enrolled with another key
  'NOT_CANONICAL', // the report text is not its own RFC 8785 canonical form
  'BAD_SIGNATURE', // the signature does not verify over the exact report bytes
  'WORKSTATION_MISMATCH', // the report names another workstation than the caller
  'UNKNOWN_PLACEMENT', // the report is for a placement this lender never assigned to the workstation
  'CHAIN_BROKEN', // a record in the report does not hash into the chain
  'CHAIN_DISCONTINUOUS', // the report does not start where the previous report ended
  'CHAIN_FORKED', // a chain position already reported with another hash
  'REPORT_INCONSISTENT', // records of another placement inside, or summary figures that do not match the records
  'SEQUENCE_GAP', // the report's sequence is beyond last + 1
  'SEQUENCE_REPLAYED', // an already-accepted sequence arrived with different content
  'TOO_LARGE', // the body is over the route's limit (refused before it is read, when Content-Length says so)
  'RATE_LIMITED', // too many requests from this workstation; retried later with backoff
  'OWN_RECORD_ELIDED', // a link of the report's own placement is elided (its tag is the placement's)
  'ELISION_UNPROVEN', // an elided link from chain.taggedFrom on without its placement tag and record digest
  'CHAIN_FORMULA_CHANGED', // chain.taggedFrom differs from (or drops) what the workstation's earlier reports stated
  'PERIOD_INVALID', // the period is reversed or empty, ends after the report was made, or the report is dated in the future
  'PERIOD_DISCONTINUOUS', // the period does not start where the placement's previous report ended
  'INTERNAL',
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

export interface ProtocolError {
  code: ProtocolErrorCode;
  message: string;
  details?: unknown;
}

export const HTTP_STATUS: Record<ProtocolErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  ENROLLMENT_CODE_INVALID: 403,
  ENROLLMENT_CODE_USED: 409,
  ALREADY_ENROLLED: 409,
  NOT_CANONICAL: 400,
  BAD_SIGNATURE: 422,
  WORKSTATION_MISMATCH: 403,
  UNKNOWN_PLACEMENT: 422,
  CHAIN_BROKEN: 422,
  CHAIN_DISCONTINUOUS: 409,
  CHAIN_FORKED: 409,
  REPORT_INCONSISTENT: 422,
  SEQUENCE_GAP: 409,
  SEQUENCE_REPLAYED: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  OWN_RECORD_ELIDED: 422,
  ELISION_UNPROVEN: 422,
  CHAIN_FORMULA_CHANGED: 409,
  PERIOD_INVALID: 422,
  PERIOD_DISCONTINUOUS: 409,
  INTERNAL: 500,
};
