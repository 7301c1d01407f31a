import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandPipeline, commandContext } from '@binh-yen/command-pipeline';
import { ImportUnitsUseCase, PHU_THO_SEED_FILE } from '@binh-yen/units-app';
import type { HostedServices } from './host-services';
import { runAs, say } from './service-logger';

/** Directive 11/CT-UB of Phú Thọ took effect then. */
const EFFECTIVE_FROM = '1998-04-21';

/**
 * On the first start, Phú Thọ's units through the units service's own import
 * use case: the same rows and the same unit.registered events as an import by
 * an administrator. A marker file says it was done; the import itself is
 * idempotent, so a crash before the marker only repeats a no-op.
 */
export async function seedOnFirstStart(dataDir: string, services: HostedServices): Promise<void> {
  const marker = join(dataDir, '.seeded');
  if (existsSync(marker)) return;
  const { app } = services.units;
  const useCase = new ImportUnitsUseCase(app.get(CommandPipeline));
  const report = await runAs('units', () =>
    useCase.execute(
      readFileSync(PHU_THO_SEED_FILE, 'utf8'),
      { skipInvalid: false, effectiveFrom: EFFECTIVE_FROM },
      commandContext({ subject: 'demo-seed', agency: 'people-committee', roles: ['administrator'], area: 'all' }),
    ),
  );
  if (report.fileRejected) throw new Error(`The Phú Thọ seed was rejected: ${report.rejected.map((problem) => `line ${problem.line}: ${problem.message}`).join('; ')}`);
  say(`demo data: imported ${report.created} units of Phú Thọ (1998), ${report.unchanged} already there`, 'units');
  writeFileSync(marker, `${new Date().toISOString()}\n`);
}
