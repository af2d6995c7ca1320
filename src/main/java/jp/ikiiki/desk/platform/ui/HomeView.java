package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Optional;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The signed-in person's day: one card per work item of every module ({@link WorkItems}) — count, what it is, one
 * sentence more, coloured by urgency, late items first — each a link to the screen that deals with it. With nothing
 * to do (or no module providing items) it says so.
 */
@Route("")
@Menu(order = 0, title = "ホーム")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle {

	HomeView(WorkItemsBoard board, Optional<Clock> clock) {
		setWidthFull();
		add(new H2(getTranslation("platform.home.greeting", CurrentUser.displayName())));
		var today = new Paragraph(getTranslation("platform.home.today",
				JapaneseDates.toEraKanjiWithWeekday(JapanTime.today(clock.orElse(Clock.systemUTC())))));
		today.getStyle().set("margin-top", "0").set("color", "var(--lumo-secondary-text-color)");
		add(today);

		var items = board.items();
		if (items.isEmpty()) {
			var none = new Paragraph(getTranslation("platform.home.nothing"));
			none.getElement().setAttribute("data-testid", "work-items-empty");
			add(none);
			return;
		}
		var cards = new Div();
		cards.addClassName("work-items");
		cards.getElement().setAttribute("data-testid", "work-items");
		for (var item : items) {
			cards.add(card(item));
		}
		add(cards);
	}

	private Anchor card(WorkItems.WorkItem item) {
		var count = new Span(item.count() == 0 ? getTranslation("platform.home.none") : String.valueOf(item.count()));
		count.addClassName("count");
		var title = new Span(item.title());
		title.addClassName("title");
		var card = new Anchor(item.route() == null ? "" : WorkItemsBoard.route(item.route()));
		card.addClassName("work-item");
		card.getElement().setAttribute("data-urgency", item.urgency().name());
		card.getElement().setAttribute("data-testid", "work-item");
		card.add(count, title);
		if (item.detail() != null && !item.detail().isBlank()) {
			var detail = new Span(item.detail());
			detail.addClassName("detail");
			card.add(detail);
		}
		return card;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("platform.home.pageTitle");
	}
}
