package jp.ikiiki.desk.payments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.payments.AccountReminders;
import jp.ikiiki.desk.payments.AccountReminders.Due;
import jp.ikiiki.desk.payments.AccountReminders.DueList;
import jp.ikiiki.desk.payments.AccountReminders.NotDue;
import jp.ikiiki.desk.payments.AccountReminders.Reason;
import jp.ikiiki.desk.payments.AccountReminders.Reminder;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.tally.BusinessYear;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Reminders to register an account (第8章6): the due list of a business year with each person's reason (no form, a
 * faulty form with what is wrong, a transfer the bank returned) and the counts per reason; those not asked now and
 * why (already reminded for the year, a form being keyed); and, when the city instructs it, the start of the reminder
 * with the city's instruction date noted (operators: they make the mailings). The reminder is then a mailing batch, printed and dispatched on the mailing
 * screens; the dispatch date goes to 別紙3 col 52. Operators and floor managers.
 */
@Route("payments/reminders")
@PageTitle("口座登録再通知 | いきいきデスク")
@Menu(order = 64, title = "口座登録再通知")
@RolesAllowed({ Roles.OPERATOR, Roles.FLOOR_MANAGER })
class AccountRemindersView extends VerticalLayout {

	private static final String REASON = "payments.reminder.reason.";
	private static final String NOT_DUE = "payments.reminder.notdue.";
	private static final String STATE = "payments.reminder.state.";

	private final AccountReminders reminders;
	private final NumberFormat yen = NumberFormat.getIntegerInstance(Locale.JAPAN);
	private final IntegerField year = new IntegerField();
	private final DatePicker instructedOn = new DatePicker();
	private final TextField instruction = new TextField();
	private final Span counts = new Span();
	private final Grid<Due> due = new Grid<>(Due.class, false);
	private final Grid<NotDue> notDue = new Grid<>(NotDue.class, false);
	private final Grid<Reminder> history = new Grid<>(Reminder.class, false);
	private DueList shown;

	AccountRemindersView(AccountReminders reminders, BusinessCalendar calendar, ObjectProvider<Clock> clock) {
		this.reminders = reminders;
		setPadding(true);
		setSpacing(false);
		add(new H2(getTranslation("payments.reminders.title")));
		var lead = new Span(getTranslation("payments.reminders.lead"));
		lead.getStyle().set("color", "var(--lumo-secondary-text-color)");
		add(lead);

		LocalDate today = JapanTime.today(clock.getIfAvailable(Clock::systemUTC));
		year.setLabel(getTranslation("payments.reminders.year"));
		year.setId("payments-reminder-year");
		year.setValue(calendar.businessYearOf(today));
		year.setWidth("8em");
		var show = new Button(getTranslation("payments.reminders.show"));
		show.setId("payments-reminder-show");
		show.addClickListener(e -> load());
		instructedOn.setLabel(getTranslation("payments.reminders.instructed-on"));
		instructedOn.setId("payments-reminder-instructed-on");
		instructedOn.setI18n(PaymentRunsView.japanese());
		instructedOn.setMax(today);
		instruction.setLabel(getTranslation("payments.reminders.instruction"));
		instruction.setId("payments-reminder-instruction");
		instruction.setMaxLength(200);
		instruction.setWidth("22em");
		instruction.setPlaceholder(getTranslation("payments.reminders.instruction.placeholder"));
		var start = new Button(getTranslation("payments.reminders.start"));
		start.setId("payments-reminder-start");
		start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		start.addClickListener(e -> confirmStart());
		boolean operator = jp.ikiiki.desk.shared.CurrentUser.hasRole(Roles.OPERATOR);
		instructedOn.setVisible(operator);
		instruction.setVisible(operator);
		start.setVisible(operator);
		var row = new HorizontalLayout(year, show, instructedOn, instruction, start);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(row);

		counts.setId("payments-reminder-counts");
		counts.getStyle().set("font-weight", "bold").set("margin", "var(--lumo-space-s) 0");
		add(counts);

		due.setId("payments-reminder-due");
		due.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		due.addColumn(Due::addressNumber).setHeader(getTranslation("payments.col.address")).setWidth("7.5em").setFlexGrow(0);
		due.addColumn(d -> getTranslation(REASON + d.reason().name())).setHeader(getTranslation("payments.reminders.col.reason"))
				.setWidth("6.5em").setFlexGrow(0);
		due.addColumn(Due::detail).setHeader(getTranslation("payments.reminders.col.detail")).setFlexGrow(1)
				.setTooltipGenerator(Due::detail);
		due.addColumn(d -> getTranslation("payments.yen", yen.format(d.amountYen())))
				.setHeader(getTranslation("payments.reminders.col.amount")).setWidth("6em").setFlexGrow(0);
		due.addColumn(d -> d.since() == null ? "" : JapaneseDates.toWestern(d.since()))
				.setHeader(getTranslation("payments.reminders.col.since")).setWidth("6.5em").setFlexGrow(0);
		due.setHeight("13em");

		notDue.setId("payments-reminder-notdue");
		notDue.addThemeVariants(GridVariant.LUMO_COMPACT);
		notDue.addColumn(NotDue::addressNumber).setHeader(getTranslation("payments.col.address")).setWidth("7.5em").setFlexGrow(0);
		notDue.addColumn(n -> getTranslation(NOT_DUE + n.why())).setHeader(getTranslation("payments.reminders.col.why")).setFlexGrow(1);
		notDue.addColumn(n -> n.remindedOn() == null ? "" : JapaneseDates.toWestern(n.remindedOn()))
				.setHeader(getTranslation("payments.reminders.col.reminded-on")).setWidth("7em").setFlexGrow(0);
		notDue.setHeight("13em");

		var dueBox = box(getTranslation("payments.reminders.due.title"), due, "68%");
		var notDueBox = box(getTranslation("payments.reminders.notdue.title"), notDue, "32%");
		var lists = new HorizontalLayout(dueBox, notDueBox);
		lists.setWidthFull();
		add(lists);

		history.setId("payments-reminder-history");
		history.addThemeVariants(GridVariant.LUMO_COMPACT);
		history.addColumn(Reminder::id).setHeader(getTranslation("payments.reminders.col.id")).setWidth("4em").setFlexGrow(0);
		history.addColumn(r -> BusinessYear.labelOf(r.businessYear())).setHeader(getTranslation("payments.reminders.col.year"))
				.setWidth("9em").setFlexGrow(0);
		history.addColumn(r -> JapaneseDates.toWestern(r.instructedOn()))
				.setHeader(getTranslation("payments.reminders.col.instructed-on")).setWidth("8em").setFlexGrow(0);
		history.addColumn(Reminder::instruction).setHeader(getTranslation("payments.reminders.col.instruction")).setFlexGrow(1);
		history.addColumn(r -> getTranslation(STATE + r.state())).setHeader(getTranslation("payments.reminders.col.state"))
				.setWidth("6em").setFlexGrow(0);
		history.addColumn(r -> yen.format(r.reminded())).setHeader(getTranslation("payments.reminders.col.reminded"))
				.setWidth("6em").setFlexGrow(0);
		history.addColumn(r -> yen.format(r.leftOut())).setHeader(getTranslation("payments.reminders.col.left-out"))
				.setWidth("7em").setFlexGrow(0);
		history.addColumn(Reminder::batchId).setHeader(getTranslation("payments.reminders.col.batch")).setWidth("6em").setFlexGrow(0);
		history.addColumn(r -> r.dispatchedOn() == null ? "" : JapaneseDates.toWestern(r.dispatchedOn()))
				.setHeader(getTranslation("payments.reminders.col.dispatched-on")).setWidth("8em").setFlexGrow(0);
		history.setHeight("9em");
		add(new H3(getTranslation("payments.reminders.history.title")), history);
		load();
	}

