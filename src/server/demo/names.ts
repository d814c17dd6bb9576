// Vietnamese personal names for demo data: family name (họ), middle name (tên đệm), given name (tên).
import type { Prng } from "./prng.js";

/**
 * Family names with their share of the population (%), as usually cited from Lê Trung Hoa, "Họ và tên người Việt Nam"
 * (Nguyễn 38.4, Trần 12.1, Lê 9.5, Phạm 7.0, Hoàng/Huỳnh 5.1, Phan 4.5, Vũ/Võ 3.9, Đặng 2.1, Bùi 2.0, Đỗ 1.4, Hồ 1.3,
 * Ngô 1.3, Dương 1.0, Lý 0.5). Hải Phòng is in the North, where Hoàng and Vũ are the usual spellings, so the pairs are
 * split Hoàng 4.6 / Huỳnh 0.5 and Vũ 3.5 / Võ 0.4. The remaining 9.9 % is spread over other northern family names.
 */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ["Nguyễn", 38.4],
  ["Trần", 12.1],
  ["Lê", 9.5],
  ["Phạm", 7.0],
  ["Hoàng", 4.6],
  ["Huỳnh", 0.5],
  ["Phan", 4.5],
  ["Vũ", 3.5],
  ["Võ", 0.4],
  ["Đặng", 2.1],
  ["Bùi", 2.0],
  ["Đỗ", 1.4],
  ["Hồ", 1.3],
  ["Ngô", 1.3],
  ["Dương", 1.0],
  ["Lý", 0.5],
  // other family names, 9.9 % together
  ["Đinh", 1.0],
  ["Đoàn", 0.9],
  ["Trịnh", 0.8],
  ["Lương", 0.7],
  ["Mai", 0.7],
  ["Cao", 0.6],
  ["Đào", 0.6],
  ["Lưu", 0.5],
  ["Hà", 0.5],
  ["Tạ", 0.4],
  ["Vương", 0.3],
  ["Lâm", 0.3],
  ["Tô", 0.3],
  ["Chu", 0.3],
  ["Phùng", 0.2],
  ["Phí", 0.2],
  ["Kiều", 0.2],
  ["Quách", 0.2],
  ["Nghiêm", 0.2],
  ["Triệu", 0.2],
  ["Thái", 0.2],
  ["Giang", 0.2],
  ["Đồng", 0.2],
  ["Lại", 0.1],
  ["Khúc", 0.1],
];

const MALE_MIDDLE: readonly (readonly [string, number])[] = [
  ["Văn", 30],
  ["Đức", 10],
  ["Minh", 9],
  ["Quang", 7],
  ["Hữu", 6],
  ["Xuân", 5],
  ["Mạnh", 4],
  ["Thanh", 4],
  ["Ngọc", 4],
  ["Công", 4],
  ["Đình", 3],
  ["Tiến", 3],
  ["Trung", 3],
  ["Thế", 2],
  ["Hoàng", 2],
  ["Anh", 2],
  ["Duy", 2],
];

const FEMALE_MIDDLE: readonly (readonly [string, number])[] = [
  ["Thị", 45],
  ["Thu", 8],
  ["Thanh", 7],
  ["Ngọc", 6],
  ["Minh", 5],
  ["Phương", 4],
  ["Hồng", 4],
  ["Thùy", 4],
  ["Kim", 3],
  ["Bích", 3],
  ["Hải", 3],
  ["Mai", 3],
  ["Lan", 2],
  ["Diệu", 2],
  ["Khánh", 2],
];

/** Second middle names after "Thị" (Nguyễn Thị Thu Hà). */
const FEMALE_SECOND_MIDDLE = ["Thu", "Thanh", "Ngọc", "Minh", "Phương", "Hồng", "Kim", "Bích", "Mai", "Lan", "Hải", "Diệu"];

const MALE_GIVEN: readonly (readonly [string, number])[] = [
  ["Hùng", 5], ["Dũng", 5], ["Tuấn", 5], ["Hải", 5], ["Minh", 5], ["Nam", 4], ["Long", 4], ["Hưng", 4], ["Thắng", 4],
  ["Sơn", 4], ["Cường", 4], ["Hoàng", 3], ["Trung", 3], ["Đức", 3], ["Quang", 3], ["Thành", 4], ["Huy", 4], ["Anh", 4],
  ["Việt", 3], ["Bình", 3], ["An", 3], ["Khánh", 2], ["Phong", 2], ["Quân", 2], ["Tùng", 3], ["Vinh", 2], ["Toàn", 2],
  ["Đạt", 2], ["Hiếu", 2], ["Kiên", 2], ["Lâm", 2], ["Mạnh", 2], ["Nghĩa", 2], ["Phúc", 2], ["Tài", 1], ["Thịnh", 2],
  ["Tiến", 2], ["Trường", 2], ["Hòa", 2], ["Lộc", 1], ["Thái", 1], ["Khải", 1], ["Bảo", 1], ["Chiến", 2], ["Công", 1],
  ["Định", 1], ["Đông", 1], ["Hiệp", 1], ["Hậu", 1], ["Kiệt", 1], ["Lợi", 1], ["Luân", 1], ["Quý", 1], ["Tân", 1],
  ["Thông", 1], ["Tú", 1], ["Giang", 1], ["Dương", 1], ["Khoa", 1], ["Ninh", 1], ["Sáng", 1], ["Thuận", 1], ["Vượng", 1],
];

const FEMALE_GIVEN: readonly (readonly [string, number])[] = [
  ["Hương", 5], ["Lan", 4], ["Hà", 4], ["Linh", 5], ["Trang", 5], ["Thảo", 4], ["Hằng", 4], ["Huyền", 4], ["Mai", 4],
  ["Ngọc", 3], ["Phương", 4], ["Thủy", 4], ["Hoa", 3], ["Nga", 3], ["Yến", 3], ["Anh", 3], ["Dung", 3], ["Hạnh", 3],
  ["Hiền", 3], ["Hồng", 3], ["Loan", 2], ["Nhung", 2], ["Oanh", 2], ["Quỳnh", 2], ["Thu", 2], ["Tuyết", 2], ["Vân", 3],
  ["Bích", 1], ["Chi", 2], ["Duyên", 2], ["Giang", 2], ["Huệ", 2], ["Liên", 2], ["Ly", 1], ["My", 1], ["Ngân", 2],
  ["Quyên", 1], ["Thơ", 1], ["Trinh", 1], ["Uyên", 1], ["Xuân", 1], ["Lệ", 1], ["Nhàn", 1], ["Tâm", 2], ["Thanh", 2],
  ["Thúy", 2], ["Diệp", 1], ["Châu", 1], ["Đào", 1], ["An", 1], ["Hòa", 1], ["Nhi", 1], ["Vy", 1],
];

export function vietnameseName(rng: Prng, gender: "male" | "female"): string {
  const family = rng.weighted(FAMILY_NAMES);
  if (gender === "male") return `${family} ${rng.weighted(MALE_MIDDLE)} ${rng.weighted(MALE_GIVEN)}`;
  const middle = rng.weighted(FEMALE_MIDDLE);
  const second = middle === "Thị" && rng.chance(0.2) ? ` ${rng.pick(FEMALE_SECOND_MIDDLE)}` : "";
  return `${family} ${middle}${second} ${rng.weighted(FEMALE_GIVEN)}`;
}
