import { CursorPageQuery } from '@binh-yen/http';

/** The agreements of the caller's area, a page at a time. */
export class ListAgreementsQuery extends CursorPageQuery {}
