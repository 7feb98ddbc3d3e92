/** Realistic, invented people: zh-CN and English names, identity numbers, phones, addresses. */
import type { Rng } from './random';

const CN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const CN_GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '志强', '晓东', '海燕', '文博', '子涵', '雨桐', '浩然', '思远', '佳怡', '欣怡', '宇轩'];
const CN_CITIES: { city: string; code: string; streets: string[] }[] = [
  { city: '上海市浦东新区', code: '310115', streets: ['张杨路', '世纪大道', '陆家嘴环路', '浦东南路'] },
  { city: '北京市朝阳区', code: '110105', streets: ['建国路', '朝阳北路', '望京街', '东三环中路'] },
  { city: '广州市天河区', code: '440106', streets: ['天河路', '体育西路', '黄埔大道', '中山大道'] },
  { city: '成都市武侯区', code: '510107', streets: ['人民南路', '科华北路', '武侯祠大街', '玉林路'] },
  { city: '杭州市西湖区', code: '330106', streets: ['文三路', '天目山路', '曙光路', '西溪路'] },
];
const EN_FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Noah', 'Emily', 'Jack', 'Sophie'];
const EN_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Evans', 'Walker', 'Wright', 'Roberts', 'Hughes', 'Patel', 'Khan', 'Clarke', 'Turner', 'Hall'];
const US_PLACES: { city: string; state: string; zone: string; area: string }[] = [
  { city: 'New York', state: 'NY', zone: 'America/New_York', area: '212' },
  { city: 'Chicago', state: 'IL', zone: 'America/Chicago', area: '312' },
  { city: 'Denver', state: 'CO', zone: 'America/Denver', area: '303' },
  { city: 'Los Angeles', state: 'CA', zone: 'America/Los_Angeles', area: '213' },
  { city: 'Atlanta', state: 'GA', zone: 'America/New_York', area: '404' },
  { city: 'Phoenix', state: 'AZ', zone: 'America/Phoenix', area: '602' },
];
const UK_PLACES = ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol', 'Cardiff', 'Belfast'];
const STREETS_EN = ['High Street', 'Station Road', 'Main Street', 'Park Avenue', 'Church Lane', 'Oak Drive', 'Maple Street', 'Victoria Road'];

/** China resident identity number with its ISO 7064 MOD 11-2 check character. */
function cnNationalId(rng: Rng, areaCode: string): string {
  const year = rng.int(1965, 2002);
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const seq = String(rng.int(1, 999)).padStart(3, '0');
  const body = `${areaCode}${year}${month}${day}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * (weights[i] ?? 0), 0);
  return body + '10X98765432'[sum % 11];
}

export interface DemoPerson {
  name: string;
  nationalId: string;
  address: string;
  timezones: string[];
  locale: 'zh-CN' | 'en';
  mobile: string;
  mobileZone: string | null;
  email: string;
  relativeName: string;
  relativePhone: string;
}

export function cnPerson(rng: Rng): DemoPerson {
  const place = rng.pick(CN_CITIES);
  const name = rng.pick(CN_SURNAMES) + rng.pick(CN_GIVEN);
  return {
    name,
    nationalId: cnNationalId(rng, place.code),
    address: `${place.city}${rng.pick(place.streets)}${rng.int(1, 999)}号${rng.int(1, 30)}栋${rng.int(101, 2808)}室`,
    timezones: ['Asia/Shanghai'],
    locale: 'zh-CN',
    mobile: `1${rng.pick(['38', '39', '58', '86', '88', '35', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    mobileZone: null,
    email: `user${rng.int(10_000, 99_999)}@example.cn`,
    relativeName: rng.pick(CN_SURNAMES) + rng.pick(CN_GIVEN),
    relativePhone: `1${rng.pick(['36', '37', '50', '51', '89'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
  };
}

export function usPerson(rng: Rng): DemoPerson {
  const place = rng.pick(US_PLACES);
  // A phone area code can point to another zone than the address: the engine checks both.
  const phonePlace = rng.chance(0.15) ? rng.pick(US_PLACES) : place;
  const first = rng.pick(EN_FIRST);
  const last = rng.pick(EN_LAST);
  return {
    name: `${first} ${last}`,
    nationalId: `${rng.int(100, 665)}-${String(rng.int(1, 99)).padStart(2, '0')}-${String(rng.int(1, 9999)).padStart(4, '0')}`,
    address: `${rng.int(10, 9999)} ${rng.pick(STREETS_EN)}, ${place.city}, ${place.state} ${rng.int(10_000, 99_999)}`,
    timezones: [place.zone],
    locale: 'en',
    mobile: `+1${phonePlace.area}${String(rng.int(2_000_000, 9_999_999))}`,
    mobileZone: phonePlace.zone,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${rng.int(1, 99)}@example.com`,
    relativeName: `${rng.pick(EN_FIRST)} ${last}`,
    relativePhone: `+1${rng.pick(US_PLACES).area}${String(rng.int(2_000_000, 9_999_999))}`,
  };
}

export function ukPerson(rng: Rng): DemoPerson {
  const first = rng.pick(EN_FIRST);
  const last = rng.pick(EN_LAST);
  const letters = 'ABCEGHJKLMNPRSTWXYZ';
  const ni = `${rng.pick([...letters])}${rng.pick([...letters])}${String(rng.int(0, 999_999)).padStart(6, '0')}${rng.pick(['A', 'B', 'C', 'D'])}`;
  return {
    name: `${first} ${last}`,
    nationalId: ni,
    address: `${rng.int(1, 250)} ${rng.pick(STREETS_EN)}, ${rng.pick(UK_PLACES)}`,
    timezones: ['Europe/London'],
    locale: 'en',
    mobile: `+447${String(rng.int(100_000_000, 999_999_999))}`,
    mobileZone: null,
    email: `${first.toLowerCase()}${rng.int(1, 999)}@example.co.uk`,
    relativeName: `${rng.pick(EN_FIRST)} ${last}`,
    relativePhone: `+447${String(rng.int(100_000_000, 999_999_999))}`,
  };
}
