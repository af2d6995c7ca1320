package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import jp.ikiiki.desk.mailings.Envelope;
import jp.ikiiki.desk.mailings.EnvelopeFilter;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.shared.Postcodes;

/**
 * The envelopes of a batch (第4章1(3): sorted by postcode so that any item is found at once): filters by 宛名番号,
 * 申請書管理番号 or name, by bundle and by pulled-out or not; the count; sorting by postcode or 宛名番号; the list as
 * XLSX. Pages are read from the service as the grid scrolls.
 */
class EnvelopeList extends VerticalLayout {

	/** The filter's choice of envelopes. */
	enum Show {
		ALL, TO_SEND, PULLED
	}

	private final Mailings mailings;
	private final String channel;
	private final Grid<Envelope> grid = new Grid<>(Envelope.class, false);
	private final Grid.Column<Envelope> subjectColumn;
	private final Grid.Column<Envelope> nameColumn;
	/** 再発行・追加分 and the reissue count: subjects' booklets only, hidden for recipients a module gave. */
	private final Grid.Column<Envelope> markColumn;
	private final Grid.Column<Envelope> reissueColumn;
	private final TextField text = new TextField();
	private final IntegerField bundle = new IntegerField();
	private final Select<Show> show = new Select<>();
	private final Span count = new Span();
	private long batchId;
	private volatile String fileName;
	/** The filter as last applied, for the download (which runs outside the session's lock). */
	private volatile EnvelopeFilter shown = EnvelopeFilter.ALL;
	private int enclosures;

	EnvelopeList(Mailings mailings, String channel) {
		this.mailings = mailings;
		this.channel = channel;
		setPadding(false);
		setSizeFull();

		text.setId("mailing-envelopes-search");
		text.setPlaceholder(getTranslation("mailings.envelopes.search"));
		text.setPrefixComponent(VaadinIcon.SEARCH.create());
		text.setClearButtonVisible(true);
		text.setWidth("22em");
		text.setValueChangeMode(ValueChangeMode.LAZY);
		bundle.setId("mailing-envelopes-bundle");
		bundle.setPlaceholder(getTranslation("mailings.envelopes.bundle"));
		bundle.setMin(1);
		bundle.setClearButtonVisible(true);
		bundle.setWidth("8em");
		bundle.setValueChangeMode(ValueChangeMode.LAZY);
		show.setId("mailing-envelopes-show");
		show.setItems(Show.values());
		show.setItemLabelGenerator(s -> switch (s) {
			case ALL -> getTranslation("mailings.envelopes.show.all");
			case TO_SEND -> getTranslation("mailings.envelopes.show.to-send");
			case PULLED -> getTranslation("mailings.envelopes.show.pulled");
		});
		show.setValue(Show.ALL);
		count.setId("mailing-envelopes-count");
		text.addValueChangeListener(e -> refresh());
		bundle.addValueChangeListener(e -> refresh());
		show.addValueChangeListener(e -> refresh());

		grid.setId("mailing-envelopes");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(Envelope::bundleNo).setHeader(getTranslation("mailings.envelopes.col.bundle"))
				.setKey("postcode").setSortProperty("postcode").setTextAlign(ColumnTextAlign.END).setWidth("4rem")
				.setFlexGrow(0);
		grid.addColumn(Envelope::bundleSeq).setHeader(getTranslation("mailings.envelopes.col.bundle-seq"))
				.setTextAlign(ColumnTextAlign.END).setWidth("4.5rem").setFlexGrow(0);
		grid.addColumn(e -> Postcodes.format(e.postalCode())).setHeader(getTranslation("mailings.envelopes.col.postcode"))
				.setWidth("6.5rem").setFlexGrow(0);
		subjectColumn = grid.addColumn(Envelope::subjectId).setHeader(getTranslation("mailings.envelopes.col.subject"))
				.setKey("subject").setSortProperty("subject").setWidth("8.5rem").setFlexGrow(0);
		nameColumn = grid.addColumn(e -> e.fields().getOrDefault(PrintFields.NAME, ""))
				.setHeader(getTranslation("mailings.envelopes.col.name")).setWidth("9rem").setFlexGrow(1);
		markColumn = grid.addColumn(e -> e.fields().getOrDefault(PrintFields.MARK, ""))
				.setHeader(getTranslation("mailings.envelopes.col.mark")).setWidth("5rem").setFlexGrow(0);
		reissueColumn = grid
				.addColumn(e -> e.reissueNo() == 0 ? "" : getTranslation("mailings.envelopes.reissue-no", e.reissueNo()))
				.setHeader(getTranslation("mailings.envelopes.col.reissue")).setWidth("5rem").setFlexGrow(0);
		grid.addColumn(e -> e.fields().getOrDefault(PrintFields.REGISTERED_MAIL_NUMBER, ""))
				.setHeader(getTranslation("mailings.envelopes.col.registered")).setWidth("9.5rem").setFlexGrow(0);
		grid.addColumn(e -> e.pulled() ? getTranslation("mailings.envelopes.pulled", e.pullReason())
				: getTranslation("mailings.envelopes.enclosed", enclosures))
				.setHeader(getTranslation("mailings.envelopes.col.state")).setWidth("9rem").setFlexGrow(1)
				.setTooltipGenerator(e -> e.pulled() ? e.pullReason() : null);
		grid.setEmptyStateText(getTranslation("mailings.envelopes.empty"));
		grid.setSizeFull();

		var bar = new HorizontalLayout(text, bundle, show, count);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.setWidthFull();
		bar.setFlexGrow(1, count);
		bar.add(Downloads.xlsx(getTranslation("mailings.envelopes.xlsx"), "mailing-envelopes-xlsx",
				() -> fileName,
				out -> mailings.writeEnvelopesXlsx(batchId, shown, out, channel)));
		add(bar, grid);
		setFlexGrow(1, grid);
	}

