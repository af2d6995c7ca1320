package jp.ikiiki.desk.payments.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.payments.AccountForm;
import jp.ikiiki.desk.payments.AccountFormState;
import jp.ikiiki.desk.payments.AccountForms.AccountSummary;
import jp.ikiiki.desk.payments.PaymentRuns.PaymentLine;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.tally.BusinessYear;

/** The account and the payments of one person, newest first. */
class PaymentHistoryPanel extends Div {

	PaymentHistoryPanel(AccountSummary account, List<AccountForm> forms, List<PaymentLine> lines, LocalDate today) {
		setId("payments-history");
		add(new H3(getTranslation("payments.history.title")));
		var accountLine = new Span(account == null ? noAccount(forms)
				: getTranslation("payments.history.account", account.bankName(), account.branchName(),
						account.accountType(), account.maskedNumber(),
						getTranslation(Labels.ACCOUNT_STATE + account.state()),
						JapaneseDates.toWestern(account.validFrom())));
		accountLine.setId("payments-history-account");
		add(new Div(accountLine));
		if (lines.isEmpty()) {
			var none = new Span(getTranslation("payments.history.none"));
			none.setId("payments-history-none");
			add(new Div(none));
			return;
		}
		NumberFormat yen = NumberFormat.getIntegerInstance(Locale.JAPAN);
		var table = new Grid<PaymentLine>(PaymentLine.class, false);
		table.setId("payments-history-table");
		table.addThemeVariants(GridVariant.LUMO_COMPACT);
		table.addColumn(PaymentLine::runId).setHeader(getTranslation("payments.history.col.run")).setWidth("6em").setFlexGrow(0);
		table.addColumn(l -> BusinessYear.labelOf(l.businessYear())).setHeader(getTranslation("payments.history.col.year"))
				.setWidth("9em").setFlexGrow(0);
		table.addColumn(l -> JapaneseDates.toWestern(l.transferDate())).setHeader(getTranslation("payments.history.col.date"))
				.setWidth("8em").setFlexGrow(0);
		table.addColumn(l -> getTranslation("payments.yen", yen.format(l.amountYen())))
				.setHeader(getTranslation("payments.history.col.amount")).setWidth("8em").setFlexGrow(0);
		table.addColumn(l -> state(l, today)).setHeader(getTranslation("payments.history.col.state")).setFlexGrow(1);
		table.setItems(lines);
		table.setAllRowsVisible(true);
		add(table);
	}

	private String noAccount(List<AccountForm> forms) {
		AccountForm last = forms.isEmpty() ? null : forms.get(0);
		if (last == null) {
			return getTranslation("payments.history.no-account");
		}
		if (last.state() == AccountFormState.FAULTY) {
			return getTranslation("payments.history.form-faulty", JapaneseDates.toWestern(last.receivedOn()),
					String.join("、", last.faultyReasons()));
		}
		return getTranslation("payments.history.form-open", JapaneseDates.toWestern(last.receivedOn()),
				last.state().label());
	}

	private String state(PaymentLine l, LocalDate today) {
		return switch (l.state()) {
			case "FAILED" -> getTranslation("payments.history.state.failed", l.failedReason() == null ? "" : l.failedReason());
			case "CANCELLED" -> getTranslation("payments.history.state.cancelled");
			default -> switch (l.runState()) {
				case "DELIVERED" -> l.transferDate().isAfter(today) ? getTranslation("payments.history.state.planned")
						: getTranslation("payments.history.state.paid");
				case "CANCELLED" -> getTranslation("payments.history.state.cancelled");
				default -> getTranslation("payments.history.state.draft");
			};
		};
	}
}
