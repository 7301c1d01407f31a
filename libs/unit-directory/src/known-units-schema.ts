/** DDL of the local replica of units, for the migrations of each service that keeps one. */
export const createKnownUnitsTableSql = [
  `CREATE TABLE known_units (
     unit_id         uuid PRIMARY KEY,
     code            text NOT NULL UNIQUE,
     name            text NOT NULL,
     kind            text NOT NULL,
     subkind         text NOT NULL,
     parent_id       uuid,
     path            text NOT NULL,
     status          text NOT NULL,
     successor_ids   uuid[] NOT NULL DEFAULT '{}',
     effective_from  date NOT NULL,
     updated_at      timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX known_units_path_idx ON known_units (path text_pattern_ops)`,
];

export const dropKnownUnitsTableSql = ['DROP TABLE IF EXISTS known_units'];
