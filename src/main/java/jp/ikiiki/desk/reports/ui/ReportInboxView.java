package jp.ikiiki.desk.reports.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.component.html.AttachmentType;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.ikiiki.desk.reports.CityReports;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.reports.StoredReport;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * 報告書: the city staff's inbox of daily reports and monthly summaries (第6章1(4)), every version, unread ones
 * marked; PDF and XLSX downloads (audited, and marking the report read); whether reports are e-mailed and how
 * each mail went; and a report made on demand for any past day or month.
 */
@Route("reports")
@PageTitle("報告書 | いきいきデスク")
@Menu(order = 40, title = "報告書")
@RolesAllowed({ "CITY_STAFF", "FLOOR_MANAGER" })
class ReportInboxView extends VerticalLayout {

	private static final String CHANNEL = "画面:報告書";

	private final CityReports reports;
	private final Span unread = new Span();
	private final Grid<StoredReport> grid = new Grid<>(StoredReport.class, false);

	ReportInboxView(CityReports reports) {
		this.reports = reports;
		setSizeFull();
		add(new H2("報告書（日報・月報）"));
		Span mail = new Span(reports.mailConfigured()
				? "報告書は作成後、市の宛先へメールでも送信されます（送信状況は各行の「メール」欄）。"
				: "メール送信は設定されていません（SMTP または宛先が未設定）。報告書はこの受信箱でご確認ください。");
		mail.setId("reports-mail");
		unread.setId("reports-unread");
		unread.getStyle().set("font-weight", "bold");
		add(mail, new HorizontalLayout(unread), onDemand());
		grid();
		add(grid);
		refresh();
	}

	private HorizontalLayout onDemand() {
		DatePicker day = new DatePicker("対象日（月報はその月）");
		day.setId("reports-day");
		day.setWidth("14em");
		day.setMax(LocalDate.now(JapanTime.ZONE));
		day.setValue(LocalDate.now(JapanTime.ZONE).minusDays(1));
		Button daily = new Button("日報を作成", e -> generate(() -> reports.generateDaily(day.getValue())));
		daily.setId("reports-generate-daily");
		daily.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button monthly = new Button("月報を作成", e -> generate(() -> reports.generateMonthly(YearMonth.from(day.getValue()))));
		monthly.setId("reports-generate-monthly");
		HorizontalLayout row = new HorizontalLayout(day, daily, monthly);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		return row;
	}

	private void generate(java.util.function.Supplier<StoredReport> action) {
		try {
			StoredReport r = action.get();
			notify(r.kind().title() + " " + period(r) + "（第" + r.version() + "版）を作成しました", false);
			refresh();
		} catch (IllegalArgumentException | NullPointerException ex) {
			notify(ex.getMessage() == null ? "日付を選んでください" : ex.getMessage(), true);
		}
	}

	private void grid() {
		grid.setId("reports-grid");
		grid.addComponentColumn(r -> {
			Span s = new Span(r.read() ? "既読" : "未読");
			s.getStyle().set("font-weight", r.read() ? "normal" : "bold")
					.set("color", r.read() ? "var(--lumo-secondary-text-color)" : "var(--lumo-primary-text-color)");
			return s;
		}).setHeader("状態").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(r -> r.kind().title()).setHeader("種別").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(ReportInboxView::period).setHeader("期間").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(r -> "第" + r.version() + "版").setHeader("版").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(r -> {
			var t = r.generatedAt().atZone(JapanTime.ZONE);
			return JapaneseDates.toWestern(t.toLocalDate()) + " " + String.format("%d:%02d", t.getHour(), t.getMinute())
					+ "（" + ("system".equals(r.generatedBy()) ? "定時処理" : r.generatedBy()) + "）";
		}).setHeader("作成").setAutoWidth(true);
		grid.addColumn(r -> r.received() + " / " + r.answered()).setHeader("受電 / 応答").setAutoWidth(true);
		grid.addColumn(r -> r.answerRate() == null ? "—" : new DecimalFormat("0.0%").format(r.answerRate()))
				.setHeader("応答率").setAutoWidth(true);
		grid.addColumn(r -> r.gap() ? "データ欠落あり" : "").setHeader("注意").setAutoWidth(true);
		grid.addColumn(r -> r.mail().status().label()
				+ (r.mail().lastError() != null && r.mail().status() != StoredReport.MailStatus.SENT
						? "（" + r.mail().attempts() + "回目: " + r.mail().lastError() + "）" : ""))
				.setHeader("メール").setAutoWidth(true);
		grid.addComponentColumn(r -> new HorizontalLayout(link(r, ReportFormat.PDF), link(r, ReportFormat.XLSX)))
				.setHeader("ダウンロード").setWidth("10em").setFlexGrow(0).setFrozenToEnd(true);
		grid.setSizeFull();
	}

	/** A download link: the stored file, audited and marking the report read; the grid updates afterwards. */
	private Anchor link(StoredReport r, ReportFormat format) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			var file = reports.download(r.id(), format, CHANNEL);
			UI ui = event.getUI();
			if (ui != null) {
				ui.access(this::refresh);
			}
			return file.map(f -> new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(),
					f.contentType(), f.content().length))
					.orElseGet(() -> DownloadResponse.error(HttpStatusCode.NOT_FOUND));
		});
		Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, format.name());
		a.setId("report-" + r.id() + "-" + format.extension());
		return a;
	}

	private void refresh() {
		int n = reports.unread();
		unread.setText(n == 0 ? "未読の報告書はありません" : "未読 " + n + " 件");
		grid.setItems(q -> reports.inbox(q.getOffset(), q.getLimit()).stream());
	}

	private static String period(StoredReport r) {
		if (r.kind() == ReportKind.DAILY) {
			return JapaneseDates.toEraKanji(r.from()) + "（"
					+ r.from().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.JAPANESE)
					+ "）";
		}
		String d = JapaneseDates.toEraKanji(r.from());
		return d.substring(0, d.indexOf('月') + 1);
	}

	private static void notify(String text, boolean error) {
		Notification n = Notification.show(text, error ? 8000 : 4000, Notification.Position.MIDDLE);
		n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
	}
}
