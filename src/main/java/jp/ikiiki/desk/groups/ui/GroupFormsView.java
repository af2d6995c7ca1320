package jp.ikiiki.desk.groups.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import jp.ikiiki.desk.groups.GroupForm;
import jp.ikiiki.desk.groups.GroupFormKind;
import jp.ikiiki.desk.groups.GroupFormState;
import jp.ikiiki.desk.groups.GroupForms;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.DomainException;

/**
 * Receiving the groups' forms (第10章2): a form is received (registration, or change/deletion of a group by its
 * number) and its scanned image uploaded; its number goes on the paper for the keying. Below, the forms waiting for the
 * city's answer to a doubt, where the answer is recorded (the form then returns to its keying).
 */
@Route("groups/forms")
@PageTitle("活動団体 届出書受付 | いきいきデスク")
@Menu(order = 75, title = "活動団体 届出書受付")
@RolesAllowed({ Roles.OPERATOR, Roles.FLOOR_MANAGER })
class GroupFormsView extends VerticalLayout {

	private final GroupForms forms;
	private final Select<GroupFormKind> kind = new Select<>();
	private final TextField groupId = new TextField();
	private final Span received = new Span();
	private final Grid<GroupForm> queried = new Grid<>();
	private final TextField answer = new TextField();
	private GroupForm last;

	GroupFormsView(GroupForms forms) {
		this.forms = forms;
		setSizeFull();
		var heading = new H2(getTranslation("groups.forms.title"));
		heading.getStyle().set("margin", "0");
		kind.setId("groups-forms-kind");
		kind.setLabel(getTranslation("groups.forms.kind"));
		kind.setItems(GroupFormKind.values());
		kind.setItemLabelGenerator(k -> getTranslation(Keys.FORM + k.name()));
		kind.setValue(GroupFormKind.REGISTER);
		groupId.setId("groups-forms-group");
		groupId.setLabel(getTranslation("groups.forms.group"));
		groupId.setAllowedCharPattern("[0-9]");
		groupId.setMaxLength(12);
		var receive = new Button(getTranslation("groups.forms.receive"), e -> receive());
		receive.setId("groups-forms-receive");
		receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		received.setId("groups-forms-received");
		var upload = new Upload(UploadHandler.toTempFile((metadata, tmp) -> {
			try (InputStream in = Files.newInputStream(tmp.toPath())) {
				if (last == null) {
					Notices.info(getTranslation("groups.forms.receive.first"));
					return;
				}
				last = forms.attachImage(last.id(), metadata.fileName(), in);
				received.setText(getTranslation("groups.forms.image.done", last.id(), last.imagePages()));
			} catch (DomainException e) {
				Notices.error(e);
			} catch (IOException e) {
				Notices.error(getTranslation("groups.forms.image.unreadable"));
			} finally {
				tmp.delete();
			}
		}));
		upload.setId("groups-forms-upload");
		upload.setAcceptedFileTypes(".pdf", "application/pdf");
		upload.setMaxFiles(1);
		var row = new HorizontalLayout(kind, groupId, receive, upload);
		row.setAlignItems(Alignment.BASELINE);

		queried.setId("groups-forms-queried");
		queried.addColumn(GroupForm::id).setHeader(getTranslation("groups.check.form")).setAutoWidth(true);
		queried.addColumn(f -> getTranslation(Keys.FORM + f.form().name())).setHeader(getTranslation("groups.check.kind"))
				.setAutoWidth(true);
		queried.addColumn(GroupForm::queryReason).setHeader(getTranslation("groups.forms.reason")).setFlexGrow(3);
		queried.setWidthFull();
		answer.setId("groups-forms-answer");
		answer.setPlaceholder(getTranslation("groups.forms.answer.placeholder"));
		answer.setMaxLength(500);
		answer.setWidth("30em");
		var record = new Button(getTranslation("groups.forms.answer"), e -> answer());
		record.setId("groups-forms-answer-record");
		var answerRow = new HorizontalLayout(answer, record);
		add(heading, row, received, new H3(getTranslation("groups.forms.queried")), answerRow, queried);
		refresh();
	}

	private void receive() {
		Long group = null;
		if (!groupId.getValue().isBlank()) {
			group = Long.parseLong(groupId.getValue().strip());
		}
		try {
			last = forms.receive(kind.getValue(), group);
		} catch (DomainException e) {
			Notices.error(e);
			return;
		}
		received.setText(getTranslation("groups.forms.received", last.id()));
	}

	private void answer() {
		GroupForm f = queried.asSingleSelect().getValue();
		if (f == null) {
			Notices.info(getTranslation("groups.check.select"));
			return;
		}
		if (Notices.attempt(() -> forms.answer(f.id(), answer.getValue()),
				getTranslation("groups.forms.answered", f.id()))) {
			answer.clear();
			refresh();
		}
	}

	private void refresh() {
		queried.setItems(forms.inState(GroupFormState.QUERIED, 200));
	}
}
