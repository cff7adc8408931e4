/** Room names. Staff facts and public facts of one hall share the same seq stream. */
export const rooms = {
  hallStaff: (hallId: string) => `hall:${hallId}:staff`,
  hallPublic: (hallId: string) => `hall:${hallId}:public`,
  counter: (counterId: string) => `counter:${counterId}`,
  /** The counter's evaluator pad: content-free nudges only (it re-reads its state over HTTP). */
  pad: (counterId: string) => `pad:${counterId}`,
  /** Identity rooms: every socket of one session, staff member or device, for revocation on every node. */
  session: (tokenHash: string) => `session:${tokenHash}`,
  staffMember: (staffId: string) => `staff:${staffId}`,
  device: (deviceId: string) => `device:${deviceId}`,
};
