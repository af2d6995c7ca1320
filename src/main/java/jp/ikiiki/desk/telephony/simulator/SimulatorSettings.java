package jp.ikiiki.desk.telephony.simulator;

/**
 * How the simulated Asterisk behaves. Times are in simulated seconds; {@code speed} maps them to wall-clock time
 * (speed 10 = ten simulated seconds per real second).
 *
 * @param queue               the queue callers wait in
 * @param lineVariable        the global variable holding the line limit
 * @param refusalEvent        the {@code UserEvent} raised when a call is refused over the limit
 * @param username            the manager user accepted
 * @param password            its secret
 * @param agents              static members {@code Local/agent1@agents} …
 * @param initialLines        the global line limit before anyone sets it
 * @param queueTimeoutSeconds seconds a caller waits before the queue times out ({@code Queue(...,30)})
 * @param arrivalsPerMinute   mean calls per minute of the random arrival process (0 = no random calls)
 * @param meanPatienceSeconds mean of the callers' (exponential) patience while waiting
 * @param minTalkSeconds      shortest conversation
 * @param maxTalkSeconds      longest conversation
 * @param minRingSeconds      shortest time a member's phone rings before the answer
 * @param maxRingSeconds      longest ring
 * @param speed               simulated seconds per wall-clock second (1 = real time)
 * @param seed                seed of every random choice
 */
public record SimulatorSettings(String queue, String lineVariable, String refusalEvent, String username,
		String password, int agents, int initialLines, int queueTimeoutSeconds, double arrivalsPerMinute,
		double meanPatienceSeconds, double minTalkSeconds, double maxTalkSeconds, double minRingSeconds,
		double maxRingSeconds, double speed, long seed) {

	public SimulatorSettings {
		if (agents < 1 || speed <= 0 || queueTimeoutSeconds < 1 || arrivalsPerMinute < 0 || minTalkSeconds < 0
				|| maxTalkSeconds < minTalkSeconds || minRingSeconds < 0 || maxRingSeconds < minRingSeconds) {
			throw new IllegalArgumentException("invalid simulator settings");
		}
	}

	/** The recording's bench: queue {@code inquiry}, three agents, LINES=5, 30 s timeout, no random calls. */
	public static SimulatorSettings recordingBench() {
		return new SimulatorSettings("inquiry", "LINES", "LineLimitReject", "ikiiki", "ikiiki-demo", 3, 5, 30, 0,
				60, 4, 7, 1, 3, 1, 42);
	}

	public SimulatorSettings withSpeed(double newSpeed) {
		return new SimulatorSettings(queue, lineVariable, refusalEvent, username, password, agents, initialLines,
				queueTimeoutSeconds, arrivalsPerMinute, meanPatienceSeconds, minTalkSeconds, maxTalkSeconds,
				minRingSeconds, maxRingSeconds, newSpeed, seed);
	}

	public SimulatorSettings withArrivals(double perMinute) {
		return new SimulatorSettings(queue, lineVariable, refusalEvent, username, password, agents, initialLines,
				queueTimeoutSeconds, perMinute, meanPatienceSeconds, minTalkSeconds, maxTalkSeconds, minRingSeconds,
				maxRingSeconds, speed, seed);
	}

	public SimulatorSettings withAgents(int count, int lines) {
		return new SimulatorSettings(queue, lineVariable, refusalEvent, username, password, count, lines,
				queueTimeoutSeconds, arrivalsPerMinute, meanPatienceSeconds, minTalkSeconds, maxTalkSeconds,
				minRingSeconds, maxRingSeconds, speed, seed);
	}

	@Override
	public String toString() {
		return "SimulatorSettings[queue=" + queue + ", agents=" + agents + ", initialLines=" + initialLines
				+ ", arrivalsPerMinute=" + arrivalsPerMinute + ", speed=" + speed + ", seed=" + seed + "]";
	}
}
