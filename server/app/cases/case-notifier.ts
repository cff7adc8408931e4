/**
 * Tells the visitor a result is ready (or posted): a port with two adapters. The log sink is the
 * default; with CASE_WEBHOOK_URL set, an HTTP POST of JSON that an SMS gateway can consume. Called
 * after commit; a failed delivery is logged, never undoes the case step. The body carries the case
 * number and the masked identity number only, and an Idempotency-Key the receiver can dedupe on.
 */
export interface CaseNotice {
  event: 'case.ready' | 'case.posted' | 'case.notice' | 'case.not_accepted';
  hallName: string;
  caseNumber: string;
  matterName: string;
  status: string;
  visitorIdMasked: string | null;
  /** The phone page of the case's ticket. */
  progressUrl: string | null;
  trackingNumber: string | null;
  pickupCounter: string | null;
  at: string;
}

export interface CaseNotifier {
  notify(notice: CaseNotice): Promise<void>;
}

export function logNotifier(log: (line: string) => void = (l) => console.log(l)): CaseNotifier {
  return {
    async notify(n) {
      log(`[yichuang] notify ${n.event} case ${n.caseNumber} (${n.matterName})${n.pickupCounter ? ` at ${n.pickupCounter}` : ''}${n.trackingNumber ? ` tracking ${n.trackingNumber}` : ''}`);
    },
  };
}

export function webhookNotifier(url: string, opts: { timeoutMs?: number; log?: (msg: string, err: unknown) => void; fetchImpl?: typeof fetch } = {}): CaseNotifier {
  const doFetch = opts.fetchImpl ?? fetch;
  return {
    async notify(n) {
      try {
        const res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `${n.caseNumber}:${n.event}` },
          body: JSON.stringify(n),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
        });
        if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
      } catch (err) {
        (opts.log ?? ((m, e) => console.error(m, e)))(`case webhook failed for ${n.caseNumber}`, err);
      }
    },
  };
}
