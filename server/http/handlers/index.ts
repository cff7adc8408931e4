/** One handler per endpoint definition: an endpoint without a handler here does not compile. */
import type { EndpointHandlers } from '../handler';
import { appointmentHandlers } from './appointment-handlers';
import { authHandlers } from './auth-handlers';
import { caseHandlers } from './case-handlers';
import { dashboardHandlers } from './dashboard-handlers';
import { evaluationHandlers } from './evaluation-handlers';
import { hallHandlers } from './hall-handlers';
import { healthHandlers } from './health-handlers';
import { ticketHandlers } from './ticket-handlers';

export function endpointHandlers(opts: { fanoutState?: () => string } = {}): EndpointHandlers {
  return {
    ...healthHandlers(opts.fanoutState),
    ...authHandlers,
    ...hallHandlers,
    ...ticketHandlers,
    ...dashboardHandlers,
    ...appointmentHandlers,
    ...caseHandlers,
    ...evaluationHandlers,
  };
}
