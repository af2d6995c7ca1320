/**
 * Several application nodes on one PostgreSQL database: which node leads (holds the AMI connection, runs the
 * schedulers and sweeps what a dead node left), decided by a session-level advisory lock on a dedicated connection,
 * and short messages between the nodes over LISTEN/NOTIFY (ids only, never personal data). With one node (the
 * default) the node leads from its start and messages stay in memory.
 */
package jp.ikiiki.desk.platform.cluster;
