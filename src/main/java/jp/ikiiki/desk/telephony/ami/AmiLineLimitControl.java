package jp.ikiiki.desk.telephony.ami;

import jp.ikiiki.desk.telephony.LineLimitControl;
import jp.ikiiki.desk.telephony.TelephonyProperties;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.DbPutAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the line limit in force in Asterisk: a global {@code Setvar} (the dialplan reads it for every call) and an
 * AstDB {@code DBPut} (so that Asterisk's own start-up can restore it). The value is kept; while disconnected it is
 * only kept, and every (re)connection applies it again. When the application has not set one since start-up, the
 * limit Asterisk holds is read ({@code Getvar}) so that the gauge shows it.
 */
public class AmiLineLimitControl implements LineLimitControl {

	private static final Logger log = LoggerFactory.getLogger(AmiLineLimitControl.class);
	private static final long TIMEOUT_MS = 5_000;

	private final TelephonyProperties properties;
	private volatile int desired = -1;
	private volatile int observed = -1;
	private volatile ManagerConnection connection;
	private volatile long applications;

	public AmiLineLimitControl(TelephonyProperties properties) {
		this.properties = properties;
	}

	@Override
	public synchronized void apply(int lines) {
		if (lines < 0) {
			throw new IllegalArgumentException("lines must be at least 0");
		}
		desired = lines;
		ManagerConnection c = connection;
		if (c != null) {
			send(c, lines);
		} else {
			log.info("Line limit {} kept; it is applied when the AMI connection is up", lines);
		}
	}

	@Override
	public int current() {
		return desired;
	}

	/** The limit in force as far as the application knows: the one it set, else the one read from Asterisk. */
	public int inForce() {
		return desired >= 0 ? desired : observed;
	}

	/** Times a limit was sent to Asterisk. */
	public long applications() {
		return applications;
	}

	/** Called on every (re)connection, off the reader thread. */
	synchronized void connected(ManagerConnection c) {
		connection = c;
		int lines = desired;
		if (lines >= 0) {
			send(c, lines);
		} else {
			readFromAsterisk(c);
		}
	}

	synchronized void disconnected() {
		connection = null;
	}

	private synchronized void send(ManagerConnection c, int lines) {
		String value = String.valueOf(lines);
		try {
			ManagerResponse set = c.sendAction(new SetVarAction(properties.lineVariable(), value), TIMEOUT_MS);
			if (set instanceof ManagerError) {
				log.warn("Asterisk refused Setvar {}: {}", properties.lineVariable(), set.getMessage());
				return;
			}
			ManagerResponse put = c.sendAction(new DbPutAction(properties.connection().dbFamily(),
					properties.connection().dbKey(), value), TIMEOUT_MS);
			if (put instanceof ManagerError) {
				log.warn("Asterisk refused DBPut {}/{}: {}", properties.connection().dbFamily(),
						properties.connection().dbKey(), put.getMessage());
			}
			applications++;
			observed = lines;
			log.info("Line limit {} in force ({} and AstDB {}/{})", lines, properties.lineVariable(),
					properties.connection().dbFamily(), properties.connection().dbKey());
		} catch (Exception e) {
			// Re-applied on the next connection.
			log.warn("Line limit {} not sent to Asterisk now: {}", lines, e.toString());
		}
	}

	private void readFromAsterisk(ManagerConnection c) {
		try {
			ManagerResponse r = c.sendAction(new GetVarAction(properties.lineVariable()), TIMEOUT_MS);
			if (!(r instanceof ManagerError)) {
				String value = r.getAttribute("Value");
				observed = value == null || value.isBlank() ? -1 : Integer.parseInt(value.trim());
			}
		} catch (Exception e) {
			log.warn("Cannot read {} from Asterisk: {}", properties.lineVariable(), e.toString());
		}
	}
}
