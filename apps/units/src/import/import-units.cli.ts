// Imports units from a CSV code list: `npm run units:import -- <file.csv> [--skip-invalid] [--effective-from=1998-01-01] [--actor=name]`
// Columns: code, name, kind (Tỉnh, Huyện, Thành phố, Thị xã, Xã, Phường, Thị trấn, Thôn, Tổ dân phố, ...), parent code.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { loadEnv } from '@binh-yen/http';
import { CommandPipeline, commandContext } from '@binh-yen/command-pipeline';
import { IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import { createDatabaseIfMissing, dataSourceOptions, runMigrations } from '@binh-yen/persistence';
import { DataSource } from 'typeorm';
import { UnitsEnv } from '../config/units.env';
import { unitsMigrations } from '../migrations';
import { ImportUnitsUseCase } from './import-units.use-case';
import { progressBar } from './progress-bar';

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run units:import -- <file.csv> [--skip-invalid] [--effective-from=YYYY-MM-DD] [--actor=name]\n');
    return 2;
  }
  const env = loadEnv(UnitsEnv, process.env);
  const options = dataSourceOptions({ url: env.DATABASE_URL, poolSize: 2, migrations: unitsMigrations, applicationName: 'units-import' });
  await createDatabaseIfMissing(env.DATABASE_URL);
  await runMigrations(options);
  const dataSource = await new DataSource(options).initialize();
  try {
    const useCase = new ImportUnitsUseCase(new CommandPipeline(new IdempotencyService(dataSource), new OutboxWriter({ topicPrefix: env.KAFKA_TOPIC_PREFIX, maxEventBytes: 900_000 })));
    const started = Date.now();
    const report = await useCase.execute(
      readFileSync(file, 'utf8'),
      {
        skipInvalid: process.argv.includes('--skip-invalid'),
        effectiveFrom: option('effective-from') ?? new Date().toISOString().slice(0, 10),
        onProgress: progressBar('Nhập đơn vị / importing units'),
      },
      commandContext({ subject: option('actor') ?? 'csv-import', agency: 'people-committee', roles: ['administrator'], area: 'all' }),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const problem of report.rejected) process.stdout.write(`  line ${problem.line}, ${problem.field}: ${problem.message}\n`);
    if (report.fileRejected) {
      process.stdout.write(`Rejected: ${report.rejected.length} problem(s) in ${report.rows} rows; nothing was imported. Fix the rows above, or pass --skip-invalid to import the good ones.\n`);
      return 1;
    }
    process.stdout.write(
      `Imported ${report.created} new unit(s), ${report.unchanged} unchanged, ${report.rejected.length} row problem(s) skipped, of ${report.rows} rows in ${seconds}s.\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
