package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * A date field that accepts what people type in either form — 2026/9/1, 20260901, R8.9.1, 令和8年9月1日,
 * 昭和15年3月2日 (see {@link JapaneseDates#parse}) — and shows, under the field, the date it read in both forms, so
 * that a mistyped era is seen at once. For dates such as birth dates that people know in 和暦; elsewhere a
 * {@link DatePicker} configured by {@link #japanese(DatePicker)} does.
 *
 * <p>An unreadable text leaves the value empty and the field invalid with the reason.
 */
public class JapaneseDateField extends CustomField<LocalDate> {

	private final TextField text = new TextField();

	public JapaneseDateField(String label) {
		setLabel(label);
		text.setPlaceholder("2026/9/1・令和8年9月1日");
		text.setClearButtonVisible(true);
		text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
		text.addValueChangeListener(e -> {
			updateValue();
			showRead();
		});
		text.setWidthFull();
		add(text);
	}

	@Override
	protected LocalDate generateModelValue() {
		return JapaneseDates.tryParse(text.getValue());
	}

	@Override
	protected void setPresentationValue(LocalDate date) {
		text.setValue(date == null ? "" : JapaneseDates.toWestern(date));
		showRead();
	}

	/** The text as typed, for a refusal message. */
	public String typedText() {
		return text.getValue();
	}

	private void showRead() {
		String typed = text.getValue();
		if (typed == null || typed.isBlank()) {
			setInvalid(false);
			setHelperText(null);
			return;
		}
		try {
			LocalDate date = JapaneseDates.parse(typed);
			setInvalid(false);
			setHelperText(JapaneseDates.toBoth(date));
		} catch (IllegalArgumentException e) {
			setHelperText(null);
			setErrorMessage(e.getMessage());
			setInvalid(true);
		}
	}

	/**
	 * Makes a stock date picker Japanese: month and weekday names, Sunday first, 今日/キャンセル, the western form
	 * shown as 2026/9/1 and typed as 2026/9/1, 2026-09-01 or 20260901.
	 *
	 * @return the picker, for chaining
	 */
	public static DatePicker japanese(DatePicker picker) {
		var i18n = new DatePicker.DatePickerI18n();
		i18n.setMonthNames(List.of("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"));
		i18n.setWeekdays(List.of("日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"));
		i18n.setWeekdaysShort(List.of("日", "月", "火", "水", "木", "金", "土"));
		i18n.setFirstDayOfWeek(0);
		i18n.setToday("今日");
		i18n.setCancel("キャンセル");
		i18n.setDateFormats("yyyy/M/d", "yyyy-MM-dd", "yyyyMMdd", "yyyy.M.d");
		i18n.setBadInputErrorMessage("日付の形式が分かりません（例: 2026/9/1）");
		i18n.setRequiredErrorMessage("日付を入力してください");
		i18n.setMinErrorMessage("この日付より前は選べません");
		i18n.setMaxErrorMessage("この日付より後は選べません");
		picker.setI18n(i18n);
		picker.setLocale(java.util.Locale.JAPAN);
		return picker;
	}
}
