package jp.ikiiki.desk.escalations.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.security.Roles;

/**
 * The city staff's console for escalations (第6章1(3)): the cases reported to the city and waiting for its
 * instruction first, with how long they have waited, and the report; the instruction is entered here. The caller's
 * number is not shown: calling back is the contractor's work.
 */
@Route("city/escalations")
@PageTitle("市への照会 | いきいきデスク")
@Menu(order = 26, title = "市への照会（指示）")
@RolesAllowed(Roles.CITY_STAFF)
class CityEscalationsView extends VerticalLayout {

	static final String CHANNEL = "画面:市への照会";

	private final Escalations escalations;
	private final Span waiting = new Span();
	private final Checkbox all = new Checkbox("回答済・完了の案件も表示");
	private final Grid<EscalationCase> grid = new Grid<>(EscalationCase.class, false);
	private final CasePanel panel;

	CityEscalationsView(Escalations escalations) {
		this.escalations = escalations;
		this.panel = new CasePanel(escalations, CHANNEL, true, false, this::refresh);
		setSizeFull();
		add(new H2("市への照会（指示待ちの案件）"));
		waiting.setId("city-waiting-count");
		waiting.getElement().getThemeList().add("badge contrast");
		all.setId("city-show-all");
		all.addValueChangeListener(e -> refresh());
		add(new HorizontalLayout(waiting, all));

		grid.setId("city-grid");
		grid.addColumn(EscalationCase::id).setHeader("番号").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(c -> c.state().label()).setHeader("状態").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(EscalationCase::category).setHeader("問合せ区分").setWidth("11em").setFlexGrow(0);
		grid.addColumn(c -> c.reported() == null ? "" : c.reported().text()).setHeader("報告内容").setWidth("14em").setFlexGrow(1);
		grid.addColumn(c -> c.reported() == null ? "" : CasePanel.when(c.reported().at())).setHeader("報告日時")
				.setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(new ComponentRenderer<>(c -> {
			Span s = new Span(c.daysWaitingForCity() == null ? "—" : c.daysWaitingForCity() + "日");
			s.getStyle().set("color", CasePanel.colour(c.ageing()));
			return s;
		})).setHeader("回答待ち（開庁日）").setAutoWidth(true).setFlexGrow(0);
		grid.addSelectionListener(e -> panel.show(e.getFirstSelectedItem().map(EscalationCase::id).orElse(null)));
		grid.setSizeFull();

		HorizontalLayout body = new HorizontalLayout(grid, panel);
		body.setSizeFull();
		body.expand(grid);
		add(body);
		expand(body);
		refresh();
		panel.show(null);
	}

	private void refresh() {
		var counts = escalations.counts();
		waiting.setText("指示待ち " + counts.byState().get(EscalationState.REPORTED) + " 件");
		// Cases not yet reported are the contractor's: the city sees a case from the moment it is reported.
		grid.setItems(escalations.list(null, false, CHANNEL).stream()
				.filter(c -> c.state() != EscalationState.OPEN)
				.filter(c -> all.getValue() || c.state() == EscalationState.REPORTED)
				.sorted(java.util.Comparator.comparing((EscalationCase c) -> c.state() != EscalationState.REPORTED))
				.toList());
	}
}
