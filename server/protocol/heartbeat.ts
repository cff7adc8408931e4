/**
 * The seq heartbeat: every few seconds each server process tells its own sockets in a hall's rooms
 * where the hall's event stream is (its last committed seq) and which service day it is. A client
 * behind that seq catches up (a fact it never received: a node that could not hear the others);
 * a client on another day re-snapshots (midnight). Not a fact: it carries no seq of its own.
 */
export interface HallSeqBeat {
  hallId: string;
  seq: number;
  /** The hall's service day (YYYY-MM-DD, hall-local) at the time of the beat. */
  serviceDate: string;
}
