import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Caller } from '@binh-yen/auth';
import { vietnamDate } from './demo-calendar';
import { DemoClient, type ServiceName } from './demo-client';
import { DemoRandom } from './demo-random';
import { runCampaigns } from './campaigns-demo';
import { runIncidents } from './incidents-demo';
import { designateUnits, loadUnits, rateCommunes, registerForces, runModels } from './units-demo';

export interface DemoDataOptions {
  urls: Record<ServiceName, string>;
  tokenFor: (caller: Caller) => Promise<string>;
  /** Remembers which chapters are done, so a restart goes on where it stopped. */
  progressFile: string;
  say: (line: string) => void;
  now?: Date;
  incidents?: number;
}

export interface DemoDataSummary {
  written: number;
  refused: string[];
  seconds: number;
}

const CHAPTERS = ['ratings', 'forces', 'designations', 'models', 'campaigns', 'incidents'] as const;
type Chapter = (typeof CHAPTERS)[number];

/**
 * Two years of a province's work, written through the services' own APIs as the
 * people who would do it (so every record makes the same events a real user's
 * would): ratings, forces and training, certification and pilots, models,
 * campaigns, incidents through every lifecycle path. Seeded, so the same on
 * every machine. Chapters already done (progress file) are skipped.
 */
export async function generateDemoData(options: DemoDataOptions): Promise<DemoDataSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const today = vietnamDate(now);
  const client = new DemoClient(options.urls, options.tokenFor);
  const done = new Set<Chapter>(existsSync(options.progressFile) ? (JSON.parse(readFileSync(options.progressFile, 'utf8')) as { done: Chapter[] }).done : []);
  if (CHAPTERS.every((chapter) => done.has(chapter))) return { written: 0, refused: [], seconds: 0 };
  const units = await loadUnits(client);
  const shown = new Map<string, number>();
  const progress = (chapter: string) => (share: number) => {
    const tenth = Math.floor(share * 10);
    if ((shown.get(chapter) ?? -1) < tenth) {
      shown.set(chapter, tenth);
      if (tenth > 0 && tenth < 10) options.say(`demo data: ${chapter} ${tenth * 10}% (dữ liệu mẫu đang nạp)`);
    }
  };
  const chapters: Record<Chapter, () => Promise<void>> = {
    ratings: () => rateCommunes(client, new DemoRandom(1), units, today, progress('ratings')),
    forces: () => registerForces(client, new DemoRandom(2), units, today),
    designations: () => designateUnits(client, new DemoRandom(3), units, today),
    models: () => runModels(client, new DemoRandom(4), units, now),
    campaigns: () => runCampaigns(client, new DemoRandom(5), units, now),
    incidents: () => runIncidents(client, new DemoRandom(6), units, now, options.incidents ?? 240, progress('incidents')),
  };
  for (const chapter of CHAPTERS) {
    if (done.has(chapter)) continue;
    const before = client.written;
    await chapters[chapter]();
    done.add(chapter);
    writeFileSync(options.progressFile, `${JSON.stringify({ done: [...done] })}\n`);
    options.say(`demo data: ${chapter} done, ${client.written - before} records (${CHAPTERS.indexOf(chapter) + 1}/${CHAPTERS.length})`);
  }
  return { written: client.written, refused: client.refused, seconds: (Date.now() - started) / 1000 };
}
