package jp.ikiiki.desk.agentdesk.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import jp.ikiiki.desk.agentdesk.CallbackItem;
import jp.ikiiki.desk.agentdesk.CallbackList;
import jp.ikiiki.desk.security.Roles;

/**
 * 折返しリスト (issue 4 point 4): a day's abandoned, timed-out and refused callers by number, whether they called
 * again and were answered, and who called them back.
 */
@Route("callbacks")
@PageTitle("折返しリスト | いきいきデスク")
@Menu(title = "折返しリスト", order = 6)
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER })
class CallbacksView extends VerticalLayout {
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(JapanTime.ZONE);

	private final CallbackList callbacks;
	private final DatePicker day = new DatePicker("日付");
	private final Checkbox openOnly = new Checkbox("未対応のみ");
	private final Span summary = new Span();
	private final Grid<CallbackItem> grid = new Grid<>(CallbackItem.class, false);

	CallbacksView(CallbackList callbacks) {
		this.callbacks = callbacks;
		setWidthFull();
		add(new H2("折返しリスト"));
		day.setId("callbacks-day");
		day.setLocale(java.util.Locale.JAPAN);
		day.setValue(LocalDate.now(JapanTime.ZONE));
		day.addValueChangeListener(e -> refresh());
		openOnly.setId("callbacks-open-only");
		openOnly.addValueChangeListener(e -> refresh());
		summary.setId("callbacks-summary");
		var bar = new HorizontalLayout(day, openOnly, summary);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(bar);

		grid.setId("callbacks-grid");
		grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(CallbackItem::callerNumber).setHeader("電話番号").setAutoWidth(true);
		grid.addColumn(i -> i.unanswered().stream().map(u -> TIME.format(u.at()) + " " + label(u.outcome()))
				.collect(Collectors.joining("、"))).setHeader("不応答の受電").setFlexGrow(1);
		grid.addColumn(i -> i.answeredLaterAt() == null ? "—" : TIME.format(i.answeredLaterAt()) + " 応答済")
				.setHeader("再入電・応答").setAutoWidth(true);
		grid.addComponentColumn(this::callbackCell).setHeader("折返し").setAutoWidth(true);
		grid.setAllRowsVisible(true);
		add(grid);
		refresh();
	}

	private com.vaadin.flow.component.Component callbackCell(CallbackItem item) {
		if (item.calledBackAt() != null) {
			var done = new Span(TIME.format(item.calledBackAt()) + " " + item.calledBackBy()
					+ (item.callbackNote().isBlank() ? "" : "：" + item.callbackNote()));
			done.addClassName("callback-done");
			return done;
		}
		var mark = new Button("折返し済にする", e -> markDialog(item));
		mark.addClassName("callback-mark");
		mark.addThemeVariants(ButtonVariant.LUMO_SMALL);
		return mark;
	}

	private void markDialog(CallbackItem item) {
		var dialog = new Dialog();
		dialog.setHeaderTitle("折返し済にする: " + item.callerNumber());
		var note = new TextField("メモ");
		note.setId("callbacks-note");
		note.setWidth("24em");
		var ok = new Button("記録", e -> {
			try {
				callbacks.markCalledBack(day.getValue(), item.callerNumber(), note.getValue());
				dialog.close();
				refresh();
			} catch (IllegalArgumentException ex) {
				Notification.show(ex.getMessage(), 6000, Notification.Position.BOTTOM_START)
						.addThemeVariants(NotificationVariant.LUMO_ERROR);
			}
		});
		ok.setId("callbacks-mark-ok");
		ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(note);
		dialog.getFooter().add(new Button("取消", e -> dialog.close()), ok);
		dialog.open();
	}

	private void refresh() {
		LocalDate d = day.getValue() == null ? LocalDate.now(JapanTime.ZONE) : day.getValue();
		List<CallbackItem> items = callbacks.day(d);
		long open = items.stream().filter(i -> !i.settled()).count();
		summary.setText("不応答の番号 " + items.size() + " 件（未対応 " + open + " 件）");
		grid.setItems(openOnly.getValue() ? items.stream().filter(i -> !i.settled()).toList() : items);
	}

	private static String label(jp.ikiiki.desk.telephony.CallOutcome outcome) {
		return switch (outcome) {
			case ABANDONED -> "放棄";
			case TIMEOUT -> "タイムアウト";
			case REFUSED -> "話中";
			case ANSWERED -> "応答";
		};
	}
}
