package jp.ikiiki.desk.payments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.payments.AccountField;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.payments.AccountForms.Dispute;
import jp.ikiiki.desk.payments.AccountForms.DisputedField;
import jp.ikiiki.desk.platform.ui.EnterMovesOn;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The floor manager's decision on the fields of a 口座登録用紙 the two keyings still disagree on (the tally's rule): the
 * entry's value and the verifier's two beside each field; the value that counts is typed (Enter moves on, the last
 * Enter reaches 「判定を確定」), checked like a keyed one. The form then becomes the person's account.
 */
@Route("accounts/decisions")
@PageTitle("口座登録の判定 | いきいきデスク")
@Menu(order = 62, title = "口座登録の判定")
@RolesAllowed(Roles.FLOOR_MANAGER)
class AccountDecisionsView extends VerticalLayout {

	private final AccountForms forms;
	private final Grid<Dispute> grid = new Grid<>(Dispute.class, false);
	private final VerticalLayout panel = new VerticalLayout();
	private final Map<AccountField, TextField> values = new EnumMap<>(AccountField.class);

	AccountDecisionsView(AccountForms forms) {
		this.forms = forms;
		setSizeFull();
		add(new H2(getTranslation("payments.decision.title")));
		grid.setId("payments-decision-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.addColumn(d -> d.form().id()).setHeader(getTranslation("payments.decision.col.form")).setWidth("6em").setFlexGrow(0);
		grid.addColumn(d -> d.form().addressNumber()).setHeader(getTranslation("payments.col.address")).setWidth("10em").setFlexGrow(0);
		grid.addColumn(d -> JapaneseDates.toWestern(d.form().receivedOn())).setHeader(getTranslation("payments.decision.col.received"))
				.setWidth("8em").setFlexGrow(0);
		grid.addColumn(d -> d.fields().size()).setHeader(getTranslation("payments.decision.col.fields")).setWidth("6em").setFlexGrow(0);
		grid.addColumn(d -> d.enteredBy() + " / " + d.verifiedBy()).setHeader(getTranslation("payments.decision.col.keyers")).setFlexGrow(1);
		grid.setHeight("12em");
		grid.addSelectionListener(e -> show(e.getFirstSelectedItem().orElse(null)));
		panel.setPadding(false);
		panel.setWidth("48em");
		add(grid, panel);
		refresh();
	}

	private void refresh() {
		List<Dispute> disputes;
		try {
			disputes = forms.disputes();
		} catch (DomainException e) {
			Notices.error(e);
			disputes = List.of();
		}
		grid.setItems(disputes);
		if (disputes.isEmpty()) {
			show(null);
		} else {
			grid.select(disputes.get(0));
		}
	}

	private void show(Dispute d) {
		panel.removeAll();
		values.clear();
		if (d == null) {
			var none = new Span(getTranslation("payments.decision.none"));
			none.setId("payments-decision-none");
			panel.add(none);
			return;
		}
		panel.add(new H3(getTranslation("payments.decision.form", d.form().id(), d.form().addressNumber())));
		var confirm = new Button(getTranslation("payments.decision.confirm"));
		confirm.setId("payments-decision-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var note = new TextField(getTranslation("payments.decision.note"));
		note.setId("payments-decision-note");
		note.setWidthFull();
		List<TextField> order = new ArrayList<>();
		for (DisputedField f : d.fields()) {
			var value = new TextField();
			String fid = "payments-decision-" + f.field().apiName();
			value.setId(fid);
			value.addThemeVariants(TextFieldVariant.LUMO_SMALL);
			value.setWidth(f.field() == AccountField.HOLDER ? "16em" : "8em");
			String label = getTranslation(Labels.FIELD + f.field().apiName());
			value.setAriaLabel(label);
			var name = new Span(label);
			name.setWidth("10em");
			var both = new Span(getTranslation("payments.decision.values", shown(f.entryValue()),
					shown(f.firstVerifyValue()), shown(f.verifyValue())));
			both.setId(fid + "-values");
			both.getStyle().set("font-size", "var(--lumo-font-size-s)");
			var row = new HorizontalLayout(name, both, value);
			row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
			panel.add(row);
			values.put(f.field(), value);
			order.add(value);
		}
		order.add(note);
		EnterMovesOn.chain(order, "payments-decision-confirm");
		panel.add(note, confirm);
		confirm.addClickListener(e -> decide(d, note.getValue()));
		order.get(0).focus();
	}

	private String shown(String value) {
		return value == null || value.isEmpty() ? getTranslation("payments.decision.blank") : value;
	}

	private void decide(Dispute d, String note) {
		Map<AccountField, String> decided = new EnumMap<>(AccountField.class);
		values.forEach((f, field) -> decided.put(f, field.getValue() == null ? "" : field.getValue().strip()));
		Notices.attempt(() -> forms.decide(d.form().addressNumber(), decided, note)).ifPresent(f -> {
			Notices.success(getTranslation("payments.decision.done", f.id(), f.state().label()));
			refresh();
		});
	}
}
