package jp.ikiiki.desk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import jp.ikiiki.desk.shared.InvalidInputException;

/**
 * Japanese public holidays (国民の祝日に関する法律) computed by rule for 1980–2099: fixed days, Happy Monday days,
 * the equinoxes by the usual approximation (valid 1980–2099), the changes of 2000/2003/2007/2016/2019/2020, the
 * Olympic moves of 2020 and 2021, imperial one-off days, 振替休日 (Art. 3(2)) and 国民の休日 (Art. 3(3)).
 */
final class JapaneseHolidays {

	static final int FIRST_YEAR = 1980;
	static final int LAST_YEAR = 2099;

	static final String SUBSTITUTE = "振替休日";
	static final String CITIZENS = "国民の休日";

	private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

	/** Every holiday of the year with its name, in date order. */
	Map<LocalDate, String> of(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			// a person can ask for such a day (a month typed into the API), so this is a refusal, not a fault
			throw new InvalidInputException("日付は " + FIRST_YEAR + "年〜" + LAST_YEAR + "年 の範囲で指定してください（"
					+ year + "年）");
		}
		return byYear.computeIfAbsent(year, JapaneseHolidays::compute);
	}

	private static Map<LocalDate, String> compute(int y) {
		TreeMap<LocalDate, String> days = new TreeMap<>();
		days.put(LocalDate.of(y, 1, 1), "元日");
		days.put(y < 2000 ? LocalDate.of(y, 1, 15) : nthMonday(y, Month.JANUARY, 2), "成人の日");
		days.put(LocalDate.of(y, 2, 11), "建国記念の日");
		if (y >= 2020) {
			days.put(LocalDate.of(y, 2, 23), "天皇誕生日");
		}
		days.put(LocalDate.of(y, 3, vernalEquinoxDay(y)), "春分の日");
		days.put(LocalDate.of(y, 4, 29), y <= 1988 ? "天皇誕生日" : y <= 2006 ? "みどりの日" : "昭和の日");
		days.put(LocalDate.of(y, 5, 3), "憲法記念日");
		if (y >= 2007) {
			days.put(LocalDate.of(y, 5, 4), "みどりの日");
		}
		days.put(LocalDate.of(y, 5, 5), "こどもの日");
		if (y == 2020) {
			days.put(LocalDate.of(y, 7, 23), "海の日");
		} else if (y == 2021) {
			days.put(LocalDate.of(y, 7, 22), "海の日");
		} else if (y >= 2003) {
			days.put(nthMonday(y, Month.JULY, 3), "海の日");
		} else if (y >= 1996) {
			days.put(LocalDate.of(y, 7, 20), "海の日");
		}
		if (y == 2020) {
			days.put(LocalDate.of(y, 8, 10), "山の日");
		} else if (y == 2021) {
			days.put(LocalDate.of(y, 8, 8), "山の日");
		} else if (y >= 2016) {
			days.put(LocalDate.of(y, 8, 11), "山の日");
		}
		days.put(y < 2003 ? LocalDate.of(y, 9, 15) : nthMonday(y, Month.SEPTEMBER, 3), "敬老の日");
		days.put(LocalDate.of(y, 9, autumnalEquinoxDay(y)), "秋分の日");
		if (y == 2020) {
			days.put(LocalDate.of(y, 7, 24), "スポーツの日");
		} else if (y == 2021) {
			days.put(LocalDate.of(y, 7, 23), "スポーツの日");
		} else if (y >= 2020) {
			days.put(nthMonday(y, Month.OCTOBER, 2), "スポーツの日");
		} else if (y >= 2000) {
			days.put(nthMonday(y, Month.OCTOBER, 2), "体育の日");
		} else {
			days.put(LocalDate.of(y, 10, 10), "体育の日");
		}
		days.put(LocalDate.of(y, 11, 3), "文化の日");
		days.put(LocalDate.of(y, 11, 23), "勤労感謝の日");
		if (y >= 1989 && y <= 2018) {
			days.put(LocalDate.of(y, 12, 23), "天皇誕生日");
		}
		oneOffs(y, days);

		// Only 国民の祝日 count as neighbours for 国民の休日 and as the origin of 振替休日.
		Map<LocalDate, String> national = new TreeMap<>(days);
		for (LocalDate d : national.keySet()) {
			if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
				// Art. 3(2): from 2007 the nearest following day that is not a 国民の祝日; before, the Monday.
				LocalDate sub = d.plusDays(1);
				if (y >= 2007) {
					while (national.containsKey(sub)) {
						sub = sub.plusDays(1);
					}
				}
				if (!national.containsKey(sub) && sub.getYear() == y) {
					days.put(sub, SUBSTITUTE);
				}
			}
		}
		if (y >= 1986) {
			for (LocalDate d : national.keySet()) {
				LocalDate between = d.plusDays(1);
				// Art. 3(3): a day between two 国民の祝日; before 2007 not a Sunday nor a 振替休日.
				if (national.containsKey(between.plusDays(1)) && !days.containsKey(between)
						&& (y >= 2007 || between.getDayOfWeek() != DayOfWeek.SUNDAY)) {
					days.put(between, CITIZENS);
				}
			}
		}
		return Collections.unmodifiableMap(days);
	}

	private static void oneOffs(int y, Map<LocalDate, String> days) {
		switch (y) {
			case 1989 -> days.put(LocalDate.of(1989, 2, 24), "昭和天皇の大喪の礼");
			case 1990 -> days.put(LocalDate.of(1990, 11, 12), "即位礼正殿の儀");
			case 1993 -> days.put(LocalDate.of(1993, 6, 9), "皇太子徳仁親王の結婚の儀");
			case 2019 -> {
				days.put(LocalDate.of(2019, 5, 1), "天皇の即位の日");
				days.put(LocalDate.of(2019, 10, 22), "即位礼正殿の儀");
			}
			default -> {
			}
		}
	}

	/** 春分日 by the approximation published for 1980–2099. */
	static int vernalEquinoxDay(int y) {
		return (int) Math.floor(20.8431 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4.0));
	}

	/** 秋分日 by the approximation published for 1980–2099. */
	static int autumnalEquinoxDay(int y) {
		return (int) Math.floor(23.2488 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4.0));
	}

	private static LocalDate nthMonday(int year, Month month, int n) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
	}
}
