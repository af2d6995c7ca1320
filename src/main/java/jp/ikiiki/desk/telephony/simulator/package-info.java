/**
 * The built-in AMI simulator (the default for a new installation and for tests): {@link jp.ikiiki.desk.telephony.simulator.AmiSimulator} speaks the
 * Asterisk Manager Interface on a TCP port (banner, Challenge/MD5 login, ActionID on every response, EventList
 * lists, Ping, Setvar/Getvar, DBPut/DBGet, QueueStatus, QueuePause, Originate, Events, CoreSettings, Logoff) and
 * {@link jp.ikiiki.desk.telephony.simulator.SimulatedPbx} runs a queue with agents and the line gate, sending the
 * event sequences of the recording in {@code ../shared/fixtures/ami/} for answered, abandoned, timed-out and
 * refused calls. Calls come from a seeded Poisson process (with a surge factor after a mailing), from scripted
 * {@link jp.ikiiki.desk.telephony.simulator.CallSpec}s, or from {@code Originate}; replay mode serves a recorded
 * stream instead. {@code dropConnections()} and {@code refuseConnections(..)} imitate a network failure and an
 * Asterisk restart.
 */
package jp.ikiiki.desk.telephony.simulator;
