package jp.ikiiki.desk.notices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import jp.ikiiki.desk.notices.DueNotice;
import jp.ikiiki.desk.notices.Half;
import jp.ikiiki.desk.notices.NoticeRunRequest;
import jp.ikiiki.desk.notices.NoticeRunResult;
import jp.ikiiki.desk.notices.NoticeRunSummary;
import jp.ikiiki.desk.notices.NoticeRuns;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;

/**
 * 通知: the points notice runs (第8章1–4) with what each produced, the 獲得ポイント通知一覧 of each for the city, a new run
 * (year, month, 中旬/下旬; operators only) and the notices late or due within the configured days (第8章2: within a
 * month of the city's receipt).
 */
@Route("notices")
@PageTitle("獲得ポイント通知 | いきいきデスク")
@Menu(order = 56, title = "獲得ポイント通知")
@RolesAllowed({ Roles.OPERATOR, Roles.FLOOR_MANAGER })
class NoticesView extends VerticalLayout {

	static final String CHANNEL = "画面:獲得ポイント通知";

	private final NoticeRuns runs;
	private final Grid<NoticeRunSummary> grid = new Grid<>(NoticeRunSummary.class, false);
	private final Grid<DueNotice> due = new Grid<>(DueNotice.class, false);
	private final Span dueTitle = new Span();

	NoticesView(NoticeRuns runs, BusinessYears years) {
		this.runs = runs;
		setSizeFull();
		add(new H2(getTranslation("notices.title")));

		if (CurrentUser.hasRole(Roles.OPERATOR)) {
			var year = new Select<BusinessYear>();
			year.setId("notices-year");
			year.setLabel(getTranslation("notices.run.year"));
			year.setItems(years.open());
			year.setItemLabelGenerator(y -> getTranslation("notices.run.year.item", y.labelWithStanding(),
					JapaneseDates.toEraYearMonth(y.noticesFrom())));
			year.setWidth("22em");
			years.open().stream().filter(y -> y.noticesOpenIn(YearMonth.from(years.today()))).reduce((a, b) -> b)
					.ifPresent(year::setValue);
			var month = new TextField(getTranslation("notices.run.month"));
			month.setId("notices-month");
			month.setValue(YearMonth.from(years.today()).toString());
			month.setPlaceholder("yyyy-MM");
			month.setAllowedCharPattern("[0-9-]");
			month.setMaxLength(7);
			month.setWidth("8em");
			var half = new ComboBox<Half>(getTranslation("notices.run.half"));
			half.setId("notices-half");
			half.setItems(Half.values());
			half.setItemLabelGenerator(Half::label);
			half.setValue(years.today().getDayOfMonth() <= 15 ? Half.MID : Half.LATE);
			half.setWidth("7em");
			var start = new Button(getTranslation("notices.run.start"));
			start.setId("notices-run");
			start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			start.addClickListener(e -> {
				if (year.getValue() == null || half.getValue() == null) {
					Notices.error(getTranslation("notices.run.missing"));
					return;
				}
				YearMonth m;
				try {
					m = YearMonth.parse(month.getValue().strip());
				} catch (DateTimeParseException ex) {
					Notices.error(getTranslation("notices.run.bad-month"));
					month.focus();
					return;
				}
				try {
					NoticeRunResult r = runs.run(new NoticeRunRequest(year.getValue().year(), m, half.getValue()), CHANNEL);
					Notices.success(getTranslation("notices.run.done", r.notified().size(), r.withAccountForm().size(),
							r.notNotified().size(), r.overdue().size()));
				} catch (DomainException ex) {
					Notices.error(ex);
				}
				refresh();
			});
			var form = new HorizontalLayout(year, month, half, start);
			form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
			add(form);
		}

		grid.setId("notices-runs");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(NoticeRunSummary::id).setHeader(getTranslation("notices.col.id")).setWidth("3.5rem").setFlexGrow(0);
		grid.addColumn(r -> BusinessYear.labelOf(r.businessYear())).setHeader(getTranslation("notices.col.year"))
				.setWidth("7rem").setFlexGrow(0);
		grid.addColumn(r -> JapaneseDates.toEraYearMonth(YearMonth.parse(r.month())) + r.half().label())
				.setHeader(getTranslation("notices.col.month")).setWidth("8.5rem").setFlexGrow(0);
		grid.addColumn(this::status)
				.setHeader(getTranslation("notices.col.status")).setWidth("4.5rem").setFlexGrow(0);
		grid.addColumn(NoticeRunSummary::notified).setHeader(getTranslation("notices.col.notified")).setWidth("4rem").setTextAlign(ColumnTextAlign.END)
				.setFlexGrow(0);
		grid.addColumn(NoticeRunSummary::withAccountForm).setHeader(getTranslation("notices.col.with-form"))
				.setWidth("6rem").setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
		grid.addColumn(NoticeRunSummary::notNotified).setHeader(getTranslation("notices.col.not-notified"))
				.setWidth("4.5rem").setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
		grid.addColumn(NoticeRunSummary::overdue).setHeader(getTranslation("notices.col.overdue")).setWidth("5.5rem").setTextAlign(ColumnTextAlign.END)
				.setFlexGrow(0);
		grid.addColumn(r -> batches(r)).setHeader(getTranslation("notices.col.batches")).setWidth("7rem").setFlexGrow(0);
		grid.addColumn(r -> JapaneseDates.toWestern(r.runOn()) + " " + r.createdBy())
				.setHeader(getTranslation("notices.col.run-by")).setWidth("6rem").setFlexGrow(1);
		if (CurrentUser.hasRole(Roles.OPERATOR)) {
			grid.addComponentColumn(this::download).setHeader(getTranslation("notices.col.list")).setWidth("6rem")
					.setFlexGrow(0);
		}
		grid.setHeight("14em");
		add(new H3(getTranslation("notices.runs")), grid);

		dueTitle.setId("notices-due-title");
		due.setId("notices-due");
		due.addThemeVariants(GridVariant.LUMO_COMPACT);
		due.addColumn(DueNotice::addressNumber).setHeader(getTranslation("notices.due.col.address-number"))
				.setWidth("9rem").setFlexGrow(0);
		due.addColumn(DueNotice::managementNumber).setHeader(getTranslation("notices.due.col.management-number"))
				.setWidth("10rem").setFlexGrow(0);
		due.addColumn(d -> BusinessYear.labelOf(d.businessYear())).setHeader(getTranslation("notices.col.year"))
				.setWidth("8rem").setFlexGrow(0);
		due.addColumn(d -> JapaneseDates.toWestern(d.receivedOn())).setHeader(getTranslation("notices.due.col.received"))
				.setWidth("8rem").setFlexGrow(0);
		due.addColumn(d -> JapaneseDates.toWestern(d.dueBy())).setHeader(getTranslation("notices.due.col.due"))
				.setWidth("8rem").setFlexGrow(0);
		due.addColumn(d -> d.daysLeft() < 0 ? getTranslation("notices.due.late", -d.daysLeft())
				: getTranslation("notices.due.left", d.daysLeft())).setHeader(getTranslation("notices.due.col.state"))
				.setFlexGrow(1);
		var dueHeader = new HorizontalLayout(new H3(getTranslation("notices.due.title")), dueTitle);
		dueHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(dueHeader, due);
		setFlexGrow(1, due);
		due.setMinHeight("8em");
		refresh();
	}

