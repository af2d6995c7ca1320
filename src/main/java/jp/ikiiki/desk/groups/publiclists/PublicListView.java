package jp.ikiiki.desk.groups.publiclists;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.Ward;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.DomainException;

/**
 * The public group lists (第9章1(6)) for an operator or the city: choose the ward, the category and the format, make
 * the file; the private-field check's result is shown (what was checked, the result, each finding) and the file can be
 * downloaded only when the check passed.
 */
@Route("groups/public-lists")
@PageTitle("公開用活動団体一覧 | いきいきデスク")
@Menu(order = 121, title = "公開用活動団体一覧")
@RolesAllowed({Roles.OPERATOR, Roles.CITY_STAFF})
class PublicListView extends VerticalLayout {

	static final String CHANNEL = "画面:公開用活動団体一覧";

	private final PublicLists lists;
	private final Select<Ward> ward = new Select<>();
	private final Select<GroupCategory> category = new Select<>();
	private final RadioButtonGroup<PrivateFieldCheck.Format> format = new RadioButtonGroup<>();
	private final Div result = new Div();
	private final Grid<PrivateFieldCheck.Finding> findings = new Grid<>();
	private final Anchor download = new Anchor();
	private PublicLists.Generated generated;

	PublicListView(PublicLists lists) {
		this.lists = lists;
		setSizeFull();
		add(new H2(getTranslation("groups.publiclist.title")));
		var help = new Paragraph(getTranslation("groups.publiclist.help"));
		help.getStyle().set("max-width", "70rem").set("margin", "0");
		add(help);

		ward.setLabel(getTranslation("groups.publiclist.ward"));
		ward.setId("publiclist-ward");
		ward.setItems(Ward.values());
		ward.setItemLabelGenerator(w -> w.code() + " " + w.japaneseName());
		ward.setValue(Ward.NAKA);
		category.setLabel(getTranslation("groups.publiclist.category"));
		category.setId("publiclist-category");
		category.setItems(GroupCategory.values());
		category.setItemLabelGenerator(c -> getTranslation(c.labelKey()));
		category.setValue(GroupCategory.GENERAL);
		category.setWidth("22rem");
		format.setLabel(getTranslation("groups.publiclist.format"));
		format.setId("publiclist-format");
		format.setItems(PrivateFieldCheck.Format.values());
		format.setItemLabelGenerator(f -> f == PrivateFieldCheck.Format.PDF ? getTranslation("groups.publiclist.format.PDF")
				: getTranslation("groups.publiclist.format.XLSX"));
		format.setValue(PrivateFieldCheck.Format.PDF);
		format.addValueChangeListener(e -> ward.setEnabled(e.getValue() == PrivateFieldCheck.Format.PDF));
		var make = new Button(getTranslation("groups.publiclist.make"), e -> make());
		make.setId("publiclist-make");
		make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		download.setText(getTranslation("groups.publiclist.download"));
		download.setId("publiclist-download");
		download.getElement().setAttribute("download", true);
		download.setVisible(false);
		var controls = new HorizontalLayout(ward, category, format, make, download);
		controls.setAlignItems(FlexComponent.Alignment.BASELINE);
		controls.setWrap(true);
		add(controls);

		result.setId("publiclist-result");
		add(new H3(getTranslation("groups.publiclist.check")), result);
		findings.setId("publiclist-findings");
		findings.addThemeVariants(GridVariant.LUMO_COMPACT);
		findings.addColumn(PrivateFieldCheck.Finding::groupId).setHeader(getTranslation("groups.publiclist.finding.group"))
				.setWidth("8rem").setFlexGrow(0);
		findings.addColumn(PrivateFieldCheck.Finding::field).setHeader(getTranslation("groups.publiclist.finding.field"));
		findings.addColumn(PrivateFieldCheck.Finding::where).setHeader(getTranslation("groups.publiclist.finding.where"));
		findings.setVisible(false);
		findings.setSizeFull();
		add(findings);
		setFlexGrow(1, findings);
	}

	private void make() {
		generated = null;
		download.setVisible(false);
		findings.setVisible(false);
		result.removeAll();
		try {
			generated = lists.generate(format.getValue() == PrivateFieldCheck.Format.PDF ? ward.getValue() : null,
					category.getValue(), format.getValue(), CHANNEL);
			showReport(generated.report());
			PublicLists.Generated file = generated;
			download.setHref(DownloadHandler.fromInputStream(event -> new com.vaadin.flow.server.streams.DownloadResponse(
					new java.io.ByteArrayInputStream(file.content()), file.fileName(), file.contentType(),
					file.content().length)));
			download.setText(getTranslation("groups.publiclist.download") + "（" + file.fileName() + "）");
			download.setVisible(true);
			Notices.success(getTranslation("groups.publiclist.passed-notice"));
		} catch (PublicLists.PrivateValueFound found) {
			showReport(found.report());
			Notices.error(found.getMessage());
		} catch (DomainException refusal) {
			Notices.error(refusal);
		}
	}

	private void showReport(PrivateFieldCheck.Report r) {
		result.removeAll();
		var verdict = new Span(getTranslation(r.passed() ? "groups.publiclist.passed" : "groups.publiclist.failed"));
		verdict.setId("publiclist-verdict");
		verdict.getElement().getThemeList().add(r.passed() ? "badge success" : "badge error");
		var lines = new VerticalLayout(verdict,
				new Span(getTranslation("groups.publiclist.report.file", r.fileName())),
				new Span(getTranslation("groups.publiclist.report.read", r.parts(), r.characters())),
				new Span(getTranslation("groups.publiclist.report.values", r.groups(), r.valuesChecked(),
						r.valuesTooShort(), r.valuesAlsoPublic())),
				new Span(getTranslation("groups.publiclist.report.fields", String.join("、", r.fields()))));
		lines.setPadding(false);
		lines.setSpacing(false);
		result.add(lines);
		findings.setItems(r.findings());
		findings.setVisible(!r.findings().isEmpty());
	}
}
