package jp.ikiiki.desk.progress.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.progress.ProgressRecords.YearStatement;
import jp.ikiiki.desk.shared.JapaneseDates;

/** A person's points and payment per business year (see {@link PointsStatementSection}). */
class PointsPanel extends Div {

	PointsPanel(List<YearStatement> lines) {
		setId("progress-points");
		setWidthFull();
		add(new H3(getTranslation("progress.points.title")));
		if (lines.isEmpty()) {
			var none = new Paragraph(getTranslation("progress.points.none"));
			none.setId("progress-points-none");
			add(none);
			return;
		}
		for (YearStatement line : lines) {
			add(year(line));
		}
	}

	private Div year(YearStatement y) {
		var box = new Div();
		box.setId("progress-year-" + y.businessYear());
		box.addClassName("progress-year");
		box.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
				.set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-xs)")
				.set("font-size", "var(--lumo-font-size-s)");
		var head = new Div();
		var label = new Span(y.yearLabel());
		label.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-s)");
		var state = new Span(y.state());
		state.getElement().getThemeList().add("badge" + ("確定".equals(y.state()) ? " success" : ""));
		var booklets = new Span(getTranslation("progress.points.booklets", y.booklets())
				+ (y.receivedOn() == null ? "" : getTranslation("progress.points.received", date(y.receivedOn()))));
		booklets.getStyle().set("margin-left", "var(--lumo-space-s)");
		head.add(label, state, booklets);
		box.add(head);

		var grid = new Div();
		grid.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
				.set("gap", "0 var(--lumo-space-m)");
		if (y.total() != null) {
			fact(grid, "progress.points.total", getTranslation("progress.points.total-value", y.total(), y.cap(), y.credited()),
					"progress-total-" + y.businessYear());
			fact(grid, "progress.points.amount", y.amountYen() == null ? dash()
					: getTranslation("progress.points.yen", String.format(Locale.ROOT, "%,d", y.amountYen())),
					"progress-amount-" + y.businessYear());
			fact(grid, "progress.points.kinds", getTranslation("progress.points.kinds-value", n(y.pointsByKind().get(0)),
					n(y.pointsByKind().get(1)), n(y.pointsByKind().get(2)), n(y.pointsByKind().get(3))), null);
		} else {
			fact(grid, "progress.points.total", getTranslation("progress.points.not-yet"), "progress-total-" + y.businessYear());
		}
		fact(grid, "progress.points.notice", y.noticeSentOn() != null ? getTranslation("progress.points.sent", date(y.noticeSentOn()))
				: y.receivedOn() != null ? getTranslation("progress.points.notice-due", date(y.receivedOn().plusMonths(1))) : dash(),
				"progress-notice-" + y.businessYear());
		String payment;
		if (y.paidOn() != null) {
			payment = getTranslation("progress.points.paid", date(y.paidOn()));
		} else if (y.paymentPlanned() != null) {
			payment = getTranslation("progress.points.planned", date(y.paymentPlanned()));
		} else if (y.receivedOn() != null && y.amountYen() != null && y.amountYen() > 0) {
			LocalDate by = YearMonth.from(y.receivedOn()).plusMonths(1).atEndOfMonth();
			payment = getTranslation("progress.points.payment-due", date(by));
		} else {
			payment = dash();
		}
		fact(grid, "progress.points.payment", payment, "progress-payment-" + y.businessYear());
		box.add(grid);
		return box;
	}

	private void fact(Div grid, String key, String value, String id) {
		var l = new Span(getTranslation(key));
		l.getStyle().set("color", "var(--lumo-secondary-text-color)");
		var v = new Span(value);
		if (id != null) {
			v.setId(id);
		}
		grid.add(l, v);
	}

	private static String date(LocalDate d) {
		return JapaneseDates.toWesternWithWeekday(d);
	}

	private static String n(Integer v) {
		return v == null ? "―" : v.toString();
	}

	private String dash() {
		return "―";
	}

}
