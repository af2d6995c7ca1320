package jp.ikiiki.desk.escalations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * Every case for agents and floor managers (第6章1(3)): counts per state and of stale cases on top, a state and
 * "stale only" filter with the number of cases listed, each case's age in open days coloured by the configured
 * thresholds, sortable columns (a case's inquiry on one line, whole in its tooltip and the panel), and the case
 * panel with the next step. Floor managers also open cases by hand.
 * Column widths are in rem (an em width would differ between the header's smaller type and the cells).
 */
@Route("escalations")
@PageTitle("エスカレーション | いきいきデスク")
@Menu(order = 25, title = "エスカレーション")
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER })
class EscalationsView extends VerticalLayout {

	static final String CHANNEL = "画面:エスカレーション";

	private final Escalations escalations;
	private final HorizontalLayout counts = new HorizontalLayout();
	private final Select<EscalationState> state = new Select<>();
	private final Checkbox staleOnly = new Checkbox();
	private final Span listed = new Span();
	private final Grid<EscalationCase> grid = new Grid<>(EscalationCase.class, false);
	private final CasePanel panel;

	EscalationsView(Escalations escalations, AuthenticationContext authentication) {
		this.escalations = escalations;
		boolean floorManager = authentication.hasRole(Roles.FLOOR_MANAGER);
		this.panel = new CasePanel(escalations, CHANNEL, false, floorManager, this::refresh);
		setSizeFull();
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-s)");
		H2 title = new H2(getTranslation("escalations.title"));
		title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
		counts.setId("esc-counts");
		counts.setSpacing(false);
		counts.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
		HorizontalLayout head = new HorizontalLayout(title, counts);
		head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		add(head);

		state.setId("esc-filter-state");
		state.setAriaLabel(getTranslation("escalations.filter.state"));
		state.setItems(EscalationState.values());
		state.setEmptySelectionAllowed(true);
		state.setEmptySelectionCaption(getTranslation("escalations.filter.all"));
		state.setItemLabelGenerator(s -> s == null ? getTranslation("escalations.filter.all") : s.label());
		state.addValueChangeListener(e -> refresh());
		state.setWidth("10rem");
		staleOnly.setId("esc-filter-stale");
		staleOnly.setLabel(getTranslation("escalations.filter.stale"));
		staleOnly.addValueChangeListener(e -> refresh());
		staleOnly.getStyle().set("white-space", "nowrap");
		listed.setId("esc-result-count");
		listed.getStyle().set("white-space", "nowrap");
		HorizontalLayout filters = new HorizontalLayout(state, staleOnly, listed);
		filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		filters.setWidthFull();
		if (floorManager) {
			Button open = new Button(getTranslation("escalations.new"), e -> openDialog());
			open.setId("esc-new");
			filters.add(open);
		}
		Span legend = new Span(getTranslation("escalations.legend"));
		legend.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		filters.add(legend);
		add(filters);

