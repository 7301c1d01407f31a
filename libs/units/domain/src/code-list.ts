import { type UnitKind } from './hierarchy';
import { foldForSearch, normaliseLine } from '@binh-yen/shared-kernel';

/**
 * The official code lists name the level in Vietnamese ("Phường", "Thị xã");
 * our registry keeps a kind and its local subkind. English slugs are accepted too
 * ("commune", or "commune:ward").
 */
const LEVELS: Record<string, [UnitKind, string]> = {
  tinh: ['province', 'province'],
  'thanh pho truc thuoc trung uong': ['province', 'municipality'],
  'thanh pho': ['district', 'city'],
  'thi xa': ['district', 'town'],
  huyen: ['district', 'district'],
  quan: ['district', 'district'],
  xa: ['commune', 'commune'],
  phuong: ['commune', 'ward'],
  'thi tran': ['commune', 'township'],
  thon: ['residential-area', 'village'],
  xom: ['residential-area', 'hamlet'],
  ban: ['residential-area', 'mountain-village'],
  lang: ['residential-area', 'village'],
  'to dan pho': ['residential-area', 'residential-group'],
  'khu pho': ['residential-area', 'quarter'],
  'khu dan cu': ['residential-area', 'residential-group'],
  'co quan': ['establishment', 'agency'],
  'doanh nghiep': ['establishment', 'enterprise'],
  'co so san xuat': ['establishment', 'production-establishment'],
  'truong hoc': ['establishment', 'school'],
};

const DEFAULT_SUBKIND: Record<UnitKind, string> = {
  province: 'province',
  district: 'district',
  commune: 'commune',
  'residential-area': 'village',
  establishment: 'agency',
};

export interface CodeListRow {
  line: number;
  code: string;
  name: string;
  kind: UnitKind;
  subkind: string;
  parentCode: string | null;
  /** Optional fifth and sixth columns: the seat's latitude and longitude (WGS 84), both or neither. */
  location: { latitude: number; longitude: number } | null;
}

export interface CodeListError {
  line: number;
  field: string;
  message: string;
}

export function levelOf(text: string): [UnitKind, string] | null {
  const slug = text.trim().toLowerCase();
  const [kind, subkind] = slug.split(':') as [string, string | undefined];
  if (kind in DEFAULT_SUBKIND) return [kind as UnitKind, subkind ?? DEFAULT_SUBKIND[kind as UnitKind]];
  return LEVELS[foldForSearch(text)] ?? null;
}

// The contracts' UNIT_CODE_PATTERN (a domain library imports no other): capital letters and digits, never a pattern character.
const CODE = /^[0-9A-Z]{1,32}$/;

/** A coordinate in decimal degrees, or the problem with it. */
function degrees(text: string, field: 'latitude' | 'longitude', limit: number): number | string {
  const value = /^-?\d{1,3}(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : `"${text}" is not a ${field} in decimal degrees (−${limit} to ${limit}; vĩ độ/kinh độ dạng số thập phân)`;
}

function locationOf(line: number, latitude: string, longitude: string, errors: CodeListError[]): CodeListRow['location'] {
  if (latitude === '' && longitude === '') return null;
  if (latitude === '' || longitude === '') {
    errors.push({ line, field: latitude === '' ? 'latitude' : 'longitude', message: 'give both latitude and longitude, or neither' });
    return null;
  }
  const lat = degrees(latitude, 'latitude', 90);
  const lon = degrees(longitude, 'longitude', 180);
  if (typeof lat === 'string') errors.push({ line, field: 'latitude', message: lat });
  if (typeof lon === 'string') errors.push({ line, field: 'longitude', message: lon });
  return typeof lat === 'number' && typeof lon === 'number' ? { latitude: lat, longitude: lon } : null;
}

/** Checks one data line of a code list (code, name, kind, parent code, and optionally latitude and longitude). */
export function readCodeListRow(line: number, cells: string[]): CodeListRow | CodeListError[] {
  const [code = '', rawName = '', level = '', parent = '', latitude = '', longitude = ''] = cells.map((cell) => cell.trim());
  const errors: CodeListError[] = [];
  if (!CODE.test(code)) errors.push({ line, field: 'code', message: `"${code}" is not an official code (capital letters and digits, up to 32; mã đơn vị chỉ gồm chữ in hoa và chữ số)` });
  const name = normaliseLine(rawName);
  if (name.length === 0 || name.length > 300) errors.push({ line, field: 'name', message: 'name is empty or longer than 300 characters' });
  const kind = levelOf(level);
  if (!kind) errors.push({ line, field: 'kind', message: `"${level}" is not a known level (Tỉnh, Huyện, Thành phố, Thị xã, Xã, Phường, Thị trấn, Thôn, Tổ dân phố, … or province/district/commune/residential-area/establishment)` });
  if (parent !== '' && !CODE.test(parent)) errors.push({ line, field: 'parentCode', message: `"${parent}" is not an official code` });
  if (cells.length < 3) errors.push({ line, field: 'row', message: 'a row needs code, name, kind and (except for a province) a parent code' });
  const location = locationOf(line, latitude, longitude, errors);
  if (errors.length > 0 || !kind) return errors;
  return { line, code, name, kind: kind[0], subkind: kind[1], parentCode: parent === '' ? null : parent, location };
}
