package jp.ikiiki.desk.calendar;

import jp.ikiiki.desk.shared.JapanTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one calendar of the centre, in Asia/Tokyo. The call centre is open on the city's open days (広島市役所の開庁日:
 * Monday–Friday, not a national holiday, not 12/29–1/3) from 8:30 until 17:15 (第6章1). Holidays are computed by
 * rule for 1980–2099; asking about a day outside that range throws
 * {@link jp.ikiiki.desk.shared.InvalidInputException} (a person can type such a month).
 * Thread-safe.
 */
public final class BusinessCalendar {

	/** Opening of the call centre (第6章1). */
	public static final LocalTime OPENS = LocalTime.of(8, 30);
	/** Closing of the call centre (第6章1), exclusive. */
	public static final LocalTime CLOSES = LocalTime.of(17, 15);

	private static final MonthDay YEAR_END_CLOSING = MonthDay.of(12, 29);
	private static final MonthDay NEW_YEAR_OPENING = MonthDay.of(1, 4);

	private final LocalTime halfDayBoundary;
	private final JapaneseHolidays holidays = new JapaneseHolidays();

	public BusinessCalendar(CalendarProperties properties) {
		this.halfDayBoundary = Objects.requireNonNull(properties.halfDayBoundary(), "halfDayBoundary");
	}

	/** Asia/Tokyo. */
	public ZoneId zone() {
		return JapanTime.ZONE;
	}

	/** 8:30, Asia/Tokyo. */
	public LocalTime opens() {
		return OPENS;
	}

	/** 17:15, Asia/Tokyo; the centre is closed from this instant on. */
	public LocalTime closes() {
		return CLOSES;
	}

	/** Where the morning ends and the afternoon begins ({@code ikiiki.calendar.half-day-boundary}, default 12:00). */
	public LocalTime halfDayBoundary() {
		return halfDayBoundary;
	}

	/** The day an instant falls on in Asia/Tokyo. */
	public LocalDate dateOf(Instant instant) {
		return instant.atZone(JapanTime.ZONE).toLocalDate();
	}

	/** True for a national holiday, a 振替休日 or a 国民の休日. */
	public boolean isHoliday(LocalDate date) {
		return holidays.of(date.getYear()).containsKey(date);
	}

	/** The holiday's name (e.g. 元日, 振替休日, 国民の休日), or empty on any other day. */
	public Optional<String> holidayName(LocalDate date) {
		return Optional.ofNullable(holidays.of(date.getYear()).get(date));
	}

	/** Every holiday of a year with its name, in date order. */
	public Map<LocalDate, String> holidays(int year) {
		return holidays.of(year);
	}

	/** True on the city's open days: Monday–Friday, not a holiday, not 12/29–1/3. */
	public boolean isOpenDay(LocalDate date) {
		DayOfWeek dow = date.getDayOfWeek();
		if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
			return false;
		}
		MonthDay md = MonthDay.from(date);
		if (!md.isBefore(YEAR_END_CLOSING) || md.isBefore(NEW_YEAR_OPENING)) {
			return false;
		}
		return !isHoliday(date);
	}

	/** True while the call centre takes calls: an open day and 8:30 ≤ local time &lt; 17:15. */
	public boolean isOpenAt(Instant instant) {
		ZonedDateTime t = instant.atZone(JapanTime.ZONE);
		LocalTime time = t.toLocalTime();
		return isOpenDay(t.toLocalDate()) && !time.isBefore(OPENS) && time.isBefore(CLOSES);
	}

	/** The half-day an instant falls in (by time of day alone, open or not). */
	public HalfDay halfDayOf(Instant instant) {
		ZonedDateTime t = instant.atZone(JapanTime.ZONE);
		return new HalfDay(t.toLocalDate(),
				t.toLocalTime().isBefore(halfDayBoundary) ? HalfDay.Half.AM : HalfDay.Half.PM);
	}

	/** When a half-day begins for the call centre: the opening (AM) or the half-day boundary (PM). */
	public Instant startOf(HalfDay halfDay) {
		LocalTime time = halfDay.half() == HalfDay.Half.AM ? OPENS : halfDayBoundary;
		return halfDay.date().atTime(time).atZone(JapanTime.ZONE).toInstant();
	}

	/** When a half-day ends for the call centre: the half-day boundary (AM) or the closing (PM). */
	public Instant endOf(HalfDay halfDay) {
		LocalTime time = halfDay.half() == HalfDay.Half.AM ? halfDayBoundary : CLOSES;
		return halfDay.date().atTime(time).atZone(JapanTime.ZONE).toInstant();
	}

	/**
	 * The first opening, half-day boundary or closing of an open day strictly after an instant: the next moment at
	 * which {@link #isOpenAt} or the open half-day changes.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException when the search runs past 2099
	 */
	public Instant nextBoundaryAfter(Instant instant) {
		LocalDate day = dateOf(instant);
		for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
			if (!isOpenDay(day)) {
				continue;
			}
			for (LocalTime time : List.of(OPENS, halfDayBoundary, CLOSES)) {
				Instant candidate = day.atTime(time).atZone(JapanTime.ZONE).toInstant();
				if (candidate.isAfter(instant)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("no open day within 400 days after " + instant);
	}

	/** The open days of a month, in order. */
	public List<LocalDate> openDays(YearMonth month) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			if (isOpenDay(d)) {
				days.add(d);
			}
		}
		return days;
	}

	/** The business year (事業年度, 1 September–31 August) a day belongs to, named by the year it begins in. */
	public int businessYearOf(LocalDate date) {
		return date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
	}

	/** The fiscal year (年度, April–March) a day belongs to, named by the year it begins in (令和8年度 = 2026). */
	public int fiscalYearOf(LocalDate date) {
		return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
	}

	/** The twelve months of a fiscal year, April to March. */
	public List<YearMonth> monthsOfFiscalYear(int fiscalYear) {
		List<YearMonth> months = new ArrayList<>(12);
		YearMonth m = YearMonth.of(fiscalYear, Month.APRIL);
		for (int i = 0; i < 12; i++, m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}
}
