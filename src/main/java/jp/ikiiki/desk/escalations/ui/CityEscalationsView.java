package jp.ikiiki.desk.escalations.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;

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
	private final Checkbox all = new Checkbox();
	private final Span listed = new Span();
	private final Grid<EscalationCase> grid = new Grid<>(EscalationCase.class, false);
	private final CasePanel panel;

	CityEscalationsView(Escalations escalations) {
		this.escalations = escalations;
		this.panel = new CasePanel(escalations, CHANNEL, true, false, this::refresh);
		setSizeFull();
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-s)");
		H2 title = new H2(getTranslation("escalations.city.title"));
		title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
		add(title);
		waiting.setId("city-waiting-count");
		waiting.getElement().getThemeList().add("badge contrast");
		all.setId("city-show-all");
		all.setLabel(getTranslation("escalations.city.show-all"));
		all.addValueChangeListener(e -> refresh());
		listed.setId("city-result-count");
		HorizontalLayout bar = new HorizontalLayout(waiting, all, listed);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		add(bar);

		grid.setId("city-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(EscalationCase::id).setHeader(getTranslation("escalations.grid.id")).setWidth("4rem")
				.setFlexGrow(0).setSortable(true);
		grid.addColumn(c -> c.state().label()).setHeader(getTranslation("escalations.grid.state")).setWidth("7.5rem")
				.setFlexGrow(0).setSortable(true).setComparator(Comparator.comparing(EscalationCase::state));
		grid.addColumn(c -> c.reported() == null ? "" : c.reported().text())
				.setHeader(getTranslation("escalations.city.grid.report")).setFlexGrow(1)
				.setTooltipGenerator(c -> c.reported() == null ? "" : c.reported().text());
		// Without the weekday in the narrow column (the case panel has it): 2026/9/1 9:05.
		grid.addColumn(c -> c.reported() == null ? "" : JapaneseDates.toWesternDateTime(c.reported().at()))
				.setHeader(getTranslation("escalations.city.grid.reported-at")).setWidth("10rem").setFlexGrow(0)
				.setSortable(true).setComparator(Comparator.comparing((EscalationCase c) -> c.reported().at()));
		grid.addColumn(new ComponentRenderer<>(c -> {
			Span s = new Span(c.daysWaitingForCity() == null ? "—"
					: getTranslation("escalations.days", c.daysWaitingForCity()));
			s.getStyle().set("color", CasePanel.colour(c.ageing()));
			return s;
		})).setHeader(getTranslation("escalations.city.grid.waiting")).setWidth("10rem").setFlexGrow(0).setSortable(true)
				.setComparator(Comparator.comparing(EscalationCase::daysWaitingForCity,
						Comparator.nullsFirst(Comparator.naturalOrder())));
		grid.addSelectionListener(e -> panel.show(e.getFirstSelectedItem().map(EscalationCase::id).orElse(null)));
		grid.setSizeFull();

		HorizontalLayout body = new HorizontalLayout(grid, panel);
		body.setSizeFull();
		body.setFlexGrow(1, grid);
		body.getStyle().set("min-height", "0");
		add(body);
		expand(body);
		refresh();
		panel.show(null);
	}

	private void refresh() {
		var counts = escalations.counts();
		waiting.setText(getTranslation("escalations.city.waiting", counts.byState().get(EscalationState.REPORTED)));
		// Cases not yet reported are the contractor's: the city sees a case from the moment it is reported.
		List<EscalationCase> cases = escalations.list(null, false, CHANNEL).stream()
				.filter(c -> c.state() != EscalationState.OPEN)
				.filter(c -> all.getValue() || c.state() == EscalationState.REPORTED)
				.sorted(Comparator.comparing((EscalationCase c) -> c.state() != EscalationState.REPORTED))
				.toList();
		grid.setItems(cases);
		listed.setText(getTranslation("escalations.listed", cases.size()));
		grid.setEmptyStateText(getTranslation(all.getValue() ? "escalations.city.none" : "escalations.city.none-waiting"));
	}
}
