/** Room names. Staff facts and public facts of one hall share the same seq stream. */
export const rooms = {
  hallStaff: (hallId: string) => `hall:${hallId}:staff`,
  hallPublic: (hallId: string) => `hall:${hallId}:public`,
  counter: (counterId: string) => `counter:${counterId}`,
  /** The counter's evaluator pad: content-free nudges only (it re-reads its state over HTTP). */
  pad: (counterId: string) => `pad:${counterId}`,
  /** A visitor's phone page (content-free nudges): its ticket, the case the ticket belongs to, and the hall's queue while it waits. */
  progressTicket: (ticketId: string) => `progress:${ticketId}`,
  progressCase: (caseId: string) => `progress-case:${caseId}`,
  progressQueue: (hallId: string) => `progress-queue:${hallId}`,
  /** Identity rooms: every socket of one session, staff member or device, for revocation on every node. */
  session: (tokenHash: string) => `session:${tokenHash}`,
  staffMember: (staffId: string) => `staff:${staffId}`,
  device: (deviceId: string) => `device:${deviceId}`,
};
