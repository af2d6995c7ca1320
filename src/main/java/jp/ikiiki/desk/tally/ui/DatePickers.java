package jp.ikiiki.desk.tally.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.List;

/** The date picker in Japanese, dates as 2026/4/10. */
final class DatePickers {

	private DatePickers() {
	}

	static DatePicker.DatePickerI18n japanese() {
		var i18n = new DatePicker.DatePickerI18n();
		i18n.setMonthNames(List.of("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"));
		i18n.setWeekdays(List.of("日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"));
		i18n.setWeekdaysShort(List.of("日", "月", "火", "水", "木", "金", "土"));
		i18n.setFirstDayOfWeek(0);
		i18n.setToday("今日");
		i18n.setCancel("取消");
		i18n.setDateFormats("yyyy/M/d", "yyyy-MM-dd", "yyyyMMdd");
		return i18n;
	}
}
