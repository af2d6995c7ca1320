package jp.ikiiki.desk.deliverables.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import jp.ikiiki.desk.deliverables.DeliverableState;
import jp.ikiiki.desk.deliverables.Deliverables;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;

/**
 * 提出物: the month's deliverables to the city (第9章1(2), 第1章5(1)), one row per period with its due date, state
 * and file; floor managers and operators generate, check (a second person), send back and deliver; city staff
 * download what was delivered. Every download is audited.
 */
@Route("deliverables")
@Menu(order = 45, title = "提出物")
@RolesAllowed({ "FLOOR_MANAGER", "OPERATOR", "CITY_STAFF" })
class DeliverablesView extends VerticalLayout implements HasDynamicTitle {

	private static final String CHANNEL = "画面:提出物";
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d（E）", java.util.Locale.JAPAN);
	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("M/d HH:mm").withZone(JapanTime.ZONE);

	private final Deliverables deliverables;
	private final boolean staff = CurrentUser.hasRole("FLOOR_MANAGER") || CurrentUser.hasRole("OPERATOR");
	private final Select<YearMonth> month = new Select<>();
	private final Span summary = new Span();
	private final Grid<DeliverablePeriod> grid = new Grid<>(DeliverablePeriod.class, false);

	DeliverablesView(Deliverables deliverables) {
		this.deliverables = deliverables;
		setSizeFull();
		setSpacing(false);
		H2 title = new H2(getTranslation("deliverables.heading"));
		title.getStyle().set("margin", "0");
		YearMonth now = YearMonth.now(JapanTime.ZONE);
		List<YearMonth> months = new ArrayList<>();
		for (int i = -12; i <= 2; i++) {
			months.add(now.plusMonths(i));
		}
		month.setLabel(getTranslation("deliverables.month"));
		month.setId("deliverables-month");
		month.setItems(months);
		month.setItemLabelGenerator(m -> getTranslation("deliverables.month.label", m.getYear(), m.getMonthValue()));
		month.setValue(now);
		month.addValueChangeListener(e -> refresh());
		summary.setId("deliverables-summary");
		HorizontalLayout controls = new HorizontalLayout(month, summary);
		controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		Span note = new Span(getTranslation(staff ? "deliverables.note.staff" : "deliverables.note.city"));
		note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		grid();
		add(title, note, controls, grid);
		setFlexGrow(1, grid);
		refresh();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("deliverables.title");
	}

	private void grid() {
		grid.setId("deliverables-grid");
		grid.addComponentColumn(this::due).setHeader(getTranslation("deliverables.column.due")).setWidth("8.5em")
				.setFlexGrow(0);
		grid.addColumn(p -> p.kindLabel()).setTooltipGenerator(p -> p.kindLabel() + "（" + p.category() + " / " + p.schedule().label() + "）")
				.setHeader(getTranslation("deliverables.column.kind")).setWidth("10em").setFlexGrow(1);
		grid.addColumn(DeliverablePeriod::periodLabel).setHeader(getTranslation("deliverables.column.period"))
				.setWidth("9.5em").setFlexGrow(0);
		grid.addComponentColumn(this::state).setHeader(getTranslation("deliverables.column.state")).setWidth("11.5em")
				.setFlexGrow(0);
		grid.addColumn(this::who).setTooltipGenerator(this::who).setHeader(getTranslation("deliverables.column.who"))
				.setWidth("6em").setFlexGrow(1);
		grid.addComponentColumn(this::file).setHeader(getTranslation("deliverables.column.file")).setWidth("4em")
				.setFlexGrow(0);
		if (staff) {
			grid.addComponentColumn(this::actions).setHeader(getTranslation("deliverables.column.actions"))
					.setWidth("9em").setFlexGrow(0).setFrozenToEnd(true);
		}
		grid.setSizeFull();
		grid.setEmptyStateText(getTranslation("deliverables.empty"));
	}

	private Component due(DeliverablePeriod p) {
		Span day = new Span(DAY.format(p.due()));
		HorizontalLayout cell = new HorizontalLayout(day);
		cell.setSpacing(false);
		cell.getStyle().set("gap", "var(--lumo-space-xs)");
		if (p.overdue() && p.provided()) {
			Span late = new Span(getTranslation("deliverables.overdue"));
			late.getElement().getThemeList().add("badge error small");
			cell.add(late);
		}
		return cell;
	}

	private Component state(DeliverablePeriod p) {
		if (!p.provided()) {
			Span none = new Span(getTranslation("deliverables.state.no-provider"));
			none.getElement().getThemeList().add("badge contrast small");
			return none;
		}
		Span s = new Span(p.state().label());
		String theme = switch (p.state()) {
			case DUE -> "badge small";
			case GENERATED, CHECKED -> "badge small";
			case REJECTED -> "badge error small";
			case DELIVERED, DOWNLOADED -> "badge success small";
		};
		s.getElement().getThemeList().add(theme);
		if (p.checkNote() != null) {
			s.setTitle(p.checkNote());
		}
		return s;
	}

