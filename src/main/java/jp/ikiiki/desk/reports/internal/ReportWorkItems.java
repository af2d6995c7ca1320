package jp.ikiiki.desk.reports.internal;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.reports.ReportDates;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.shared.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the reports ask of people now (第6章1(4): a report to the city every open day). City staff: the reports they
 * have not opened. Floor managers: the reports that are late — a daily report or monthly summary due (within the
 * scheduler's catch-up window) with no version made since it became due, or whose latest version's e-mail failed;
 * both are shown as overdue, since the city has not received what it is owed.
 */
@Component
class ReportWorkItems implements WorkItems {

	static final String ROUTE = "reports";

	private final ReportStore store;
	private final ReportScheduler scheduler;
	private final ReportsProperties properties;
	private final ObjectProvider<I18NProvider> i18n;
	private final Clock clock;

	ReportWorkItems(ReportStore store, ReportScheduler scheduler, ReportsProperties properties,
			ObjectProvider<I18NProvider> i18n, ObjectProvider<Clock> clock) {
		this.store = store;
		this.scheduler = scheduler;
		this.properties = properties;
		this.i18n = i18n;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		List<WorkItem> items = new ArrayList<>();
		if (CurrentUser.hasRole("CITY_STAFF")) {
			items.add(unread());
		}
		if (CurrentUser.hasRole("FLOOR_MANAGER")) {
			items.add(overdue(clock.instant()));
		}
		return items;
	}

	private WorkItem unread() {
		String user = CurrentUser.name();
		int unread = store.unread(user);
		String detail = unread == 0 ? null : store.oldestUnread(user)
				.map(r -> text("reports.work.unread.detail", name(r.kind(), r.period()))).orElse(null);
		return new WorkItem(text("reports.work.unread"), unread, ROUTE, Urgency.NORMAL, detail);
	}

	/** The late reports: due and not made (after a grace of two scheduler checks), or their mail failed. */
	WorkItem overdue(Instant now) {
		Duration grace = properties.checkInterval().multipliedBy(2);
		List<String> missing = new ArrayList<>();
		for (ReportKind kind : ReportKind.values()) {
			List<ReportScheduler.Due> due = scheduler.dueBy(now.minus(grace)).stream().filter(d -> d.kind() == kind)
					.toList();
			Map<String, Instant> made = store.latest(kind, due.stream().map(ReportScheduler.Due::period).toList())
					.stream().collect(Collectors.toMap(ReportStore.Latest::period, ReportStore.Latest::generatedAt));
			for (ReportScheduler.Due d : due) {
				Instant at = made.get(d.period());
				if (at == null || at.isBefore(d.at())) {
					missing.add(name(kind, d.period()));
				}
			}
		}
		List<String> failed = store.failedMails().stream().map(l -> name(l.kind(), l.period())).toList();
		List<String> uncertain = store.uncertainMails().stream().map(l -> name(l.kind(), l.period())).toList();
		long count = missing.size() + failed.size() + uncertain.size();
		if (count == 0) {
			return new WorkItem(text("reports.work.overdue"), 0, ROUTE, Urgency.NORMAL,
					text("reports.work.overdue.none"));
		}
		List<String> details = new ArrayList<>();
		if (!missing.isEmpty()) {
			details.add(text("reports.work.overdue.missing", String.join("、", missing)));
		}
		if (!uncertain.isEmpty()) {
			details.add(text("reports.work.overdue.uncertain", String.join("、", uncertain)));
		}
		if (!failed.isEmpty()) {
			details.add(text("reports.work.overdue.mail", String.join("、", failed)));
		}
		return new WorkItem(text("reports.work.overdue"), count, ROUTE, Urgency.OVERDUE, String.join("　", details));
	}

	private static String name(ReportKind kind, String period) {
		return kind.title() + " " + ReportDates.period(kind, kind == ReportKind.DAILY ? java.time.LocalDate.parse(period)
				: java.time.YearMonth.parse(period).atDay(1));
	}

	private String text(String key, Object... params) {
		I18NProvider provider = i18n.getIfAvailable();
		return provider == null ? key : provider.getTranslation(key, Locale.JAPAN, params);
	}
}
