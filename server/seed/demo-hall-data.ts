/** A realistic district centre (区行政服务中心) for demos and first starts. */
import type { Complexity, CounterType } from '../protocol/views';

export interface DemoMatter {
  code: string;
  name: string;
  department: string;
  complexity: Complexity;
  prefix: string;
  materials: string[];
  legal: number | null;
  promised: number | null;
  flags?: { zeroMaterial?: boolean; fullyOnline?: boolean; onTheSpot?: boolean };
}

export interface DemoZone {
  code: string;
  name: string;
  /** Where its visitors wait, printed on its tickets. */
  location: string;
  matters: DemoMatter[];
}

/** The demo hall's service hotline (printed on every ticket). */
export const DEMO_HOTLINE = '021-64871234';

const idCard = '申请人身份证件';
export const DEMO_ZONES: DemoZone[] = [
  {
    code: 'FR',
    name: '法人服务区',
    location: '1楼东侧',
    matters: [
      { code: '11310110MB2F00001A', name: '企业设立登记', department: '区市场监督管理局', complexity: 'general', prefix: 'A', materials: ['公司登记（备案）申请书', '公司章程', '法定代表人身份证件', '住所使用证明'], legal: 15, promised: 1, flags: { onTheSpot: true } },
      { code: '11310110MB2F00002A', name: '营业执照变更登记', department: '区市场监督管理局', complexity: 'general', prefix: 'A', materials: ['变更登记申请书', '股东会决议', '营业执照正副本'], legal: 15, promised: 1 },
      { code: '11310110MB2F00003A', name: '企业注销登记', department: '区市场监督管理局', complexity: 'complex', prefix: 'A', materials: ['注销登记申请书', '清算报告', '清税证明'], legal: 15, promised: 3 },
      { code: '11310110MB2F00004A', name: '公章刻制备案', department: '区公安分局', complexity: 'general', prefix: 'A', materials: ['营业执照', '法定代表人身份证件'], legal: 5, promised: 1, flags: { zeroMaterial: false, onTheSpot: true } },
      { code: '11310110MB2F00005B', name: '食品经营许可', department: '区市场监督管理局', complexity: 'complex', prefix: 'B', materials: ['食品经营许可申请书', '营业执照', '经营场所平面图', '食品安全管理制度'], legal: 20, promised: 5 },
      { code: '11310110MB2F00006B', name: '发票申领', department: '区税务局', complexity: 'general', prefix: 'B', materials: ['经办人身份证件', '税务登记信息'], legal: 5, promised: 1, flags: { fullyOnline: true } },
      { code: '11310110MB2F00007B', name: '建设工程施工许可', department: '区建设和管理委员会', complexity: 'complex', prefix: 'B', materials: ['施工许可申请表', '建设工程规划许可证', '施工合同', '安全施工措施资料'], legal: 15, promised: 5 },
      { code: '11310110MB2F00008B', name: '人力资源服务许可', department: '区人力资源和社会保障局', complexity: 'complex', prefix: 'B', materials: ['申请书', '营业执照', '专职工作人员名单', '经营场所证明'], legal: 20, promised: 10 },
    ],
  },
  {
    code: 'ZR',
    name: '自然人服务区',
    location: '1楼西侧',
    matters: [
      { code: '11310110MB2F00101C', name: '社保登记', department: '区社会保险事业管理中心', complexity: 'general', prefix: 'C', materials: [idCard], legal: 15, promised: 1, flags: { onTheSpot: true } },
      { code: '11310110MB2F00102C', name: '社会保障卡补换', department: '区社会保险事业管理中心', complexity: 'general', prefix: 'C', materials: [idCard, '近期免冠照片'], legal: 10, promised: 1, flags: { onTheSpot: true } },
      { code: '11310110MB2F00103C', name: '城乡居民医保参保登记', department: '区医疗保障局', complexity: 'general', prefix: 'C', materials: [idCard, '户口簿'], legal: 10, promised: 1 },
      { code: '11310110MB2F00104C', name: '住房公积金提取', department: '区住房公积金管理中心', complexity: 'general', prefix: 'C', materials: [idCard, '提取证明材料', '本人银行卡'], legal: 3, promised: 1 },
      { code: '11310110MB2F00105C', name: '退休待遇申领', department: '区社会保险事业管理中心', complexity: 'complex', prefix: 'C', materials: [idCard, '退休审批表', '档案材料'], legal: 20, promised: 10 },
      { code: '11310110MB2F00106D', name: '居住证办理', department: '区公安分局', complexity: 'general', prefix: 'D', materials: [idCard, '居住登记凭证', '近期免冠照片'], legal: 15, promised: 10 },
      { code: '11310110MB2F00107D', name: '户籍迁移', department: '区公安分局', complexity: 'complex', prefix: 'D', materials: [idCard, '户口簿', '准予迁入证明'], legal: 20, promised: 10 },
      { code: '11310110MB2F00108D', name: '残疾人证办理', department: '区残疾人联合会', complexity: 'complex', prefix: 'D', materials: [idCard, '残疾评定表', '近期免冠照片'], legal: 30, promised: 15 },
      { code: '11310110MB2F00109E', name: '出入境证件办理', department: '区公安分局出入境管理办公室', complexity: 'general', prefix: 'E', materials: [idCard, '出入境证件照片回执'], legal: 7, promised: 7 },
    ],
  },
  {
    code: 'BDC',
    name: '不动产服务区',
    location: '2楼东侧',
    matters: [
      { code: '11310110MB2F00201F', name: '不动产转移登记', department: '区不动产登记中心', complexity: 'complex', prefix: 'F', materials: ['不动产登记申请书', '买卖合同', '完税凭证', '不动产权证书', '双方身份证件'], legal: 30, promised: 5 },
      { code: '11310110MB2F00202F', name: '不动产抵押登记', department: '区不动产登记中心', complexity: 'general', prefix: 'F', materials: ['不动产登记申请书', '抵押合同', '主债权合同', '不动产权证书'], legal: 30, promised: 3 },
      { code: '11310110MB2F00203F', name: '不动产首次登记', department: '区不动产登记中心', complexity: 'complex', prefix: 'F', materials: ['不动产登记申请书', '土地权属来源材料', '竣工验收材料', '测绘报告'], legal: 30, promised: 10 },
      { code: '11310110MB2F00204G', name: '不动产登记资料查询', department: '区不动产登记中心', complexity: 'general', prefix: 'G', materials: [idCard], legal: 1, promised: 0, flags: { onTheSpot: true } },
      { code: '11310110MB2F00205G', name: '存量房交易税费申报', department: '区税务局', complexity: 'complex', prefix: 'G', materials: ['买卖合同', '双方身份证件', '不动产权证书'], legal: 5, promised: 1 },
    ],
  },
  {
    code: 'ZH',
    name: '综合服务区',
    location: '1楼大厅中央',
    matters: [
      { code: 'ZH-001', name: '政务服务咨询', department: '区政务服务中心', complexity: 'general', prefix: 'Z', materials: [], legal: null, promised: null, flags: { zeroMaterial: true, onTheSpot: true } },
      { code: 'ZH-002', name: '证照统一领取', department: '区政务服务中心', complexity: 'general', prefix: 'Q', materials: ['取件凭证', idCard], legal: null, promised: null, flags: { onTheSpot: true } },
      { code: 'ZH-003', name: '帮办代办服务', department: '区政务服务中心', complexity: 'general', prefix: 'H', materials: [], legal: null, promised: null, flags: { zeroMaterial: true } },
      { code: 'ZH-004', name: '“办不成事”反映', department: '区政务服务中心', complexity: 'general', prefix: 'K', materials: [], legal: null, promised: null, flags: { zeroMaterial: true } },
      { code: 'ZH-005', name: '长三角跨省通办', department: '区政务服务中心', complexity: 'complex', prefix: 'X', materials: [idCard, '异地业务申请材料'], legal: null, promised: 5 },
    ],
  },
];

