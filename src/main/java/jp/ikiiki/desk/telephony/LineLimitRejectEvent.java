package jp.ikiiki.desk.telephony;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's refusal of a call over the line limit: {@code UserEvent: LineLimitReject} with headers
 * {@code Queue}, {@code Lines} (the limit) and {@code InUse} (calls including the refused one). asterisk-java builds
 * it from the event name, so the connection registers this class; the call's {@code Linkedid} and channel fields
 * come with it.
 */
public class LineLimitRejectEvent extends UserEvent {

	private static final long serialVersionUID = 1L;

	private String queue;
	private Integer lines;
	private Integer inUse;
	private String linkedId;

	public LineLimitRejectEvent(Object source) {
		super(source);
	}

	public String getQueue() {
		return queue;
	}

	public void setQueue(String queue) {
		this.queue = queue;
	}

	public Integer getLines() {
		return lines;
	}

	public void setLines(Integer lines) {
		this.lines = lines;
	}

	/** The call's Linkedid (the generic {@code UserEvent} of asterisk-java does not keep it). */
	public String getLinkedId() {
		return linkedId;
	}

	public void setLinkedId(String linkedId) {
		this.linkedId = linkedId;
	}

	public Integer getInUse() {
		return inUse;
	}

	public void setInUse(Integer inUse) {
		this.inUse = inUse;
	}
}
