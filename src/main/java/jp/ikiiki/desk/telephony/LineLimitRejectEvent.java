package jp.ikiiki.desk.telephony;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's refusal {@code UserEvent} (default name {@code LineLimitReject}, see
 * {@link TelephonyProperties#refusalEvent()}), raised when a call is refused over the line limit. asterisk-java
 * builds no event for an unregistered {@code UserEvent}: the AMI connection registers this class for the configured
 * name (for the default, {@code ManagerConnection.registerUserEventClass(LineLimitRejectEvent.class)}).
 */
public class LineLimitRejectEvent extends UserEvent {

	private static final long serialVersionUID = 1L;

	private String userEvent;
	private String linkedId;
	private String queue;
	private Integer lines;
	private Integer inUse;

	public LineLimitRejectEvent(Object source) {
		super(source);
	}

	/** The {@code UserEvent} header: the event's name as the dialplan raised it. */
	public String getUserEvent() {
		return userEvent;
	}

	public void setUserEvent(String userEvent) {
		this.userEvent = userEvent;
	}

	public String getLinkedId() {
		return linkedId;
	}

	public void setLinkedId(String linkedId) {
		this.linkedId = linkedId;
	}

	public String getQueue() {
		return queue;
	}

	public void setQueue(String queue) {
		this.queue = queue;
	}

	/** The line limit in force when the call was refused. */
	public Integer getLines() {
		return lines;
	}

	public void setLines(Integer lines) {
		this.lines = lines;
	}

	/** The calls holding a line, this one included. */
	public Integer getInUse() {
		return inUse;
	}

	public void setInUse(Integer inUse) {
		this.inUse = inUse;
	}
}
