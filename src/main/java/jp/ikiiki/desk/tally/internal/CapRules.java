package jp.ikiiki.desk.tally.internal;

import java.util.List;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyProperties;
import jp.ikiiki.desk.tally.TallyProperties.CapRule;
import jp.ikiiki.desk.tally.YearPoints;

/**
 * The cap (上限ポイント, 別紙3 col 74) and the year's figures. The base cap is lowered for subjects who also receive
 * other support, by the city's published rules kept in {@code ikiiki.tally.cap-rules} (by default 75 P with the
 * transport subsidy and 要支援, 50 P with the subsidy and 要介護, 40 P with the 障害者 transport aid); the lowest cap
 * whose every condition holds applies.
 */
public final class CapRules {

	private final int baseCap;
	private final int yenPerPoint;
	private final List<CapRule> rules;

	public CapRules(TallyProperties properties) {
		this(properties.baseCap(), properties.yenPerPoint(), properties.capRules());
	}

	CapRules(int baseCap, int yenPerPoint, List<CapRule> rules) {
		this.baseCap = baseCap;
		this.yenPerPoint = yenPerPoint;
		this.rules = List.copyOf(rules);
	}

	/**
	 * The cap and the rule that set it.
	 *
	 * @param points the cap
	 * @param rule   the rule's name; null for the base cap
	 */
	public record Cap(int points, String rule) {
	}

	/**
	 * The cap for a subject's 別紙3 values (null where the record is blank: a blank never meets a condition).
	 *
	 * @param transportSubsidy         交通助成 (col 14)
	 * @param careLevel                要介護認定状態 (col 21), as the import normalises it
	 * @param disabledTransportSubsidy 障害者交通助成 (col 25)
	 */
	public Cap capFor(Boolean transportSubsidy, String careLevel, Boolean disabledTransportSubsidy) {
		Cap cap = new Cap(baseCap, null);
		for (CapRule rule : rules) {
			if (applies(rule, transportSubsidy, careLevel, disabledTransportSubsidy) && rule.cap() < cap.points()) {
				cap = new Cap(rule.cap(), rule.name());
			}
		}
		return cap;
	}

	private static boolean applies(CapRule rule, Boolean transportSubsidy, String careLevel,
			Boolean disabledTransportSubsidy) {
		if (rule.transportSubsidy() != null && !rule.transportSubsidy().equals(transportSubsidy)) {
			return false;
		}
		if (rule.disabledTransportSubsidy() != null && !rule.disabledTransportSubsidy().equals(disabledTransportSubsidy)) {
			return false;
		}
		return rule.careLevels().isEmpty() || careLevel != null && rule.careLevels().contains(careLevel.strip());
	}

	/**
	 * A subject's year from the summed verified counts and the cap.
	 *
	 * @param counts           verified stamps over the year's verified booklets ({@link StampCounts#ZERO} if none)
	 * @param booklets         booklets of the year received
	 * @param verifiedBooklets of them, verified
	 */
	public YearPoints yearPoints(String addressNumber, int businessYear, StampCounts counts, Cap cap, int booklets,
			int verifiedBooklets) {
		int total = counts.points();
		int credited = Math.min(total, cap.points());
		YearPoints.State state = booklets == 0 ? YearPoints.State.NONE
				: verifiedBooklets == booklets ? YearPoints.State.VERIFIED : YearPoints.State.IN_PROGRESS;
		return new YearPoints(addressNumber, businessYear, counts, total, cap.points(), cap.rule(), credited,
				total - credited, (long) credited * yenPerPoint, state, booklets, verifiedBooklets);
	}
}