	private String who(DeliverablePeriod p) {
		List<String> parts = new ArrayList<>();
		if (p.generatedBy() != null) {
			parts.add(getTranslation("deliverables.who.generated", p.generatedBy(), AT.format(p.generatedAt())));
		}
		if (p.checkedBy() != null) {
			parts.add(getTranslation(p.state() == DeliverableState.REJECTED ? "deliverables.who.rejected"
					: "deliverables.who.checked", p.checkedBy(), AT.format(p.checkedAt())));
		}
		if (p.deliveredBy() != null) {
			parts.add(getTranslation("deliverables.who.delivered", p.deliveredBy(), AT.format(p.deliveredAt())));
		}
		if (p.downloadedBy() != null) {
			parts.add(getTranslation("deliverables.who.downloaded", p.downloadedBy(), AT.format(p.downloadedAt())));
		}
		if (p.checkNote() != null) {
			parts.add(getTranslation("deliverables.who.note", p.checkNote()));
		}
		return String.join("　", parts);
	}

	private Component file(DeliverablePeriod p) {
		if (p.fileId() == null || (!staff && !p.state().delivered())) {
			return new Span("—");
		}
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			UI ui = event.getUI();
			try {
				Deliverables.StoredDeliverableFile f = deliverables.download(p.fileId(), CHANNEL);
				return new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.contentType(),
						f.content().length);
			} catch (DomainException e) {
				return DownloadResponse.error(HttpStatusCode.NOT_FOUND);
			} finally {
				if (ui != null) {
					ui.access(this::refresh);
				}
			}
		});
		Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("deliverables.download"));
		a.setTitle(p.fileName() + "\nSHA-256: " + p.sha256());
		a.setId("deliverable-file-" + p.kind() + "-" + p.period());
		return a;
	}

	private Component actions(DeliverablePeriod p) {
		HorizontalLayout row = new HorizontalLayout();
		row.setSpacing(false);
		row.getStyle().set("gap", "var(--lumo-space-xs)");
		if (!p.provided()) {
			return row;
		}
		String id = p.kind() + "-" + p.period();
		if (p.state().canBecome(DeliverableState.GENERATED)) {
			row.add(button("deliverables.action.generate", "generate-" + id, true, () -> {
				deliverables.generate(p.kind(), p.period());
			}));
		}
		boolean other = !CurrentUser.name().equals(p.generatedBy());
		if (p.state() == DeliverableState.GENERATED && other) {
			row.add(button("deliverables.action.check", "check-" + id, true,
					() -> deliverables.check(p.kind(), p.period(), p.fileId())));
			Button reject = new Button(getTranslation("deliverables.action.reject"), e -> reject(p));
			reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
			reject.setId("reject-" + id);
			row.add(reject);
		}
		if (p.state() == DeliverableState.CHECKED) {
			row.add(button("deliverables.action.deliver", "deliver-" + id, true,
					() -> deliverables.deliver(p.kind(), p.period())));
		}
		return row;
	}

	private Button button(String key, String id, boolean primary, Runnable action) {
		Button b = new Button(getTranslation(key), e -> {
			if (Notices.attempt(action, getTranslation(key + ".done"))) {
				refresh();
			}
		});
		b.addThemeVariants(ButtonVariant.LUMO_SMALL);
		if (primary) {
			b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		}
		b.setId(id);
		return b;
	}

	private void reject(DeliverablePeriod p) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("deliverables.reject.title", p.kindLabel(), p.periodLabel()));
		TextArea reason = new TextArea(getTranslation("deliverables.reject.reason"));
		reason.setMaxLength(500);
		reason.setWidth("28em");
		reason.setId("deliverables-reject-reason");
		dialog.add(reason);
		Button ok = new Button(getTranslation("deliverables.action.reject"), e -> {
			if (Notices.attempt(() -> deliverables.reject(p.kind(), p.period(), p.fileId(), reason.getValue()),
					getTranslation("deliverables.action.reject.done"))) {
				dialog.close();
				refresh();
			}
		});
		ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		ok.setId("deliverables-reject-confirm");
		dialog.getFooter().add(new Button(getTranslation("deliverables.cancel"), e -> dialog.close()), ok);
		dialog.open();
	}

	private void refresh() {
		YearMonth m = month.getValue() == null ? YearMonth.now(JapanTime.ZONE) : month.getValue();
		List<DeliverablePeriod> periods = deliverables.month(m);
		grid.setItems(periods);
		long late = periods.stream().filter(p -> p.overdue() && p.provided()).count();
		long done = periods.stream().filter(p -> p.state().delivered()).count();
		summary.setText(getTranslation("deliverables.summary", periods.size(), done, late));
		summary.getStyle().set("color", late > 0 ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
	}

}