export interface DemoCounter {
  number: number;
  name: string;
  type: CounterType;
  zone: string | null;
  /** Matter names; '*zone' means every matter of its zone. */
  matters: string[];
  preferred?: string[];
}

const zoneMatters = (code: string) => DEMO_ZONES.find((z) => z.code === code)!.matters.map((m) => m.name);
const general = (code: string) => DEMO_ZONES.find((z) => z.code === code)!.matters.filter((m) => m.complexity === 'general').map((m) => m.name);

export const DEMO_COUNTERS: DemoCounter[] = [
  { number: 1, name: '法人综合受理窗口', type: 'comprehensive', zone: 'FR', matters: zoneMatters('FR') },
  { number: 2, name: '法人综合受理窗口', type: 'comprehensive', zone: 'FR', matters: zoneMatters('FR') },
  { number: 3, name: '食品经营许可专业窗口', type: 'professional', zone: 'FR', matters: ['食品经营许可', '企业设立登记'], preferred: ['食品经营许可'] },
  { number: 4, name: '自然人综合受理窗口', type: 'comprehensive', zone: 'ZR', matters: zoneMatters('ZR') },
  { number: 5, name: '自然人综合受理窗口', type: 'comprehensive', zone: 'ZR', matters: zoneMatters('ZR') },
  { number: 6, name: '出入境专业窗口', type: 'professional', zone: 'ZR', matters: ['出入境证件办理', '居住证办理'], preferred: ['出入境证件办理'] },
  { number: 7, name: '不动产综合受理窗口', type: 'comprehensive', zone: 'BDC', matters: zoneMatters('BDC') },
  { number: 8, name: '不动产综合受理窗口', type: 'comprehensive', zone: 'BDC', matters: zoneMatters('BDC') },
  { number: 9, name: '综合咨询导办台', type: 'consultation', zone: 'ZH', matters: ['政务服务咨询'] },
  { number: 10, name: '统一出件窗口', type: 'pickup', zone: 'ZH', matters: ['证照统一领取'] },
  { number: 11, name: '帮办代办窗口', type: 'assisted', zone: 'ZH', matters: ['帮办代办服务', ...general('ZR')], preferred: ['帮办代办服务'] },
  { number: 12, name: '“办不成事”反映窗口', type: 'complaint', zone: 'ZH', matters: ['“办不成事”反映'] },
  { number: 13, name: '长三角跨省通办专窗', type: 'cross_region', zone: 'ZH', matters: ['长三角跨省通办'] },
  { number: 14, name: '延时服务窗口', type: 'after_hours', zone: 'ZH', matters: [...general('ZR'), '证照统一领取'] },
];

