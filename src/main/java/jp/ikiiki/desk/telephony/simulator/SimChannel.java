package jp.ikiiki.desk.telephony.simulator;

/**
 * A channel's snapshot fields in the order Asterisk 22 writes them ({@code Channel} … {@code Linkedid}), with an
 * optional prefix ({@code Dest}, {@code LocalOne}, …) as in {@code DialBegin} or {@code LocalBridge}.
 */
final class SimChannel {

	final String name;
	final String uniqueId;
	final String linkedId;
	ChannelState state;
	String callerNum = "<unknown>";
	String callerName = "<unknown>";
	String connectedNum = "<unknown>";
	String connectedName = "<unknown>";
	String context;
	String exten;
	int priority = 1;

	SimChannel(String name, String uniqueId, String linkedId, ChannelState state, String context, String exten) {
		this.name = name;
		this.uniqueId = uniqueId;
		this.linkedId = linkedId;
		this.state = state;
		this.context = context;
		this.exten = exten;
	}

	SimChannel caller(String num, String callerIdName) {
		this.callerNum = num;
		this.callerName = callerIdName;
		return this;
	}

	SimChannel connected(String num, String connectedLineName) {
		this.connectedNum = num;
		this.connectedName = connectedLineName;
		return this;
	}

	AmiMessage put(AmiMessage m, String prefix) {
		return m.add(prefix + "Channel", name)
				.add(prefix + "ChannelState", state.code)
				.add(prefix + "ChannelStateDesc", state.description)
				.add(prefix + "CallerIDNum", callerNum)
				.add(prefix + "CallerIDName", callerName)
				.add(prefix + "ConnectedLineNum", connectedNum)
				.add(prefix + "ConnectedLineName", connectedName)
				.add(prefix + "Language", "en")
				.add(prefix + "AccountCode", "")
				.add(prefix + "Context", context)
				.add(prefix + "Exten", exten)
				.add(prefix + "Priority", priority)
				.add(prefix + "Uniqueid", uniqueId)
				.add(prefix + "Linkedid", linkedId);
	}

	AmiMessage put(AmiMessage m) {
		return put(m, "");
	}
}
