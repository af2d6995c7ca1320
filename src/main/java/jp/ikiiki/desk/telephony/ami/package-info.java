/**
 * The AMI connection on asterisk-java 3.42 (calls are recorded from its events, the line limit is put in force
 * through it): login, asterisk-java's own reconnect, ping,
 * state ({@link jp.ikiiki.desk.telephony.TelephonyStatus}, health component {@code ami}, metrics
 * {@code ikiiki_ami_connected}, {@code ikiiki_ami_reconnects_total}, {@code ikiiki_lines_limit}); events handed off
 * the reader thread to per-Linkedid lanes for every {@link jp.ikiiki.desk.telephony.AmiEventConsumer}; the line
 * limit (global Setvar + AstDB DBPut, re-applied on every connection); QueueStatus re-sync on every connection;
 * and the {@code telephony_gap} rows.
 * <p>
 * Note for consumers: besides the events Asterisk sends, asterisk-java delivers a legacy {@code DialEvent} for each
 * {@code DialBegin} and a {@code BridgeEvent} for each {@code BridgeEnter}, and its own {@code ConnectEvent} /
 * {@code DisconnectEvent}.
 */
package jp.ikiiki.desk.telephony.ami;
