/** Bumped whenever a payload shape changes; clients reload when the server's version differs. */
export const PROTOCOL_VERSION = 1;
