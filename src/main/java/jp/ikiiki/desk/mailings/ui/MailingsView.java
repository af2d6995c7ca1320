package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.mailings.PullOut;
import jp.ikiiki.desk.mailings.PullOutImport;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The mailing batches (第4章): the list, a new batch (kind, title, bundle size, the city's list), the 引受番号
 * ranges from the post office, and pull-outs across every open batch (typed, scanned one by one, or a CSV/XLSX
 * list). Floor managers see the list only.
 */
@Route("mailings")
@PageTitle("郵送バッチ | いきいきデスク")
@Menu(order = 40, title = "郵送バッチ")
@RolesAllowed({ "OPERATOR", "FLOOR_MANAGER" })
class MailingsView extends VerticalLayout {

	static final String CHANNEL = "画面:郵送バッチ";

	private final Mailings mailings;
	private final Grid<BatchSummary> batches = new Grid<>(BatchSummary.class, false);
	private final Span rangeLeft = new Span();
	private final Span pullResult = new Span();
	private final List<PullOut> pulledHere = new ArrayList<>();
	private final Grid<PullOut> pulledGrid = new Grid<>(PullOut.class, false);

	MailingsView(Mailings mailings, MailingsProperties properties, AuthenticationContext authentication) {
		this.mailings = mailings;
		boolean operator = authentication.hasRole("OPERATOR");
		setSizeFull();
		add(new H2("郵送バッチ（封入封かん・第4章）"));
		if (operator) {
			add(createForm(properties));
		}

		batches.setId("mailing-batches");
		batches.addColumn(BatchSummary::id).setHeader("ID").setAutoWidth(true).setFlexGrow(0);
		batches.addColumn(BatchSummary::kindLabel).setHeader("種類").setAutoWidth(true);
		batches.addColumn(BatchSummary::title).setHeader("バッチ名").setAutoWidth(true);
		batches.addColumn(b -> b.status().label()).setHeader("状態").setAutoWidth(true);
		batches.addColumn(BatchSummary::envelopes).setHeader("通数").setAutoWidth(true);
		batches.addColumn(BatchSummary::pulled).setHeader("引抜").setAutoWidth(true);
		batches.addColumn(BatchSummary::excluded).setHeader("除外").setAutoWidth(true);
		batches.addColumn(b -> b.bundlesWritten() + " / " + b.bundles()).setHeader("印刷済束").setAutoWidth(true);
		batches.addColumn(b -> b.dispatchedOn() == null ? "" : JapaneseDates.toEraKanji(b.dispatchedOn()))
				.setHeader("発送日").setAutoWidth(true);
		batches.addColumn(BatchSummary::createdBy).setHeader("作成者").setAutoWidth(true);
		batches.setItems(q -> mailings.batches(q.getOffset(), q.getLimit()).stream());
		batches.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MailingBatchView.class, e.getItem().id())));
		batches.setHeight("20em");
		add(new H3("バッチ一覧（行を選ぶと詳細）"), batches);

		if (operator) {
			add(rangeForm(), pullOutForm());
		}
	}

	private VerticalLayout createForm(MailingsProperties properties) {
		Select<MailingKind> kind = new Select<>();
		kind.setLabel("種類");
		kind.setItems(mailings.kinds());
		kind.setItemLabelGenerator(k -> k.label() + "（" + k.clause() + "）");
		kind.setId("mailing-kind");
		kind.setWidth("24em");
		TextField title = new TextField("バッチ名");
		title.setId("mailing-title");
		title.setWidth("20em");
		IntegerField size = new IntegerField("束の通数");
		size.setValue(properties.bundleSize());
		size.setMin(1);
		size.setMax(10_000);
		size.setId("mailing-bundle-size");
		TextArea targets = new TextArea("発注者の対象者リスト（宛名番号、1行に1件）");
		targets.setId("mailing-targets");
		targets.setWidth("22em");
		targets.setHeight("8em");
		TextArea cancelled = new TextArea("申出取消（宛名番号、1行に1件）");
		cancelled.setId("mailing-cancelled");
		cancelled.setWidth("22em");
		cancelled.setHeight("8em");
		kind.addValueChangeListener(e -> targets.setEnabled(e.getValue() == null
				|| e.getValue().audience() == MailingKind.Audience.CITY_LIST));
		Button create = new Button("バッチ作成", e -> {
			try {
				long id = mailings.create(new NewBatch(kind.getValue() == null ? "" : kind.getValue().code(),
						title.getValue(), size.getValue() == null ? 0 : size.getValue(), lines(targets.getValue()),
						lines(cancelled.getValue())), CHANNEL);
				getUI().ifPresent(ui -> ui.navigate(MailingBatchView.class, id));
			} catch (IllegalArgumentException ex) {
				error(ex.getMessage());
			}
		});
		create.setId("mailing-create");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var row1 = new HorizontalLayout(kind, title, size, create);
		row1.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		var form = new VerticalLayout(new H3("新しいバッチ"), row1, new HorizontalLayout(targets, cancelled));
		form.setPadding(false);
		return form;
	}

	private VerticalLayout rangeForm() {
		TextField first = new TextField("最初の引受番号");
		first.setId("range-first");
		first.setPlaceholder("123-45-67890-1");
		TextField last = new TextField("最後の引受番号");
		last.setId("range-last");
		Button add = new Button("番号帯を登録", e -> {
			try {
				long left = mailings.addRegisteredRange(first.getValue(), last.getValue(), CHANNEL);
				first.clear();
				last.clear();
				rangeLeft.setText("未使用の引受番号: " + left + " 件");
				Notification.show("番号帯を登録しました", 3000, Notification.Position.BOTTOM_START)
						.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			} catch (IllegalArgumentException ex) {
				error(ex.getMessage());
			}
		});
		add.setId("range-add");
		rangeLeft.setId("range-left");
		rangeLeft.setText("未使用の引受番号: " + mailings.registeredNumbersLeft() + " 件");
		var row = new HorizontalLayout(first, last, add, rangeLeft);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		var box = new VerticalLayout(new H3("簡易書留 引受番号帯（郵便局から受け取った番号）"), row);
		box.setPadding(false);
		return box;
	}

	private VerticalLayout pullOutForm() {
		TextField number = new TextField("番号（宛名番号・申請書管理番号・引受番号、スキャン可）");
		number.setId("pull-number");
		number.setWidth("26em");
		TextField reason = new TextField("理由");
		reason.setId("pull-reason");
		reason.setWidth("16em");
		Runnable pull = () -> {
			try {
				var found = mailings.pullOut(number.getValue(), reason.getValue(), CHANNEL);
				pulledHere.addAll(0, found);
				pulledGrid.setItems(pulledHere);
				PullOut p = found.get(0);
				pullResult.setText((p.already() ? "引抜済: " : "引抜: ") + "バッチ " + p.batchId() + "「" + p.batchTitle()
						+ "」 束 " + p.bundleNo() + " の " + p.bundleSeq() + " 通目" + (found.size() > 1 ? "（ほか "
						+ (found.size() - 1) + " 件）" : ""));
				number.clear();
				number.focus();
				batches.getDataProvider().refreshAll();
			} catch (IllegalArgumentException ex) {
				pullResult.setText(ex.getMessage());
				error(ex.getMessage());
			}
		};
		number.addKeyPressListener(Key.ENTER, e -> pull.run());
		Button go = new Button("引抜", e -> pull.run());
		go.setId("pull-go");
		pullResult.setId("pull-result");

		Upload upload = new Upload(UploadHandler.toTempFile((metadata, tmp) -> {
			try (InputStream in = Files.newInputStream(tmp.toPath())) {
				PullOutImport result = mailings.importPullOuts(metadata.fileName(), in, CHANNEL);
				getUI().ifPresent(ui -> ui.access(() -> {
					if (result.errors().isEmpty()) {
						pulledHere.addAll(0, result.pulled());
						pulledGrid.setItems(pulledHere);
						pullResult.setText("引抜リスト取込: " + result.pulled().size() + " 通を引抜");
						batches.getDataProvider().refreshAll();
					} else {
						pullResult.setText("引抜リストに不備があるため取り込んでいません: " + String.join(" / ", result.errors()));
					}
				}));
			} finally {
				Files.deleteIfExists(tmp.toPath());
			}
		}));
		upload.setId("pull-upload");
		upload.setMaxFiles(1);
		upload.setAcceptedFileTypes(".csv", ".xlsx");
		upload.setUploadButton(new Button("引抜リスト（CSV・XLSX）を取込…"));
		upload.setDropLabel(new Span("引抜リスト（1列目 番号、2列目 理由）をここにドロップ"));

		pulledGrid.setId("pull-grid");
		pulledGrid.addColumn(PullOut::number).setHeader("番号").setAutoWidth(true);
		pulledGrid.addColumn(p -> p.batchId() + " " + p.batchTitle()).setHeader("バッチ").setAutoWidth(true);
		pulledGrid.addColumn(PullOut::bundleNo).setHeader("束").setAutoWidth(true);
		pulledGrid.addColumn(PullOut::bundleSeq).setHeader("束内順").setAutoWidth(true);
		pulledGrid.addColumn(PullOut::subjectId).setHeader("宛名番号").setAutoWidth(true);
		pulledGrid.addColumn(PullOut::reason).setHeader("理由").setAutoWidth(true);
		pulledGrid.setHeight("12em");
		var row = new HorizontalLayout(number, reason, go);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		var box = new VerticalLayout(new H3("引抜（第4章1(3)(4)）"), row, upload, pullResult, pulledGrid);
		box.setPadding(false);
		return box;
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,、]+")).map(String::strip)
				.filter(s -> !s.isEmpty()).toList();
	}

	private static void error(String message) {
		Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
	}
}
