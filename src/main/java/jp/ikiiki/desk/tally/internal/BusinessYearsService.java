package jp.ikiiki.desk.tally.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import jp.ikiiki.desk.tally.TallyProperties;
import jp.ikiiki.desk.tally.TallyProperties.YearSettings;
import jp.ikiiki.desk.tally.YearStanding;
import org.springframework.stereotype.Component;

/**
 * The open business years from {@code ikiiki.tally} and the contract's rules for the dates not configured: booklet
 * deadline 31 March after the year ends (第7章1(2)), notices from the February after it begins (第8章2), payments
 * every month from May after it begins to May after it ends (第7章1(5)).
 */
@Component
class BusinessYearsService implements BusinessYears {

	private final TallyProperties properties;
	private final BusinessCalendar calendar;
	private final TallyClock clock;

	BusinessYearsService(TallyProperties properties, BusinessCalendar calendar, TallyClock clock) {
		this.properties = properties;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public List<BusinessYear> open() {
		List<Integer> years = properties.openYears();
		if (years.isEmpty()) {
			int fiscal = calendar.fiscalYearOf(today());
			years = List.of(fiscal - 2, fiscal - 1, fiscal);
		}
		var open = new ArrayList<BusinessYear>(years.size());
		YearStanding[] standings = YearStanding.values();
		for (int i = 0; i < years.size(); i++) {
			// The newest is 新, the one before 旧, the one before that 旧々.
			YearStanding standing = standings[standings.length - years.size() + i];
			open.add(of(years.get(i), standing, properties.settingsOf(years.get(i))));
		}
		return List.copyOf(open);
	}

	static BusinessYear of(int year, YearStanding standing, YearSettings settings) {
		LocalDate deadline = settings.deadline() != null ? settings.deadline() : LocalDate.of(year + 2, 3, 31);
		YearMonth noticesFrom = settings.firstNoticeMonth() != null ? settings.firstNoticeMonth()
				: YearMonth.of(year + 1, 2);
		List<YearMonth> payments = settings.months();
		if (payments == null) {
			var months = new ArrayList<YearMonth>();
			for (YearMonth m = YearMonth.of(year + 1, 5); !m.isAfter(YearMonth.of(year + 2, 5)); m = m.plusMonths(1)) {
				months.add(m);
			}
			payments = months;
		}
		return new BusinessYear(year, standing, BusinessYear.startOf(year), BusinessYear.endOf(year), deadline,
				noticesFrom, payments);
	}

	@Override
	public Optional<BusinessYear> find(int year) {
		return open().stream().filter(y -> y.year() == year).findFirst();
	}

	@Override
	public BusinessYear require(int year) {
		return find(year).orElseThrow(() -> new InvalidInputException("年度", BusinessYear.labelOf(year)
				+ "（" + year + "年度）は受付中の事業年度ではありません（受付中: " + openLabels() + "）"));
	}

	private String openLabels() {
		return String.join("、", open().stream().map(BusinessYear::labelWithStanding).toList());
	}

	@Override
	public int yearOf(LocalDate date) {
		return calendar.businessYearOf(date);
	}

	@Override
	public LocalDate today() {
		return clock.today();
	}
}
