import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Caller } from '@binh-yen/auth';
import { demoEras, type DemoEra } from './demo-calendar';
import { DemoClient, type ServiceName } from './demo-client';
import { DemoRandom } from './demo-random';
import { runCampaigns } from './campaigns-demo';
import { runIncidents } from './incidents-demo';
import { reorganiseToTwoTiers, untilReplicasFollow } from './reorganisation-demo';
import { designateUnits, loadUnits, rateCommunes, registerForces, runModels, type DemoUnits } from './units-demo';

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

/**
 * In the order they happened: the three-tier era's work (before 1 July 2025), the reform to
 * two tiers, then the two-tier era's work, each record written while its unit had the path
 * of its day (ADR 0055).
 */
const CHAPTERS = [
  'three-tier:ratings',
  'three-tier:forces',
  'three-tier:designations',
  'three-tier:incidents',
  'reorganisation',
  'two-tier:ratings',
  'two-tier:forces',
  'two-tier:designations',
  'models',
  'campaigns',
  'two-tier:incidents',
] as const;
type Chapter = (typeof CHAPTERS)[number];
/** The chapters before the two eras (a progress file of an older start that finished them all). */
const EARLIER_CHAPTERS = ['ratings', 'forces', 'designations', 'models', 'campaigns', 'incidents'];

/**
 * Two years of a province's work, written through the services' own APIs as the
 * people who would do it (so every record makes the same events a real user's
 * would): ratings, forces and training, certification and pilots, incidents through
 * every lifecycle path, before the 2025 reform; the reform itself (communes merged and
 * moved under the province, districts dissolved); then the same work in two tiers with
 * models and campaigns. Seeded, so the same on every machine. Chapters already done
 * (progress file) are skipped.
 */
export async function generateDemoData(options: DemoDataOptions): Promise<DemoDataSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const [threeTier, twoTier] = demoEras(now);
  const client = new DemoClient(options.urls, options.tokenFor);
  const recorded = existsSync(options.progressFile) ? (JSON.parse(readFileSync(options.progressFile, 'utf8')) as { done: string[] }).done : [];
  if (EARLIER_CHAPTERS.every((chapter) => recorded.includes(chapter))) return { written: 0, refused: [], seconds: 0 };
  const done = new Set(recorded.filter((chapter): chapter is Chapter => (CHAPTERS as readonly string[]).includes(chapter)));
  if (CHAPTERS.every((chapter) => done.has(chapter))) return { written: 0, refused: [], seconds: 0 };
  // Each era reads the units as they are when its work is written.
  let units: DemoUnits | undefined;
  const unitsNow = async (): Promise<DemoUnits> => (units ??= await loadUnits(client));
  const shown = new Map<string, number>();
  const progress = (chapter: string) => (share: number) => {
    const tenth = Math.floor(share * 10);
    if ((shown.get(chapter) ?? -1) < tenth) {
      shown.set(chapter, tenth);
      if (tenth > 0 && tenth < 10) options.say(`demo data: ${chapter} ${tenth * 10}% (dữ liệu mẫu đang nạp)`);
    }
  };
  const incidents = options.incidents ?? 240;
  const incidentsOf = (era: DemoEra): number => Math.round((incidents * era.quarters.length) / era.allQuarters.length);
  const chapters: Record<Chapter, () => Promise<void>> = {
    'three-tier:ratings': async () => rateCommunes(client, new DemoRandom(1), await unitsNow(), threeTier, progress('ratings, three tiers')),
    'three-tier:forces': async () => registerForces(client, new DemoRandom(2), await unitsNow(), threeTier, true),
    'three-tier:designations': async () => designateUnits(client, new DemoRandom(3), await unitsNow(), threeTier),
    'three-tier:incidents': async () => runIncidents(client, new DemoRandom(6), await unitsNow(), threeTier, incidentsOf(threeTier), progress('incidents, three tiers')),
    reorganisation: async () => {
      await reorganiseToTwoTiers(client, await unitsNow());
      units = undefined;
      await untilReplicasFollow(client);
    },
    'two-tier:ratings': async () => rateCommunes(client, new DemoRandom(7), await unitsNow(), twoTier, progress('ratings')),
    'two-tier:forces': async () => registerForces(client, new DemoRandom(8), await unitsNow(), twoTier, false),
    'two-tier:designations': async () => designateUnits(client, new DemoRandom(9), await unitsNow(), twoTier),
    models: async () => runModels(client, new DemoRandom(4), await unitsNow(), now),
    campaigns: async () => runCampaigns(client, new DemoRandom(5), await unitsNow(), now),
    'two-tier:incidents': async () => runIncidents(client, new DemoRandom(10), await unitsNow(), twoTier, incidentsOf(twoTier), progress('incidents')),
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
