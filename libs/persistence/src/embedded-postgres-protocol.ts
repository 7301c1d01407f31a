/** What startEmbeddedPostgres and the worker that hosts the databases say to each other. */
export interface OpenDatabase {
  kind: 'open';
  id: number;
  dataDir: string;
  port: number;
  host: string;
  templateDir: string | null;
  sharedBuffers: string;
}

export type ToEmbeddedPostgres =
  | OpenDatabase
  | { kind: 'close'; id: number }
  /** Run initdb into dataDir once, for the other databases to copy. */
  | { kind: 'template'; id: number; dataDir: string };

export type FromEmbeddedPostgres =
  | { kind: 'opened'; id: number; address: string }
  | { kind: 'done'; id: number }
  | { kind: 'failed'; id: number; message: string };
