/** Cases (办件): shapes shared by the server, the counter, the back office and the phone page. */
import type { IssuedTicket, PrintJobView } from './views';

export type CaseStatus =
  | 'intake'
  | 'notice'
  | 'accepted'
  | 'not_accepted'
  | 'reviewing'
  | 'supplement'
  | 'approved'
  | 'refused'
  | 'producing'
  | 'ready'
  | 'posted'
  | 'collected'
  | 'closed'
  | 'withdrawn';

export type DeliveryMethod = 'pickup' | 'post' | 'electronic';

/** One step of a case's history as the visitor sees it. */
export interface CaseStepView {
  status: CaseStatus;
  at: string;
  /** Counter number for counter steps. */
  counterNumber: number | null;
  note: string | null;
}

export interface CaseNoticeView {
  kind: 'notice' | 'not_accepted' | 'tolerated';
  /** Missing items in the guide's wording (一次性告知), or the promised items (容缺). */
  items: string[];
  reason: string | null;
  /** Bring the items by (notice) / supply them by (容缺 promise). Hall-local YYYY-MM-DD. */
  deadline: string | null;
  counterNumber: number | null;
  contact: string | null;
  issuedAt: string;
}

/** The phone page's view of a case: masked data only. */
export interface CaseProgressView {
  number: string;
  matterName: string;
  departmentName: string;
  status: CaseStatus;
  openedAt: string;
  acceptedAt: string | null;
  /** Promised completion date (hall-local), null until accepted or while the clock is stopped. */
  dueDate: string | null;
  onTheSpot: boolean;
  delivery: DeliveryMethod;
  resultName: string;
  trackingNumber: string | null;
  visitorIdMasked: string | null;
  steps: CaseStepView[];
  notice: CaseNoticeView | null;
  /** Where and how to collect, once ready. */
  pickup: { counterNumber: number | null; counterName: string | null; hint: string } | null;
}

export type MaterialForm = 'original' | 'copy' | 'original_and_copy';

export interface GuideMaterialView {
  id: string;
  name: string;
  form: MaterialForm;
  copies: number;
  required: boolean;
  /** May be supplied later on a written promise (容缺). */
  tolerable: boolean;
  note: string | null;
}

/** A matter's 办事指南 (public: the guide page, the counter checklist). */
export interface MatterGuideView {
  matterId: string;
  hallId: string;
  hallName: string;
  matterCode: string;
  matterName: string;
  zoneName: string;
  departmentId: string;
  departmentName: string;
  contact: string | null;
  materials: GuideMaterialView[];
  conditions: string;
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
  onTheSpot: boolean;
  fee: string;
  resultName: string;
  deliveryMethods: DeliveryMethod[];
  basis: string;
  noticeDays: number;
  /** False for matters handled without a case (consultation, pickup, help desks). */
  opensCase: boolean;
}

export type CaseAlertLevel = 'none' | 'at_risk' | 'overdue';

/** A case as the counter, the back office and managers see it (personal data masked). */
export interface CaseView {
  id: string;
  hallId: string;
  number: string;
  matterId: string;
  matterName: string;
  departmentId: string;
  departmentName: string;
  ticketId: string;
  counterId: string | null;
  counterNumber: number | null;
  status: CaseStatus;
  delivery: DeliveryMethod;
  received: string[];
  notice: CaseNoticeView | null;
  openedAt: string;
  acceptedAt: string | null;
  limitDays: number | null;
  dueDate: string | null;
  /** Working days counted so far and where that stands against the limit (today, hall calendar). */
  elapsedDays: number | null;
  alertLevel: CaseAlertLevel;
  tolerated: boolean;
  promiseDate: string | null;
  promiseKept: boolean;
  promiseOverdue: boolean;
  onTheSpot: boolean;
  noticeCount: number;
  decidedAt: string | null;
  reason: string | null;
  trackingNumber: string | null;
  readyAt: string | null;
  closedAt: string | null;
  visitorIdMasked: string | null;
  /** The ticket the progress page of this case is reached by (the opening ticket's token is never sent to staff). */
  pickupTicketNumber: string | null;
}

/** What the counter gets when it opens or finds a case: the case and its guide checklist. */
export interface CaseAtCounter {
  case: CaseView;
  guide: MatterGuideView;
  /**
   * After an outcome: the job printing its paper (受理回执, 一次性告知书, 不予受理通知书) on the counter's
   * printer. Absent when the counter has no printer: the workstation prints from the browser.
   */
  print?: PrintJobView;
}

/** On case:* facts (staff rooms only; public screens never see them). */
export interface CaseFact {
  id: string;
  number: string;
  status: CaseStatus;
  /** The ticket that opened the case (its phone page follows the case). */
  ticketId: string;
  matterId: string;
  departmentId: string;
  counterId: string | null;
  dueDate: string | null;
  alertLevel: CaseAlertLevel;
  promiseOverdue: boolean;
}

/** One group's case figures for managers (docs/cases.md): counts, and shares that are null when their denominator is 0. */
export interface CaseFigures {
  key: string;
  opened: number;
  accepted: number;
  notice: number;
  tolerated: number;
  notAccepted: number;
  firstVisitPassRate: number | null;
  withinLimitShare: number | null;
  overdue: number;
  onTheSpotShare: number | null;
}

/** A pickup ticket from the kiosk: the ticket, the case it collects and the pickup counter (统一出件窗口). */
export type PickupIssued = IssuedTicket & { caseNumber: string; pickupCounterNumber: number };
