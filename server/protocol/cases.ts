/** Cases (办件): shapes shared by the server, the counter, the back office and the phone page. */
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
