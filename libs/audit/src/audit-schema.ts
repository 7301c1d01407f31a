/** DDL of the audit trail, for the migrations of every service that writes. */
export const createAuditTableSql = [
  `CREATE TABLE audit_log (
     id           uuid PRIMARY KEY,
     recorded_at  timestamptz NOT NULL DEFAULT now(),
     subject      text NOT NULL,
     agency       text NOT NULL,
     action       text NOT NULL,
     entity_type  text NOT NULL,
     entity_id    text NOT NULL,
     area         text NOT NULL,
     before       jsonb,
     after        jsonb,
     request_id   text
   )`,
  `CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, recorded_at)`,
  `CREATE INDEX audit_log_subject_idx ON audit_log (subject, recorded_at)`,
];

export const dropAuditTableSql = ['DROP TABLE IF EXISTS audit_log'];
