package jp.ikiiki.desk.telephony.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.telephony.CallCentreNow;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.StatsPeriod;
import jp.ikiiki.desk.telephony.TelephonyProperties;
import jp.ikiiki.desk.telephony.TelephonyStatus;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The call centre's state now, for a floor manager's home page: today's answer rate against 90 % (第6章2 ※1),
 * callers waiting, and a lost link to Asterisk (no calls are recorded and no limit reaches it: late at once).
 * Cheap: one statistics read and two in-memory looks.
 */
@Component
class CentreWorkItems implements WorkItems {

	/** Below this many calls today a low rate is a warning, not yet late (one missed call of five is 80 %). */
	static final int MIN_CALLS = 20;
	/** Longest wait (seconds) that needs attention: callers leave the queue at 30 s. */
	static final double LONG_WAIT = 20;

	private final CallStatistics statistics;
	private final CallCentreNow calls;
	private final TelephonyStatus telephony;
	private final BusinessCalendar calendar;
	private final boolean telephonyEnabled;
	private final Clock clock;
	private final I18NProvider labels;

	@Autowired
	CentreWorkItems(CallStatistics statistics, CallCentreNow calls, TelephonyStatus telephony,
			BusinessCalendar calendar, TelephonyProperties properties, ObjectProvider<Clock> clock,
			I18NProvider labels) {
		this(statistics, calls, telephony, calendar, properties.enabled(), clock.getIfAvailable(Clock::systemUTC),
				labels);
	}

	CentreWorkItems(CallStatistics statistics, CallCentreNow calls, TelephonyStatus telephony,
			BusinessCalendar calendar, boolean telephonyEnabled, Clock clock, I18NProvider labels) {
		this.statistics = statistics;
		this.calls = calls;
		this.telephony = telephony;
		this.calendar = calendar;
		this.telephonyEnabled = telephonyEnabled;
		this.clock = clock;
		this.labels = labels;
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		if (!CurrentUser.hasRole(Roles.FLOOR_MANAGER)) {
			return List.of();
		}
		List<WorkItem> items = new ArrayList<>();
		TelephonyStatus.Status link = telephony.status();
		if (telephonyEnabled && link.state() != TelephonyStatus.State.CONNECTED) {
			items.add(new WorkItem(label("telephony.work.link"), 1, "wallboard", Urgency.OVERDUE,
					label(link.state() == TelephonyStatus.State.RECONNECTING ? "telephony.work.link.reconnecting"
							: "telephony.work.link.disconnected", JapaneseDates.toWesternDateTimeWithWeekday(link.since()))));
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), JapanTime.ZONE);
		CallStats day = statistics.stats(today, today, StatsPeriod.DAY, null).get(0);
		items.add(rate(day));
		CallCentreNow.Snapshot live = calls.now();
		if (calendar.isOpenAt(clock.instant()) || live.callersWaiting() > 0) {
			items.add(new WorkItem(label("telephony.work.waiting"), live.callersWaiting(), "wallboard",
					live.longestWaitSeconds() > LONG_WAIT ? Urgency.ATTENTION : Urgency.NORMAL,
					live.callersWaiting() == 0 ? label("telephony.work.waiting.none")
							: label("telephony.work.waiting.longest", Math.round(live.longestWaitSeconds()))));
		}
		return items;
	}

	/** Today's answer rate: the count is the calls not answered, the detail the rate against the target. */
	private WorkItem rate(CallStats day) {
		if (day.answerRate() == null) {
			return new WorkItem(label("telephony.work.rate"), 0, "wallboard", Urgency.NORMAL,
					label("telephony.work.rate.none"));
		}
		boolean below = !Boolean.TRUE.equals(day.meetsTarget());
		Urgency urgency = !below ? Urgency.NORMAL : day.received() >= MIN_CALLS ? Urgency.OVERDUE : Urgency.ATTENTION;
		return new WorkItem(label("telephony.work.rate"), day.received() - day.answered(), "wallboard", urgency,
				label(below ? "telephony.work.rate.below" : "telephony.work.rate.met",
						String.format(Locale.ROOT, "%.1f%%", day.answerRate() * 100), day.answered(), day.received()));
	}

	private String label(String key, Object... params) {
		return labels.getTranslation(key, Locale.JAPAN, params);
	}
}
