package jp.ikiiki.desk.agentdesk;

import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;

/**
 * A second AMI client on the simulator's socket, as a supervisor's tool would be: pauses the queue members other
 * than the agent's, so that the simulator routes every queue call to the agent's phone.
 */
public final class DeskPhones implements AutoCloseable {

	private final ManagerConnectionImpl ami = new ManagerConnectionImpl();
	private final int members;
	private final String queue;

	public DeskPhones(AmiSimulator simulator) throws Exception {
		ami.setHostname("127.0.0.1");
		ami.setPort(simulator.port());
		ami.setUsername(simulator.pbx().settings().username());
		ami.setPassword(simulator.pbx().settings().password());
		ami.login();
		this.members = simulator.pbx().settings().agents();
		this.queue = simulator.pbx().settings().queue();
	}

	/** The connection, for listening to the events as they leave the simulator. */
	public ManagerConnectionImpl connection() {
		return ami;
	}

	/** Pauses every member but {@code Local/agent{n}@agents}. */
	public void onlyMember(int n) throws Exception {
		for (int i = 1; i <= members; i++) {
			ami.sendAction(new QueuePauseAction("Local/agent" + i + "@agents", queue, i != n), 5_000);
		}
	}

	@Override
	public void close() throws Exception {
		try {
			for (int i = 1; i <= members; i++) {
				ami.sendAction(new QueuePauseAction("Local/agent" + i + "@agents", queue, false), 5_000);
			}
		} finally {
			ami.logoff();
		}
	}
}
