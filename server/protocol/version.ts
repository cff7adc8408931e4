/**
 * Bumped whenever the contract changes: an endpoint, a command, a fact, a view or a schema in
 * server/protocol. `CONTRACT_HASH` is the hash of that contract for this version;
 * tests/protocol/contract-hash.test.ts recomputes it and fails when the contract moved without a bump.
 *
 * 2: case and evaluation endpoints in the definitions; typed command sender; IssuedTicket.progressUrl;
 *    identity-number, masking and the shared rules (at risk, QR URL) in server/protocol.
 * 3: case documents on a counter's printer (counter printer endpoints, case:print, PrintJobView
 *    document/counterId/caseId, CaseAtCounter.print); guide page URL and hall.publicBaseUrl for the
 *    kiosk; BookableMatterView.hasGuide; case report by=hall.
 * 4: the phone page's live socket: the visitor role and 'progress:subscribe' (handshake
 *    auth.progressToken), the 'progress:nudge' event, ServerHello.role 'visitor', CaseFact.ticketId.
 * 5: testCounterPrint (a sample on a counter's receipt printer, from the admin console).
 * 6: staffing plan: PoolingGainView measured by the simulator engine on the forecast day (hallNow,
 *    hallPooled, days); StaffingPlanView.breaks (BreakAdviceView: each counter's break out of the peaks).
 * 7: setCounterBreaks (PUT /api/halls/:hallId/counters/:counterId/breaks, counter:set-breaks for
 *    supervisors): a manager schedules a counter's breaks from the plan; BreakAdviceView.applied.
 * 8: cityLive (GET /api/city/live, action city:live): every hall's live figures today in one read (CityLiveView).
 * 9: hall settings badReviewContactDays / badReviewReplyDays accept 0 (the stage is merged into the next).
 * 10: peak staffing in the staffing plan: StaffingPlanView.flex (FlexOpeningView: the after-hours
 *    window opened by the back office in a peak) and flexMinutes; BreakAdviceView.backOffice;
 *    TidalMoveView.returnMatterIds / returnText (the return at the end of the window);
 *    HallSnapshot.scheduledBreaks (today's counter_breaks, the counter screens' reminder).
 * 11: hall setting missedNumberRuleEn: the missed-number rule printed on English tickets.
 * 12: hall setting earlyAppointmentMinutes (0–30, default 5): a checked-in appointment has
 *    precedence this many minutes before its slot (docs/routing.md rule 2).
 * 13: printer paper and cover: KioskPrinterStatusView.sensor (PrinterSensorView), reportPrinterStatus
 *    (POST /api/devices/:deviceId/printer/status, printer:report for the kiosk itself, body
 *    printerStatusReport); HallSnapshot.hall.missedNumberRuleEn for the English kiosk screen.
 */
export const PROTOCOL_VERSION = 13;
export const CONTRACT_HASH = '99100d3713cd94df';
