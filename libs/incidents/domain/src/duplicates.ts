import { foldForSearch } from '@binh-yen/shared-kernel';

/** Words too common in reports to say two reports are about the same thing. */
const STOP_WORDS = new Set(['va', 'cua', 'tai', 'o', 'co', 'la', 'cac', 'nhung', 'mot', 'duoc', 'bi', 'voi', 'the', 'and', 'of', 'at', 'in', 'a', 'an', 'to']);

/** The words of a summary, folded (no diacritics, lower case), without punctuation and stop words. */
export function normalisedWords(text: string): Set<string> {
  return new Set(
    foldForSearch(text)
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0 && !STOP_WORDS.has(word)),
  );
}

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of foldForSearch(text).split(/[^a-z0-9]+/).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  }
  return grams;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How alike two summaries are, 0..1: the better of word Jaccard and trigram
 * Jaccard on folded text, so "Trộm xe máy ở chợ" and "trom xe may o cho" are 1,
 * and a typo or a different ending of a word still scores high.
 */
export function summarySimilarity(a: string, b: string): number {
  return Math.max(jaccard(normalisedWords(a), normalisedWords(b)), jaccard(trigrams(a), trigrams(b)));
}

export interface DuplicateCandidate {
  id: string;
  unitId: string;
  category: string;
  occurredAt: Date;
  summary: string;
}

export interface DuplicatePolicy {
  /** Reports this close in time (either side) may be the same incident. */
  windowMs: number;
  /** Similarity at or above which summaries are "alike". */
  threshold: number;
  /** At most this many are flagged (the most alike first). */
  limit?: number;
}

export interface PossibleDuplicate {
  id: string;
  similarity: number;
}

/**
 * Earlier reports that may be this one again: same unit and category, within the
 * window, a similar summary. They are flagged for review, never refused.
 */
export function findPossibleDuplicates(report: Omit<DuplicateCandidate, 'id'>, earlier: readonly DuplicateCandidate[], policy: DuplicatePolicy): PossibleDuplicate[] {
  return earlier
    .filter(
      (other) =>
        other.unitId === report.unitId &&
        other.category === report.category &&
        Math.abs(other.occurredAt.getTime() - report.occurredAt.getTime()) <= policy.windowMs,
    )
    .map((other) => ({ id: other.id, similarity: Math.round(summarySimilarity(report.summary, other.summary) * 1000) / 1000 }))
    .filter((candidate) => candidate.similarity >= policy.threshold)
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id))
    .slice(0, policy.limit ?? 5);
}
