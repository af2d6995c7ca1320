package jp.ikiiki.desk.escalations.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.security.Roles;

/**
 * Every case for agents and floor managers (第6章1(3)): counts per state and of stale cases on top, a state and
 * "stale only" filter, each case's age in open days coloured by the configured thresholds, and the case panel with
 * the next step. Floor managers also open cases by hand.
 */
@Route("escalations")
@PageTitle("エスカレーション | いきいきデスク")
@Menu(order = 25, title = "エスカレーション")
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER })
class EscalationsView extends VerticalLayout {

	static final String CHANNEL = "画面:エスカレーション";
	private static final java.time.format.DateTimeFormatter SHORT = java.time.format.DateTimeFormatter
			.ofPattern("M/d H:mm").withZone(JapanTime.ZONE);

	private final Escalations escalations;
	private final HorizontalLayout counts = new HorizontalLayout();
	private final Select<EscalationState> state = new Select<>();
	private final Checkbox staleOnly = new Checkbox("滞留のみ");
	private final Grid<EscalationCase> grid = new Grid<>(EscalationCase.class, false);
	private final CasePanel panel;

	EscalationsView(Escalations escalations, AuthenticationContext authentication) {
		this.escalations = escalations;
		boolean floorManager = authentication.hasRole(Roles.FLOOR_MANAGER);
		this.panel = new CasePanel(escalations, CHANNEL, false, floorManager, this::refresh);
		setSizeFull();
		add(new H2("エスカレーション（市への照会）"));
		counts.setId("esc-counts");
		add(counts);

		state.setId("esc-filter-state");
		state.setLabel("状態");
		state.setItems(EscalationState.values());
		state.setEmptySelectionAllowed(true);
		state.setEmptySelectionCaption("すべて");
		state.setItemLabelGenerator(s -> s == null ? "すべて" : s.label());
		state.addValueChangeListener(e -> refresh());
		staleOnly.setId("esc-filter-stale");
		staleOnly.addValueChangeListener(e -> refresh());
		HorizontalLayout filters = new HorizontalLayout(state, staleOnly);
		filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		if (floorManager) {
			Button open = new Button("新規案件", e -> openDialog());
			open.setId("esc-new");
			filters.add(open);
		}
		Span legend = new Span("経過・市回答待ちは開庁日数。黄：市の回答待ちが長い、赤：滞留");
		legend.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		filters.add(legend);
		add(filters);

		grid.setId("esc-grid");
		grid.addColumn(EscalationCase::id).setHeader("番号").setWidth("4.5em").setFlexGrow(0);
		grid.addColumn(c -> c.state().label()).setHeader("状態").setWidth("8em").setFlexGrow(0);
		grid.addColumn(new ComponentRenderer<>(c -> age(c.daysOpen() + "日", c))).setHeader("経過")
				.setWidth("5em").setFlexGrow(0);
		grid.addColumn(new ComponentRenderer<>(c -> age(c.daysWaitingForCity() == null ? "—" : c.daysWaitingForCity() + "日", c)))
				.setHeader("市回答待ち").setWidth("6.5em").setFlexGrow(0);
		grid.addColumn(EscalationCase::category).setHeader("問合せ区分").setWidth("10em").setFlexGrow(0);
		grid.addColumn(EscalationCase::inquiry).setHeader("問合せ内容").setWidth("12em").setFlexGrow(1);
		grid.addColumn(c -> SHORT.format(c.opened().at())).setHeader("受付").setWidth("7em").setFlexGrow(0);
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
		Span stale = new Span("滞留 " + now.stale());
		stale.setId("esc-count-stale");
		stale.getElement().getThemeList().add(now.stale() > 0 ? "badge error" : "badge success");
		counts.add(stale);
		grid.setItems(escalations.list(state.getValue(), staleOnly.getValue(), CHANNEL));
	}

	private void openDialog() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("新規案件");
		TextField subject = new TextField("宛名番号（任意）");
		subject.setId("esc-new-subject");
		TextField caller = new TextField("折返し先電話番号（任意）");
		caller.setId("esc-new-caller");
		TextField category = new TextField("問合せ区分（任意）");
		category.setId("esc-new-category");
		TextArea inquiry = new TextArea("問合せ内容");
		inquiry.setId("esc-new-inquiry");
		inquiry.setWidthFull();
		Button save = new Button("登録", e -> {
			try {
				var c = escalations.open(new Escalations.NewCase(subject.getValue(), caller.getValue(),
						category.getValue(), inquiry.getValue()), CHANNEL);
				dialog.close();
				refresh();
				grid.select(c);
				panel.show(c.id());
			} catch (IllegalArgumentException ex) {
				Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
						.addThemeVariants(NotificationVariant.LUMO_ERROR);
			}
		});
		save.setId("esc-new-save");
		dialog.add(new VerticalLayout(subject, caller, category, inquiry));
		dialog.getFooter().add(new Button("取消", e -> dialog.close()), save);
		dialog.open();
	}
}
