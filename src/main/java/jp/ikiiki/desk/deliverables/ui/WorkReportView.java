package jp.ikiiki.desk.deliverables.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.WorkReport;
import jp.ikiiki.desk.deliverables.WorkReports;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;

/**
 * 作業報告書: the month's KPIs (第1章5(1)) with target, actual from the data and whether it was achieved; floor managers
 * write 実施内容 and 今後の対策 per KPI (a month without its own text starts from the previous month's, as a draft);
 * XLSX and PDF downloads (audited).
 */
@Route("work-report")
@Menu(order = 46, title = "作業報告書")
@RolesAllowed({ "FLOOR_MANAGER", "CITY_STAFF" })
class WorkReportView extends VerticalLayout implements HasDynamicTitle {

	private static final String CHANNEL = "画面:作業報告書";

	private final WorkReports reports;
	private final boolean editor = CurrentUser.hasRole("FLOOR_MANAGER");
	private final Select<YearMonth> month = new Select<>();
	private final Div kpis = new Div();

	WorkReportView(WorkReports reports) {
		this.reports = reports;
		H2 title = new H2(getTranslation("deliverables.work-report.heading"));
		title.getStyle().set("margin", "0");
		YearMonth now = YearMonth.now(JapanTime.ZONE);
		List<YearMonth> months = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			months.add(now.minusMonths(i));
		}
		month.setLabel(getTranslation("deliverables.work-report.month"));
		month.setId("work-report-month");
		month.setItems(months);
		month.setItemLabelGenerator(m -> getTranslation("deliverables.month.label", m.getYear(), m.getMonthValue()));
		month.setValue(now.minusMonths(1));
		month.addValueChangeListener(e -> refresh());
		HorizontalLayout controls = new HorizontalLayout(month, download("xlsx"), download("pdf"));
		controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		kpis.setWidthFull();
		kpis.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(30em, 1fr))")
				.set("gap", "var(--lumo-space-m)");
		add(title, controls, kpis);
		refresh();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("deliverables.work-report.title");
	}

	private Anchor download(String format) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			try {
				DeliverableFile f = reports.file(month.getValue(), format, CHANNEL);
				return new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.contentType(),
						f.content().length);
			} catch (DomainException e) {
				return DownloadResponse.error(HttpStatusCode.BAD_REQUEST);
			}
		});
		Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, format.toUpperCase());
		a.setId("work-report-" + format);
		return a;
	}

	private void refresh() {
		kpis.removeAll();
		Notices.attempt(() -> reports.report(month.getValue())).ifPresent(report -> {
			for (WorkReport.Kpi k : report.kpis()) {
				kpis.add(card(report, k));
			}
		});
	}

	private VerticalLayout card(WorkReport report, WorkReport.Kpi k) {
		VerticalLayout card = new VerticalLayout();
		card.setSpacing(false);
		card.setId("kpi-" + k.key());
		card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
		H4 name = new H4(k.title() + "（" + k.clause() + "）");
		name.getStyle().set("margin", "0");
		Span target = new Span(getTranslation("deliverables.work-report.target", k.target()));
		Span actual = new Span(getTranslation("deliverables.work-report.actual",
				k.actual() == null ? getTranslation("deliverables.work-report.no-data") : k.actual().text()));
		Span achieved = new Span(k.actual() == null ? getTranslation("deliverables.work-report.no-data")
				: k.actual().achieved() == null ? "—"
						: getTranslation(k.actual().achieved() ? "deliverables.work-report.achieved"
								: "deliverables.work-report.missed"));
		achieved.getElement().getThemeList().add(k.actual() != null && Boolean.FALSE.equals(k.actual().achieved())
				? "badge error" : k.actual() != null && Boolean.TRUE.equals(k.actual().achieved()) ? "badge success"
						: "badge contrast");
		card.add(name, target, new HorizontalLayout(actual, achieved));
		TextArea done = new TextArea(getTranslation("deliverables.work-report.done"));
		TextArea next = new TextArea(getTranslation("deliverables.work-report.next"));
		done.setValue(k.done());
		next.setValue(k.next());
		for (TextArea t : List.of(done, next)) {
			t.setWidthFull();
			t.setMaxLength(4000);
			t.setReadOnly(!editor);
		}
		if (k.draft()) {
			done.setHelperText(getTranslation("deliverables.work-report.draft"));
		}
		card.add(done, next);
		if (editor) {
			YearMonth m = YearMonth.parse(report.month());
			Button save = new Button(getTranslation("deliverables.work-report.save"), e -> {
				if (Notices.attempt(() -> reports.saveNote(m, k.key(), done.getValue(), next.getValue()),
						getTranslation("deliverables.work-report.saved"))) {
					done.setHelperText(null);
				}
			});
			save.addThemeVariants(ButtonVariant.LUMO_SMALL);
			save.setId("save-" + k.key());
			card.add(save);
		}
		return card;
	}
}
