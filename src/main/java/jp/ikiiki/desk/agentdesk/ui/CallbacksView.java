package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import jp.ikiiki.desk.agentdesk.CallbackItem;
import jp.ikiiki.desk.agentdesk.CallbackList;
import jp.ikiiki.desk.platform.ui.JapaneseDateField;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.PhoneNumbers;
import jp.ikiiki.desk.telephony.CallOutcome;

/**
 * 折返しリスト (第6章1): a day's abandoned, timed-out and refused callers by number, whether they called again and
 * were answered, and who called them back; sortable, with the counts and an "open only" filter.
 */
@Route("callbacks")
@PageTitle("折返しリスト | いきいきデスク")
@Menu(title = "折返しリスト", order = 6)
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER })
class CallbacksView extends VerticalLayout {

	private final CallbackList callbacks;
	private final DatePicker day = new DatePicker();
	private final Checkbox openOnly = new Checkbox();
	private final Span summary = new Span();
	private final Grid<CallbackItem> grid = new Grid<>(CallbackItem.class, false);

	CallbacksView(CallbackList callbacks) {
		this.callbacks = callbacks;
		setSizeFull();
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-s)");
		H2 title = new H2(getTranslation("agentdesk.callbacks.title"));
		title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
		add(title);
		JapaneseDateField.japanese(day);
		day.setId("callbacks-day");
		day.setLabel(getTranslation("agentdesk.callbacks.day"));
		day.setMax(LocalDate.now(JapanTime.ZONE));
		day.setValue(LocalDate.now(JapanTime.ZONE));
		day.addValueChangeListener(e -> refresh());
		openOnly.setId("callbacks-open-only");
		openOnly.setLabel(getTranslation("agentdesk.callbacks.open-only"));
		openOnly.addValueChangeListener(e -> refresh());
		summary.setId("callbacks-summary");
		HorizontalLayout bar = new HorizontalLayout(day, openOnly, summary);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(bar);

		grid.setId("callbacks-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(i -> PhoneNumbers.format(i.callerNumber())).setHeader(getTranslation("agentdesk.callbacks.number"))
				.setAutoWidth(true).setSortable(true);
		grid.addColumn(i -> i.unanswered().stream().map(u -> JapaneseDates.toTime(u.at()) + " " + label(u.outcome()))
				.collect(Collectors.joining("、"))).setHeader(getTranslation("agentdesk.callbacks.unanswered"))
				.setFlexGrow(1).setSortable(true).setComparator(Comparator.comparing(CallbackItem::lastUnansweredAt));
		grid.addColumn(i -> i.answeredLaterAt() == null ? "—"
				: getTranslation("agentdesk.callbacks.answered-at", JapaneseDates.toTime(i.answeredLaterAt())))
				.setHeader(getTranslation("agentdesk.callbacks.answered-later")).setAutoWidth(true).setSortable(true)
				.setComparator(Comparator.comparing(CallbackItem::answeredLaterAt, Comparator.nullsFirst(Comparator.naturalOrder())));
		grid.addComponentColumn(this::callbackCell).setHeader(getTranslation("agentdesk.callbacks.called-back"))
				.setAutoWidth(true);
		grid.setSizeFull();
		add(grid);
		expand(grid);
		refresh();
	}

	private com.vaadin.flow.component.Component callbackCell(CallbackItem item) {
		if (item.calledBackAt() != null) {
			var done = new Span(JapaneseDates.toTime(item.calledBackAt()) + " " + item.calledBackByName()
					+ (item.callbackNote().isBlank() ? "" : "：" + item.callbackNote()));
			done.addClassName("callback-done");
			return done;
		}
		var mark = new Button(getTranslation("agentdesk.callbacks.mark"), e -> markDialog(item));
		mark.addClassName("callback-mark");
		mark.addThemeVariants(ButtonVariant.LUMO_SMALL);
		return mark;
	}

	private void markDialog(CallbackItem item) {
		var dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("agentdesk.callbacks.mark-title", PhoneNumbers.format(item.callerNumber())));
		var note = new TextField(getTranslation("agentdesk.callbacks.note"));
		note.setId("callbacks-note");
		note.setWidth("24rem");
		var ok = new Button(getTranslation("agentdesk.callbacks.record"), e -> {
			if (Notices.attempt(() -> callbacks.markCalledBack(day.getValue(), item.callerNumber(), note.getValue()),
					getTranslation("agentdesk.callbacks.recorded"))) {
				dialog.close();
				refresh();
			}
		});
		ok.setId("callbacks-mark-ok");
		ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(note);
		dialog.getFooter().add(new Button(getTranslation("agentdesk.categories.cancel"), e -> dialog.close()), ok);
		dialog.open();
	}

	private void refresh() {
		LocalDate d = day.getValue() == null ? LocalDate.now(JapanTime.ZONE) : day.getValue();
		List<CallbackItem> items = callbacks.day(d);
		long open = items.stream().filter(i -> !i.settled()).count();
		summary.setText(getTranslation("agentdesk.callbacks.summary", items.size(), open));
		grid.setItems(openOnly.getValue() ? items.stream().filter(i -> !i.settled()).toList() : items);
		grid.setEmptyStateText(getTranslation(items.isEmpty() ? "agentdesk.callbacks.none"
				: "agentdesk.callbacks.none-open"));
	}

	private String label(CallOutcome outcome) {
		return switch (outcome) {
			case ABANDONED -> getTranslation("agentdesk.callbacks.abandoned");
			case TIMEOUT -> getTranslation("agentdesk.callbacks.timeout");
			case REFUSED -> getTranslation("agentdesk.callbacks.refused");
			case ANSWERED -> getTranslation("agentdesk.callbacks.answered");
		};
	}
}
