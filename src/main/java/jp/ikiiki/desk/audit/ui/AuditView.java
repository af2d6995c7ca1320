package jp.ikiiki.desk.audit.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
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
import java.time.format.DateTimeFormatter;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditEntry;
import jp.ikiiki.desk.audit.AuditFilter;
import jp.ikiiki.desk.audit.AuditQueries;

/** The audit trail, filterable, paged lazily; information-security manager only. */
@Route("audit")
@PageTitle("監査ログ | いきいきデスク")
@Menu(order = 91, title = "監査ログ")
@RolesAllowed("SECURITY_ADMIN")
class AuditView extends VerticalLayout {
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(JapanTime.ZONE);

	private final AuditQueries audit;
	private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
	private final TextField subject = new TextField("宛名番号");
	private final TextField user = new TextField("ユーザー名");
	private final ComboBox<AuditAction> action = new ComboBox<>("操作");
	private final DatePicker from = new DatePicker("開始日");
	private final DatePicker to = new DatePicker("終了日");
	private final TextField text = new TextField("画面・ファイル・内容");
	private final Span total = new Span();

	AuditView(AuditQueries audit) {
		this.audit = audit;
		setSizeFull();
		action.setItems(AuditAction.values());
		action.setItemLabelGenerator(AuditAction::label);
		action.setClearButtonVisible(true);
		subject.setId("audit-subject");
		var search = new Button("絞り込み", e -> refresh());
		var filters = new HorizontalLayout(subject, user, action, from, to, text, search);
		filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		filters.setWrap(true);
		add(new H2("監査ログ"), filters, total);

		grid.setId("audit-grid");
		grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("日時").setAutoWidth(true);
		grid.addColumn(AuditEntry::username).setHeader("ユーザー").setAutoWidth(true);
		grid.addColumn(e -> e.action().label()).setHeader("操作").setAutoWidth(true);
		grid.addColumn(AuditEntry::channel).setHeader("画面・API").setAutoWidth(true);
		grid.addColumn(e -> e.subjectIds().size() <= 5 ? String.join(", ", e.subjectIds())
				: String.join(", ", e.subjectIds().subList(0, 5)) + " ほか" + (e.subjectIds().size() - 5) + "件")
				.setHeader("対象者（宛名番号）").setAutoWidth(true);
		grid.addColumn(AuditEntry::fileName).setHeader("ファイル").setAutoWidth(true);
		grid.addColumn(AuditEntry::detail).setHeader("内容").setFlexGrow(1);
		grid.setSizeFull();
		add(grid);
		refresh();
	}

	private void refresh() {
		AuditFilter filter = new AuditFilter(subject.getValue(), user.getValue(), action.getValue(), start(from.getValue()),
				start(to.getValue() == null ? null : to.getValue().plusDays(1)), text.getValue());
		total.setText(audit.count(filter) + " 件");
		grid.setItems(query -> audit.find(filter, query.getOffset(), query.getLimit()).stream());
	}

	private static java.time.Instant start(LocalDate day) {
		return day == null ? null : day.atStartOfDay(JapanTime.ZONE).toInstant();
	}
}
