package jp.ikiiki.desk.agentdesk.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.reports.ReportContribution;
import org.springframework.stereotype.Component;

/**
 * 問合せ区分別件数 in the daily report and monthly summary (第6章1(4): the calls classified): the closed call log
 * entries of the days per category, every category shown even at zero (retired ones only if they have calls), as
 * the parts that add up to the section's total, and how many of them were manual entries (logged without
 * telephony) as a subset of that total, never added to it.
 */
@Component
class CategoryContribution implements ReportContribution {

	static final String MANUAL = "うち手動記録（電話システム外）";
	static final String UNCATEGORISED = "区分なし";

	private final JdbcInquiryCategories categories;
	private final CallLogStore store;

	CategoryContribution(JdbcInquiryCategories categories, CallLogStore store) {
		this.categories = categories;
		this.store = store;
	}

	@Override
	public String key() {
		return "categories";
	}

	@Override
	public String title() {
		return "問合せ区分別件数";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public List<ReportLine> lines(LocalDate from, LocalDate to) {
		List<CallLogStore.CategoryCount> closed = store.countsByCategory(from, to, false);
		Map<Long, Long> all = counts(closed);
		List<InquiryCategory> list = categories.list();
		List<ReportLine> lines = new ArrayList<>();
		for (InquiryCategory c : list) {
			boolean hasChildren = list.stream().anyMatch(k -> k.parentId() != null && k.parentId() == c.id());
			long n = all.getOrDefault(c.id(), 0L);
			// A first-level category with children is a heading; calls logged on it before it had children still count.
			if (hasChildren && n == 0 || !c.active() && n == 0) {
				continue;
			}
			// Every closed entry has exactly one category: the categories are the parts of the whole.
			lines.add(new ReportLine.Part(c.parentId() == null ? null : c.parentName(), c.name(), n));
		}
		// The desk refuses to close an entry without a category; should one exist all the same, it is still counted.
		long uncategorised = closed.stream().filter(c -> c.categoryId() == null)
				.mapToLong(CallLogStore.CategoryCount::count).sum();
		if (uncategorised > 0) {
			lines.add(ReportLine.part(UNCATEGORISED, uncategorised));
		}
		long manual = store.countsByCategory(from, to, true).stream().mapToLong(CallLogStore.CategoryCount::count).sum();
		lines.add(ReportLine.subset(MANUAL, manual));
		return lines;
	}

	private static Map<Long, Long> counts(List<CallLogStore.CategoryCount> counts) {
		return counts.stream().filter(c -> c.categoryId() != null)
				.collect(Collectors.toMap(CallLogStore.CategoryCount::categoryId, CallLogStore.CategoryCount::count));
	}
}
