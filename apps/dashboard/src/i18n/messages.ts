import type { Language } from '@binh-yen/report-model';
import { documentMessages } from './document-messages';
import { analysisMessages } from './analysis-messages';
import { formMessages } from './form-messages';

export type { Language };

/** Every string the dashboard shows, Vietnamese first. */
export const messages = {
  appName: { vi: 'Bình Yên — Bảng điều khiển phân tích', en: 'Bình Yên — Analyst dashboard' },
  appShort: { vi: 'Bình Yên', en: 'Bình Yên' },
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  mainNav: { vi: 'Điều hướng chính', en: 'Main navigation' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  signedInAs: { vi: 'Đang đăng nhập', en: 'Signed in' },
  'page.overview': { vi: 'Tổng quan', en: 'Overview' },
  'page.report': { vi: 'Báo cáo quý', en: 'Quarterly report' },
  'page.submissions': { vi: 'Nộp và duyệt báo cáo', en: 'Submissions' },
  // Sign-in
  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  signInIntro: {
    vi: 'Dán mã truy cập (JWT) do hệ thống xác thực cấp cho bạn. Bạn chỉ xem được số liệu trong địa bàn và theo vai trò của mình.',
    en: 'Paste the access token (JWT) your identity provider issued. You see only the figures of your own area and role.',
  },
  token: { vi: 'Mã truy cập (JWT)', en: 'Access token (JWT)' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  demoUsers: { vi: 'Người dùng mẫu (chế độ nhúng)', en: 'Demo users (embedded mode)' },
  demoUser: { vi: 'Chọn người dùng mẫu', en: 'Pick a demo user' },
  signInAsDemo: { vi: 'Đăng nhập bằng người dùng mẫu', en: 'Sign in as demo user' },
  invalidToken: { vi: 'Mã truy cập không hợp lệ hoặc đã hết hạn.', en: 'The token is not valid or has expired.' },
  providerSignIn: { vi: 'Tài khoản của tỉnh', en: 'Province account' },
  providerSignInIntro: {
    vi: 'Đăng nhập bằng tài khoản do hệ thống định danh của tỉnh cấp. Cơ quan, vai trò và địa bàn lấy từ tài khoản của bạn.',
    en: "Sign in with the account the province's identity provider gave you. Your agency, role and area come from that account.",
  },
  signInWithProvider: { vi: 'Đăng nhập bằng tài khoản của tỉnh', en: 'Sign in with the province account' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  signInFailed: { vi: 'Đăng nhập không thành công, vui lòng thử lại.', en: 'Signing in did not succeed; please try again.' },
  sessionExpired: { vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session has expired; please sign in again.' },
  // Toolbar
  breadcrumb: { vi: 'Đường dẫn địa bàn', en: 'Area path' },
  subunits: { vi: 'Đơn vị trực thuộc', en: 'Units below' },
  noSubunits: { vi: 'Không có đơn vị cấp dưới để xem chi tiết.', en: 'No units below to drill into.' },
  yourArea: { vi: 'địa bàn của bạn', en: 'your area' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  refreshing: { vi: 'Đang cập nhật…', en: 'Refreshing…' },
  // Live
  liveConnected: { vi: 'Trực tiếp', en: 'Live' },
  liveDisconnected: { vi: 'Mất kết nối trực tiếp, đang thử lại…', en: 'Live updates lost, retrying…' },
  lag: { vi: 'sự kiện chưa xử lý', en: 'events behind' },
  'freshness.catching-up': { vi: 'đang cập nhật bù', en: 'catching up' },
  'freshness.rebalancing': { vi: 'đang khởi động lại, tạm dừng cập nhật', en: 'restarting, updates paused' },
  // Errors
  forbiddenTitle: { vi: 'Bạn không có quyền xem mục này', en: 'You may not see this' },
  forbiddenHint: {
    vi: 'Quyền truy cập theo địa bàn và vai trò của bạn. Hãy quay về địa bàn của bạn hoặc liên hệ quản trị.',
    en: 'Access follows your area and role. Go back to your area or ask an administrator.',
  },
  errorTitle: { vi: 'Không tải được dữ liệu', en: 'Could not load the data' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  backToMyArea: { vi: 'Về địa bàn của tôi', en: 'Back to my area' },
  // Overview
  overviewTitle: { vi: 'Tổng quan phong trào', en: 'Movement at a glance' },
  kpiIncidents: { vi: 'Vụ việc trong quý', en: 'Incidents this quarter' },
  kpiRated: { vi: 'Đơn vị được xếp loại', en: 'Units rated' },
  kpiWeak: { vi: 'Đơn vị yếu', en: 'Weak units' },
  kpiSubmissions: { vi: 'Báo cáo đã duyệt', en: 'Reports approved' },
  vsPrevious: { vi: 'so với quý trước', en: 'vs previous quarter' },
  chartRatings: { vi: 'Phân loại chất lượng phong trào', en: 'Movement ratings' },
  chartRatingsChange: { vi: 'Thay đổi so với quý trước', en: 'Change from the previous quarter' },
  chartIncidentsByCategory: { vi: 'Vụ việc theo loại', en: 'Incidents by category' },
  chartIncidentsOverQuarters: { vi: 'Vụ việc theo loại qua các quý', en: 'Incidents by category over quarters' },
  chartForces: { vi: 'Huấn luyện lực lượng nòng cốt', en: 'Core forces trained' },
  noWeakUnits: { vi: 'Không có đơn vị yếu trong quý.', en: 'No weak units this quarter.' },
  pilots: { vi: 'Chỉ đạo điểm: mỗi đơn vị cấp huyện 1–2 điểm', en: 'Pilot units: 1–2 per district' },
  pilotCompliant: { vi: 'Đạt', en: 'Compliant' },
  pilotMissing: { vi: 'Chưa có điểm', en: 'No pilot' },
  pilotTooMany: { vi: 'Quá 2 điểm', en: 'More than 2' },
  submissionCompliance: { vi: 'Tình hình nộp báo cáo của các đơn vị trực thuộc tỉnh', en: 'Report submissions of the units under the province' },
  otherSections: { vi: 'Các mục khác của báo cáo', en: 'Other report sections' },
  noData: { vi: 'Chưa có số liệu.', en: 'No figures yet.' },
  // Series
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  'period.quarter': { vi: 'Quý', en: 'Quarter' },
  'period.year': { vi: 'Cả năm', en: 'Whole year' },
  total: { vi: 'Tổng', en: 'Total' },
  // Report
  reportTitle: { vi: 'Báo cáo quý', en: 'Quarterly report' },
  'view.as-at-time': { vi: 'Theo địa giới tại thời điểm phát sinh', en: 'As at the time' },
  'view.as-today': { vi: 'Theo địa giới hiện nay', en: 'As today' },
  downloads: { vi: 'Tải về', en: 'Downloads' },
  downloadXlsx: { vi: 'Tải Excel (XLSX)', en: 'Download Excel (XLSX)' },
  downloadCsv: { vi: 'Tải CSV', en: 'Download CSV' },
  downloadDocx: { vi: 'Văn bản Word (DOCX)', en: 'Official document (DOCX)' },
  downloadPdf: { vi: 'Văn bản PDF', en: 'Official document (PDF)' },
  officialHint: { vi: 'Văn bản theo Nghị định 30/2020/NĐ-CP; theo báo cáo đã nộp của địa bàn nếu có, nếu không là dự thảo.', en: 'Laid out by Decree 30/2020/NĐ-CP, always in Vietnamese; from the area’s submitted report where there is one, else a draft.' },
  print: { vi: 'Bản in', en: 'Print version' },
  downloading: { vi: 'Đang tải về…', en: 'Downloading…' },
  // Submissions
  submissionsTitle: { vi: 'Nộp và duyệt báo cáo quý', en: 'Quarterly report submissions' },
  deadline: { vi: 'Hạn nộp', en: 'Deadline' },
  district: { vi: 'Đơn vị trực thuộc tỉnh', en: 'Unit under the province' },
  code: { vi: 'Mã', en: 'Code' },
  state: { vi: 'Tình trạng', en: 'State' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  'state.approved': { vi: 'Đã duyệt', en: 'Approved' },
  'state.submitted-on-time': { vi: 'Đã nộp đúng hạn', en: 'Submitted on time' },
  'state.submitted-late': { vi: 'Nộp muộn', en: 'Submitted late' },
  'state.returned': { vi: 'Bị trả lại', en: 'Returned' },
  'state.missing': { vi: 'Chưa nộp', en: 'Not yet submitted' },
  'state.overdue': { vi: 'Quá hạn', en: 'Overdue' },
  submitReport: { vi: 'Nộp báo cáo', en: 'Submit report' },
  submitFor: { vi: 'Đơn vị nộp', en: 'Reporting unit' },
  narrative: { vi: 'Nội dung báo cáo', en: 'Narrative' },
  narrativeHint: { vi: 'Tình hình, kết quả, tồn tại và kiến nghị trong quý.', en: 'The situation, results, shortcomings and proposals of the quarter.' },
  submitted: { vi: 'Đã nộp báo cáo.', en: 'Report submitted.' },
  approve: { vi: 'Duyệt', en: 'Approve' },
  returnReport: { vi: 'Trả lại', en: 'Return' },
  returnComments: { vi: 'Ý kiến khi trả lại', en: 'Comments for the district' },
  confirmReturn: { vi: 'Gửi ý kiến và trả lại', en: 'Send comments and return' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  approved: { vi: 'Đã duyệt báo cáo.', en: 'Report approved.' },
  returned: { vi: 'Đã trả lại báo cáo.', en: 'Report returned.' },
  noActions: { vi: 'Vai trò của bạn chỉ được xem.', en: 'Your role may only read.' },
  nothingToSubmit: { vi: 'Không có đơn vị nào cần nộp báo cáo.', en: 'No unit has a report to submit.' },
  // The officers' forms (ADR 0050).
  ...formMessages,
  // The official document's heading on the submit form (ADR 0043).
  ...documentMessages,
  ...analysisMessages,
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof messages;

export const roleNames: Record<string, Record<Language, string>> = {
  administrator: { vi: 'Quản trị', en: 'Administrator' },
  officer: { vi: 'Cán bộ', en: 'Officer' },
  approver: { vi: 'Lãnh đạo duyệt', en: 'Approver' },
  analyst: { vi: 'Phân tích', en: 'Analyst' },
  auditor: { vi: 'Kiểm tra', en: 'Auditor' },
  operator: { vi: 'Vận hành hệ thống', en: 'Operator' },
};
