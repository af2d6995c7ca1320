package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The mailing batches (第4章), in tabs: the list (filter, sort, count; a row opens the batch), a new batch (kind,
 * title, bundle size, the city's list), pull-outs across every open batch ({@link PullOutPanel}) and the 引受番号
 * ranges from the post office. Floor managers see the list only.
 */
@Route("mailings")
@Menu(order = 40, title = "郵送バッチ")
@RolesAllowed({ "OPERATOR", "FLOOR_MANAGER" })
class MailingsView extends VerticalLayout implements HasDynamicTitle {

	static final String CHANNEL = "画面:郵送バッチ";
	/** How many batches the list holds (the newest); a contract year makes a few hundred. */
	private static final int LIST_LIMIT = 500;

	private final Mailings mailings;
	private final Grid<BatchSummary> batches = new Grid<>(BatchSummary.class, false);
	private final TextField search = new TextField();
	private final Select<BatchStatus> status = new Select<>();
	private final Select<MailingKind> kindFilter = new Select<>();
	private final Span count = new Span();
	private GridListDataView<BatchSummary> list;
	private List<BatchSummary> loaded = List.of();

	MailingsView(Mailings mailings, MailingsProperties properties, AuthenticationContext authentication) {
		this.mailings = mailings;
		boolean operator = authentication.hasRole("OPERATOR");
		setSizeFull();
		var heading = new H2(getTranslation("mailings.list.heading"));
		heading.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
		TabSheet tabs = new TabSheet();
		tabs.setId("mailings-tabs");
		tabs.setSizeFull();
		tabs.addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
		tabs.add(getTranslation("mailings.tab.batches"), batchList());
		if (operator) {
			tabs.add(getTranslation("mailings.tab.new"), createForm(properties));
			tabs.add(getTranslation("mailings.tab.pull-out"), new PullOutPanel(mailings, CHANNEL, this::reload));
			tabs.add(getTranslation("mailings.tab.ranges"), rangeForm());
		}
		add(heading, tabs);
		setFlexGrow(1, tabs);
		reload();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("mailings.list.page-title");
	}

	private VerticalLayout batchList() {
		search.setId("mailing-batches-search");
		search.setPlaceholder(getTranslation("mailings.list.search"));
		search.setPrefixComponent(VaadinIcon.SEARCH.create());
		search.setClearButtonVisible(true);
		search.setValueChangeMode(ValueChangeMode.LAZY);
		search.setWidth("15em");
		status.setId("mailing-batches-status");
		status.setItems(BatchStatus.values());
		status.setEmptySelectionAllowed(true);
		status.setEmptySelectionCaption(getTranslation("mailings.list.all-statuses"));
		status.setItemLabelGenerator(s -> s == null ? getTranslation("mailings.list.all-statuses") : s.label());
		kindFilter.setId("mailing-batches-kind");
		kindFilter.setItems(mailings.kinds());
		kindFilter.setEmptySelectionAllowed(true);
		kindFilter.setEmptySelectionCaption(getTranslation("mailings.list.all-kinds"));
		kindFilter.setItemLabelGenerator(k -> k == null ? getTranslation("mailings.list.all-kinds") : k.label());
		count.setId("mailing-batches-count");
		search.addValueChangeListener(e -> filter());
		status.addValueChangeListener(e -> filter());
		kindFilter.addValueChangeListener(e -> filter());

		batches.setId("mailing-batches");
		batches.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		// Fixed widths: auto widths measured before the first rows arrive leave cells out of line with the headers.
		batches.addColumn(BatchSummary::id).setHeader(getTranslation("mailings.list.col.id")).setSortable(true)
				.setTextAlign(ColumnTextAlign.END).setWidth("4rem").setFlexGrow(0);
		batches.addColumn(BatchSummary::kindLabel).setHeader(getTranslation("mailings.list.col.kind")).setSortable(true)
				.setWidth("8.5rem").setFlexGrow(0).setTooltipGenerator(BatchSummary::kindLabel);
		batches.addColumn(BatchSummary::title).setHeader(getTranslation("mailings.list.col.title")).setSortable(true)
				.setWidth("8rem").setFlexGrow(1).setTooltipGenerator(BatchSummary::title);
		batches.addColumn(b -> b.status().label()).setHeader(getTranslation("mailings.list.col.status"))
				.setComparator(Comparator.comparing(BatchSummary::status)).setWidth("10.5rem").setFlexGrow(0);
		batches.addColumn(b -> b.dispatchedOn() == null ? "" : JapaneseDates.toWesternWithWeekday(b.dispatchedOn())).setHeader(getTranslation("mailings.list.col.dispatched"))
				.setComparator(Comparator.comparing(BatchSummary::dispatchedOn, Comparator.nullsFirst(Comparator.naturalOrder())))
				.setWidth("7.5rem").setFlexGrow(0);
		batches.addColumn(b -> getTranslation("mailings.list.envelopes", b.envelopes(), b.pulled(), b.excluded()))
				.setHeader(getTranslation("mailings.list.col.envelopes")).setComparator(BatchSummary::envelopes)
				.setTextAlign(ColumnTextAlign.END).setWidth("10rem").setFlexGrow(0);
		batches.addColumn(b -> b.bundlesWritten() + " / " + b.bundles())
				.setHeader(getTranslation("mailings.list.col.written")).setTextAlign(ColumnTextAlign.END).setWidth("5.5rem")
				.setFlexGrow(0);
		batches.addColumn(BatchSummary::createdByName).setHeader(getTranslation("mailings.list.col.created-by"))
				.setSortable(true).setWidth("7rem").setFlexGrow(0)
				.setTooltipGenerator(b -> b.createdAt() == null ? b.createdByName()
						: getTranslation("mailings.list.created-tooltip", b.createdByName(),
								JapaneseDates.toWesternDateTimeWithWeekday(b.createdAt().toInstant())));
		batches.setEmptyStateText(getTranslation("mailings.list.empty"));
		batches.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MailingBatchView.class, e.getItem().id())));
		batches.setSizeFull();

		var bar = new HorizontalLayout(search, status, kindFilter, count);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.setWidthFull();
		var box = new VerticalLayout(bar, new Span(getTranslation("mailings.list.hint")), batches);
		box.setPadding(false);
		box.setSizeFull();
		box.setFlexGrow(1, batches);
		return box;
	}

	/** Reads the list again (after a change elsewhere on the page). */
	private void reload() {
		loaded = mailings.batches(0, LIST_LIMIT);
		list = batches.setItems(loaded);
		list.addFilter(this::matches);
		filter();
	}

	private boolean matches(BatchSummary b) {
		String text = search.getValue() == null ? "" : search.getValue().strip();
		return (status.getValue() == null || b.status() == status.getValue())
				&& (kindFilter.getValue() == null || b.kind().equals(kindFilter.getValue().code()))
				&& (text.isEmpty() || b.title().contains(text) || String.valueOf(b.id()).equals(text));
	}

	private void filter() {
		if (list == null) {
			return;
		}
		list.refreshAll();
		int shown = list.getItemCount();
		int total = loaded.size();
		count.setText(shown == total ? getTranslation("mailings.list.count", total)
				: getTranslation("mailings.list.count-filtered", shown, total));
	}

	private VerticalLayout createForm(MailingsProperties properties) {
		Select<MailingKind> kind = new Select<>();
		kind.setLabel(getTranslation("mailings.new.kind"));
		// Kinds whose recipients and values another module gives (the notice run, the groups' stamps) are not made here.
		kind.setItems(mailings.kinds().stream().filter(k -> k.audience() != MailingKind.Audience.GIVEN
				&& k.audience() != MailingKind.Audience.GIVEN_ADDRESSES).toList());
		kind.setItemLabelGenerator(k -> k.label() + "（" + k.clause() + "）");
		kind.setId("mailing-kind");
		kind.setWidth("24em");
		TextField title = new TextField(getTranslation("mailings.new.title"));
		title.setId("mailing-title");
		title.setPlaceholder(getTranslation("mailings.new.title-example"));
		title.setWidth("20em");
		IntegerField size = new IntegerField(getTranslation("mailings.new.bundle-size"));
		size.setValue(properties.bundleSize());
		size.setMin(1);
		size.setMax(10_000);
		size.setId("mailing-bundle-size");
		TextArea targets = new TextArea(getTranslation("mailings.new.targets"));
		targets.setId("mailing-targets");
		targets.setWidth("22em");
		targets.setHeight("10em");
		TextArea cancelled = new TextArea(getTranslation("mailings.new.cancelled"));
		cancelled.setId("mailing-cancelled");
		cancelled.setWidth("22em");
		cancelled.setHeight("10em");
		kind.addValueChangeListener(e -> {
			boolean list = e.getValue() == null || e.getValue().audience() == MailingKind.Audience.CITY_LIST;
			targets.setEnabled(list);
			targets.setHelperText(list ? null : getTranslation("mailings.new.targets-not-used"));
		});
		Button create = new Button(getTranslation("mailings.new.create"), e -> Notices.attempt(() -> mailings.create(
				new NewBatch(kind.getValue() == null ? "" : kind.getValue().code(), title.getValue(),
						size.getValue() == null ? 0 : size.getValue(), lines(targets.getValue()), lines(cancelled.getValue())),
				CHANNEL)).ifPresent(id -> getUI().ifPresent(ui -> ui.navigate(MailingBatchView.class, id))));
		create.setId("mailing-create");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var row1 = new HorizontalLayout(kind, title, size, create);
		row1.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		var form = new VerticalLayout(row1, new HorizontalLayout(targets, cancelled));
		form.setPadding(false);
		return form;
	}

	private VerticalLayout rangeForm() {
		TextField first = new TextField(getTranslation("mailings.ranges.first"));
		first.setId("range-first");
		first.setPlaceholder("123-45-67890-1");
		TextField last = new TextField(getTranslation("mailings.ranges.last"));
		last.setId("range-last");
		Span left = new Span(getTranslation("mailings.ranges.left", mailings.registeredNumbersLeft()));
		left.setId("range-left");
		Button add = new Button(getTranslation("mailings.ranges.add"), e -> Notices.attempt(
				() -> mailings.addRegisteredRange(first.getValue(), last.getValue(), CHANNEL)).ifPresent(n -> {
					first.clear();
					last.clear();
					left.setText(getTranslation("mailings.ranges.left", n));
					Notices.success(getTranslation("mailings.ranges.added"));
				}));
		add.setId("range-add");
		var row = new HorizontalLayout(first, last, add, left);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		var box = new VerticalLayout(new Span(getTranslation("mailings.ranges.note")), row);
		box.setPadding(false);
		return box;
	}

	static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,、]+")).map(String::strip)
				.filter(s -> !s.isEmpty()).toList();
	}
}
