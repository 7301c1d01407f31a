export type Language = 'vi' | 'en';

/** Every label a person reads in the report, in Vietnamese first and English. */
export const labels = {
  title: { vi: 'Báo cáo kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc', en: "Report on the people's movement for protecting national security" },
  area: { vi: 'Địa bàn', en: 'Area' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  view: { vi: 'Cách tính theo địa giới', en: 'Boundaries' },
  'as-at-time': { vi: 'Theo địa giới tại thời điểm phát sinh', en: 'As at the time' },
  'as-today': { vi: 'Theo địa giới hiện nay', en: 'As today' },
  currentAsOf: { vi: 'Số liệu cập nhật đến', en: 'Current as of' },
  metric: { vi: 'Chỉ tiêu', en: 'Measure' },
  current: { vi: 'Quý này', en: 'This quarter' },
  previousQuarter: { vi: 'Quý trước', en: 'Previous quarter' },
  sameQuarterLastYear: { vi: 'Cùng kỳ năm trước', en: 'Same quarter last year' },
  'section.movement': { vi: '1. Chất lượng phong trào và đơn vị yếu', en: '1. Movement quality and weak units' },
  'section.models': { vi: '2. Mô hình tự quản và nhân rộng mô hình tiên tiến', en: '2. Self-management models and replication' },
  'section.pilots': { vi: '3. Chỉ đạo điểm và địa bàn phức tạp', en: '3. Pilot units and hotspots' },
  'section.incidents': { vi: '4. Vụ việc theo loại', en: '4. Incidents by category' },
  'section.forces': { vi: '5. Lực lượng nòng cốt và huấn luyện', en: '5. Core forces and training' },
  strong: { vi: 'Vững mạnh', en: 'Strong' },
  fair: { vi: 'Khá', en: 'Fair' },
  average: { vi: 'Trung bình', en: 'Average' },
  weak: { vi: 'Yếu', en: 'Weak' },
  rated: { vi: 'Số đơn vị được xếp loại', en: 'Units rated' },
  certified: { vi: 'Đơn vị đạt chuẩn an toàn về ANTT (năm)', en: 'Units certified safe (year)' },
  weakUnits: { vi: 'Đơn vị yếu và kế hoạch khắc phục', en: 'Weak units and improvement plans' },
  registered: { vi: 'Mô hình mới đăng ký', en: 'Models registered' },
  interimReviews: { vi: 'Sơ kết', en: 'Interim reviews' },
  finalReviews: { vi: 'Tổng kết', en: 'Final reviews' },
  advanced: { vi: 'Được công nhận tiên tiến', en: 'Recognised as advanced' },
  replicated: { vi: 'Được nhân rộng', en: 'Replicated' },
  districtsCompliant: { vi: 'Đơn vị cấp huyện có 1–2 điểm', en: 'District-level units with 1–2 pilots' },
  districtsMissing: { vi: 'Đơn vị cấp huyện chưa có điểm', en: 'District-level units without a pilot' },
  hotspots: { vi: 'Địa bàn phức tạp về ANTT', en: 'Hotspots' },
  incidentsTotal: { vi: 'Tổng số vụ việc', en: 'Incidents' },
  sessions: { vi: 'Lớp huấn luyện', en: 'Training sessions' },
  trainees: { vi: 'Lượt người được huấn luyện', en: 'People trained' },
  hours: { vi: 'Giờ huấn luyện', en: 'Training hours' },
  teams: { vi: 'Tổ/đội', en: 'Teams' },
  members: { vi: 'Thành viên', en: 'Members' },
  'commune-police': { vi: 'Công an xã', en: 'Commune police' },
  'neighbourhood-guard': { vi: 'Bảo vệ dân phố', en: 'Neighbourhood guards' },
  'agency-guard': { vi: 'Bảo vệ cơ quan', en: 'Agency guards' },
  'enterprise-guard': { vi: 'Bảo vệ doanh nghiệp', en: 'Enterprise guards' },
  'mass-security-team': { vi: 'Tổ an ninh nhân dân', en: 'Mass security teams' },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof labels;

export function label(key: string, language: Language): string {
  return (labels as Record<string, Record<Language, string>>)[key]?.[language] ?? key;
}