	private String status(NoticeRunSummary r) {
		return switch (r.status()) {
			case "RUNNING" -> getTranslation("notices.status.running");
			case "DONE" -> getTranslation("notices.status.done");
			default -> getTranslation("notices.status.failed");
		};
	}

	private String batches(NoticeRunSummary r) {
		if (r.noticeBatchId() == 0 && r.formBatchId() == 0) {
			return "—";
		}
		return (r.noticeBatchId() == 0 ? "—" : "#" + r.noticeBatchId()) + " / "
				+ (r.formBatchId() == 0 ? "—" : "#" + r.formBatchId());
	}

	private Anchor download(NoticeRunSummary r) {
		if (!"DONE".equals(r.status())) {
			var none = new Anchor();
			none.setText("—");
			return none;
		}
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			byte[] xlsx = runs.listXlsx(r.id(), CHANNEL);
			return new DownloadResponse(new ByteArrayInputStream(xlsx), "獲得ポイント通知一覧_" + r.id() + ".xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
		});
		var a = new Anchor(handler, AttachmentType.DOWNLOAD, "");
		a.add(VaadinIcon.DOWNLOAD_ALT.create());
		a.add(" " + getTranslation("notices.list.download"));
		a.setId("notices-list-" + r.id());
		return a;
	}

	private void refresh() {
		grid.setItems(runs.runs(100));
		var list = runs.dueSoon();
		due.setItems(list);
		long late = list.stream().filter(d -> d.daysLeft() < 0).count();
		dueTitle.setText(getTranslation("notices.due.count", late, list.size() - late));
	}
}
