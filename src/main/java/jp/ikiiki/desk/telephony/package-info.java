/**
 * The call centre's telephony (第6章): Asterisk over AMI (or the built-in simulator), one record per call from
 * the event stream, the line limit in force, gaps in the telephony data, and the answer rate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telephony")
package jp.ikiiki.desk.telephony;