		grid.setId("esc-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(EscalationCase::id).setHeader(getTranslation("escalations.grid.id")).setWidth("4rem")
				.setFlexGrow(0).setSortable(true);
		grid.addColumn(c -> c.state().label()).setHeader(getTranslation("escalations.grid.state")).setWidth("7.5rem")
				.setFlexGrow(0).setSortable(true).setComparator(Comparator.comparing(EscalationCase::state));
		grid.addColumn(new ComponentRenderer<>(c -> age(getTranslation("escalations.days", c.daysOpen()), c)))
				.setHeader(getTranslation("escalations.grid.days-open")).setWidth("4.5rem").setFlexGrow(0)
				.setSortable(true).setComparator(Comparator.comparingInt(EscalationCase::daysOpen));
		grid.addColumn(new ComponentRenderer<>(c -> age(c.daysWaitingForCity() == null ? "—"
						: getTranslation("escalations.days", c.daysWaitingForCity()), c)))
				.setHeader(getTranslation("escalations.grid.days-waiting")).setWidth("7.5rem").setFlexGrow(0)
				.setSortable(true).setComparator(Comparator.comparing(EscalationCase::daysWaitingForCity,
						Comparator.nullsFirst(Comparator.naturalOrder())));
		grid.addColumn(EscalationsView::inquiry).setHeader(getTranslation("escalations.grid.inquiry"))
				.setFlexGrow(1).setSortable(true).setTooltipGenerator(EscalationCase::inquiry)
				.setComparator(Comparator.comparing((EscalationCase c) -> c.category() == null ? "" : c.category()));
		grid.addColumn(c -> JapaneseDates.toWesternDateTime(c.opened().at()))
				.setHeader(getTranslation("escalations.grid.opened")).setWidth("10rem").setFlexGrow(0).setSortable(true)
				.setComparator(Comparator.comparing((EscalationCase c) -> c.opened().at()));
		grid.setEmptyStateText(getTranslation("escalations.grid.none"));
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

	/** The category and the inquiry on one line (the whole text in the tooltip and in the case panel). */
	static String inquiry(EscalationCase c) {
		return (c.category() == null ? "" : "［" + c.category() + "］") + c.inquiry();
	}

	private static Span age(String text, EscalationCase c) {
		Span s = new Span(text);
		s.getStyle().set("color", CasePanel.colour(c.ageing()));
		if (c.ageing() != EscalationCase.Ageing.NORMAL) {
			s.getStyle().set("font-weight", "bold");
		}
		s.getElement().setAttribute("data-ageing", c.ageing().name());
		return s;
	}

	private void refresh() {
		var now = escalations.counts();
		counts.removeAll();
		for (EscalationState s : EscalationState.values()) {
			Span count = new Span(s.label() + " " + now.byState().get(s));
			count.setId("esc-count-" + s.name());
			count.getElement().getThemeList().add("badge" + (s == EscalationState.REPORTED ? " contrast" : ""));
			counts.add(count);
		}
		Span stale = new Span(getTranslation("escalations.count.stale", now.stale()));
		stale.setId("esc-count-stale");
		stale.getElement().getThemeList().add(now.stale() > 0 ? "badge error" : "badge success");
		counts.add(stale);
		List<EscalationCase> cases = escalations.list(state.getValue(), staleOnly.getValue(), CHANNEL);
		grid.setItems(cases);
		listed.setText(getTranslation("escalations.listed", cases.size()));
		grid.setEmptyStateText(getTranslation(state.getValue() == null && !staleOnly.getValue() ? "escalations.grid.none"
				: "escalations.grid.none-filtered"));
	}

	private void openDialog() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("escalations.new.title"));
		TextField subject = new TextField(getTranslation("escalations.new.subject"));
		subject.setId("esc-new-subject");
		subject.setHelperText(getTranslation("escalations.new.subject-help"));
		TextField caller = new TextField(getTranslation("escalations.new.caller"));
		caller.setId("esc-new-caller");
		TextField category = new TextField(getTranslation("escalations.new.category"));
		category.setId("esc-new-category");
		TextArea inquiry = new TextArea(getTranslation("escalations.new.inquiry"));
		inquiry.setId("esc-new-inquiry");
		inquiry.setWidthFull();
		inquiry.setMaxLength(4000);
		subject.setWidthFull();
		caller.setWidthFull();
		category.setWidthFull();
		Button save = new Button(getTranslation("escalations.new.save"), e -> Notices.attempt(() -> escalations.open(
				new Escalations.NewCase(subject.getValue(), caller.getValue(), category.getValue(), inquiry.getValue()),
				CHANNEL)).ifPresent(c -> {
					dialog.close();
					refresh();
					grid.select(c);
					panel.show(c.id());
					Notices.success(getTranslation("escalations.new.done", c.id()));
				}));
		save.setId("esc-new-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		VerticalLayout fields = new VerticalLayout(subject, caller, category, inquiry);
		fields.setPadding(false);
		fields.setWidth("28rem");
		dialog.add(fields);
		dialog.getFooter().add(new Button(getTranslation("escalations.new.cancel"), e -> dialog.close()), save);
		dialog.open();
	}
}
