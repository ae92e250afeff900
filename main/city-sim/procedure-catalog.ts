// The procedures the simulated city offers kiosks (codes from shared/domain/procedures.md).
export interface CatalogEntry {
  code: string;
  name: string;
  version: string;
  acceptsKiosk: boolean;
  /** when the city last changed the entry; `since` filters on it */
  updatedAt: string;
}

export const defaultCatalog: CatalogEntry[] = [
  { code: '1.000894', name: 'Đăng ký kết hôn', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: '1.004746', name: 'Đăng ký lại kết hôn', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: '1.004837', name: 'Đăng ký giám hộ', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: '1.004845', name: 'Đăng ký chấm dứt giám hộ', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', version: '2025.2', acceptsKiosk: true, updatedAt: '2025-09-15T00:00:00+07:00' },
  { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: '1.013225', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', version: '2025.3', acceptsKiosk: true, updatedAt: '2025-11-01T00:00:00+07:00' },
  {
    code: '1.013792',
    name: 'Cấp Giấy chứng nhận đủ điều kiện điểm cung cấp dịch vụ trò chơi điện tử công cộng',
    version: '2025.1',
    acceptsKiosk: false,
    updatedAt: '2025-07-01T00:00:00+07:00',
  },
  // procedures the facts give no national code for: the kiosk catalog's local ids, so a
  // procedure sync against the simulator knows every procedure the embedded site offers
  { code: 'LOCAL-GPXD-SUACHUA', name: 'Cấp giấy phép xây dựng sửa chữa, cải tạo nhà ở riêng lẻ', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: 'LOCAL-LDVH-THICONG', name: 'Cấp phép sử dụng tạm thời lòng đường, vỉa hè để thi công, sửa chữa công trình', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: 'LOCAL-LDVH-GIUXE', name: 'Cấp phép sử dụng tạm thời lòng đường, vỉa hè để trông giữ xe', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: 'LOCAL-LDVH-SUKIEN', name: 'Cấp phép sử dụng tạm thời lòng đường, vỉa hè để tổ chức hoạt động văn hóa, xã hội', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: 'LOCAL-TCDT-SUADOI', name: 'Sửa đổi, bổ sung Giấy chứng nhận đủ điều kiện điểm cung cấp dịch vụ trò chơi điện tử công cộng', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: 'LOCAL-TCDT-GIAHAN', name: 'Gia hạn Giấy chứng nhận đủ điều kiện điểm cung cấp dịch vụ trò chơi điện tử công cộng', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
  { code: 'LOCAL-TCDT-CAPLAI', name: 'Cấp lại Giấy chứng nhận đủ điều kiện điểm cung cấp dịch vụ trò chơi điện tử công cộng', version: '2025.1', acceptsKiosk: true, updatedAt: '2025-07-01T00:00:00+07:00' },
];
