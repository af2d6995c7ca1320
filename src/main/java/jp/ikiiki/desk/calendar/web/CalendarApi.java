package jp.ikiiki.desk.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The city's open days of a month, for any signed-in role (the API chain admits only authenticated users). */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "calendar", description = "開庁日 (the city's open days) and holidays, Asia/Tokyo")
class CalendarApi {

	private final BusinessCalendar calendar;

	CalendarApi(BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * @param date    the day
	 * @param open    true on an open day (the call centre takes calls 8:30–17:15)
	 * @param holiday the holiday's name, or null
	 */
	record Day(LocalDate date, boolean open, String holiday) {
	}

	/**
	 * @param openDays how many open days the month has
	 * @param days     every day of the month
	 */
	record Month(int openDays, List<Day> days) {
	}

	/**
	 * An unreadable month is a 400 naming the parameter; a month outside 1980–2099 (the years the holidays are
	 * computed for) a 422 with the range (both from the API's one error advice).
	 */
	@GetMapping("/{month}")
	@Operation(summary = "Open days and holidays of a month (yyyy-MM, 1980-01 to 2099-12)")
	Month month(@PathVariable("month") YearMonth ym) {
		calendar.holidays(ym.getYear()); // refuses a year outside the computed range, whatever the weekdays
		List<Day> days = new ArrayList<>();
		int open = 0;
		for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
			boolean isOpen = calendar.isOpenDay(d);
			open += isOpen ? 1 : 0;
			days.add(new Day(d, isOpen, calendar.holidayName(d).orElse(null)));
		}
		return new Month(open, days);
	}
}
