package jp.ikiiki.desk.telephony.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.security.UserDirectory;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.telephony.CallCentreNow;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.DailyCallStats;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.MemberAgents;
import jp.ikiiki.desk.telephony.QueueMemberState;
import jp.ikiiki.desk.telephony.TelephonyProperties;
import jp.ikiiki.desk.telephony.TelephonyStatus;
import jp.ikiiki.desk.telephony.members.LiveTelephony;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What every open wallboard shows at one refresh round, read once per round through {@link WallboardFeed#shared}:
 * the connection, the lines, the calls in progress, the day's figures (one read of the call records) and the
 * queue's members with the people bound to them. The people's display names are looked up at most every
 * {@link #NAMES_TTL}: bindings change when an agent sits down, not every second. The live part comes from
 * {@link LiveTelephony}: on a node that is not the leader, the leader's.
 */
@Component
class WallboardSource {

	static final Duration NAMES_TTL = Duration.ofSeconds(10);

	/**
	 * One member of the queue as the wallboard shows it.
	 *
	 * @param name  the display name of the agent bound to the phone, or Asterisk's member name when nobody is
	 * @param phone Asterisk's member name ("Agent 1")
	 * @param bound true when a person is bound to the phone
	 */
	record Agent(String name, String phone, boolean bound, QueueMemberState state) {
	}

	/** One round's figures; none of them personal data of callers. */
	record Round(Instant at, LocalDate day, TelephonyStatus.Status status, LinesNow lines, CallCentreNow.Snapshot live,
			DailyCallStats today, List<Agent> agents) {
	}

	private final LiveTelephony live;
	private final LinePlans lines;
	private final CallStatistics statistics;
	private final ObjectProvider<MemberAgents> memberAgents;
	private final UserDirectory directory;
	private final WallboardFeed feed;
	private final String queue;
	private final Clock clock;
	private Map<String, String> names = Map.of();
	private long namesAt = System.nanoTime() - NAMES_TTL.toNanos();

	WallboardSource(LiveTelephony live, LinePlans lines, CallStatistics statistics,
			ObjectProvider<MemberAgents> memberAgents, UserDirectory directory,
			WallboardFeed feed, TelephonyProperties properties, ObjectProvider<Clock> clock) {
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.live = live;
		live.onRemoteChange(feed::refreshSoon);
		this.lines = lines;
		this.statistics = statistics;
		this.memberAgents = memberAgents;
		this.directory = directory;
		this.feed = feed;
		this.queue = properties.queue();
	}

	/** This round's figures, computed by the first screen that asks in the round (in its viewer's security context). */
	Round round() {
		Round round = feed.shared(this::compute);
		if (!round.day().equals(LocalDate.ofInstant(clock.instant(), JapanTime.ZONE))) {
			round = compute(); // the round began before midnight
		}
		return round;
	}

	private Round compute() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, JapanTime.ZONE);
		LiveTelephony.Live state = live.current();
		List<QueueMemberState> inQueue = state.members().stream().filter(m -> queue.equals(m.queue())).toList();
		Map<String, String> byMember = names();
		List<Agent> agents = new ArrayList<>(inQueue.size());
		for (QueueMemberState m : inQueue) {
			String person = byMember.get(m.memberInterface());
			agents.add(new Agent(person != null ? person : m.name(), m.name(), person != null, m));
		}
		return new Round(now, today, state.status(), lines.now(), state.calls(), statistics.day(today, null),
				List.copyOf(agents));
	}

	/** Member interface to the display name of the agent bound to it, at most {@link #NAMES_TTL} old. */
	private synchronized Map<String, String> names() {
		long now = System.nanoTime();
		if (now - namesAt < NAMES_TTL.toNanos()) {
			return names;
		}
		MemberAgents source = memberAgents.getIfAvailable();
		Map<String, String> logins = source == null ? Map.of() : source.agentsByMember(queue);
		Map<String, String> display = logins.isEmpty() ? Map.of() : directory.displayNames(logins.values());
		Map<String, String> result = new HashMap<>();
		logins.forEach((member, login) -> result.put(member, display.getOrDefault(login, login)));
		names = Map.copyOf(result);
		namesAt = now;
		return names;
	}
}