export const DEMO_PASSWORD = 'yichuang2026';
export const DEMO_STAFF = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' as const },
  { username: 'manager', displayName: '王主任', role: 'manager' as const },
  { username: 'staff1', displayName: '李娜', role: 'staff' as const },
  { username: 'staff2', displayName: '张伟', role: 'staff' as const },
  { username: 'staff3', displayName: '刘洋', role: 'staff' as const },
  { username: 'staff4', displayName: '陈静', role: 'staff' as const },
];

/** Demo back-office reviewers (后台审批) and the departments they work for. */
export const DEMO_REVIEWERS = [
  { username: 'reviewer1', displayName: '赵审批', departments: ['区市场监督管理局', '区公安分局'] },
  { username: 'reviewer2', displayName: '孙审批', departments: ['区不动产登记中心', '区税务局', '区社会保险事业管理中心'] },
];

/** Demo-only device tokens, so a new user can open the kiosk and wall display straight away. */
export const DEMO_DEVICES = [
  { kind: 'kiosk' as const, name: '一楼大厅自助取号机', token: 'dv_demo-kiosk-1' },
  { kind: 'display' as const, name: '一楼大厅综合屏', token: 'dv_demo-display-1' },
];

/** Demo-only evaluator pads (评价器), each paired to a counter by its number. */
export const DEMO_PADS = [
  { name: '1号窗口评价器', counter: 1, token: 'dv_demo-pad-1' },
  { name: '4号窗口评价器', counter: 4, token: 'dv_demo-pad-4' },
];
