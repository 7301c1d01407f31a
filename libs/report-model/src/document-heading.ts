/** The authority forms of a signature (Decree 30/2020/NĐ-CP): on behalf of, for a collective, acting, by order, by authorisation. */
export const AUTHORITY_FORMS = ['KT.', 'TM.', 'Q.', 'TL.', 'TUQ.'] as const;
export type AuthorityForm = (typeof AUTHORITY_FORMS)[number];

/** Who issues and signs the document and who receives it: fields of the submission (ADR 0043). */
export interface DocumentHeading {
  /** The body above the issuer, as written on the document: "UBND TỈNH PHÚ THỌ". */
  parentBody: string;
  /** The issuer: "CÔNG AN TỈNH PHÚ THỌ". */
  issuingBody: string;
  /** The issuer's abbreviation in the symbol: "CAT" in "Số: 15/BC-CAT". */
  symbol: string;
  /** The document's number in the issuer's register; null while the clerk has not given it one. */
  number: number | null;
  /** The place in the date line: "Việt Trì". */
  place: string;
  signatory: {
    /** "KT." with authority "GIÁM ĐỐC", "TM." with "ỦY BAN NHÂN DÂN"; null: signing in one's own name. */
    form: AuthorityForm | null;
    authority: string | null;
    /** "PHÓ GIÁM ĐỐC". */
    position: string;
    name: string;
  };
  /** One recipient a line ("UBND tỉnh (để báo cáo)"); the archive line "Lưu: VT, …" is added. */
  recipients: string[];
}
