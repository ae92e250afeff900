import { viJourney } from './areas/journey.js';
import { viSubmit } from './areas/submit.js';
import { viScanReceipt } from './areas/scan-receipt.js';
import { viGuideTrack } from './areas/guide-track.js';
import { viDiagnostics } from './areas/diagnostics.js';

// The source of truth for every word the kiosk shows. Vietnamese first; en.ts must carry
// exactly these keys (checked by TypeScript and by tests/unit/renderer/i18n.test.ts).
export const vi = {
  'app.title': 'Ki-ốt dịch vụ công',
  'corner.label': 'Khu vực dành cho kỹ thuật viên',

  'booting.title': 'Ki-ốt đang khởi động…',
  'booting.body': 'Xin vui lòng chờ trong giây lát.',
  'outOfService.title': 'Ki-ốt tạm ngừng phục vụ',
  'outOfService.body': 'Chúng tôi đang khắc phục. Bạn có thể đến bộ phận một cửa của phường, xã hoặc quay lại sau.',
  'outOfService.retry': 'Thử lại',
  'outOfService.autoRetry': 'Ki-ốt sẽ tự thử lại sau ít giây.',

  'attract.touchToStart': 'Chạm vào màn hình để bắt đầu',
  'attract.starting': 'Đang mở…',
  'attract.startFailed': 'Chưa mở được. Vui lòng chạm lại.',

  'home.greeting': 'Xin chào! Bạn cần làm gì?',
  'home.choice.submit': 'Nộp hồ sơ',
  'home.choice.submit.hint': 'Nộp hồ sơ thủ tục hành chính',
  'home.choice.track': 'Tra cứu hồ sơ',
  'home.choice.track.hint': 'Xem hồ sơ đã nộp đang ở bước nào',
  'home.choice.guide': 'Hướng dẫn thủ tục',
  'home.choice.guide.hint': 'Cần giấy tờ gì, nộp ở đâu, mất bao lâu',
  'home.choice.rate': 'Đánh giá',
  'home.choice.rate.hint': 'Cho ý kiến về chất lượng phục vụ',
  'home.choice.help': 'Hỗ trợ',
  'home.choice.help.hint': 'Số điện thoại và cách được giúp đỡ',
  'home.language': 'Ngôn ngữ',
  'home.end': 'Kết thúc',

  'locale.vi': 'Tiếng Việt',
  'locale.en': 'English',

  'notAvailable.title': 'Chức năng này chưa có trên ki-ốt này',
  'notAvailable.stillWorks': 'Bạn vẫn có thể:',
  'notAvailable.online': 'Nộp và tra cứu hồ sơ trực tuyến tại dichvucong.gov.vn',
  'notAvailable.counter': 'Đến bộ phận một cửa của phường, xã để được hướng dẫn',
  'notAvailable.hotline': 'Gọi tổng đài hỗ trợ: {phone} ({hours})',
  'common.back': 'Quay lại',

  'idle.title': 'Bạn còn đang sử dụng không?',
  'idle.countdown': 'Phiên sẽ kết thúc sau {seconds} giây',
  'idle.privacy': 'Khi kết thúc, mọi thông tin của bạn trên ki-ốt sẽ được xóa.',
  'idle.stillHere': 'Tôi vẫn đang sử dụng',

  'disconnected.title': 'Ki-ốt tạm ngừng phục vụ',
  'disconnected.body': 'Đang kết nối lại, xin vui lòng chờ…',

  'ending.title': 'Đang kết thúc phiên…',

  'pin.title': 'Chế độ kỹ thuật',
  'pin.prompt': 'Nhập mã PIN',
  'pin.role.technician': 'Kỹ thuật viên',
  'pin.role.officer': 'Cán bộ một cửa',
  'pin.clear': 'Xóa',
  'pin.submit': 'Xác nhận',
  'pin.cancel': 'Hủy',
  'pin.checking': 'Đang kiểm tra…',
  'pin.digitsEntered': 'Đã nhập {count} chữ số',
  'pin.rejected': 'Mã PIN không đúng. Vui lòng thử lại.',
  'pin.lockedSeconds': 'Nhập sai quá nhiều lần. Vui lòng đợi {seconds} giây rồi thử lại.',
  'pin.lockedMinutes': 'Nhập sai quá nhiều lần. Vui lòng đợi {minutes} phút rồi thử lại.',

  'error.UnknownMethod': 'Ki-ốt gặp lỗi phần mềm. Vui lòng gọi tổng đài hỗ trợ.',
  'error.InvalidArguments': 'Thông tin chưa hợp lệ. Vui lòng kiểm tra rồi thử lại.',
  'error.Internal': 'Ki-ốt gặp sự cố. Vui lòng thử lại hoặc gọi tổng đài hỗ trợ.',
  'error.NotAvailable': 'Chức năng này hiện chưa dùng được. Vui lòng đến bộ phận một cửa.',
  'error.SessionNotFound': 'Phiên làm việc đã hết hạn. Vui lòng bắt đầu lại.',
  'error.PinRejected': 'Mã PIN không đúng. Vui lòng thử lại.',
  'error.PinLocked': 'Nhập sai quá nhiều lần. Vui lòng đợi rồi thử lại.',
  'error.ConfigInvalid': 'Ki-ốt đang được cài đặt lại. Vui lòng quay lại sau.',
  'error.DeviceOffline': 'Thiết bị đang tạm ngừng. Vui lòng thử lại sau hoặc đến bộ phận một cửa.',
  'error.TransportClosed': 'Ki-ốt đang kết nối lại. Vui lòng chờ trong giây lát.',
  'error.NoDevice': 'Ki-ốt chưa có thiết bị này. Vui lòng đến bộ phận một cửa.',
  'error.DeviceBusy': 'Thiết bị đang bận. Vui lòng chờ một chút rồi thử lại.',
  'error.PaperOut': 'Máy in hết giấy. Vui lòng báo cán bộ hoặc gọi tổng đài hỗ trợ.',
  'error.PaperJam': 'Máy in bị kẹt giấy. Vui lòng báo cán bộ hoặc gọi tổng đài hỗ trợ.',
  'error.CoverOpen': 'Nắp thiết bị đang mở. Vui lòng đóng nắp rồi thử lại.',
  'error.FeederEmpty': 'Chưa có giấy trong khay quét. Vui lòng đặt giấy tờ vào khay rồi thử lại.',
  'error.ScanJam': 'Giấy bị kẹt trong máy quét. Vui lòng lấy giấy ra rồi thử lại.',
  'error.DeviceTimeout': 'Thiết bị không phản hồi. Vui lòng thử lại.',
  'error.Cancelled': 'Đã hủy thao tác.',
  'error.InvalidIdPayload': 'Không đọc được thẻ CCCD. Vui lòng đặt lại thẻ hoặc nhập số CCCD bằng tay.',
  'error.NotAuthorized': 'Chức năng này chỉ dành cho cán bộ kỹ thuật.',
  'error.DiskFull': 'Ki-ốt tạm thời không nhận thêm hồ sơ. Vui lòng nộp tại bộ phận một cửa hoặc thử lại sau.',
  'error.OutboxIo': 'Ki-ốt gặp sự cố khi lưu hồ sơ. Vui lòng thử lại hoặc đến bộ phận một cửa.',
  'error.InvalidDossier': 'Hồ sơ còn thiếu thông tin. Vui lòng kiểm tra lại các bước.',
  'error.DossierNotFound': 'Không tìm thấy hồ sơ với mã này. Vui lòng kiểm tra lại mã trên biên nhận.',
  'error.InvalidState': 'Thao tác này không áp dụng được lúc này. Vui lòng tải lại rồi thử lại.',
  'error.ExportFailed': 'Không ghi được vào thư mục đã chọn. Vui lòng kiểm tra ổ USB còn trống và chưa bị khóa ghi.',

  ...viJourney,
  ...viSubmit,
  ...viScanReceipt,
  ...viGuideTrack,
  ...viDiagnostics,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
/** Every catalog must word every key: a missing or extra key is a type error. */
export type Messages = { readonly [K in MessageKey]: string };