	private static Component box(String title, Grid<?> grid, String width) {
		var heading = new Span(title);
		heading.getStyle().set("font-weight", "bold");
		var box = new VerticalLayout(heading, grid);
		box.setPadding(false);
		box.setSpacing(false);
		box.setWidth(width);
		return box;
	}

	private void load() {
		if (year.getValue() == null) {
			Notices.error(getTranslation("payments.reminders.year.missing"));
			return;
		}
		try {
			shown = reminders.due(year.getValue());
			due.setItems(shown.due());
			notDue.setItems(shown.notDue());
			List<String> parts = new ArrayList<>();
			for (Reason r : Reason.values()) {
				parts.add(getTranslation("payments.reminders.count.part", getTranslation(REASON + r.name()),
						yen.format(shown.byReason().getOrDefault(r, 0))));
			}
			counts.setText(getTranslation("payments.reminders.counts", BusinessYear.labelOf(shown.businessYear()),
					yen.format(shown.due().size()), String.join("、", parts), yen.format(shown.notDue().size())));
			history.setItems(reminders.reminders(20));
		} catch (DomainException e) {
			shown = null;
			due.setItems(List.of());
			notDue.setItems(List.of());
			counts.setText("");
			Notices.error(e);
		}
	}

	private void confirmStart() {
		if (year.getValue() == null) {
			Notices.error(getTranslation("payments.reminders.year.missing"));
			return;
		}
		if (instructedOn.getValue() == null) {
			Notices.error(getTranslation("payments.reminders.instructed-on.missing"));
			return;
		}
		if (shown == null || shown.businessYear() != year.getValue()) {
			load();
		}
		if (shown == null) {
			return;
		}
		var dialog = new ConfirmDialog();
		dialog.setId("payments-reminder-start-confirm");
		dialog.setHeader(getTranslation("payments.reminders.start.header", BusinessYear.labelOf(shown.businessYear())));
		dialog.setText(getTranslation("payments.reminders.start.text", yen.format(shown.due().size()),
				JapaneseDates.toWestern(instructedOn.getValue())));
		dialog.setConfirmText(getTranslation("payments.reminders.start.confirm"));
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("payments.run.back"));
		int y = shown.businessYear();
		LocalDate on = instructedOn.getValue();
		String note = instruction.getValue();
		dialog.addConfirmListener(e -> Notices.attempt(() -> reminders.start(y, on, note)).ifPresent(r -> {
			Notices.success(getTranslation("payments.reminders.started", r.id(), yen.format(r.reminded()), r.batchId()));
			instruction.clear();
			load();
		}));
		dialog.open();
	}
}
