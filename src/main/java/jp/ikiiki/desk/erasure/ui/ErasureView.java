package jp.ikiiki.desk.erasure.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import jp.ikiiki.desk.erasure.ErasureCertificate;
import jp.ikiiki.desk.erasure.ErasureCertificate.KindCount;
import jp.ikiiki.desk.erasure.ErasureState;
import jp.ikiiki.desk.erasure.Erasures;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The end-of-contract erasure for security administrators (第11章1(5)(6)): a dry run listing what would go, the
 * request by one administrator, the confirmation and run by a second one, and the certificates of finished erasures.
 */
@Route("erasure")
@Menu(order = 93, title = "データ消去")
@RolesAllowed("SECURITY_ADMIN")
class ErasureView extends VerticalLayout implements HasDynamicTitle {

	private final Erasures erasures;
	private final Grid<KindCount> counts = new Grid<>(KindCount.class, false);
	private final Grid<ErasureCertificate> runs = new Grid<>(ErasureCertificate.class, false);
	private final Span total = new Span();
	private final TextArea reason = new TextArea();

	ErasureView(Erasures erasures) {
		this.erasures = erasures;
		setWidthFull();
		add(new H2(getTranslation("erasure.title")), new Paragraph(getTranslation("erasure.intro")));

		var dryRun = new Button(getTranslation("erasure.dryRun"), e -> dryRun());
		dryRun.setId("erasure-dry-run");
		total.setId("erasure-total");
		counts.addColumn(KindCount::module).setHeader(getTranslation("erasure.col.module")).setAutoWidth(true).setFlexGrow(0);
		counts.addColumn(KindCount::label).setHeader(getTranslation("erasure.col.kind")).setFlexGrow(1);
		counts.addColumn(KindCount::place).setHeader(getTranslation("erasure.col.place")).setAutoWidth(true).setFlexGrow(0);
		counts.addColumn(k -> k.before() + k.unit()).setHeader(getTranslation("erasure.col.count")).setAutoWidth(true)
				.setFlexGrow(0);
		counts.setId("erasure-counts");
		counts.setAllRowsVisible(true);
		var dryRunRow = new HorizontalLayout(dryRun, total);
		dryRunRow.setAlignItems(FlexComponent.Alignment.CENTER);
		add(new H3(getTranslation("erasure.section.dryRun")), dryRunRow, counts);

		reason.setLabel(getTranslation("erasure.reason"));
		reason.setPlaceholder(getTranslation("erasure.reason.placeholder"));
		reason.setMaxLength(500);
		reason.setWidth("32rem");
		reason.setId("erasure-reason");
		var request = new Button(getTranslation("erasure.request"), e -> request());
		request.setId("erasure-request");
		var requestRow = new HorizontalLayout(reason, request);
		requestRow.setAlignItems(FlexComponent.Alignment.END);
		add(new H3(getTranslation("erasure.section.request")), new Paragraph(getTranslation("erasure.request.help")),
				requestRow);

		runs.addColumn(ErasureCertificate::id).setHeader(getTranslation("erasure.col.id")).setAutoWidth(true).setFlexGrow(0);
		runs.addColumn(c -> c.state().label()).setHeader(getTranslation("erasure.col.state")).setWidth("7rem").setFlexGrow(0);
		runs.addColumn(c -> c.requestedBy() + " " + time(c.requestedAt())).setHeader(getTranslation("erasure.col.requested"))
				.setAutoWidth(true);
		runs.addColumn(c -> c.confirmedBy() == null ? "" : c.confirmedBy() + " " + time(c.confirmedAt()))
				.setHeader(getTranslation("erasure.col.confirmed")).setAutoWidth(true);
		runs.addColumn(c -> time(c.finishedAt())).setHeader(getTranslation("erasure.col.finished")).setAutoWidth(true);
		runs.addColumn(c -> c.state() != ErasureState.DONE ? "" : c.totalBefore() + " → " + c.totalAfter())
				.setHeader(getTranslation("erasure.col.result")).setAutoWidth(true);
		runs.addComponentColumn(this::actions).setHeader(getTranslation("erasure.col.actions")).setAutoWidth(true);
		runs.setId("erasure-runs");
		runs.setAllRowsVisible(true);
		add(new H3(getTranslation("erasure.section.runs")), runs);
		refresh();
	}

	private static String time(Instant t) {
		return t == null ? "" : JapaneseDates.toWesternDateTimeWithWeekday(t);
	}

	private void dryRun() {
		Notices.attempt(erasures::dryRun).ifPresent(c -> {
			counts.setItems(c.kinds());
			total.setText(getTranslation("erasure.dryRun.total", c.totalBefore()));
		});
	}

	private void request() {
		Notices.attempt(() -> erasures.request(reason.getValue())).ifPresent(c -> {
			Notices.success(getTranslation("erasure.requested", c.id()));
			reason.clear();
			refresh();
		});
	}

	private HorizontalLayout actions(ErasureCertificate c) {
		var row = new HorizontalLayout();
		row.setSpacing(true);
		if (c.state().mayRun()) {
			var run = new Button(getTranslation(c.state() == ErasureState.RUNNING ? "erasure.rerun" : "erasure.confirm"),
					e -> confirm(c));
			run.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
			run.setEnabled(!CurrentUser.name().equals(c.requestedBy()));
			run.getElement().setAttribute("data-testid", "erasure-confirm-" + c.id());
			row.add(run);
		}
		if (c.state() == ErasureState.REQUESTED) {
			var withdraw = new Button(getTranslation("erasure.withdraw"), e -> {
				Notices.attempt(() -> erasures.withdraw(c.id())).ifPresent(x -> refresh());
			});
			withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL);
			row.add(withdraw);
		}
		if (c.state() == ErasureState.DONE) {
			DownloadHandler pdf = event -> {
				event.setFileName("消去証明書-" + c.id() + ".pdf");
				event.setContentType("application/pdf");
				try {
					event.getOutputStream().write(erasures.certificatePdf(c.id()));
				} catch (DomainException refusal) {
					event.getUI().access(() -> Notices.error(refusal));
					event.getResponse().setStatus(409);
				}
			};
			var anchor = new Anchor(pdf, getTranslation("erasure.certificate"));
			anchor.getElement().setAttribute("download", true);
			anchor.getElement().setAttribute("data-testid", "erasure-certificate-" + c.id());
			row.add(anchor);
		}
		return row;
	}

	private void confirm(ErasureCertificate c) {
		var dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("erasure.confirm.title", c.id()));
		dialog.add(new Paragraph(getTranslation("erasure.confirm.text", c.requestedBy(), c.reason())));
		var go = new Button(getTranslation("erasure.confirm.go"), e -> {
			dialog.close();
			Notices.attempt(() -> erasures.confirmAndRun(c.id())).ifPresent(done -> {
				Notices.success(getTranslation("erasure.done", done.id(), done.totalBefore(), done.totalAfter()));
				refresh();
			});
		});
		go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		go.setId("erasure-confirm-go");
		go.setDisableOnClick(true);
		var cancel = new Button(getTranslation("erasure.confirm.cancel"), e -> dialog.close());
		dialog.getFooter().add(cancel, go);
		dialog.open();
	}

	private void refresh() {
		runs.setItems(erasures.list());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("erasure.pageTitle");
	}
}