	/**
	 * Shows the batch's envelopes; {@code enclosures} is the number of items in each envelope; {@code subjects} false
	 * for a batch of recipients a module gave (activity groups): their key and name instead of 宛名番号 and 氏名.
	 */
	void show(long batchId, int enclosures, boolean subjects) {
		subjectColumn.setHeader(getTranslation(subjects ? "mailings.envelopes.col.subject" : "mailings.envelopes.col.key"));
		nameColumn.setHeader(getTranslation(subjects ? "mailings.envelopes.col.name" : "mailings.envelopes.col.recipient"));
		markColumn.setVisible(subjects);
		reissueColumn.setVisible(subjects);
		text.setPlaceholder(getTranslation(subjects ? "mailings.envelopes.search" : "mailings.envelopes.search-given"));
		this.batchId = batchId;
		this.fileName = getTranslation("mailings.envelopes.file", batchId);
		this.enclosures = enclosures;
		grid.setItems(q -> mailings.envelopes(batchId, filter(q.getSortOrders()), q.getOffset(), q.getLimit(), channel)
				.stream(), q -> mailings.envelopeCount(batchId, filter(q.getSortOrders())));
		refresh();
	}

	void refresh() {
		if (batchId == 0) {
			return;
		}
		grid.getDataProvider().refreshAll();
		shown = filter(List.of());
		int matching = mailings.envelopeCount(batchId, filter(List.of()));
		int all = mailings.envelopeCount(batchId, EnvelopeFilter.ALL);
		count.setText(matching == all ? getTranslation("mailings.envelopes.count", all)
				: getTranslation("mailings.envelopes.count-filtered", matching, all));
	}

	private EnvelopeFilter filter(List<QuerySortOrder> sort) {
		EnvelopeFilter.Order order = EnvelopeFilter.Order.POSTCODE;
		if (!sort.isEmpty()) {
			boolean desc = sort.get(0).getDirection() == SortDirection.DESCENDING;
			order = "subject".equals(sort.get(0).getSorted())
					? (desc ? EnvelopeFilter.Order.SUBJECT_DESC : EnvelopeFilter.Order.SUBJECT)
					: (desc ? EnvelopeFilter.Order.POSTCODE_DESC : EnvelopeFilter.Order.POSTCODE);
		}
		Boolean pulled = switch (show.getValue() == null ? Show.ALL : show.getValue()) {
			case ALL -> null;
			case TO_SEND -> false;
			case PULLED -> true;
		};
		return new EnvelopeFilter(bundle.getValue(), text.getValue(), pulled, order);
	}
}
