package jp.ikiiki.desk.deliverables.internal;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import jp.ikiiki.desk.deliverables.DeliverableState;
import jp.ikiiki.desk.deliverables.Deliverables;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.telephony.PlannedDispatches;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the deliverables ask of floor managers and operators (第9章1(2)): the periods past their due date and not
 * delivered (overdue, in red), and the files waiting for a second person's check that the signed-in person did not
 * generate.
 */
@Component
class DeliverableWorkItems implements WorkItems {

	static final String ROUTE = "deliverables";

	static final String LINES_ROUTE = "lines";
	static final String MAILINGS_ROUTE = "mailings";

	private final Deliverables deliverables;
	private final DispatchCalendar dispatches;
	private final ObjectProvider<I18NProvider> i18n;
	private final Clock clock;

	DeliverableWorkItems(Deliverables deliverables, DispatchCalendar dispatches, ObjectProvider<I18NProvider> i18n,
			ObjectProvider<Clock> clock) {
		this.deliverables = deliverables;
		this.dispatches = dispatches;
		this.i18n = i18n;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		if (!CurrentUser.hasRole("FLOOR_MANAGER") && !CurrentUser.hasRole("OPERATOR")) {
			return List.of();
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), JapanTime.ZONE);
		List<DeliverablePeriod> late = deliverables.overdue(today);
		List<WorkItem> items = new ArrayList<>();
		if (late.isEmpty()) {
			items.add(new WorkItem(text("deliverables.work.overdue"), 0, ROUTE, Urgency.NORMAL,
					text("deliverables.work.overdue.none")));
		} else {
			String names = String.join("、", late.stream().limit(5)
					.map(p -> p.kindLabel() + " " + p.periodLabel() + "（期限 " + p.due() + "）").toList());
			items.add(new WorkItem(text("deliverables.work.overdue"), late.size(), ROUTE, Urgency.OVERDUE,
					late.size() > 5 ? text("deliverables.work.overdue.more", names, late.size() - 5) : names));
		}
		// 第4章1(2): a mailing past its planned date is late for the city and brings its calls later (第6章2 ※1)
		List<PlannedDispatches.Dispatch> lateMailings = dispatches.overdue(today);
		if (!lateMailings.isEmpty()) {
			String names = String.join("、", lateMailings.stream().limit(5)
					.map(d -> text("deliverables.work.dispatches.item", d.label(), d.due())).toList());
			items.add(new WorkItem(text("deliverables.work.dispatches"), lateMailings.size(),
					CurrentUser.hasRole("FLOOR_MANAGER") ? LINES_ROUTE : MAILINGS_ROUTE,
					Urgency.OVERDUE, lateMailings.size() > 5
							? text("deliverables.work.overdue.more", names, lateMailings.size() - 5) : names));
		}
		String me = CurrentUser.name();
		long toCheck = deliverables.month(java.time.YearMonth.from(today)).stream()
				.filter(p -> p.state() == DeliverableState.GENERATED && !me.equals(p.generatedBy())).count();
		if (toCheck > 0) {
			items.add(new WorkItem(text("deliverables.work.check"), toCheck, ROUTE, Urgency.ATTENTION,
					text("deliverables.work.check.detail")));
		}
		return items;
	}

	private String text(String key, Object... params) {
		I18NProvider provider = i18n.getIfAvailable();
		return provider == null ? key : provider.getTranslation(key, Locale.JAPAN, params);
	}
}
