/**
 * 办事指南 of every demo matter, in the wording a district guide uses. Materials are
 * [name, form, copies, required, tolerable (容缺), note]. Limits and 当场办结 stay on the matter.
 */
import type { DeliveryMethod } from '../protocol/cases';
import type { MaterialForm } from '../domain/case-materials';

type M = [name: string, form: MaterialForm, copies: number, required: boolean, tolerable: boolean, note: string | null];

export interface DemoGuide {
  materials: M[];
  conditions: string;
  fee: string;
  result: string;
  delivery: DeliveryMethod[];
  basis: string;
}

const ID: M = ['申请人身份证件', 'original', 1, true, false, '核验原件后退还'];
const PHOTO: M = ['近期免冠照片', 'original', 2, true, true, '白底一寸彩色照片，可现场拍摄'];
const NO_FEE = '不收费';

export const DEMO_GUIDES: Record<string, DemoGuide> = {
  企业设立登记: {
    materials: [
      ['公司登记（备案）申请书', 'original', 1, true, false, '法定代表人签署'],
      ['公司章程', 'original', 1, true, false, '全体股东签署'],
      ['法定代表人身份证件', 'copy', 1, true, false, null],
      ['住所使用证明', 'copy', 1, true, true, '租赁合同或产权证明；可容缺后补'],
      ['股东主体资格证明', 'copy', 1, false, false, '股东为企业的提交'],
    ],
    conditions: '申请人为拟设立企业的投资人或其委托的代理人，名称已通过自主申报。',
    fee: NO_FEE,
    result: '营业执照',
    delivery: ['pickup', 'post', 'electronic'],
    basis: '《中华人民共和国市场主体登记管理条例》第十九条',
  },
  营业执照变更登记: {
    materials: [
      ['变更登记申请书', 'original', 1, true, false, null],
      ['股东会决议', 'original', 1, true, false, '涉及章程修改的一并提交章程修正案'],
      ['营业执照正副本', 'original', 1, true, false, '领取新照时交回'],
    ],
    conditions: '已登记的企业登记事项发生变更。',
    fee: NO_FEE,
    result: '营业执照（变更后）',
    delivery: ['pickup', 'post'],
    basis: '《中华人民共和国市场主体登记管理条例》第二十四条',
  },
  企业注销登记: {
    materials: [
      ['注销登记申请书', 'original', 1, true, false, null],
      ['清算报告', 'original', 1, true, false, '经股东会确认'],
      ['清税证明', 'original', 1, true, true, '可容缺，承诺期内补交'],
      ['营业执照正副本', 'original', 1, true, false, null],
    ],
    conditions: '企业已完成清算，无未结清债权债务。',
    fee: NO_FEE,
    result: '准予注销登记通知书',
    delivery: ['pickup', 'post'],
    basis: '《中华人民共和国市场主体登记管理条例》第三十一条',
  },
  公章刻制备案: {
    materials: [
      ['营业执照', 'copy', 1, true, false, null],
      ['法定代表人身份证件', 'copy', 1, true, false, null],
    ],
    conditions: '已取得营业执照的企业。',
    fee: '政府购买服务，首套印章免费',
    result: '印章及备案回执',
    delivery: ['pickup'],
    basis: '《印铸刻字业暨公章刻制管理办法》',
  },
  食品经营许可: {
    materials: [
      ['食品经营许可申请书', 'original', 1, true, false, null],
      ['营业执照', 'copy', 1, true, false, null],
      ['经营场所平面图', 'original', 1, true, false, '标明设备布局和卫生设施'],
      ['食品安全管理制度', 'original', 1, true, true, '可容缺，现场核查前补交'],
      ['食品安全管理人员健康证明', 'copy', 1, false, false, null],
    ],
    conditions: '具有与经营的食品品种、数量相适应的经营场所和设备设施。',
    fee: NO_FEE,
    result: '食品经营许可证',
    delivery: ['pickup', 'post', 'electronic'],
    basis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
  },
  发票申领: {
    materials: [
      ['经办人身份证件', 'original', 1, true, false, null],
      ['税务登记信息', 'copy', 1, true, false, '已实行“多证合一”的提供营业执照'],
    ],
    conditions: '已办理税务信息确认的纳税人。',
    fee: NO_FEE,
    result: '发票',
    delivery: ['pickup', 'post'],
    basis: '《中华人民共和国发票管理办法》第十五条',
  },
  建设工程施工许可: {
    materials: [
      ['施工许可申请表', 'original', 1, true, false, null],
      ['建设工程规划许可证', 'copy', 1, true, false, null],
      ['施工合同', 'copy', 1, true, false, null],
      ['安全施工措施资料', 'original', 1, true, true, '可容缺，开工前补交'],
    ],
    conditions: '已办理用地批准手续，取得规划许可证，施工场地已具备施工条件。',
    fee: NO_FEE,
    result: '建筑工程施工许可证',
    delivery: ['pickup', 'electronic'],
    basis: '《中华人民共和国建筑法》第七条、第八条',
  },
  人力资源服务许可: {
    materials: [
      ['申请书', 'original', 1, true, false, null],
      ['营业执照', 'copy', 1, true, false, null],
      ['专职工作人员名单', 'original', 1, true, false, '附学历或资格证明'],
      ['经营场所证明', 'copy', 1, true, true, '可容缺后补'],
    ],
    conditions: '有明确的业务范围、章程和管理制度，有与开展业务相适应的场所、设施和专职人员。',
    fee: NO_FEE,
    result: '人力资源服务许可证',
    delivery: ['pickup', 'post'],
    basis: '《人力资源市场暂行条例》第十八条',
  },
  社保登记: {
    materials: [ID, ['劳动合同', 'copy', 1, false, false, '单位参保人员提供']],
    conditions: '在本区就业或居住的人员。',
    fee: NO_FEE,
    result: '社会保险登记信息',
    delivery: ['electronic'],
    basis: '《中华人民共和国社会保险法》第五十七条、第五十八条',
  },
  社会保障卡补换: {
    materials: [ID, PHOTO],
    conditions: '社会保障卡遗失、损坏或信息变更。',
    fee: '补卡工本费 20 元；换卡不收费',
    result: '社会保障卡',
    delivery: ['pickup'],
    basis: '《社会保障卡管理办法》',
  },
  城乡居民医保参保登记: {
    materials: [ID, ['户口簿', 'original', 1, true, false, '核验后退还']],
    conditions: '本区户籍或持有本区居住证、未参加职工医保的人员。',
    fee: NO_FEE,
    result: '参保登记信息',
    delivery: ['electronic'],
    basis: '《国务院关于整合城乡居民基本医疗保险制度的意见》',
  },
  住房公积金提取: {
    materials: [ID, ['提取证明材料', 'copy', 1, true, false, '购房合同、租房证明或退休证明等'], ['本人银行卡', 'original', 1, true, false, '一类借记卡']],
    conditions: '符合购房、租房、退休等提取条件的缴存职工。',
    fee: NO_FEE,
    result: '提取到账',
    delivery: ['electronic'],
    basis: '《住房公积金管理条例》第二十四条',
  },
  退休待遇申领: {
    materials: [ID, ['退休审批表', 'original', 2, true, false, '单位盖章'], ['档案材料', 'original', 1, true, false, '人事档案'], ['本人银行卡', 'copy', 1, true, true, '可容缺，首次发放前补交']],
    conditions: '达到法定退休年龄且累计缴费满 15 年。',
    fee: NO_FEE,
    result: '养老保险待遇核定表',
    delivery: ['pickup', 'post'],
    basis: '《中华人民共和国社会保险法》第十六条',
  },
  居住证办理: {
    materials: [ID, ['居住登记凭证', 'original', 1, true, false, '居住满半年'], PHOTO],
    conditions: '在本市居住半年以上，有合法稳定就业、住所或连续就读。',
    fee: '首次申领不收费',
    result: '居住证',
    delivery: ['pickup', 'post'],
    basis: '《居住证暂行条例》第九条',
  },
  户籍迁移: {
    materials: [ID, ['户口簿', 'original', 1, true, false, null], ['准予迁入证明', 'original', 1, true, false, '迁入地公安机关出具']],
    conditions: '符合本市户口迁入政策。',
    fee: NO_FEE,
    result: '户口迁移证',
    delivery: ['pickup'],
    basis: '《中华人民共和国户口登记条例》第十条',
  },
  残疾人证办理: {
    materials: [ID, ['残疾评定表', 'original', 1, true, false, '指定医疗机构出具'], PHOTO],
    conditions: '符合残疾标准的本区户籍人员。',
    fee: NO_FEE,
    result: '中华人民共和国残疾人证',
    delivery: ['pickup', 'post'],
    basis: '《中华人民共和国残疾人保障法》',
  },
  出入境证件办理: {
    materials: [ID, ['出入境证件照片回执', 'original', 1, true, false, '数字相片回执']],
    conditions: '中国公民申请普通护照、往来港澳台通行证及签注。',
    fee: '普通护照 120 元',
    result: '出入境证件',
    delivery: ['pickup', 'post'],
    basis: '《中华人民共和国护照法》第四条',
  },
  不动产转移登记: {
    materials: [
      ['不动产登记申请书', 'original', 1, true, false, null],
      ['买卖合同', 'original', 1, true, false, '网签备案合同'],
      ['完税凭证', 'original', 1, true, true, '可容缺，领证前补交'],
      ['不动产权证书', 'original', 1, true, false, null],
      ['双方身份证件', 'original', 1, true, false, '核验后退还'],
    ],
    conditions: '不动产权属清晰、无查封，买卖双方共同申请。',
    fee: '住宅 80 元/件',
    result: '不动产权证书',
    delivery: ['pickup', 'post', 'electronic'],
    basis: '《不动产登记暂行条例》第十四条',
  },
  不动产抵押登记: {
    materials: [
      ['不动产登记申请书', 'original', 1, true, false, null],
      ['抵押合同', 'original', 1, true, false, null],
      ['主债权合同', 'original', 1, true, false, null],
      ['不动产权证书', 'original', 1, true, false, null],
    ],
    conditions: '抵押人与抵押权人共同申请。',
    fee: '住宅 80 元/件',
    result: '不动产登记证明',
    delivery: ['pickup', 'electronic'],
    basis: '《中华人民共和国民法典》第四百零二条',
  },
  不动产首次登记: {
    materials: [
      ['不动产登记申请书', 'original', 1, true, false, null],
      ['土地权属来源材料', 'copy', 1, true, false, null],
      ['竣工验收材料', 'copy', 1, true, false, null],
      ['测绘报告', 'original', 1, true, true, '可容缺后补'],
    ],
    conditions: '新建建筑物已竣工验收。',
    fee: '住宅 80 元/件；非住宅 550 元/件',
    result: '不动产权证书',
    delivery: ['pickup'],
    basis: '《不动产登记暂行条例实施细则》第二十四条',
  },
  不动产登记资料查询: {
    materials: [ID],
    conditions: '权利人、利害关系人依法查询。',
    fee: NO_FEE,
    result: '查询结果证明',
    delivery: ['pickup'],
    basis: '《不动产登记资料查询暂行办法》',
  },
  存量房交易税费申报: {
    materials: [['买卖合同', 'copy', 1, true, false, null], ['双方身份证件', 'copy', 1, true, false, null], ['不动产权证书', 'copy', 1, true, false, null]],
    conditions: '存量房买卖双方。',
    fee: '按税法规定缴纳税款',
    result: '完税凭证',
    delivery: ['pickup', 'electronic'],
    basis: '《中华人民共和国契税法》',
  },
  政务服务咨询: { materials: [], conditions: '任何人。', fee: NO_FEE, result: '咨询答复', delivery: ['pickup'], basis: '《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》' },
  证照统一领取: { materials: [['取件凭证', 'original', 1, true, false, '受理回执或办件编号'], ID], conditions: '办件已办结待领取。', fee: NO_FEE, result: '证照', delivery: ['pickup'], basis: '区政务服务中心统一出件规定' },
  帮办代办服务: { materials: [], conditions: '老年人、残疾人等需要帮助的办事人。', fee: NO_FEE, result: '帮办代办服务', delivery: ['pickup'], basis: '区政务服务中心帮办代办工作制度' },
  '“办不成事”反映': { materials: [], conditions: '在大厅遇到办事难题的办事人。', fee: NO_FEE, result: '问题处理答复', delivery: ['pickup'], basis: '区“办不成事”反映窗口工作规范' },
  长三角跨省通办: {
    materials: [ID, ['异地业务申请材料', 'original', 1, true, false, '按业务所在地要求提交']],
    conditions: '长三角地区可跨省通办的事项。',
    fee: '按业务所在地标准',
    result: '业务所在地出具的办理结果',
    delivery: ['post', 'pickup'],
    basis: '《长三角地区政务服务“一网通办”工作方案》',
  },
};

/** Enquiry phones of the demo departments (fictional 021 numbers). */
export const DEMO_DEPARTMENT_CONTACT = '021-64870000';
