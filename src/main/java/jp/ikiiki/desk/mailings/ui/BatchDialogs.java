package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.function.Consumer;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingJobs;
import jp.ikiiki.desk.platform.ui.JapaneseDateField;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The confirmations of the batch screen: each states what the action changes and whether it can be undone before the
 * operator confirms (dispatch, withdrawing a batch, stopping a running step).
 */
final class BatchDialogs {

	private BatchDialogs() {
	}

	/** 発送: the date, how many envelopes, what is recorded, and that it is final. */
	static void dispatch(Component owner, BatchSummary b, Consumer<LocalDate> confirmed) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(owner.getTranslation("mailings.dispatch.title", b.id()));
		dialog.setWidth("34em");
		DatePicker date = JapaneseDateField.japanese(new DatePicker(owner.getTranslation("mailings.dispatch.date")));
		date.setId("mailing-dispatch-date");
		date.setValue(LocalDate.now(JapanTime.ZONE));
		date.setMax(LocalDate.now(JapanTime.ZONE));
		date.setRequiredIndicatorVisible(true);
		Paragraph consequence = new Paragraph();
		consequence.setId("mailing-dispatch-consequence");
		Runnable explain = () -> consequence.setText(owner.getTranslation("mailings.dispatch.consequence",
				date.getValue() == null ? "—" : JapaneseDates.toEraKanji(date.getValue()), b.envelopes(), b.pulled()));
		explain.run();
		date.addValueChangeListener(e -> explain.run());
		Button ok = new Button(owner.getTranslation("mailings.dispatch.confirm"), e -> {
			if (date.getValue() == null) {
				date.setInvalid(true);
				date.setErrorMessage(owner.getTranslation("mailings.dispatch.date-required"));
				return;
			}
			dialog.close();
			confirmed.accept(date.getValue());
		});
		ok.setId("mailing-dispatch-confirm");
		ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button cancel = new Button(owner.getTranslation("mailings.dialog.back"), e -> dialog.close());
		dialog.add(new VerticalLayout(date, consequence));
		dialog.getFooter().add(cancel, ok);
		dialog.open();
	}

	/** バッチ取消: what is not sent, what becomes free, what to do with printed files; final. Needs a reason. */
	static void cancelBatch(Component owner, BatchSummary b, Consumer<String> confirmed) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(owner.getTranslation("mailings.cancel.title", b.id()));
		dialog.setWidth("36em");
		Paragraph consequence = new Paragraph(owner.getTranslation("mailings.cancel.consequence", b.envelopes(),
				b.bundlesWritten()));
		consequence.setId("mailing-cancel-consequence");
		TextArea reason = new TextArea(owner.getTranslation("mailings.cancel.reason"));
		reason.setId("mailing-cancel-reason");
		reason.setWidthFull();
		reason.setValueChangeMode(ValueChangeMode.EAGER);
		Button ok = new Button(owner.getTranslation("mailings.cancel.confirm"), e -> {
			dialog.close();
			confirmed.accept(reason.getValue());
		});
		ok.setId("mailing-cancel-confirm");
		ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
		ok.setEnabled(false);
		reason.addValueChangeListener(e -> ok.setEnabled(!e.getValue().isBlank()));
		Button back = new Button(owner.getTranslation("mailings.dialog.back"), e -> dialog.close());
		dialog.add(new VerticalLayout(consequence, reason));
		dialog.getFooter().add(back, ok);
		dialog.open();
	}

	/** 中止 of a running step: what is kept and how to go on. */
	static void stopJob(Component owner, MailingJobs.Step step, int bundlesWritten, Runnable confirmed) {
		ConfirmDialog dialog = new ConfirmDialog();
		dialog.setHeader(owner.getTranslation("mailings.stop.title", step.label()));
		dialog.setText(step == MailingJobs.Step.SELECT ? owner.getTranslation("mailings.stop.select")
				: owner.getTranslation("mailings.stop.print", bundlesWritten));
		dialog.setCancelable(true);
		dialog.setCancelText(owner.getTranslation("mailings.stop.continue"));
		dialog.setConfirmText(owner.getTranslation("mailings.stop.confirm"));
		dialog.setConfirmButtonTheme("error primary");
		dialog.addConfirmListener(e -> confirmed.run());
		dialog.setId("mailing-stop-dialog");
		dialog.open();
	}
}
