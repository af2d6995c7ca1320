package jp.ikiiki.desk.groups.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import jp.ikiiki.desk.groups.GroupHistoryEntry;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.GroupStamps;
import jp.ikiiki.desk.groups.GroupSummary;
import jp.ikiiki.desk.groups.Groups;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;

/**
 * The activity groups: search (name, kana, meeting place, ward, or a caller's address: the ward's groups, those in the
 * caller's 町名 first), a group's public fields; for the staff who handle the forms, its history, stamps and — on
 * request, audited — its representative. Agents reach it from the menu in one step to tell a caller where they can
 * collect points nearby: they see public fields only.
 */
@Route("groups")
@PageTitle("活動団体 | いきいきデスク")
@Menu(order = 70, title = "活動団体")
@RolesAllowed({ Roles.AGENT, Roles.OPERATOR, Roles.FLOOR_MANAGER, Roles.CITY_STAFF })
class GroupsView extends VerticalLayout {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

	private final Groups groups;
	private final GroupStamps stamps;
	private final TextField q = new TextField();
	private final Grid<GroupSummary> grid = new Grid<>();
	private final VerticalLayout detail = new VerticalLayout();
	private final boolean staff;

	GroupsView(Groups groups, GroupStamps stamps) {
		this.groups = groups;
		this.stamps = stamps;
		this.staff = CurrentUser.hasRole(Roles.OPERATOR) || CurrentUser.hasRole(Roles.FLOOR_MANAGER)
				|| CurrentUser.hasRole(Roles.CITY_STAFF);
		setSizeFull();
		var heading = new H2(getTranslation("groups.title"));
		heading.getStyle().set("margin", "0");
		q.setId("groups-q");
		q.setPlaceholder(getTranslation("groups.search.placeholder"));
		q.setWidth("28em");
		q.setMaxLength(100);
		q.setClearButtonVisible(true);
		q.getElement().addEventListener("keydown", e -> search()).setFilter("event.key === 'Enter'");
		var find = new Button(getTranslation("groups.search"), e -> search());
		find.setId("groups-search");
		var bar = new HorizontalLayout(q, find);
		bar.setAlignItems(Alignment.BASELINE);
		grid.setId("groups-grid");
		grid.addColumn(g -> g.ward().japaneseName()).setHeader(getTranslation("groups.field.WARD")).setAutoWidth(true);
		grid.addColumn(GroupSummary::name).setHeader(getTranslation("groups.field.NAME")).setFlexGrow(2);
		grid.addColumn(g -> getTranslation(g.category().labelKey())).setHeader(getTranslation("groups.field.CATEGORY"))
				.setAutoWidth(true);
		grid.addColumn(GroupSummary::meetingPlace).setHeader(getTranslation("groups.field.MEETING_PLACE")).setFlexGrow(2);
		grid.addColumn(g -> String.join("、", g.activities())).setHeader(getTranslation("groups.field.ACTIVITY_CODES"))
				.setFlexGrow(2);
		grid.addColumn(GroupSummary::publicContact).setHeader(getTranslation("groups.field.PUBLIC_CONTACT"))
				.setFlexGrow(1);
		grid.setWidthFull();
		grid.getStyle().set("flex", "1 1 0").set("min-height", "10em");
		grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
		detail.setId("groups-detail");
		detail.setPadding(false);
		detail.setSpacing(false);
		detail.getStyle().set("flex", "0 0 auto").set("max-height", "40%").set("overflow", "auto");
		add(heading, bar, grid, detail);
		q.focus();
	}

	private void search() {
		try {
			var found = groups.search(q.getValue(), 100, "画面:活動団体検索");
			grid.setItems(found);
			grid.getElement().setAttribute("data-count", String.valueOf(found.size()));
			if (found.isEmpty()) {
				Notices.info(getTranslation("groups.search.none"));
			}
		} catch (DomainException e) {
			Notices.error(e);
		}
	}

	private void show(GroupSummary g) {
		detail.removeAll();
		if (g == null) {
			return;
		}
		detail.add(new H3(g.name() + "（" + getTranslation(g.state().labelKey()) + "）"));
		detail.add(line(getTranslation("groups.detail.number"), String.valueOf(g.id())));
		if (!staff) {
			return;
		}
		var rep = new Button(getTranslation("groups.detail.representative"));
		rep.setId("groups-representative");
		var repText = new Span();
		repText.setId("groups-representative-text");
		rep.addClickListener(e -> {
			GroupProfile p = groups.profile(g.id(), "画面:活動団体（代表者）");
			repText.setText(p.representative().name() + "　" + p.representative().address() + "　"
					+ p.representative().phone());
			rep.setEnabled(false);
		});
		detail.add(new HorizontalLayout(rep, repText));
		var stampList = stamps.of(g.id());
		detail.add(line(getTranslation("groups.detail.stamps"), stampList.isEmpty() ? "—"
				: String.join("、", stampList.stream().map(s -> s.mailedOn() == null ? s.label() + "（" + s.issuedOn() + "）"
						: getTranslation("groups.detail.stamp-mailed", s.label(), s.issuedOn().toString(),
								s.mailedOn().toString())).toList())));
		for (GroupHistoryEntry h : groups.history(g.id())) {
			detail.add(line(AT.format(h.actedAt().atZone(JapanTime.ZONE)),
					getTranslation(Keys.HISTORY + h.event()) + "　" + h.summary() + "　" + h.actedBy()));
		}
	}

	private static Div line(String label, String text) {
		var l = new Span(label);
		l.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "10em").set("display", "inline-block");
		var d = new Div(l, new Span(text));
		d.getStyle().set("font-size", "var(--lumo-font-size-s)");
		return d;
	}
}
